"""Open the store of an unlocked vault: engine, migrations, integrity check, device id."""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, inspect, select, update
from sqlalchemy.engine import Engine

from desktop.errors import IntegrityError, TestimonyDeskError, UsageError, storage_failure
from desktop.store import engine as engines
from desktop.store import migrate
from desktop.store.cases import CaseRepository
from desktop.store.models import Setting
from desktop.vault.vault import UnlockedVault

DEVICE_KEY = "device_id"


@dataclass
class Store:
    engine: Engine
    device_id: str
    cases: CaseRepository

    def setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: Any) -> None:
        with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
            if conn.execute(update(Setting).where(Setting.key == key).values(value=value)).rowcount:
                return
            conn.execute(insert(Setting).values(key=key, value=value))

    def close(self) -> None:
        engines.forget_key(self.engine)

    def verify(self) -> None:
        """Full check: every page's HMAC, the b-tree structure and the history chain.

        Raises IntegrityError on the first fault. Run in the background after unlock on large
        vaults and by ``testimony-desk check``.
        """
        if self.engine.dialect.name == "sqlite":
            engines.verify_integrity(self.engine)
        report = self.cases.verify_history()
        if not report.ok:
            raise IntegrityError(f"the change history was altered: {report.problem}")


def _engine_for(unlocked: UnlockedVault, *, create: bool) -> Engine:
    if unlocked.db_url:
        return engines.postgres_engine(unlocked.db_url)
    return engines.sqlcipher_engine(unlocked.db_path, unlocked.db_key, create=create)


# Up to this size the whole file is authenticated at unlock (well under a second). Larger
# vaults are swept in the background after unlock (GUI) or by ``testimony-desk check``:
# a full sweep of a 1.5 GB vault takes many seconds, and SQLCipher authenticates every page
# it reads anyway, so a damaged page can never be read silently — only found later.
FULL_CHECK_AT_UNLOCK_MAX_BYTES = 64 * 1024 * 1024


def _database_bytes(engine: Engine) -> int:
    path = engine.url.database
    if not path:
        return 0
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path + suffix)
    return total


def _prepare(engine: Engine, *, check: bool) -> None:
    if (
        check
        and engine.dialect.name == "sqlite"
        and _database_bytes(engine) <= FULL_CHECK_AT_UNLOCK_MAX_BYTES
    ):
        engines.verify_integrity(engine)
    try:
        migrate.upgrade_if_needed(engine)
    except TestimonyDeskError:
        raise
    except Exception as exc:
        disk = storage_failure(exc, opening=True)  # a full disk is not tampering
        if disk is not None:
            raise TestimonyDeskError(disk) from None
        if engine.dialect.name == "sqlite":
            raise IntegrityError(
                "the vault database is damaged or was altered (it could not be read)"
            ) from exc
        raise


VAULT_ID_KEY = "vault_id"


def _is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _refuse_used_database(engine: Engine) -> None:
    """``init`` never adopts a PostgreSQL database that already holds tables.

    A SQLCipher store is created with O_EXCL; the PostgreSQL counterpart of that check is an
    empty database. Adopting another HQ's store would replace its device identity and mix
    two vaults' cases (and re-running ``init`` by mistake must not damage a working HQ).
    """
    names = inspect(engine).get_table_names()
    if names:
        engine.dispose()
        raise UsageError(
            "the PostgreSQL database is not empty: an HQ store needs a new, empty database "
            "(createdb -E UTF8 …)"
        )


def _drop_everything(engine: Engine) -> None:
    """Undo a half-made PostgreSQL store so that ``init`` can be run again on it."""
    with contextlib.suppress(Exception):
        migrate.downgrade(engine, "base")
    with contextlib.suppress(Exception), engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def create_store(unlocked: UnlockedVault, *, name: str | None = None) -> Store:
    """Create the database of a new vault (called before vault.json is written)."""
    engine = _engine_for(unlocked, create=True)
    postgres = _is_postgres(engine)
    if postgres:
        _refuse_used_database(engine)
    try:
        _prepare(engine, check=False)
        store = Store(engine, str(uuid.uuid4()), CaseRepository(engine, ""))
        store.set_setting(DEVICE_KEY, store.device_id)
        store.set_setting("vault_kind", unlocked.kind.value)
        if postgres:
            # Nothing cryptographic ties a server database to vault.json: remember whose it is.
            store.set_setting(VAULT_ID_KEY, unlocked.vault_id)
        if name:
            store.set_setting("organisation_name", name)
    except BaseException:
        if postgres:
            _drop_everything(engine)
        engine.dispose()
        raise
    store.cases = CaseRepository(engine, store.device_id)
    return store


def open_store(unlocked: UnlockedVault, *, check: bool = True) -> Store:
    """Open after unlock: integrity check, pending migrations, then the repositories."""
    engine = _engine_for(unlocked, create=False)
    postgres = _is_postgres(engine)
    owner: Any = None
    try:
        _prepare(engine, check=check)
        with engine.connect() as conn:
            device = conn.execute(select(Setting.value).where(Setting.key == DEVICE_KEY)).scalar()
            if postgres:
                owner = conn.execute(
                    select(Setting.value).where(Setting.key == VAULT_ID_KEY)
                ).scalar()
    except TestimonyDeskError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        if postgres:
            # A server-side failure (permissions, a dropped connection) is not tampering.
            raise TestimonyDeskError(
                f"the HQ database (PostgreSQL) could not be read: {engines.pg_reason(exc)}"
            ) from None
        disk = storage_failure(exc, opening=True)  # a full disk is not tampering
        if disk is not None:
            raise TestimonyDeskError(disk) from None
        raise IntegrityError("the vault database is damaged or was altered") from exc
    if not device:
        engine.dispose()
        raise IntegrityError("the vault database has no device identity: it was altered")
    if postgres and owner != unlocked.vault_id:
        engine.dispose()
        raise IntegrityError(
            "the PostgreSQL database belongs to another vault (or was altered): refusing to use it"
        )
    return Store(engine, str(device), CaseRepository(engine, str(device)))
