"""Process and vault hardening, applied first thing by the CLI and the GUI.

* ``harden_process``: umask 077 (every file the process creates is private to the user), no
  core dumps (``RLIMIT_CORE`` = 0) and, on Linux, ``PR_SET_DUMPABLE`` = 0, which also stops
  other processes of the same user from attaching a debugger (ptrace) or reading
  ``/proc/<pid>/mem``. Set ``TESTIMONY_DESK_DEBUG=1`` to keep the process debuggable.
* ``restrict_permissions``: at unlock, the vault folder (and its sub-folders) must be 0700 and
  its files 0600. Anything wider is narrowed on the spot (when we own it) and reported, so the
  user learns that a copy tool, an archive or a synced folder loosened it.
* ``InstanceLock``: one running program per vault. An advisory ``flock`` on the vault folder
  itself (no extra file in the vault; released by the kernel when the process ends, even on
  SIGKILL). The GUI holds it for its whole life; CLI commands that write take it for their
  run; read-only commands (list, show, search, export, check) do not need it.
* ``install_crash_handler``: an uncaught exception (main thread or any other) is written to
  ``<user state dir>/testimony-desk/crash.log`` as exception *type* and frames
  (``file:line:function``) only — never the message, never local variables — because a
  message can quote case data (a name in a database error, a path made of a name).

See docs/threat-model.md for why each of these exists and what it does not do.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import logging
import os
import stat
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from platformdirs import user_state_dir

from desktop.errors import TestimonyDeskError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks here (documented)
    fcntl = None  # type: ignore[assignment]

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

log = logging.getLogger("testimony_desk.hardening")

DEBUG_ENV = "TESTIMONY_DESK_DEBUG"
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
CRASH_LOG_MAX_BYTES = 256 * 1024
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------- the process
def harden_process() -> list[str]:
    """umask 077 and no core dumps; returns what was done (for tests and ``--version``)."""
    os.umask(0o077)
    done = ["umask 077"]
    done += disable_core_dumps()
    return done


def disable_core_dumps() -> list[str]:
    done: list[str] = []
    if resource is not None:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            done.append("RLIMIT_CORE 0")
    if sys.platform.startswith("linux") and not os.environ.get(DEBUG_ENV):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("PR_SET_DUMPABLE 0")
    return done


def is_dumpable() -> bool | None:
    """Linux only: the kernel's view (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


# ---------------------------------------------------------------------- vault permissions
def restrict_permissions(folder: Path) -> list[str]:
    """Narrow the vault folder to 0700 / 0600; return one line per thing that was wider.

    Symbolic links are neither followed nor changed. Entries owned by someone else cannot
    be changed and are reported as such. The returned lines name only the vault's own
    files (fixed names, or the random names in ``blobs/``), never case data.
    """
    problems: list[str] = []
    if not folder.is_dir():
        return problems
    uid = os.getuid() if hasattr(os, "getuid") else None

    def check(path: Path, want: int) -> None:
        try:
            st = path.lstat()
        except OSError:
            return
        if stat.S_ISLNK(st.st_mode):
            return
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077 == 0:
            return
        name = "the vault folder" if path == folder else str(path.relative_to(folder))
        if uid is not None and st.st_uid != uid:
            problems.append(f"{name} is {mode:04o} and owned by another user")
            return
        try:
            os.chmod(path, want)
        except OSError:
            problems.append(f"{name} is {mode:04o} and could not be restricted")
            return
        problems.append(f"{name} was {mode:04o}, now {want:04o}")

    check(folder, 0o700)
    for root, dirs, files in os.walk(folder, followlinks=False):
        base = Path(root)
        for d in dirs:
            check(base / d, 0o700)
        for f in files:
            check(base / f, 0o600)
    return problems


# ---------------------------------------------------------------------- one instance
class VaultInUse(TestimonyDeskError):
    """Another Testimony Desk process (the app or a command) has this vault open (exit 1)."""

    exit_code = 1


