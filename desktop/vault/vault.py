"""The vault: key slots around one master key, unlock, passphrase change, erase.

Design (DESIGN §4): a random 256-bit master key never leaves memory unwrapped. Each key
slot wraps it with AES-256-GCM under a key-encryption key derived from one secret
(passphrase → Argon2id, recovery code → HKDF, keyring secret → HKDF); the slot's own
header is the associated data, so parameters cannot be swapped or downgraded silently.
Sub-keys for the database, blobs and the header MAC come from HKDF on the master key, so
changing the passphrase only rewraps and never touches the database.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop.errors import AuthError, IntegrityError, TestimonyDeskError, UsageError
from desktop.vault import crypto, keyring_slot
from desktop.vault.backoff import Backoff
from desktop.vault.recovery import format_recovery_code, new_recovery_secret, parse_recovery_code
from desktop.vault.vaultfile import (
    BLOB_DIR,
    DB_FILE,
    FORMAT,
    VAULT_FILE,
    canonical_json,
    overwrite_in_place,
    read_header,
    write_header,
)

MIN_PASSPHRASE_CHARS = 12
ARGON2_MEMORY_ENV = "TESTIMONY_DESK_ARGON2_MEMORY_KIB"

_INFO_DB = "testimony-desk/v1/sqlcipher"
_INFO_BLOBS = "testimony-desk/v1/blobs"
_INFO_HEADER = "testimony-desk/v1/header-mac"
_INFO_SECRETS = "testimony-desk/v1/header-secrets"
_INFO_RECOVERY = "testimony-desk/v1/recovery-slot"
_INFO_KEYRING = "testimony-desk/v1/keyring-slot"


class VaultKind(StrEnum):
    FIELD = "field"
    HQ = "hq"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise IntegrityError("the vault header is damaged or was altered")
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise IntegrityError("the vault header is damaged or was altered") from exc
    # Only the canonical spelling is accepted: the unused low bits of the last character
    # can otherwise change (a one-bit edit of the file) without changing the bytes, and an
    # edit of the header MAC itself would then go unnoticed.
    if _b64(data) != text:
        raise IntegrityError("the vault header is damaged or was altered")
    return data


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC so that the same passphrase typed through different input methods matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise UsageError(
            f"the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters; "
            "several unrelated words are easy to remember and hard to guess"
        )


def default_argon2_params() -> crypto.Argon2Params:
    """Default cost; tests and benchmarks may lower memory, never below the floor."""
    raw = os.environ.get(ARGON2_MEMORY_ENV)
    if raw and raw.isdigit():
        return crypto.Argon2Params(memory_kib=max(int(raw), crypto.FLOOR_MEMORY_KIB))
    return crypto.Argon2Params()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class UnlockedVault:
    """The master key in memory plus what the store needs to open the database.

    Python cannot guarantee that copies of a key are wiped; ``lock`` zeroes the buffer we
    own and drops references, which is the best an interpreter allows.
    """

    folder: Path
    vault_id: str
    kind: VaultKind
    _master: bytearray = field(repr=False)
    _secrets: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def db_path(self) -> Path:
        return self.folder / DB_FILE

    @property
    def blob_dir(self) -> Path:
        return self.folder / BLOB_DIR

    def _key(self) -> bytes:
        if not any(self._master):
            raise AuthError("the vault is locked")
        return bytes(self._master)

    def subkey(self, info: str) -> bytes:
        return crypto.hkdf(self._key(), info)

    @property
    def db_key(self) -> bytes:
        return self.subkey(_INFO_DB)

    @property
    def blob_key(self) -> bytes:
        return self.subkey(_INFO_BLOBS)

    @property
    def db_url(self) -> str | None:
        """An HQ store on PostgreSQL; kept sealed in vault.json since it may hold a password."""
        url = self._secrets.get("db_url")
        return url if isinstance(url, str) else None

    def sealed_secret(self, key: str) -> Any:
        """A value kept in the sealed secrets of vault.json (None when absent)."""
        return self._secrets.get(key)

    @property
    def is_locked(self) -> bool:
        return not any(self._master)

    def lock(self) -> None:
        for i in range(len(self._master)):
            self._master[i] = 0
        self._secrets.clear()


class Vault:
    """A vault folder, locked until one of its key slots is opened."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._backoff = Backoff(self.folder)

    # ------------------------------------------------------------------ inspection
    def exists(self) -> bool:
        return (self.folder / VAULT_FILE).exists()

    def _header(self) -> dict[str, Any]:
        try:
            header = read_header(self.folder)
        except FileNotFoundError:
            if (self.folder / DB_FILE).exists():
                raise IntegrityError(
                    "the vault header (vault.json) is missing: the vault cannot be opened"
                ) from None
            raise UsageError(
                f"no vault in {self.folder}; create one with 'testimony-desk init'"
            ) from None
        # Every unlock path reads the vault id; a damaged key name must be exit 5, not a
        # KeyError surfacing as "unexpected failure".
        if not isinstance(header.get("vault_id"), str):
            raise IntegrityError("the vault header is damaged or was altered")
        return header

    def kind(self) -> VaultKind:
        try:
            return VaultKind(str(self._header().get("kind")))
        except ValueError as exc:
            raise IntegrityError("the vault header is damaged or was altered") from exc

    def slot_types(self) -> list[str]:
        return [str(s.get("type")) for s in self._slots(self._header())]

    def retry_after(self) -> float:
        """Seconds before another passphrase/recovery attempt is accepted."""
        return self._backoff.remaining()

    @property
    def failed_attempts(self) -> int:
        return self._backoff.failures

    # ------------------------------------------------------------------ creation
    @classmethod
    def create(
        cls,
        folder: Path | str,
        passphrase: str,
        *,
        kind: VaultKind = VaultKind.FIELD,
        db_url: str | None = None,
        argon2: crypto.Argon2Params | None = None,
        initialize_store: Callable[[UnlockedVault], None] | None = None,
    ) -> tuple[UnlockedVault, str]:
        """Create the folder, keys and slots; return the open vault and the recovery code.

        ``initialize_store`` creates the database while the header is not yet written, so a
        failure leaves no half-made vault that looks valid: vault.json is written last.
        """
        check_new_passphrase(passphrase)
        folder = Path(folder)
        if (folder / VAULT_FILE).exists() or (folder / DB_FILE).exists():
            raise UsageError(f"a vault already exists in {folder}")
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        (folder / BLOB_DIR).mkdir(exist_ok=True, mode=0o700)

        vault_id = str(uuid.uuid4())
        master = bytearray(crypto.random_bytes(crypto.KEY_BYTES))
        recovery_secret = new_recovery_secret()
        params = argon2 or default_argon2_params()
        slots = [
            _passphrase_slot(vault_id, bytes(master), passphrase, params),
            _secret_slot(vault_id, bytes(master), "recovery", recovery_secret, _INFO_RECOVERY),
        ]
        header: dict[str, Any] = {
            "format": FORMAT,
            "vault_id": vault_id,
            "kind": kind.value,
            "created": _now(),
            "store": "postgresql" if db_url else "sqlcipher",
            "slots": slots,
        }
        secrets: dict[str, Any] = {}
        if db_url:
            secrets["db_url"] = db_url
            header["sealed"] = _seal_secrets(vault_id, bytes(master), secrets)
        unlocked = UnlockedVault(folder, vault_id, kind, master, dict(secrets))
        try:
            if initialize_store is not None:
                initialize_store(unlocked)
            _sign_and_write(folder, header, bytes(master))
        except BaseException:
            with contextlib.suppress(OSError):
                for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"):
                    (folder / name).unlink(missing_ok=True)
            raise
        return unlocked, format_recovery_code(recovery_secret)

    # ------------------------------------------------------------------ unlock
    def unlock_passphrase(self, passphrase: str) -> UnlockedVault:
        header = self._header()
        self._check_backoff()
        secret = normalize_passphrase(passphrase)
        for slot in self._slots(header, "passphrase"):
            params = _argon2_params(slot)
            kek = crypto.argon2id(secret, _unb64(slot["kdf"].get("salt")), params)
            master = _try_unwrap(header["vault_id"], slot, kek)
            if master is not None:
                return self._opened(header, master)
        self._failed()
        raise AuthError("wrong passphrase")

    def unlock_recovery(self, code: str) -> UnlockedVault:
        header = self._header()
        self._check_backoff()
        secret = parse_recovery_code(code)
        for slot in self._slots(header, "recovery"):
            kek = crypto.hkdf(secret, _INFO_RECOVERY, salt=_unb64(slot["kdf"].get("salt")))
            master = _try_unwrap(header["vault_id"], slot, kek)
            if master is not None:
                return self._opened(header, master)
        self._failed()
        raise AuthError("wrong recovery key")

    def unlock_keyring(self) -> UnlockedVault | None:
        """Open with the remembered secret, or return None when nothing is remembered."""
        header = self._header()
        slots = self._slots(header, "keyring")
        if not slots:
            return None
        secret = keyring_slot.load_secret(str(header["vault_id"]))
        if secret is None:
            return None
        for slot in slots:
            kek = crypto.hkdf(secret, _INFO_KEYRING, salt=_unb64(slot["kdf"].get("salt")))
            master = _try_unwrap(header["vault_id"], slot, kek)
            if master is not None:
                return self._opened(header, master)
        return None

    def _check_backoff(self) -> None:
        wait = self._backoff.remaining()
        if wait > 0:
            raise AuthError(f"too many failed attempts: try again in {int(wait + 0.999)} s")

    def _failed(self) -> None:
        self._backoff.record_failure()

    def _opened(self, header: dict[str, Any], master: bytes) -> UnlockedVault:
        expected = crypto.mac(crypto.hkdf(master, _INFO_HEADER), _mac_input(header))
        if not crypto.mac_equal(expected, _unb64(header.get("mac"))):
            raise IntegrityError("the vault header was altered: refusing to open")
        self._backoff.reset()
        try:
            kind = VaultKind(str(header.get("kind")))
        except ValueError as exc:
            raise IntegrityError("the vault header is damaged or was altered") from exc
        secrets: dict[str, Any] = {}
        if "sealed" in header:
            secrets = _open_secrets(str(header["vault_id"]), master, header["sealed"])
        return UnlockedVault(self.folder, str(header["vault_id"]), kind, bytearray(master), secrets)

    @staticmethod
    def _slots(header: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
        slots = header.get("slots")
        if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
            raise IntegrityError("the vault header is damaged or was altered")
        for slot in slots:
            if not isinstance(slot.get("kdf"), dict):
                raise IntegrityError("the vault header is damaged or was altered")
        return [s for s in slots if kind is None or s.get("type") == kind]

    # ------------------------------------------------------------------ changes
    def change_passphrase(
        self,
        unlocked: UnlockedVault,
        new_passphrase: str,
        argon2: crypto.Argon2Params | None = None,
    ) -> None:
        """Rewrap the master key under a new passphrase; the database is not touched."""
        check_new_passphrase(new_passphrase)
        header = self._header()
        master = unlocked._key()
        slot = _passphrase_slot(
            unlocked.vault_id, master, new_passphrase, argon2 or default_argon2_params()
        )
        others = [s for s in self._slots(header) if s.get("type") != "passphrase"]
        header["slots"] = [slot, *others]
        _sign_and_write(self.folder, header, master)

    def remember(self, unlocked: UnlockedVault) -> None:
        """Add a keyring slot ("remember on this computer"); refused on insecure backends."""
        secret = crypto.random_bytes(crypto.KEY_BYTES)
        keyring_slot.store_secret(unlocked.vault_id, secret)
        header = self._header()
        master = unlocked._key()
        slots = [s for s in self._slots(header) if s.get("type") != "keyring"]
        slots.append(_secret_slot(unlocked.vault_id, master, "keyring", secret, _INFO_KEYRING))
        header["slots"] = slots
        _sign_and_write(self.folder, header, master)

    def forget(self, unlocked: UnlockedVault) -> None:
        header = self._header()
        header["slots"] = [s for s in self._slots(header) if s.get("type") != "keyring"]
        _sign_and_write(self.folder, header, unlocked._key())
        keyring_slot.delete_secret(unlocked.vault_id)

    def update_sealed_secrets(self, unlocked: UnlockedVault, updates: dict[str, Any]) -> None:
        """Merge ``updates`` into the sealed secrets of vault.json and re-sign the header.

        Used for secrets that must not live in the database, e.g. the sync identity of an HQ
        whose store is PostgreSQL (a database server is not the place for its private keys).
        """
        header = self._header()
        master = unlocked._key()
        secrets: dict[str, Any] = {}
        if "sealed" in header:
            secrets = _open_secrets(unlocked.vault_id, master, header["sealed"])
        secrets.update(updates)
        header["sealed"] = _seal_secrets(unlocked.vault_id, master, secrets)
        _sign_and_write(self.folder, header, master)
        unlocked._secrets.update(updates)

    def erase(self) -> None:
        """Crypto-erase: destroy every key slot and the keyring entry, then delete the files.

        The key slots are the only way to the master key; once they are overwritten, copies
        of ``cases.db`` and ``blobs/`` left on the disk (journals, SSD wear levelling,
        backups) can no longer be decrypted. Works without unlocking, for emergencies.
        """
        header_path = self.folder / VAULT_FILE
        vault_id: str | None = None
        with contextlib.suppress(TestimonyDeskError, OSError, FileNotFoundError):
            vault_id = str(read_header(self.folder).get("vault_id"))
        if vault_id:
            keyring_slot.delete_secret(vault_id)
        if header_path.exists():
            overwrite_in_place(header_path)
            header_path.unlink()
        for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", "." + VAULT_FILE + ".tmp"):
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()
        shutil.rmtree(self.folder / BLOB_DIR, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.folder.rmdir()
        self._backoff.reset()


# ---------------------------------------------------------------------- slot helpers
def _slot_ad(vault_id: str, slot: dict[str, Any]) -> bytes:
    return canonical_json(
        {"vault_id": vault_id, "id": slot["id"], "type": slot["type"], "kdf": slot["kdf"]}
    )


def _wrap(vault_id: str, slot: dict[str, Any], kek: bytes, master: bytes) -> dict[str, Any]:
    nonce, wrapped = crypto.seal(kek, master, _slot_ad(vault_id, slot))
    slot["aead"] = "aes-256-gcm"
    slot["nonce"] = _b64(nonce)
    slot["wrapped"] = _b64(wrapped)
    return slot


def _passphrase_slot(
    vault_id: str, master: bytes, passphrase: str, params: crypto.Argon2Params
) -> dict[str, Any]:
    if not (params.meets_floor() and params.within_bounds()):
        # Unlock refuses such a slot (see _argon2_params): writing one would lock the user out.
        raise ValueError(
            "refusing to write a passphrase slot outside the Argon2 limits "
            "(at least 64 MiB, 3 passes, 4 lanes)"
        )
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    slot: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "type": "passphrase",
        "kdf": {
            "name": "argon2id",
            "memory_kib": params.memory_kib,
            "time_cost": params.time_cost,
            "parallelism": params.parallelism,
            "salt": _b64(salt),
        },
    }
    kek = crypto.argon2id(normalize_passphrase(passphrase), salt, params)
    return _wrap(vault_id, slot, kek, master)


def _secret_slot(
    vault_id: str, master: bytes, kind: str, secret: bytes, info: str
) -> dict[str, Any]:
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    slot: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "type": kind,
        "kdf": {"name": "hkdf-sha256", "salt": _b64(salt)},
    }
    return _wrap(vault_id, slot, crypto.hkdf(secret, info, salt=salt), master)


