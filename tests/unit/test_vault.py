"""The vault's key slots, header MAC, passphrase change, erase and unlock back-off.

Why these tests matter: the vault is the only thing standing between a seized laptop and the
names in it. Each test states one promise of DESIGN §4 and tries to break it the way an
attacker or an accident would (wrong secrets, hand-edited vault.json, a crash mid-write).
Argon2 runs at the floor cost (tests/conftest.py), so every unlock is real.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import types
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.app import unlock as app_unlock
from desktop.errors import AuthError, IntegrityError, UsageError
from desktop.vault import backoff as backoff_module
from desktop.vault import crypto, keyring_slot, vaultfile
from desktop.vault import vault as vault_module
from desktop.vault.backoff import Backoff, delay_for
from desktop.vault.vault import UnlockedVault, Vault, VaultKind

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
NEW_PASSPHRASE = "purple elephant quietly sings"  # noqa: S105 (synthetic)


# ---------------------------------------------------------------------- helpers
def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: "files identical" means this is equal."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def read_json(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "vault.json").read_text("ascii"))
    return data


def write_json(folder: Path, header: dict[str, Any]) -> None:
    (folder / "vault.json").write_text(json.dumps(header, indent=2), "ascii")


def resign(folder: Path, header: dict[str, Any], master: bytes) -> None:
    """Write a header with a *valid* MAC, as someone holding the master key could."""
    vault_module._sign_and_write(folder, header, master)


def url_of(unlocked: UnlockedVault) -> str | None:
    """Read the property through a call, so the type checker does not carry over narrowing."""
    return unlocked.db_url


@pytest.fixture
def made(vault_dir: Path) -> tuple[Path, UnlockedVault, str]:
    """A vault with key slots only (no database): the fastest real vault."""
    unlocked, recovery = Vault.create(vault_dir, PASSPHRASE)
    return vault_dir, unlocked, recovery


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A controllable clock for the back-off (its module's ``time.time``)."""
    now = [1_900_000_000.0]
    monkeypatch.setattr(backoff_module, "time", types.SimpleNamespace(time=lambda: now[0]))
    return now


# ---------------------------------------------------------------------- create / unlock
def test_create_writes_only_key_material_and_unlocks(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    folder, unlocked, recovery = made
    assert sorted(p.name for p in folder.iterdir()) == ["blobs", "vault.json"]
    header = read_json(folder)
    assert header["format"] == "testimony-desk.vault/1"
    assert header["kind"] == "field"
    assert header["store"] == "sqlcipher"
    assert [s["type"] for s in header["slots"]] == ["passphrase", "recovery"]
    kdf = header["slots"][0]["kdf"]
    assert kdf["name"] == "argon2id"
    assert (kdf["memory_kib"], kdf["time_cost"], kdf["parallelism"]) == (64 * 1024, 3, 4)
    raw = (folder / "vault.json").read_text("ascii")
    assert PASSPHRASE not in raw
    assert recovery not in raw and recovery.replace("-", "") not in raw

    again = Vault(folder).unlock_passphrase(PASSPHRASE)
    assert again.vault_id == unlocked.vault_id == header["vault_id"]
    assert again.kind is VaultKind.FIELD
    assert again.db_key == unlocked.db_key
    assert again.blob_key == unlocked.blob_key
    assert len({again.db_key, again.blob_key, again._key()}) == 3
    assert all(len(k) == 32 for k in (again.db_key, again.blob_key))


def test_two_vaults_have_independent_keys(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", PASSPHRASE)
    b, _ = Vault.create(tmp_path / "b", PASSPHRASE)
    assert a.vault_id != b.vault_id
    assert a.db_key != b.db_key
    # A slot copied from another vault does not open this one (vault id is in the AD).
    header_a = read_json(tmp_path / "a")
    header_b = read_json(tmp_path / "b")
    header_a["slots"] = header_b["slots"]
    write_json(tmp_path / "a", header_a)
    with pytest.raises(AuthError):
        Vault(tmp_path / "a").unlock_passphrase(PASSPHRASE)


def test_folder_and_header_are_private(made: tuple[Path, UnlockedVault, str]) -> None:
    folder, _, _ = made
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "blobs").stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "vault.json").stat().st_mode) == 0o600


