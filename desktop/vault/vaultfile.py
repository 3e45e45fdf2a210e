"""Reading and atomically writing ``vault.json``.

The file holds only what is needed to find and unwrap the master key: format version,
vault id, kind, key slots, and a MAC made with a key derived from the master key so that
any edit to the header (not only to a slot) is detected after unlock.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from desktop.errors import IntegrityError

VAULT_FILE = "vault.json"
DB_FILE = "cases.db"
BLOB_DIR = "blobs"
FORMAT = "testimony-desk.vault/1"
MAX_HEADER_BYTES = 1024 * 1024


def canonical_json(value: Any) -> bytes:
    """Deterministic serialization used for MACs, associated data and hashes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def read_header(folder: Path) -> dict[str, Any]:
    path = folder / VAULT_FILE
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise IntegrityError(f"cannot read the vault header: {exc.strerror}") from exc
    if len(raw) > MAX_HEADER_BYTES:
        raise IntegrityError("the vault header is too large: the file was altered")
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IntegrityError("the vault header is damaged or was altered") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise IntegrityError("the vault header is damaged, altered or of an unknown version")
    return header


def atomic_write(path: Path, data: bytes) -> None:
    """Write via temp file + fsync + rename + fsync(dir), so a crash leaves old or new, never half.

    The temp file lives in the same folder (rename is atomic only within a file system) and
    contains only what the final file would: ``vault.json`` holds no personal data.
    """
    folder = path.parent
    tmp = folder / f".{path.name}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        # The old file is intact; do not leave a second copy of the header lying around.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not supported on this platform (Windows): rename is still atomic
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or below it: exports must not land in a vault."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def write_header(folder: Path, header: dict[str, Any]) -> None:
    data = json.dumps(header, indent=2, sort_keys=False, ensure_ascii=True).encode("ascii") + b"\n"
    atomic_write(folder / VAULT_FILE, data)


def overwrite_in_place(path: Path) -> None:
    """Overwrite a file's current blocks with random bytes before it is unlinked.

    On SSDs and copy-on-write file systems this is not guaranteed to reach the old blocks;
    that is why erase relies on destroying the key slots (crypto-erase), not on this.
    """
    try:
        size = path.stat().st_size
        with path.open("r+b", buffering=0) as fh:
            fh.write(os.urandom(size))
            os.fsync(fh.fileno())
    except OSError:
        return
