"""Fault injection helpers shared by tests/security/test_fault_injection.py and bench/fault_soak.py.

* ``failing_writes``: replace ``os.write`` (what ``atomic_write`` uses for ``vault.json``)
  by one that accepts ``budget`` bytes in total, then fails with ``err`` — a short write
  first when the budget ends inside a chunk, as the kernel does on a full disk.
* ``fsize_limit``: ``RLIMIT_FSIZE`` with SIGXFSZ ignored, so that any write past ``limit``
  bytes of any file fails with EFBIG — the way to make SQLite's own C-level writes fail
  (a case save) without a FUSE file system or root. SQLite reports it as an I/O error.
* ``tiny_tmpfs``: a real, small tmpfs (root only) for a real ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno as errno_mod
import os
import resource
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop.vault.vaultfile import VAULT_FILE


@contextlib.contextmanager
def failing_writes(budget: int, err: int = errno_mod.ENOSPC) -> Iterator[dict[str, int]]:
    real_write = os.write
    state = {"written": 0, "failures": 0}

    def write(fd: int, data: Any) -> int:
        left = budget - state["written"]
        if left <= 0:
            state["failures"] += 1
            raise OSError(err, os.strerror(err))
        n = real_write(fd, bytes(memoryview(data)[:left]))
        state["written"] += n
        return n

    os.write = write
    try:
        yield state
    finally:
        os.write = real_write


@contextlib.contextmanager
def failing_call(module: Any, name: str, err: int = errno_mod.EIO) -> Iterator[None]:
    """Make ``module.name`` (e.g. ``os.fsync``, ``os.replace``) fail once called."""
    real = getattr(module, name)

    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(err, os.strerror(err))

    setattr(module, name, fail)
    try:
        yield
    finally:
        setattr(module, name, real)


@contextlib.contextmanager
def fsize_limit(limit: int) -> Iterator[None]:
    """In this process: writes past ``limit`` bytes of any file fail with EFBIG."""
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, old_handler)


def fsize_preexec(limit: int) -> Callable[[], None]:
    """``preexec_fn`` for a subprocess with the same limit (the CLI run under test)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def header_state(folder: Path) -> tuple[bytes | None, list[str]]:
    """The header's bytes and any leftover files next to it (a temp copy must not stay)."""
    path = folder / VAULT_FILE
    data = path.read_bytes() if path.exists() else None
    extra = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    return data, extra


@contextlib.contextmanager
def tiny_tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    """Mount a small tmpfs at ``where`` (needs root and mount rights; raises otherwise)."""
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        check=True,
        capture_output=True,
    )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` until only about ``leave`` bytes are free."""
    filler = folder / "filler"
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with filler.open("wb") as fh:
        remaining = max(free - leave, 0)
        chunk = b"\0" * (1 << 20)
        while remaining > 0:
            n = min(remaining, len(chunk))
            try:
                fh.write(chunk[:n])
                fh.flush()
            except OSError:
                break
            remaining -= n
    return filler