def test_create_refuses_an_existing_vault_and_short_passphrases(
    made: tuple[Path, UnlockedVault, str], tmp_path: Path
) -> None:
    folder, _, _ = made
    before = snapshot(folder)
    with pytest.raises(UsageError):
        Vault.create(folder, PASSPHRASE)
    assert snapshot(folder) == before
    with pytest.raises(UsageError):
        Vault.create(tmp_path / "other", "short pass")  # 10 characters
    assert not (tmp_path / "other" / "vault.json").exists()


def test_create_refuses_a_folder_holding_only_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "cases.db").write_bytes(b"not ours to overwrite")
    with pytest.raises(UsageError):
        Vault.create(folder, PASSPHRASE)
    assert (folder / "cases.db").read_bytes() == b"not ours to overwrite"


def test_failed_store_initialization_leaves_no_header(tmp_path: Path) -> None:
    folder = tmp_path / "v"

    def broken_store(unlocked: UnlockedVault) -> None:
        (unlocked.folder / "cases.db").write_bytes(b"half made")
        raise RuntimeError("disk vanished")

    with pytest.raises(RuntimeError):
        Vault.create(folder, PASSPHRASE, initialize_store=broken_store)
    assert not (folder / "vault.json").exists()
    assert not (folder / "cases.db").exists()
    # ... so the folder can be used again.
    Vault.create(folder, PASSPHRASE)


@pytest.mark.parametrize(
    "params",
    [
        crypto.Argon2Params(memory_kib=8 * 1024, time_cost=3, parallelism=4),
        crypto.Argon2Params(memory_kib=64 * 1024, time_cost=1, parallelism=4),
        crypto.Argon2Params(memory_kib=64 * 1024, time_cost=3, parallelism=1),
    ],
)
def test_no_slot_below_the_floor_is_ever_written(
    tmp_path: Path, params: crypto.Argon2Params
) -> None:
    # A slot below the floor would be refused at the next unlock: the vault would be lost.
    with pytest.raises(ValueError, match="Argon2"):
        Vault.create(tmp_path / "v", PASSPHRASE, argon2=params)
    assert not (tmp_path / "v" / "vault.json").exists()
    unlocked, _ = Vault.create(tmp_path / "w", PASSPHRASE)
    before = snapshot(tmp_path / "w")
    with pytest.raises(ValueError, match="Argon2"):
        Vault(tmp_path / "w").change_passphrase(unlocked, NEW_PASSPHRASE, params)
    assert snapshot(tmp_path / "w") == before


def test_env_can_raise_but_not_lower_the_memory_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(vault_module.ARGON2_MEMORY_ENV, str(1024))
    assert vault_module.default_argon2_params().memory_kib == crypto.FLOOR_MEMORY_KIB
    monkeypatch.setenv(vault_module.ARGON2_MEMORY_ENV, str(128 * 1024))
    assert vault_module.default_argon2_params().memory_kib == 128 * 1024
    monkeypatch.setenv(vault_module.ARGON2_MEMORY_ENV, "lots")
    assert vault_module.default_argon2_params() == crypto.Argon2Params()
    monkeypatch.delenv(vault_module.ARGON2_MEMORY_ENV)
    assert vault_module.default_argon2_params().memory_kib == 256 * 1024


def test_passphrase_is_unicode_normalized(vault_dir: Path) -> None:
    # The same word typed as precomposed or combining characters must open the vault.
    composed = unicodedata.normalize("NFC", "Айгүл Сапарова қорғаушы")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    Vault.create(vault_dir, composed)
    assert Vault(vault_dir).unlock_passphrase(decomposed).vault_id


def test_wrong_passphrase_is_auth_error_and_changes_no_file(session: Any, vault_dir: Path) -> None:
    session.lock()
    before = snapshot(vault_dir)
    assert "cases.db" in before
    vault = Vault(vault_dir)
    with pytest.raises(AuthError, match="wrong passphrase"):
        vault.unlock_passphrase(PASSPHRASE + "!")
    with pytest.raises(AuthError):
        vault.unlock_passphrase("")
    assert snapshot(vault_dir) == before
    assert vault.failed_attempts == 2
    # The counter lives outside the vault folder.
    state = Path(os.environ["XDG_STATE_HOME"])
    assert any(p.is_file() for p in state.rglob("*"))
    assert not any(vault_dir.name in p.name for p in state.rglob("*"))