def _argon2_params(slot: dict[str, Any]) -> crypto.Argon2Params:
    kdf = slot["kdf"]
    try:
        if kdf.get("name") != "argon2id":
            raise ValueError
        params = crypto.Argon2Params(
            memory_kib=int(kdf["memory_kib"]),
            time_cost=int(kdf["time_cost"]),
            parallelism=int(kdf["parallelism"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise IntegrityError("the vault header is damaged or was altered") from exc
    if not params.meets_floor():
        raise IntegrityError(
            "the passphrase slot is weaker than the minimum Argon2 cost "
            "(64 MiB, 3 passes, 4 lanes): refusing to use it"
        )
    if not params.within_bounds():
        raise IntegrityError("the vault header is damaged or was altered")
    return params


def _try_unwrap(vault_id: object, slot: dict[str, Any], kek: bytes) -> bytes | None:
    try:
        master = crypto.open_sealed(
            kek,
            _unb64(slot.get("nonce")),
            _unb64(slot.get("wrapped")),
            _slot_ad(str(vault_id), slot),
        )
    except (crypto.DecryptionFailed, KeyError):
        return None
    return master if len(master) == crypto.KEY_BYTES else None


def _mac_input(header: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in header.items() if k != "mac"})


def _sign_and_write(folder: Path, header: dict[str, Any], master: bytes) -> None:
    header.pop("mac", None)
    header["mac"] = _b64(crypto.mac(crypto.hkdf(master, _INFO_HEADER), _mac_input(header)))
    write_header(folder, header)


def _seal_secrets(vault_id: str, master: bytes, secrets: dict[str, Any]) -> dict[str, str]:
    nonce, ct = crypto.seal(
        crypto.hkdf(master, _INFO_SECRETS), canonical_json(secrets), vault_id.encode("ascii")
    )
    return {"nonce": _b64(nonce), "data": _b64(ct)}


def _open_secrets(vault_id: str, master: bytes, sealed: object) -> dict[str, Any]:
    import json

    if not isinstance(sealed, dict):
        raise IntegrityError("the vault header is damaged or was altered")
    try:
        plain = crypto.open_sealed(
            crypto.hkdf(master, _INFO_SECRETS),
            _unb64(sealed.get("nonce")),
            _unb64(sealed.get("data")),
            vault_id.encode("ascii"),
        )
    except crypto.DecryptionFailed as exc:
        raise IntegrityError("the vault header was altered: refusing to open") from exc
    value = json.loads(plain)
    return value if isinstance(value, dict) else {}