class InstanceLock:
    """An exclusive advisory lock on the vault folder, held until ``release`` or exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        """Take the lock without waiting; raise VaultInUse when another process holds it.

        A folder that does not exist yet needs no lock (``init`` creates it). Where
        ``fcntl`` is missing (Windows) the lock is not enforced.
        """
        if self._fd is not None or fcntl is None or not self.folder.is_dir():
            return self
        flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.folder, flags)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultInUse(
                "this vault is open in another Testimony Desk window or command: "
                "close it and try again"
            ) from None
        except OSError:
            os.close(fd)  # a file system without flock (some network mounts): not enforced
            return self
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.close(fd)  # closing drops the flock

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


# ---------------------------------------------------------------------- crash handler
def crash_log_path() -> Path:
    return Path(user_state_dir("testimony-desk")) / "crash.log"


def _frame_file(filename: str) -> str:
    """A frame's file without the user's folders: ``desktop/…``, ``<lib>/…`` or a base name."""
    path = Path(filename)
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(_PACKAGE_ROOT))
    parts = path.parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "<lib>/" + "/".join(parts[parts.index(marker) + 1 :])
    if "lib" in parts and any(p.startswith("python3") for p in parts):
        return "<stdlib>/" + path.name
    return path.name


def crash_report(
    exc_type: type[BaseException],
    tb: TracebackType | None,
    *,
    chain: BaseException | None = None,
    where: str = "main thread",
) -> str:
    """The exception's type and its frames, oldest first; the message and locals are left out."""
    lines = [
        f"--- {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} crash in {where}",
        _version_line(),
    ]

    def add(etype: type[BaseException], etb: TracebackType | None, label: str) -> None:
        lines.append(f"{label}{etype.__module__}.{etype.__qualname__}")
        for frame in traceback.extract_tb(etb, limit=60):
            lines.append(f"  {_frame_file(frame.filename)}:{frame.lineno}:{frame.name}")

    add(exc_type, tb, "")
    seen: set[int] = set()
    cause = chain
    depth = 0
    while cause is not None and id(cause) not in seen and depth < 5:
        seen.add(id(cause))
        nxt = cause.__cause__ or cause.__context__
        if nxt is None:
            break
        add(type(nxt), nxt.__traceback__, "caused by ")
        cause = nxt
        depth += 1
    return "\n".join(lines) + "\n"


def _version_line() -> str:
    from desktop import __version__

    return f"testimony-desk {__version__}, Python {sys.version.split()[0]}, {sys.platform}"


def write_crash_report(report: str) -> Path | None:
    """Append to the crash log (0600, kept under 256 KiB); None when it cannot be written."""
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            if path.stat().st_size > CRASH_LOG_MAX_BYTES:
                os.replace(path, path.with_suffix(".log.1"))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(report)
    except OSError:
        return None
    return path


def record_crash(exc: BaseException, where: str = "main thread") -> Path | None:
    report = crash_report(type(exc), exc.__traceback__, chain=exc, where=where)
    return write_crash_report(report)


Notify = Callable[[Path | None], None]


def install_crash_handler(notify: Notify | None = None) -> None:
    """Route uncaught exceptions (any thread) to the crash log, then to ``notify``.

    ``notify`` (the GUI's calm dialog) gets the crash log path; without it a one-line
    message goes to stderr. KeyboardInterrupt keeps Python's own behaviour.
    """

    def handle(
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc or exc_type(), tb)
            return
        report = crash_report(exc_type, tb, chain=exc, where=where)
        path = write_crash_report(report)
        if notify is not None:
            with contextlib.suppress(Exception):
                notify(path)
                return
        with contextlib.suppress(Exception):
            print(
                f"error: unexpected failure ({exc_type.__name__}); details without case data "
                f"in {path}"
                if path
                else f"error: unexpected failure ({exc_type.__name__})",
                file=sys.stderr,
            )

    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        handle(exc_type, exc, tb, "main thread")

    def thread_hook(args: Any) -> None:
        if args.exc_type is SystemExit:
            return
        handle(args.exc_type, args.exc_value, args.exc_traceback, "a background thread")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
