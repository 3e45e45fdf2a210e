"""Wiring: turn a vault folder into ready services for the CLI and the GUI.

Both front ends call exactly these functions, so what the CLI tests prove about import,
export and search is what the GUI does too.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir

from desktop.errors import AuthError, UsageError
from desktop.vault.vault import UnlockedVault, Vault, VaultKind
from desktop.vault.vaultfile import atomic_write, is_inside

if TYPE_CHECKING:
    from desktop.store.cases import WriteResult
    from desktop.store.database import Store

# The store (SQLAlchemy, the models, the importers: ~45 MiB) is imported only once the key
# is derived: Argon2 takes 256 MiB for a moment, and a CLI process that had loaded
# everything first peaked at ~330 MiB (e.g. ``sync import``, target 300 MiB).

VAULT_ENV = "TESTIMONY_DESK_VAULT"


def default_vault_dir() -> Path:
    env = os.environ.get(VAULT_ENV)
    if env:
        return Path(env)
    return Path(user_data_dir("testimony-desk", appauthor=False)) / "vault"


@dataclass
class Session:
    """An unlocked vault and its store; ``lock`` forgets the keys and closes the database."""

    vault: Vault
    unlocked: UnlockedVault
    store: Store
    # What ``restrict_permissions`` narrowed at unlock (the front ends tell the user).
    permission_fixes: list[str] = field(default_factory=list)

    def lock(self) -> None:
        self.store.close()
        self.unlocked.lock()

    # ------------------------------------------------------------------ case work
    def import_files(self, paths: Sequence[Path]) -> WriteResult:
        """Import every file in ONE transaction: all files valid and stored, or nothing.

        Files are parsed in a helper process while earlier ones are stored (see
        ``desktop.interchange.parallel``). In the rare case where a generated reference
        clashes with one a later file brings, everything is stored again in one ``save``
        (that transaction was rolled back), which knows every reference in advance.
        """
        from desktop.interchange.parallel import parsed_files
        from desktop.store.cases import ReferenceClash

        files = [Path(p) for p in paths]
        source = ", ".join(str(p) for p in files)
        try:
            # Each batch names its file: a refused reference points at the right file.
            return self.store.cases.save_batches(parsed_files(files))
        except ReferenceClash:
            from desktop.interchange.case_json import load_case_files
            from desktop.store.cases import collector_paused

            with collector_paused():
                docs = load_case_files(files)
            return self.store.cases.save(docs, source=source)

    def export_to(self, out: Path, fmt: str = "json", *, redact: bool = False) -> int:
        """Write every case to ``out`` — a plaintext file the user asked for, mode 0600."""
        from desktop.interchange.case_csv import dump_csv
        from desktop.interchange.case_json import dump_cases, redact_case

        out = Path(out)
        if is_inside(out, self.vault.folder):
            raise UsageError("refusing to write an export inside the vault folder")
        docs: list[dict[str, Any]] = list(self.store.cases.documents())
        if redact:
            docs = [redact_case(d) for d in docs]
        if fmt == "csv":
            data = dump_csv(docs)
        elif fmt in ("json", "jsonl"):
            data = dump_cases(docs, "jsonl" if fmt == "jsonl" else "json")
        else:
            raise UsageError(f"unknown export format {fmt!r}: use json or csv")
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, data)
        return len(docs)


def create_vault(
    folder: Path,
    passphrase: str,
    *,
    hq: bool = False,
    name: str | None = None,
    db_url: str | None = None,
) -> tuple[Session, str]:
    """Create keys, database and header (header last); return the session and recovery key."""
    holder: dict[str, Store] = {}

    def init_store(unlocked: UnlockedVault) -> None:
        from desktop.store.database import create_store

        holder["store"] = create_store(unlocked, name=name)

    vault_kind = VaultKind.HQ if hq else VaultKind.FIELD
    try:
        unlocked, recovery = Vault.create(
            folder, passphrase, kind=vault_kind, db_url=db_url, initialize_store=init_store
        )
    except BaseException:
        if "store" in holder:
            holder["store"].close()
        raise
    session = Session(Vault(folder), unlocked, holder["store"])
    # The sync identity (Ed25519 + age) is made at init; older vaults get one on first need.
    from desktop.sync.identity import load_identity

    try:
        load_identity(session)
    except BaseException:
        session.lock()
        raise
    return session, recovery


def unlock(
    folder: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = False,
    check: bool = True,
) -> Session:
    from desktop.hardening import restrict_permissions

    vault = Vault(folder)
    unlocked: UnlockedVault | None = None
    if use_keyring:
        unlocked = vault.unlock_keyring()
    if unlocked is None and recovery_key is not None:
        unlocked = vault.unlock_recovery(recovery_key)
    if unlocked is None and passphrase is not None:
        unlocked = vault.unlock_passphrase(passphrase)
    if unlocked is None:
        raise AuthError("the vault is locked: a passphrase or recovery key is needed")
    # Opening the store imports SQLAlchemy and the models: objects that live as long as the
    # process. The cyclic collector walked them again and again while they were being made
    # (about 50 ms of a GUI start, docs/performance.md); reference counting works as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from desktop.store.database import open_store

        store = open_store(unlocked, check=check)
    except BaseException:
        unlocked.lock()
        raise
    finally:
        if collecting:
            gc.enable()
    # Only once the vault has opened (right key, authentic database): a wrong passphrase or
    # a refused vault leaves every file exactly as it was, modes included.
    fixes = restrict_permissions(Path(folder))
    return Session(vault, unlocked, store, fixes)


def erase(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        Vault(folder).erase()
