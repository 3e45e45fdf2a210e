"""Typed errors shared by every layer.

Each error carries the process exit code of the command-line contract (DESIGN §6), so the
CLI maps any failure to the right code without knowing where it came from, and the GUI can
show the message without a traceback. Messages must never contain personal data about
cases when the error concerns the vault itself.
"""

from __future__ import annotations


class TestimonyDeskError(Exception):
    """Base class: anything the user should see as one calm line."""

    exit_code = 1


class UsageError(TestimonyDeskError):
    """The command was called wrongly (exit 2)."""

    exit_code = 2


class AuthError(TestimonyDeskError):
    """Wrong passphrase or recovery key, or the vault is locked (exit 3)."""

    exit_code = 3


class InvalidInputError(TestimonyDeskError):
    """Outside input failed validation (exit 4).

    ``source`` names the file, ``index`` the record (0-based) or line, ``path`` a JSON path
    such as ``$.persons[0].names[1].script``. The message is built from all three so that a
    user can find the fault in a file of thousands of cases.
    """

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        index: int | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.index = index
        self.path = path
        self.line = line
        super().__init__(self._compose())

    def _compose(self) -> str:
        where: list[str] = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.index is not None:
            where.append(f"record {self.index}")
        if self.path:
            where.append(self.path)
        return f"{': '.join(where)}: {self.reason}" if where else self.reason

    def located(
        self, *, source: str | None = None, index: int | None = None, line: int | None = None
    ) -> InvalidInputError:
        """Return a copy that also names the file/record, for errors raised deep inside."""
        return InvalidInputError(
            self.reason,
            source=source if source is not None else self.source,
            index=index if index is not None else self.index,
            path=self.path,
            line=line if line is not None else self.line,
        )


class IntegrityError(TestimonyDeskError):
    """Tampered or corrupt file, bad signature, unknown device, replay (exit 5)."""

    exit_code = 5


class NotFoundError(TestimonyDeskError):
    """A case, recipient or other named thing does not exist (exit 1)."""

    exit_code = 1


# SQLite's own fixed messages (they never quote data) for a full disk and an I/O error.
_SQLITE_FULL = "database or disk is full"
_SQLITE_IOERR = "disk I/O error"


def storage_failure(exc: BaseException, *, opening: bool = False) -> str | None:
    """One calm sentence when a write failed because of the disk, else None.

    A failed save is rolled back by SQLite and a failed ``vault.json`` write leaves the old
    file (atomic rename), so in both cases the vault is as it was before the attempt.
    ``opening``: the failure came while opening the vault (SQLite creates its journal files
    then): say that, not "damaged or altered", which would send the user hunting for an
    attacker when the disk is only full.
    """
    import errno

    if opening:
        full = "the disk is full: free some space, then open the vault again (nothing was changed)"
        broken = (
            "the disk reported an error while opening the vault: check the disk, then try "
            "again (nothing was changed)"
        )
    else:
        full = "the disk is full: the change was not saved and the vault is unchanged"
        broken = (
            "the disk reported an error while writing: the change was not saved and the vault "
            "is unchanged (check the disk, then try again)"
        )
    if isinstance(exc, OSError) and not isinstance(exc, TestimonyDeskError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return full
        if exc.errno in (errno.EIO, errno.EFBIG):
            return broken
        return None
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    if type(orig if orig is not None else exc).__name__ != "OperationalError":
        return None
    if text == _SQLITE_FULL:
        return full
    if text.startswith(_SQLITE_IOERR):
        return broken
    return None
