"""The store and history unit tests, rerun unchanged on a PostgreSQL store.

Why: DESIGN §5 promises that an HQ may keep its store in PostgreSQL with the same models and
behaviour. Rather than a second, weaker copy of those tests, the very test functions of
tests/unit/test_store.py and tests/unit/test_history.py that work through the ``store``
fixture are imported here, where ``store`` is a fresh PostgreSQL database. Tests that open
SQLCipher files of their own (they take ``tmp_path``) stay SQLite-only and are skipped here.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop.store.database import Store, create_store
from desktop.vault.vault import UnlockedVault, VaultKind

UNIT = Path(__file__).resolve().parents[1] / "unit"
# Store-level fixtures these tests may use; anything else (tmp_path, …) means SQLCipher files.
PORTABLE_FIXTURES = {"store", "busy"}


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"td_pg_reuse_{name}", UNIT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _portable(func: object) -> bool:
    target = getattr(func, "hypothesis", None)
    inner = getattr(target, "inner_test", func)
    params = set(inspect.signature(inner).parameters)  # type: ignore[arg-type]
    return bool(params) and params <= PORTABLE_FIXTURES | {"column", "value", "query"}


store_tests = _load("test_store")
history_tests = _load("test_history")
IMPORTED: list[str] = []
for _module in (store_tests, history_tests):
    for _name in dir(_module):
        _func = getattr(_module, _name)
        if _name.startswith("test_") and callable(_func) and _portable(_func):
            globals()[f"{_name}"] = _func
            IMPORTED.append(_name)


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    unlocked = UnlockedVault(
        Path("/nonexistent"), str(uuid.uuid4()), VaultKind.HQ, bytearray(b"\x02" * 32),
        {"db_url": pg_url},
    )  # fmt: skip
    s = create_store(unlocked)
    assert s.engine.dialect.name == "postgresql"
    yield s
    s.close()


@pytest.fixture
def busy(store: Store) -> Store:
    return history_tests.busy.__wrapped__(store)  # type: ignore[no-any-return]


def test_enough_unit_tests_are_rerun_on_postgresql() -> None:
    # Guard against a refactor of the unit modules silently dropping them all from here.
    assert len(IMPORTED) >= 25, IMPORTED
    assert "test_example_round_trips_exactly" in IMPORTED
    assert "test_an_edited_entry_is_found" in IMPORTED
