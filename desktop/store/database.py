"""Open the store of an unlocked vault: engine, migrations, integrity check, device id."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from desktop.errors import IntegrityError
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


def _engine_for(unlocked: UnlockedVault, *, create: bool) -> Engine:
    if unlocked.db_url:
        return engines.postgres_engine(unlocked.db_url)
    return engines.sqlcipher_engine(unlocked.db_path, unlocked.db_key, create=create)


def _prepare(engine: Engine, *, check: bool) -> None:
    if check and engine.dialect.name == "sqlite":
        engines.verify_integrity(engine)
    try:
        migrate.upgrade(engine)
    except IntegrityError:
        raise
    except Exception as exc:
        if engine.dialect.name == "sqlite":
            raise IntegrityError(
                "the vault database is damaged or was altered (it could not be read)"
            ) from exc
        raise


def create_store(unlocked: UnlockedVault, *, name: str | None = None) -> Store:
    """Create the database of a new vault (called before vault.json is written)."""
    engine = _engine_for(unlocked, create=True)
    _prepare(engine, check=False)
    store = Store(engine, str(uuid.uuid4()), CaseRepository(engine, ""))
    store.set_setting(DEVICE_KEY, store.device_id)
    store.set_setting("vault_kind", unlocked.kind.value)
    if name:
        store.set_setting("organisation_name", name)
    store.cases = CaseRepository(engine, store.device_id)
    return store


def open_store(unlocked: UnlockedVault, *, check: bool = True) -> Store:
    """Open after unlock: integrity check, pending migrations, then the repositories."""
    engine = _engine_for(unlocked, create=False)
    try:
        _prepare(engine, check=check)
        with engine.connect() as conn:
            device = conn.execute(select(Setting.value).where(Setting.key == DEVICE_KEY)).scalar()
    except IntegrityError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise IntegrityError("the vault database is damaged or was altered") from exc
    if not device:
        engine.dispose()
        raise IntegrityError("the vault database has no device identity: it was altered")
    return Store(engine, str(device), CaseRepository(engine, str(device)))
