"""The optional "remember on this computer" slot, backed by the OS keyring.

Off by default. ``keyrings.alt`` ships a plaintext backend that keyring picks silently
where no Secret Service runs (DESIGN §9), and the null/fail backends store nothing; a
secret in any of those would defeat the vault, so they are refused outright.
"""

from __future__ import annotations

import base64
import contextlib
from typing import Any

from desktop.errors import TestimonyDeskError

SERVICE = "testimony-desk"

_INSECURE_MODULE_PREFIXES = (
    "keyring.backends.null",
    "keyring.backends.fail",
    "keyrings.alt",  # plaintext and "encrypted with a weak password" file backends
)


class KeyringUnavailable(TestimonyDeskError):
    """No secure keyring backend: "remember on this computer" cannot be offered."""


def _backend() -> Any:
    import keyring

    return keyring.get_keyring()


def _leaves(backend: Any) -> list[Any]:
    subs = getattr(backend, "backends", None)
    if subs is not None and type(backend).__name__ == "ChainerBackend":
        return list(subs)
    return [backend]


def describe_backend() -> str:
    return ", ".join(type(b).__module__ + "." + type(b).__name__ for b in _leaves(_backend()))


def is_secure_backend(backend: Any | None = None) -> bool:
    backend = backend if backend is not None else _backend()
    leaves = _leaves(backend)
    if not leaves:
        return False
    for leaf in leaves:
        module = type(leaf).__module__
        if any(module.startswith(prefix) for prefix in _INSECURE_MODULE_PREFIXES):
            return False
        priority = getattr(leaf, "priority", 1)
        with contextlib.suppress(TypeError):
            if float(priority) <= 0:
                return False
    return True


def _username(vault_id: str) -> str:
    return f"vault:{vault_id}"


def store_secret(vault_id: str, secret: bytes) -> None:
    if not is_secure_backend():
        raise KeyringUnavailable(
            "no secure system keyring is available; the vault can only be opened with the "
            "passphrase or the recovery key on this computer"
        )
    import keyring

    keyring.set_password(SERVICE, _username(vault_id), base64.b64encode(secret).decode("ascii"))


def load_secret(vault_id: str) -> bytes | None:
    if not is_secure_backend():
        return None
    import keyring

    try:
        value = keyring.get_password(SERVICE, _username(vault_id))
    except Exception:  # keyring backends raise many unrelated types
        return None
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def delete_secret(vault_id: str) -> None:
    """Best effort: used by erase and by "forget on this computer"."""
    import keyring

    with contextlib.suppress(Exception):
        keyring.delete_password(SERVICE, _username(vault_id))
