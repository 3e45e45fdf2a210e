"""The case list's queries (filters, sorts, keyset paging, search) on PostgreSQL.

Why: an HQ store on PostgreSQL shows the same case list; the row-value keyset condition,
the text-column ordering and the tsvector search condition must give there what they give
on SQLite. The checks are those of tests/unit/test_case_query.py, run on a real server.
"""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store import migrate
from desktop.store.database import Store, create_store
from desktop.vault.vault import UnlockedVault, VaultKind

_spec = importlib.util.spec_from_file_location(
    "td_case_query_checks", Path(__file__).resolve().parents[1] / "unit" / "test_case_query.py"
)
assert _spec is not None and _spec.loader is not None
checks: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checks)


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    unlocked = UnlockedVault(
        Path("/nonexistent"),
        str(uuid.uuid4()),
        VaultKind.HQ,
        bytearray(b"\x03" * 32),
        {"db_url": pg_url},
    )
    s = create_store(unlocked)
    yield s
    s.close()


def test_filters_sorts_paging_and_search_on_postgresql(store: Store) -> None:
    checks.check_store(store.cases)


def test_migration_0004_fills_and_drops_on_postgresql(store: Store) -> None:
    repo = store.cases
    checks.load(repo)
    before = {s.reference: s for s in repo.page(limit=100)}
    migrate.downgrade(repo.engine, "0003")
    migrate.upgrade(repo.engine)
    assert {s.reference: s for s in repo.page(limit=100)} == before
