"""SQLCipher at the driver level: the key, the fail-closed check and the pragmas of a
connection, without SQLAlchemy.

Why a module of its own: ``desktop.store.engine`` builds SQLAlchemy engines on top of these
(every connection of the app), and a helper process that only reads — the sync export's
records helper (desktop/sync/records.py) — opens one plain DB-API connection with the very
same key handling, without paying ~0.25 s to import SQLAlchemy first.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from desktop.errors import AuthError, IntegrityError

PLAINTEXT_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# Page cache per connection, in KiB (SQLCipher's compiled-in default is 8,000 KiB). Every
# page read from an encrypted file costs an HMAC check and an AES decryption; on a
# 100,000-case vault (1.5 GB) a larger cache of decrypted pages made the median search
# about 40% faster and the big import transaction spill less (docs/performance.md).
# SQLite allocates it lazily, up to this bound, and frees it when the connection closes
# (lock/dispose); the keys in memory already give access to everything, so keeping more
# decrypted pages while unlocked does not widen what a memory dump would reveal.
CACHE_KIB = 64 * 1024


class CipherUnavailable(IntegrityError):
    """The SQLite driver is not SQLCipher: nothing would be encrypted."""


def cipher_version(conn: Any) -> str:
    try:
        rows = conn.execute("PRAGMA cipher_version").fetchall()
    except Exception:  # a non-SQLCipher driver may raise or return nothing
        return ""
    return str(rows[0][0]) if rows and rows[0] and rows[0][0] else ""


def is_plaintext_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == PLAINTEXT_HEADER
    except FileNotFoundError:
        return False


def key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    # A raw key in x'..' form skips SQLCipher's own PBKDF2: our key is already random.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(cur: Any, pragma: str | None) -> None:
    """Key a fresh connection (``pragma`` from :func:`key_pragma`; None: the vault is
    locked) and refuse to go on unless SQLCipher is really the driver underneath."""
    # SQLCipher writes "ERROR CORE" lines to stderr on a bad page; keep them off the
    # user's terminal: failures surface as typed errors instead.
    with contextlib.suppress(Exception):
        cur.execute("PRAGMA cipher_log_level = NONE")
    if pragma is None:
        raise AuthError("the vault is locked")
    cur.execute(pragma)
    if not cipher_version(cur):
        raise CipherUnavailable(
            "SQLCipher is not available: refusing to open an unencrypted database"
        )


def open_read_only(path: Path, key: bytes) -> Any:
    """A DB-API connection to an existing vault database that can only read.

    Same key, same fail-closed checks and the same in-memory temporary storage as the
    app's engines; ``query_only`` makes any write an error. A wrong key raises on the
    first read (SQLCipher cannot decrypt the first page), as with the engines.
    """
    import sqlcipher3.dbapi2 as driver

    if not path.exists():
        raise IntegrityError("the vault database (cases.db) is missing")
    if is_plaintext_sqlite(path):
        raise IntegrityError("the database file is not encrypted: refusing to open it")
    pragma = key_pragma(key)
    conn = driver.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        cur = conn.cursor()
        try:
            apply_key(cur, pragma)
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute("PRAGMA query_only = ON")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the key is right
        finally:
            cur.close()
    except driver.DatabaseError as exc:
        conn.close()
        raise IntegrityError(
            "the vault database cannot be read with this key (damaged or another key)"
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn
