"""The "remember on this computer" slot and the refusal of insecure keyring backends.

DESIGN §4/§9: the keyring slot is optional and off by default; a secret must never go to the
null or fail backends (stored nowhere, or the call fails later) nor to ``keyrings.alt``'s
plaintext/weakly encrypted files, which keyring picks silently where no Secret Service runs.
The tests install fake backends under those module names instead of installing
``keyrings.alt``: what the code checks is exactly the module and the priority.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest

from desktop import errors
from desktop.app import unlock as app_unlock
from desktop.vault import keyring_slot
from desktop.vault.keyring_slot import KeyringUnavailable
from desktop.vault.memory_keyring import MemoryKeyring
from desktop.vault.vault import UnlockedVault, Vault

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)

_made_classes: list[type] = []


def fake_backend(module: str, name: str, priority: float = 1.0) -> Any:
    """A working, recording backend that *claims* to live in ``module``."""

    class Fake(keyring.backend.KeyringBackend):
        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.items: dict[tuple[str, str], str] = {}
            self.writes = 0

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.writes += 1
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    Fake.__module__ = module
    Fake.__name__ = Fake.__qualname__ = name
    Fake.priority = priority  # type: ignore[assignment]
    _made_classes.append(Fake)
    return Fake()


def chainer(*leaves: Any) -> Any:
    """keyring's ChainerBackend over exactly ``leaves`` (not over every installed backend)."""

    class ChainerBackend(keyring.backends.chainer.ChainerBackend):  # same name on purpose
        backends: ClassVar[list[Any]] = list(leaves)

    _made_classes.append(ChainerBackend)
    return ChainerBackend()  # type: ignore[no-untyped-call]


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)
    for cls in _made_classes:
        keyring.backend.KeyringBackend._classes.discard(cls)
    _made_classes.clear()


