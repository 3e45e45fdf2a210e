"""Engine factory: SQLCipher for vaults on disk, PostgreSQL for a large HQ.

Fail closed (DESIGN §4): a database is opened or created only when SQLCipher is really the
driver underneath (``PRAGMA cipher_version`` answers) and an existing file does not start
with the plaintext SQLite header. Every connection sets the key before anything else,
then the pragmas that keep temporary data in memory and make commits durable.
"""

from __future__ import annotations

import logging
import os
import weakref
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3.dbapi2 as _sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from desktop.errors import (
    IntegrityError,
    TestimonyDeskError,
    UsageError,
    storage_failure,
)
from desktop.store import cipherconn

log = logging.getLogger(__name__)

# The DB-API module used for vault databases. Module-level so that a test can replace it with
# the standard ``sqlite3`` and prove that the application then refuses to work.
DRIVER: ModuleType = _sqlcipher

# Driver-level pieces (desktop/store/cipherconn.py), re-exported under their old names.
PLAINTEXT_HEADER = cipherconn.PLAINTEXT_HEADER
BUSY_TIMEOUT_MS = cipherconn.BUSY_TIMEOUT_MS
CACHE_KIB = cipherconn.CACHE_KIB
CipherUnavailable = cipherconn.CipherUnavailable
_cipher_version = cipherconn.cipher_version
is_plaintext_sqlite = cipherconn.is_plaintext_sqlite
_key_pragma = cipherconn.key_pragma


def check_driver() -> str:
    """Return the SQLCipher version, or refuse when the driver is plain SQLite."""
    probe = DRIVER.connect(":memory:")
    try:
        version = _cipher_version(probe)
    finally:
        probe.close()
    if not version:
        raise CipherUnavailable(
            "SQLCipher is not available: refusing to open or create an unencrypted database"
        )
    return version


def compile_options() -> list[str]:
    probe = DRIVER.connect(":memory:")
    try:
        return [str(r[0]) for r in probe.execute("PRAGMA compile_options").fetchall()]
    finally:
        probe.close()


def sqlcipher_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An engine over an encrypted SQLite file.

    ``create`` allows a missing file to be created (only ``init`` does that); otherwise a
    missing database is an integrity failure, never a silently new, empty vault.
    """
    check_driver()
    if path.exists():
        if is_plaintext_sqlite(path):
            raise IntegrityError("the database file is not encrypted: refusing to open it")
    elif not create:
        raise IntegrityError("the vault database (cases.db) is missing")
    else:
        # Create it owner-only before SQLCipher opens it, whatever the process umask is.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # The key pragma lives in a list the engine owns, so that ``forget_key`` can make every
    # later connection attempt fail instead of silently reopening a locked vault.
    key_holder = [_key_pragma(key)]
    driver = DRIVER

    engine = create_engine(
        f"sqlite:///{path}",
        module=driver,
        connect_args={"check_same_thread": False, "isolation_level": None},
        pool_pre_ping=False,
        # The connection used last is handed out first: its page cache (CACHE_KIB of
        # decrypted pages) is the warm one. First in, first out alternated the GUI's
        # searches between connections and half of them read the index pages cold.
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            cipherconn.apply_key(cur, key_holder[0] if key_holder else None)
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA secure_delete = ON")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # The driver runs in autocommit mode; we issue BEGIN ourselves so that SQLAlchemy's
        # transaction is the database's transaction (pysqlite's own handling is not).
        # Writers ask for IMMEDIATE so two writers queue on the lock instead of deadlocking
        # when a read transaction tries to upgrade to a write one.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    _KEY_HOLDERS[engine] = key_holder
    return engine


_KEY_HOLDERS: weakref.WeakKeyDictionary[Engine, list[str]] = weakref.WeakKeyDictionary()


def forget_key(engine: Engine) -> None:
    """Drop the key and close pooled connections: the engine can never connect again."""
    holder = _KEY_HOLDERS.pop(engine, None)
    if holder is not None:
        holder.clear()
    engine.dispose()


# Any constant shared by every Testimony Desk process: the key of the advisory lock that
# serializes writers on PostgreSQL (the counterpart of SQLite's BEGIN IMMEDIATE).
PG_WRITER_LOCK = 0x7D_E5_4B_01
# How long a writer waits for another one on PostgreSQL (a 10,000-case import takes ~30 s).
PG_LOCK_TIMEOUT_S = 120.0


def normalize_pg_url(url: str) -> str:
    """The SQLAlchemy URL with the psycopg (v3) driver, whatever spelling the user gave.

    ``postgresql://`` would make SQLAlchemy look for psycopg2, which is not a dependency;
    any other explicit driver is refused so that the tested one is the one that runs.
    """
    url = url.strip()
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise UsageError("the HQ database URL must start with postgresql:// or postgresql+psycopg://")


def pg_reason(exc: BaseException) -> str:
    """The server's first line (no SQL, no parameters, no URL with a password)."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return first[:200]


def postgres_engine(url: str) -> Engine:
    """HQ store on PostgreSQL; encryption at rest and backups are the server's job there.

    The connection is probed here so that an unreachable server or a refused login is
    reported as such (exit 1) and not later as a "damaged database" (exit 5). The database
    must be UTF-8: names in Cyrillic, Arabic script and Chinese are the core of the data.
    """
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise TestimonyDeskError(
            "PostgreSQL support is not installed: pip install 'testimony-desk[hq]'"
        ) from exc
    try:
        engine = create_engine(normalize_pg_url(url), pool_pre_ping=True)
    except ArgumentError as exc:
        raise UsageError("the HQ database URL is not valid") from exc

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers (execution_options(immediate=True)) queue on one transaction-scoped
        # advisory lock, as SQLite writers queue on BEGIN IMMEDIATE: the history chain and
        # the reference counter read "the last one" and must not interleave. The wait is
        # bounded (SQLite's is too, by busy_timeout): a clear error, never a hang.
        if not conn.get_execution_options().get("immediate", False):
            return
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(PG_LOCK_TIMEOUT_S * 1000)}ms'")
        try:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
        except OperationalError:
            raise TestimonyDeskError(
                "the HQ database is busy with another import or save: try again later"
            ) from None

    try:
        with engine.connect() as conn:
            encoding = conn.exec_driver_sql("SHOW server_encoding").scalar()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise TestimonyDeskError(
            f"cannot connect to the HQ database (PostgreSQL): {pg_reason(exc)}"
        ) from None
    if str(encoding).upper() not in ("UTF8", "UTF-8"):
        engine.dispose()
        raise TestimonyDeskError(
            f"the HQ database must use the UTF8 encoding, not {encoding}: "
            "create it with ENCODING 'UTF8'"
        )
    return engine


def verify_integrity(engine: Engine) -> None:
    """``cipher_integrity_check`` authenticates every page's HMAC; any answer is a fault."""
    with engine.connect() as conn:
        try:
            bad = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
        except Exception as exc:
            disk = storage_failure(exc, opening=True)  # a full disk is not tampering
            if disk is not None:
                raise TestimonyDeskError(disk) from None
            raise IntegrityError(
                "the vault database is damaged or was altered (integrity check failed)"
            ) from exc
        if bad:
            log.warning("cipher_integrity_check reported %d damaged pages", len(bad))
            raise IntegrityError(
                "the vault database is damaged or was altered (integrity check failed)"
            )
        try:
            quick = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        except Exception as exc:
            raise IntegrityError("the vault database is damaged (quick_check failed)") from exc
        if [tuple(r) for r in quick] != [("ok",)]:
            raise IntegrityError("the vault database is damaged (quick_check failed)")
