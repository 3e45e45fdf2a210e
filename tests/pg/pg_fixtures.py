"""Pytest fixtures for a real PostgreSQL server, shared by tests/pg and tests/sync.

Why: the HQ store's promise is "same behaviour on SQLCipher and PostgreSQL"; only a real
server shows dialect differences (types, JSON, text search, locking). One throwaway cluster
serves the whole test process (it is a module-level singleton, so two conftest files that
import these fixtures still share it); each test gets its own new database.

Policy: without PostgreSQL's server programs the PostgreSQL tests are skipped on a
developer machine, but in CI (``CI=true``) that is a failure — CI must prove both back ends.

Other test folders load this file by path (tests/ is not a package)::

    from importlib.util import module_from_spec, spec_from_file_location  # see load() below
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
_CLUSTER_MODULE = "td_bench_pg_cluster"
_STATE: dict[str, Any] = {}


def load_cluster_module() -> ModuleType:
    """bench/pg_cluster.py, imported once per process under a fixed name."""
    module = sys.modules.get(_CLUSTER_MODULE)
    if module is None:
        spec = importlib.util.spec_from_file_location(
            _CLUSTER_MODULE, REPO / "bench" / "pg_cluster.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[_CLUSTER_MODULE] = module
        spec.loader.exec_module(module)
    return module


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def shared_cluster() -> Any:
    """The process's one cluster, started on first use (stopped at exit or session end)."""
    if "cluster" in _STATE:
        return _STATE["cluster"]
    if "error" in _STATE:
        _unavailable(_STATE["error"])
    pg = load_cluster_module()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _STATE["error"] = "psycopg is not installed (pip install -e '.[test]')"
        _unavailable(_STATE["error"])
    try:
        cluster = pg.PgCluster().start()
    except pg.ClusterUnavailable as exc:
        _STATE["error"] = str(exc).splitlines()[0]
        _unavailable(_STATE["error"])
    _STATE["cluster"] = cluster
    return cluster


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A running throwaway cluster (``bench/pg_cluster.PgCluster``)."""
    cluster = shared_cluster()
    yield cluster
    # Whichever conftest's session fixture ends first stops the shared cluster; both end
    # together at session end, and atexit covers an interrupted run.
    cluster.stop()
    _STATE.pop("cluster", None)


@pytest.fixture
def pg_url(pg_server: Any) -> Iterator[str]:
    """URL of a new, empty UTF-8 database, dropped (connections and all) after the test."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@dataclass(frozen=True)
class HQBackend:
    """Where an HQ vault keeps its store, for tests that must pass on both back ends."""

    name: str
    db_url: str | None
    init_args: list[str] = field(default_factory=list)


@pytest.fixture(params=["sqlcipher", "postgresql"])
def hq_backend(request: pytest.FixtureRequest) -> HQBackend:
    """An HQ store back end: ``create_vault(dir, pw, hq=True, db_url=b.db_url)`` or
    ``cli("init", *b.init_args)``."""
    if request.param == "sqlcipher":
        return HQBackend("sqlcipher", None, ["--hq"])
    url = request.getfixturevalue("pg_url")
    return HQBackend("postgresql", url, ["--hq", "--db-url", url])