@pytest.fixture
def memory() -> MemoryKeyring:
    """A fresh in-memory backend, so no secret leaks between tests."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def vault(vault_dir: Path, memory: MemoryKeyring) -> tuple[Vault, UnlockedVault]:
    unlocked, _ = Vault.create(vault_dir, PASSPHRASE)
    return Vault(vault_dir), unlocked


def header(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "vault.json").read_text("ascii"))
    return data


def null_backend() -> Any:
    return keyring.backends.null.Keyring()  # type: ignore[no-untyped-call]


def fail_backend() -> Any:
    return keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]


INSECURE: dict[str, Callable[[], Any]] = {
    "null": null_backend,
    "fail": fail_backend,
    "keyrings.alt plaintext": lambda: fake_backend("keyrings.alt.file", "PlaintextKeyring", 0.5),
    "keyrings.alt encrypted": lambda: fake_backend("keyrings.alt.file", "EncryptedKeyring", 0.6),
    "keyrings.alt windows": lambda: fake_backend("keyrings.alt.Windows", "RegistryKeyring", 5),
    "zero priority": lambda: fake_backend("some.vendor.keyring", "Whatever", 0),
    "negative priority": lambda: fake_backend("some.vendor.keyring", "Whatever", -1),
    "chainer with a plaintext leaf": lambda: chainer(
        MemoryKeyring(), fake_backend("keyrings.alt.file", "PlaintextKeyring", 0.5)
    ),
    "empty chainer": lambda: chainer(),
}


# ---------------------------------------------------------------------- classification
def test_memory_backend_and_a_chainer_of_secure_leaves_are_accepted(
    memory: MemoryKeyring,
) -> None:
    assert keyring_slot.is_secure_backend()
    assert "MemoryKeyring" in keyring_slot.describe_backend()
    assert keyring_slot.is_secure_backend(chainer(MemoryKeyring(), MemoryKeyring()))
    # A real OS backend's module name is not on the refusal list.
    assert keyring_slot.is_secure_backend(
        fake_backend("keyring.backends.SecretService", "Keyring", 5)
    )


@pytest.mark.parametrize("make", list(INSECURE.values()), ids=list(INSECURE))
def test_insecure_backends_are_refused(make: Callable[[], Any]) -> None:
    backend = make()
    assert not keyring_slot.is_secure_backend(backend)
    keyring.set_keyring(backend)
    assert not keyring_slot.is_secure_backend()
    with pytest.raises(KeyringUnavailable) as caught:
        keyring_slot.store_secret("vault-id", b"\x01" * 32)
    assert isinstance(caught.value, errors.TestimonyDeskError)  # shown as one calm line
    assert getattr(backend, "writes", 0) == 0
    for leaf in getattr(backend, "backends", []):
        assert getattr(leaf, "writes", 0) == 0


def test_describe_backend_names_every_leaf() -> None:
    backend = chainer(MemoryKeyring(), fake_backend("keyrings.alt.file", "PlaintextKeyring"))
    keyring.set_keyring(backend)
    described = keyring_slot.describe_backend()
    assert "MemoryKeyring" in described
    assert "keyrings.alt.file.PlaintextKeyring" in described


# ---------------------------------------------------------------------- secret storage
def test_store_load_delete_round_trip(memory: MemoryKeyring) -> None:
    secret = bytes(range(32))
    keyring_slot.store_secret("abc", secret)
    assert keyring_slot.load_secret("abc") == secret
    assert keyring_slot.load_secret("other") is None
    stored = memory.get_password(keyring_slot.SERVICE, "vault:abc")
    assert stored == base64.b64encode(secret).decode()
    keyring_slot.delete_secret("abc")
    assert keyring_slot.load_secret("abc") is None
    keyring_slot.delete_secret("abc")  # deleting twice is fine (erase may run twice)


def test_load_secret_tolerates_garbage_and_broken_backends(memory: MemoryKeyring) -> None:
    memory.set_password(keyring_slot.SERVICE, "vault:abc", "not base64 at all!")
    assert keyring_slot.load_secret("abc") is None
    memory.set_password(keyring_slot.SERVICE, "vault:abc", "")
    assert keyring_slot.load_secret("abc") is None

    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("D-Bus went away")

        def delete_password(self, service: str, username: str) -> None:
            raise RuntimeError("D-Bus went away")

    _made_classes.append(Broken)
    keyring.set_keyring(Broken())
    assert keyring_slot.load_secret("abc") is None
    keyring_slot.delete_secret("abc")  # best effort: never raises


def test_load_secret_ignores_a_value_held_by_an_insecure_backend() -> None:
    plain = fake_backend("keyrings.alt.file", "PlaintextKeyring", 0.5)
    plain.items[(keyring_slot.SERVICE, "vault:abc")] = base64.b64encode(b"k" * 32).decode()
    keyring.set_keyring(plain)
    assert keyring_slot.load_secret("abc") is None


# ---------------------------------------------------------------------- the vault's slot
def test_keyring_slot_is_off_by_default(vault: tuple[Vault, UnlockedVault]) -> None:
    v, _ = vault
    assert v.slot_types() == ["passphrase", "recovery"]
    assert v.unlock_keyring() is None


def test_remember_unlock_forget(vault: tuple[Vault, UnlockedVault], memory: MemoryKeyring) -> None:
    v, unlocked = vault
    v.remember(unlocked)
    assert v.slot_types() == ["passphrase", "recovery", "keyring"]
    entry = memory.get_password(keyring_slot.SERVICE, f"vault:{unlocked.vault_id}")
    assert entry is not None
    # The keyring holds a slot secret, not the master key or a database key.
    secret = base64.b64decode(entry)
    assert secret not in (unlocked._key(), unlocked.db_key, unlocked.blob_key)

    opened = v.unlock_keyring()
    assert opened is not None
    assert opened.vault_id == unlocked.vault_id
    assert opened.db_key == unlocked.db_key
    # The passphrase still works alongside.
    assert v.unlock_passphrase(PASSPHRASE).db_key == unlocked.db_key

    v.forget(unlocked)
    assert v.slot_types() == ["passphrase", "recovery"]
    assert memory.get_password(keyring_slot.SERVICE, f"vault:{unlocked.vault_id}") is None
    assert v.unlock_keyring() is None
    assert v.unlock_passphrase(PASSPHRASE).db_key == unlocked.db_key


def test_remember_twice_keeps_one_slot_and_one_secret(
    vault: tuple[Vault, UnlockedVault], memory: MemoryKeyring
) -> None:
    v, unlocked = vault
    v.remember(unlocked)
    first = memory.get_password(keyring_slot.SERVICE, f"vault:{unlocked.vault_id}")
    v.remember(unlocked)
    second = memory.get_password(keyring_slot.SERVICE, f"vault:{unlocked.vault_id}")
    assert first != second
    assert v.slot_types().count("keyring") == 1
    opened = v.unlock_keyring()
    assert opened is not None and opened.db_key == unlocked.db_key


def test_keyring_slot_with_a_lost_or_wrong_secret_stays_locked(
    vault: tuple[Vault, UnlockedVault], memory: MemoryKeyring
) -> None:
    v, unlocked = vault
    v.remember(unlocked)
    user = f"vault:{unlocked.vault_id}"
    memory.set_password(keyring_slot.SERVICE, user, base64.b64encode(b"x" * 32).decode())
    assert v.unlock_keyring() is None
    memory.delete_password(keyring_slot.SERVICE, user)
    assert v.unlock_keyring() is None
    assert v.failed_attempts == 0  # the keyring is no guessing oracle and no penalty


def test_remember_on_an_insecure_backend_changes_nothing(
    vault: tuple[Vault, UnlockedVault], vault_dir: Path
) -> None:
    v, unlocked = vault
    before = (vault_dir / "vault.json").read_bytes()
    plain = fake_backend("keyrings.alt.file", "PlaintextKeyring", 0.5)
    keyring.set_keyring(plain)
    with pytest.raises(KeyringUnavailable):
        v.remember(unlocked)
    assert (vault_dir / "vault.json").read_bytes() == before
    assert plain.writes == 0 and not plain.items
    for backend in (null_backend(), fail_backend()):
        keyring.set_keyring(backend)
        with pytest.raises(KeyringUnavailable):
            v.remember(unlocked)
        assert (vault_dir / "vault.json").read_bytes() == before


def test_remembered_secret_is_not_used_once_the_backend_is_insecure(
    vault: tuple[Vault, UnlockedVault], memory: MemoryKeyring
) -> None:
    v, unlocked = vault
    v.remember(unlocked)
    user = f"vault:{unlocked.vault_id}"
    copied = memory.get_password(keyring_slot.SERVICE, user)
    assert copied is not None
    # The secret ends up in a plaintext keyring (copied by some tool): refuse to read it there.
    plain = fake_backend("keyrings.alt.file", "PlaintextKeyring", 0.5)
    plain.items[(keyring_slot.SERVICE, user)] = copied
    keyring.set_keyring(plain)
    assert v.unlock_keyring() is None
    keyring.set_keyring(memory)
    assert v.unlock_keyring() is not None


def test_keyring_slot_header_is_authenticated(
    vault: tuple[Vault, UnlockedVault], vault_dir: Path
) -> None:
    from desktop.errors import IntegrityError

    v, unlocked = vault
    v.remember(unlocked)
    data = header(vault_dir)
    slot = next(s for s in data["slots"] if s["type"] == "keyring")
    assert slot["kdf"]["name"] == "hkdf-sha256"
    data["created"] = "1999-12-31T00:00:00Z"
    (vault_dir / "vault.json").write_text(json.dumps(data), "ascii")
    with pytest.raises(IntegrityError):
        v.unlock_keyring()


def test_app_unlock_prefers_the_keyring(vault_dir: Path, memory: MemoryKeyring) -> None:
    from desktop.app import create_vault

    session, _ = create_vault(vault_dir, PASSPHRASE)
    session.vault.remember(session.unlocked)
    session.lock()
    reopened = app_unlock(vault_dir, use_keyring=True)
    try:
        assert reopened.store.cases.count() == 0
    finally:
        reopened.lock()
    # Without a remembered secret, use_keyring alone is not enough.
    Vault(vault_dir).forget(Vault(vault_dir).unlock_passphrase(PASSPHRASE))
    from desktop.errors import AuthError

    with pytest.raises(AuthError):
        app_unlock(vault_dir, use_keyring=True)