def test_no_vault_is_a_usage_error_missing_header_an_integrity_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        Vault(tmp_path / "nowhere").unlock_passphrase(PASSPHRASE)
    folder = tmp_path / "headless"
    folder.mkdir()
    (folder / "cases.db").write_bytes(os.urandom(4096))
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


# ---------------------------------------------------------------------- recovery key
@pytest.fixture
def known_recovery(monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Make the next vault's recovery code contain O, I and B (typed as 0, 1, 8)."""
    secret = base64.b32decode("OIB2KQ7B" * 4)
    monkeypatch.setattr(vault_module, "new_recovery_secret", lambda: secret)
    return secret


def test_recovery_code_opens_in_every_typed_form(vault_dir: Path, known_recovery: bytes) -> None:
    unlocked, recovery = Vault.create(vault_dir, PASSPHRASE)
    assert recovery == "OIB2-KQ7B-" * 3 + "OIB2-KQ7B"
    vault = Vault(vault_dir)
    typed_forms = [
        recovery,
        recovery.lower(),
        recovery.replace("-", ""),
        recovery.replace("-", " "),
        recovery.replace("O", "0").replace("I", "1").replace("B", "8"),
        " " + recovery.lower().replace("-", "  ").replace("o", "0") + " ",
    ]
    for typed in typed_forms:
        assert vault.unlock_recovery(typed).db_key == unlocked.db_key, typed


def test_wrong_or_malformed_recovery_code_is_refused(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    folder, _, recovery = made
    before = snapshot(folder)
    vault = Vault(folder)
    other = "-".join(["ABCD"] * 8)
    assert other != recovery
    with pytest.raises(AuthError, match="wrong recovery key"):
        vault.unlock_recovery(other)
    with pytest.raises(AuthError):
        vault.unlock_recovery(recovery[:-1])
    with pytest.raises(AuthError):
        # The passphrase is not a recovery code, and the code is not a passphrase.
        vault.unlock_recovery(PASSPHRASE)
    with pytest.raises(AuthError):
        vault.unlock_passphrase(recovery)
    assert snapshot(folder) == before


# ---------------------------------------------------------------------- passphrase change
def test_change_passphrase_rewraps_without_touching_the_database(
    session: Any, vault_dir: Path
) -> None:
    from desktop.interchange.case_format import normalize_case

    case = normalize_case(
        {"persons": [{"key": "p1", "role": "detained", "names": [{"value": "Test Person"}]}]}
    )
    session.store.cases.save([case])
    old_recovery_slot = next(s for s in read_json(vault_dir)["slots"] if s["type"] == "recovery")
    db_key = session.unlocked.db_key
    session.lock()
    db_before = {k: v for k, v in snapshot(vault_dir).items() if k.startswith("cases.db")}
    assert db_before

    vault = Vault(vault_dir)
    unlocked = vault.unlock_passphrase(PASSPHRASE)
    vault.change_passphrase(unlocked, NEW_PASSPHRASE)

    after = snapshot(vault_dir)
    assert {k: v for k, v in after.items() if k.startswith("cases.db")} == db_before
    header = read_json(vault_dir)
    assert [s["type"] for s in header["slots"]] == ["passphrase", "recovery"]
    assert header["slots"][1] == old_recovery_slot
    with pytest.raises(AuthError):
        vault.unlock_passphrase(PASSPHRASE)
    assert vault.unlock_passphrase(NEW_PASSPHRASE).db_key == db_key

    # The data opens with the new passphrase (same database key).
    reopened = app_unlock(vault_dir, passphrase=NEW_PASSPHRASE)
    try:
        assert reopened.store.cases.count() == 1
    finally:
        reopened.lock()


def test_recovery_still_works_after_passphrase_change(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    folder, unlocked, recovery = made
    vault = Vault(folder)
    vault.change_passphrase(unlocked, NEW_PASSPHRASE)
    assert vault.unlock_recovery(recovery).db_key == unlocked.db_key
    with pytest.raises(UsageError):
        vault.change_passphrase(unlocked, "too short")
    assert vault.unlock_passphrase(NEW_PASSPHRASE).db_key == unlocked.db_key


def test_recovery_unlock_allows_setting_a_new_passphrase(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    # The reason the recovery key exists: the passphrase is forgotten.
    folder, _, recovery = made
    vault = Vault(folder)
    via_code = vault.unlock_recovery(recovery)
    vault.change_passphrase(via_code, NEW_PASSPHRASE)
    assert vault.unlock_passphrase(NEW_PASSPHRASE).vault_id == via_code.vault_id


def test_locked_vault_cannot_rewrap(made: tuple[Path, UnlockedVault, str]) -> None:
    folder, unlocked, _ = made
    before = snapshot(folder)
    unlocked.lock()
    assert unlocked.is_locked
    assert not any(unlocked._master)
    with pytest.raises(AuthError):
        _ = unlocked.db_key
    with pytest.raises(AuthError):
        Vault(folder).change_passphrase(unlocked, NEW_PASSPHRASE)
    assert snapshot(folder) == before


# ---------------------------------------------------------------------- slot parameters
def test_a_properly_signed_slot_below_the_floor_is_refused(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    """Someone with the key (or an old, weaker version) wrote a cheap slot: refuse to use it.

    The slot is well-formed, correctly wrapped and the header MAC is valid, so only the
    floor check stands between it and an unlock that would bless cheap guessing.
    """
    folder, unlocked, _ = made
    master = unlocked._key()
    weak = crypto.Argon2Params(memory_kib=8 * 1024, time_cost=1, parallelism=1)
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    slot: dict[str, Any] = {
        "id": "00000000-0000-4000-8000-000000000001",
        "type": "passphrase",
        "kdf": {
            "name": "argon2id",
            "memory_kib": weak.memory_kib,
            "time_cost": weak.time_cost,
            "parallelism": weak.parallelism,
            "salt": base64.b64encode(salt).decode(),
        },
    }
    kek = crypto.argon2id(PASSPHRASE.encode(), salt, weak)
    slot = vault_module._wrap(unlocked.vault_id, slot, kek, master)
    header = read_json(folder)
    header["slots"] = [slot, *[s for s in header["slots"] if s["type"] != "passphrase"]]
    resign(folder, header, master)

    with pytest.raises(IntegrityError, match="minimum Argon2 cost"):
        Vault(folder).unlock_passphrase(PASSPHRASE)


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 1024), ("time_cost", 1), ("parallelism", 1)],
)
def test_hand_lowered_slot_is_refused_as_integrity_error(
    made: tuple[Path, UnlockedVault, str], field: str, value: int
) -> None:
    folder, _, _ = made
    header = read_json(folder)
    header["slots"][0]["kdf"][field] = value
    write_json(folder, header)
    vault = Vault(folder)
    with pytest.raises(IntegrityError):
        vault.unlock_passphrase(PASSPHRASE)
    assert vault.failed_attempts == 0  # a damaged file is not a guess


def test_raised_slot_parameters_do_not_unwrap(made: tuple[Path, UnlockedVault, str]) -> None:
    # The kdf block is associated data of the wrap: costs cannot be swapped silently.
    folder, _, _ = made
    header = read_json(folder)
    header["slots"][0]["kdf"]["memory_kib"] = 96 * 1024
    write_json(folder, header)
    with pytest.raises(AuthError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


@pytest.mark.parametrize(
    "kdf_patch",
    [
        {"memory_kib": 2**40},
        {"memory_kib": crypto.MAX_MEMORY_KIB + 1},
        {"time_cost": 10**9},
        {"parallelism": 2**20},
        {"memory_kib": "lots"},
        {"memory_kib": None},
        {"memory_kib": -65536},
        {"name": "scrypt"},
        {"salt": "not base64!"},
        {"salt": 12345},
    ],
)
def test_absurd_slot_parameters_are_refused_quickly(
    made: tuple[Path, UnlockedVault, str], kdf_patch: dict[str, Any]
) -> None:
    folder, _, _ = made
    header = read_json(folder)
    header["slots"][0]["kdf"].update(kdf_patch)
    write_json(folder, header)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda h: h.update(slots="all of them"),
        lambda h: h.update(slots=[1, 2]),
        lambda h: h["slots"][0].update(kdf="argon2id"),
        lambda h: h["slots"][0].update(nonce=["x"]),
    ],
)
def test_structurally_broken_slots_are_integrity_errors(
    made: tuple[Path, UnlockedVault, str], mangle: Callable[[dict[str, Any]], None]
) -> None:
    folder, _, _ = made
    header = read_json(folder)
    mangle(header)
    write_json(folder, header)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


# ---------------------------------------------------------------------- header MAC
@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("kind", "hq"),
        ("created", "2001-01-01T00:00:00Z"),
        ("store", "postgresql"),
        ("note", "added by someone"),
        ("mac", base64.b64encode(b"\0" * 32).decode()),
    ],
)
def test_header_mac_detects_edits_of_non_slot_fields(
    made: tuple[Path, UnlockedVault, str], key: str, value: str
) -> None:
    folder, _, recovery = made
    header = read_json(folder)
    assert header.get(key) != value
    header[key] = value
    write_json(folder, header)
    vault = Vault(folder)
    with pytest.raises(IntegrityError, match="altered"):
        vault.unlock_passphrase(PASSPHRASE)
    with pytest.raises(IntegrityError, match="altered"):
        vault.unlock_recovery(recovery)


