"""An in-memory keyring backend for tests (``PYTHON_KEYRING_BACKEND``).

It never touches disk, so it is as safe as the process memory; it is not offered to users
because it forgets everything when the process ends.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._items.pop((service, username), None)
