"""The stateful any-order import test of tests/sync, with the HQ store on PostgreSQL.

Why: "any permutation of a set of bundles, with duplicates, imported in any order, gives the
same final HQ state" (issue 5) must hold on both HQ back ends. The state machine, the bundle
world and the expected-state comparison are tests/sync/test_stateful_merge.py's own,
unchanged; only the HQ is different: built with a PostgreSQL store, and each Hypothesis
example starts from a copy of the empty, approved HQ database (``CREATE DATABASE …
TEMPLATE``) next to a copy of its vault folder, opened with the same keys.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from desktop.app import Session
from desktop.store.database import open_store
from desktop.sync import service
from desktop.vault.vault import UnlockedVault, Vault

SYNC = Path(__file__).resolve().parents[1] / "sync"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_stateful() -> tuple[ModuleType, ModuleType]:
    """tests/sync's conftest and stateful test, loaded under names of their own.

    The stateful module does ``from conftest import …`` (tests/sync is on sys.path when
    pytest collects it); here "conftest" is pointed at tests/sync's for that one import.
    """
    sync_conftest = sys.modules.get("td_sync_conftest") or _load(
        "td_sync_conftest", SYNC / "conftest.py"
    )
    saved = sys.modules.get("conftest")
    sys.modules["conftest"] = sync_conftest
    try:
        stateful = _load("td_sync_stateful_for_pg", SYNC / "test_stateful_merge.py")
    finally:
        if saved is not None:
            sys.modules["conftest"] = saved
        else:
            sys.modules.pop("conftest", None)
    return sync_conftest, stateful


sync_conftest, stateful = _load_stateful()


@pytest.fixture(scope="module")
def pg_world(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    hq_url = pg_server.create_database()
    folder = tmp_path_factory.mktemp("pg-stateful")
    original_make_pair = stateful.make_pair
    stateful.make_pair = lambda f: sync_conftest.make_pair(f, hq_url)
    try:
        world = stateful.build_world(folder)
    finally:
        stateful.make_pair = original_make_pair
    hq = world["pair"].hq
    assert hq.store.engine.dialect.name == "postgresql"
    # The empty, approved HQ database as a template: no connection may be open on it.
    hq.store.close()
    world["template_url"] = pg_server.create_database(template=hq_url)
    hq.store = open_store(hq.unlocked)
    world["clones"] = []
    world["pg_server"] = pg_server

    reference = pg_fresh_hq(world, tmp_path_factory.mktemp("pg-ref") / "hq")
    service.import_bundles(reference, world["bundles"])
    world["expected"] = stateful.hq_state(reference)
    reference.lock()
    docs = world["expected"][0]
    assert len(docs) == 8 and len(world["expected"][1]) == 6
    assert sum(d["reference"].count("-") == 3 for d in docs) == 2  # two devices, one reference
    yield world
    world["pair"].field.lock()
    hq.lock()
    for url in [*world["clones"], world["template_url"], hq_url]:
        pg_server.drop_database(url)


def pg_fresh_hq(world: dict[str, Any], folder: Path) -> Session:
    """A copy of the empty HQ: vault folder (blobs, sealed identity) and database."""
    shutil.copytree(world["snapshot"], folder)
    url = world["pg_server"].create_database(template=world["template_url"])
    world["clones"].append(url)
    hq = world["pair"].hq
    unlocked = UnlockedVault(
        folder,
        hq.unlocked.vault_id,
        hq.unlocked.kind,
        bytearray(hq.unlocked._key()),
        {**hq.unlocked._secrets, "db_url": url},
    )
    session = Session(Vault(folder), unlocked, open_store(unlocked))
    assert session.store.engine.dialect.name == "postgresql"
    return session


def test_postgresql_hq_reaches_the_same_state_as_sqlcipher_would(
    pg_world: dict[str, Any],
) -> None:
    # Guard for the machine below: its expected state is the same kind of state the
    # SQLCipher test compares (8 cases, 6 bundles, attachments with their hashes).
    _docs, _seen, conflicts, atts = pg_world["expected"]
    assert conflicts == 0
    assert any(sha for _id, sha in atts)


def test_any_order_with_duplicates_converges_on_postgresql(
    pg_world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stateful, "fresh_hq", pg_fresh_hq)
    stateful.ImportAnyOrder.world = pg_world
    stateful.ImportAnyOrder.base = tmp_path
    run = stateful.ImportAnyOrder.TestCase
    run.settings = settings(
        # Fewer than the SQLCipher run (30): each example copies a database and the
        # SQLCipher run already explores the orders; this proves the PostgreSQL path.
        max_examples=8,
        stateful_step_count=10,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    run().runTest()