def test_header_mac_detects_a_removed_mac(made: tuple[Path, UnlockedVault, str]) -> None:
    folder, _, _ = made
    header = read_json(folder)
    del header["mac"]
    write_json(folder, header)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


def test_header_mac_detects_reordered_slots(made: tuple[Path, UnlockedVault, str]) -> None:
    # Same slots, same MAC, different order: the canonical bytes differ, so does the MAC.
    folder, _, _ = made
    header = read_json(folder)
    header["slots"] = list(reversed(header["slots"]))
    write_json(folder, header)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


def test_removing_the_recovery_slot_is_detected(made: tuple[Path, UnlockedVault, str]) -> None:
    # Silently dropping a slot (the user's way back in) must not go unnoticed.
    folder, _, _ = made
    header = read_json(folder)
    header["slots"] = [s for s in header["slots"] if s["type"] != "recovery"]
    write_json(folder, header)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


def test_edited_vault_id_does_not_open(made: tuple[Path, UnlockedVault, str]) -> None:
    folder, _, _ = made
    header = read_json(folder)
    header["vault_id"] = "00000000-0000-4000-8000-000000000000"
    write_json(folder, header)
    with pytest.raises((AuthError, IntegrityError)):
        Vault(folder).unlock_passphrase(PASSPHRASE)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": "testimony-desk.vault/2"}',
        b"\xff\xfe\x00",
        b" " * (vaultfile.MAX_HEADER_BYTES + 1),
    ],
)
def test_damaged_header_file_is_integrity_error(
    made: tuple[Path, UnlockedVault, str], content: bytes
) -> None:
    folder, _, _ = made
    (folder / "vault.json").write_bytes(content)
    with pytest.raises(IntegrityError):
        Vault(folder).unlock_passphrase(PASSPHRASE)


def test_hq_database_url_is_sealed_not_plain(tmp_path: Path) -> None:
    url = "postgresql://hq:s3cr3t-pw@db.example.org/testimony"
    unlocked, _ = Vault.create(tmp_path / "hq", PASSPHRASE, kind=VaultKind.HQ, db_url=url)
    assert unlocked.db_url == url
    raw = (tmp_path / "hq" / "vault.json").read_text("ascii")
    assert "s3cr3t-pw" not in raw and "db.example.org" not in raw
    header = read_json(tmp_path / "hq")
    assert header["kind"] == "hq" and header["store"] == "postgresql"
    again = Vault(tmp_path / "hq").unlock_passphrase(PASSPHRASE)
    assert again.kind is VaultKind.HQ
    assert again.db_url == url
    again.lock()
    assert url_of(again) is None
    # Swapping the sealed blob is caught (by the MAC before the AEAD even runs).
    header["sealed"]["data"] = base64.b64encode(b"\0" * 48).decode()
    write_json(tmp_path / "hq", header)
    with pytest.raises(IntegrityError):
        Vault(tmp_path / "hq").unlock_passphrase(PASSPHRASE)


# ---------------------------------------------------------------------- atomic header writes
def test_header_rewrites_are_atomic_and_private(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    folder, unlocked, _ = made
    old_umask = os.umask(0)  # even a careless umask must not widen the header's mode
    try:
        Vault(folder).change_passphrase(unlocked, NEW_PASSPHRASE)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((folder / "vault.json").stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["blobs", "vault.json"]


def test_crash_while_writing_keeps_the_old_header(
    made: tuple[Path, UnlockedVault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, unlocked, _ = made
    before = snapshot(folder)

    def no_space(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as mp:
        mp.setattr(os, "fsync", no_space)
        with pytest.raises(OSError):
            Vault(folder).change_passphrase(unlocked, NEW_PASSPHRASE)
    assert snapshot(folder) == before
    assert Vault(folder).unlock_passphrase(PASSPHRASE).vault_id == unlocked.vault_id


def test_failed_rename_keeps_the_old_header_and_no_temp_file(
    made: tuple[Path, UnlockedVault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, unlocked, _ = made
    before = snapshot(folder)

    def refuse(_src: Any, _dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as mp:
        mp.setattr(os, "replace", refuse)
        with pytest.raises(OSError):
            Vault(folder).change_passphrase(unlocked, NEW_PASSPHRASE)
    assert snapshot(folder) == before


def test_atomic_write_replaces_whole_content(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    vaultfile.atomic_write(target, b"first version, rather long")
    vaultfile.atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


# ---------------------------------------------------------------------- erase
def test_erase_destroys_slots_files_and_keyring_entry(session: Any, vault_dir: Path) -> None:
    import keyring

    vault = session.vault
    vault.remember(session.unlocked)
    vault_id = session.unlocked.vault_id
    assert keyring.get_password(keyring_slot.SERVICE, f"vault:{vault_id}")
    session.lock()
    (vault_dir / "blobs" / "0f3a9c").write_bytes(os.urandom(64))
    assert (vault_dir / "cases.db").exists()

    overwritten: list[Path] = []
    real = vaultfile.overwrite_in_place

    def spy(path: Path) -> None:
        overwritten.append(path)
        real(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vault_module, "overwrite_in_place", spy)
        Vault(vault_dir).erase()

    assert overwritten == [vault_dir / "vault.json"]
    assert not vault_dir.exists()
    assert keyring.get_password(keyring_slot.SERVICE, f"vault:{vault_id}") is None
    assert not Vault(vault_dir).exists()
    with pytest.raises(UsageError):
        Vault(vault_dir).unlock_passphrase(PASSPHRASE)


def test_erase_keeps_files_it_does_not_own(made: tuple[Path, UnlockedVault, str]) -> None:
    # If --vault points at a folder with other things in it, erase deletes only the vault.
    folder, _, _ = made
    (folder / "holiday.jpg").write_bytes(b"not vault data")
    (folder / ".vault.json.tmp").write_bytes(b"{}")
    Vault(folder).erase()
    assert sorted(p.name for p in folder.iterdir()) == ["holiday.jpg"]


def test_erase_works_on_a_damaged_header_and_resets_backoff(
    made: tuple[Path, UnlockedVault, str],
) -> None:
    folder, _, _ = made
    vault = Vault(folder)
    with pytest.raises(AuthError):
        vault.unlock_passphrase("not the passphrase at all")
    assert vault.failed_attempts == 1
    (folder / "vault.json").write_bytes(b"garbage")
    (folder / "cases.db").write_bytes(os.urandom(1024))
    vault.erase()
    assert not folder.exists()
    assert Vault(folder).failed_attempts == 0


def test_erase_of_nothing_is_harmless(tmp_path: Path) -> None:
    Vault(tmp_path / "never-created").erase()
    assert not (tmp_path / "never-created").exists()


def test_app_erase_makes_a_copied_database_useless(session: Any, vault_dir: Path) -> None:
    """Crypto-erase: a copy of cases.db taken before erase cannot be opened afterwards."""
    from desktop.app import erase

    session.lock()
    stolen_db = (vault_dir / "cases.db").read_bytes()
    erase(vault_dir)
    assert not vault_dir.exists()
    vault_dir.mkdir()
    (vault_dir / "cases.db").write_bytes(stolen_db)
    with pytest.raises(IntegrityError):  # no header, no slot, no key
        Vault(vault_dir).unlock_passphrase(PASSPHRASE)


# ---------------------------------------------------------------------- back-off
def test_delay_schedule() -> None:
    assert [delay_for(n) for n in range(8)] == [0, 0, 0, 1, 2, 4, 8, 16]
    assert delay_for(100) == backoff_module.MAX_DELAY_SECONDS == 300


def test_backoff_grows_persists_and_resets(vault_dir: Path, clock: list[float]) -> None:
    off = Backoff(vault_dir)
    assert off.failures == 0 and off.remaining() == 0
    delays = [off.record_failure() for _ in range(6)]
    assert delays == [0, 0, 1, 2, 4, 8]
    # Persisted: a new object (a new process) sees the same count and wait.
    again = Backoff(vault_dir)
    assert again.failures == 6
    assert again.remaining() == 8
    clock[0] += 5
    assert again.remaining() == 3
    clock[0] += 3
    assert again.remaining() == 0
    again.reset()
    assert Backoff(vault_dir).failures == 0


def test_backoff_state_is_per_vault(tmp_path: Path, clock: list[float]) -> None:
    Backoff(tmp_path / "a").record_failure()
    assert Backoff(tmp_path / "a").failures == 1
    assert Backoff(tmp_path / "b").failures == 0


def test_backoff_survives_a_corrupt_state_file(vault_dir: Path) -> None:
    off = Backoff(vault_dir)
    off.record_failure()
    state_files = [p for p in Path(os.environ["XDG_STATE_HOME"]).rglob("*") if p.is_file()]
    assert len(state_files) == 1
    state_files[0].write_text("{garbage", "ascii")
    assert Backoff(vault_dir).failures == 0
    assert Backoff(vault_dir).remaining() == 0


def test_unlock_waits_after_failures_then_success_resets(
    made: tuple[Path, UnlockedVault, str], clock: list[float]
) -> None:
    folder, _, recovery = made
    vault = Vault(folder)
    for _ in range(3):
        with pytest.raises(AuthError, match="wrong passphrase"):
            vault.unlock_passphrase("guess number something")
    assert vault.failed_attempts == 3
    assert vault.retry_after() == 1
    # During the wait even the right passphrase or recovery key is not tried.
    with pytest.raises(AuthError, match="too many failed attempts"):
        vault.unlock_passphrase(PASSPHRASE)
    with pytest.raises(AuthError, match="too many failed attempts"):
        vault.unlock_recovery(recovery)
    assert vault.failed_attempts == 3  # waiting is not another failure
    clock[0] += 1.01
    with pytest.raises(AuthError, match="wrong passphrase"):
        vault.unlock_passphrase("guess number something else")
    assert vault.retry_after() == 2
    clock[0] += 2.01
    assert vault.unlock_passphrase(PASSPHRASE).vault_id
    assert vault.failed_attempts == 0
    assert vault.retry_after() == 0


def test_wrong_recovery_codes_count_as_failures(
    made: tuple[Path, UnlockedVault, str], clock: list[float]
) -> None:
    folder, _, recovery = made
    vault = Vault(folder)
    wrong = "-".join(["ABCD"] * 8)
    for _ in range(3):
        with pytest.raises(AuthError):
            vault.unlock_recovery(wrong)
    with pytest.raises(AuthError, match="too many"):
        vault.unlock_recovery(recovery)
    clock[0] += 2
    assert vault.unlock_recovery(recovery).vault_id
    assert vault.failed_attempts == 0


# ---------------------------------------------------------------------- app wiring
def test_app_unlock_locks_the_key_when_the_store_fails(
    session: Any, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.lock()
    seen: list[UnlockedVault] = []
    real_open = vault_module.Vault._opened

    def remember_opened(self: Vault, header: dict[str, Any], master: bytes) -> UnlockedVault:
        unlocked = real_open(self, header, master)
        seen.append(unlocked)
        return unlocked

    monkeypatch.setattr(vault_module.Vault, "_opened", remember_opened)
    (vault_dir / "cases.db").write_bytes(os.urandom(8192))
    for name in ("cases.db-wal", "cases.db-shm"):
        (vault_dir / name).unlink(missing_ok=True)
    with pytest.raises(IntegrityError):
        app_unlock(vault_dir, passphrase=PASSPHRASE)
    assert len(seen) == 1 and seen[0].is_locked


def test_app_unlock_without_a_secret_is_locked(session: Any, vault_dir: Path) -> None:
    with pytest.raises(AuthError, match="locked"):
        app_unlock(vault_dir)
