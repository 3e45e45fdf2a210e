"""When PostgreSQL is missing: skipped on a developer machine, a failure in CI.

Why: CI must prove the HQ store on a real PostgreSQL server. A fixture that quietly skips
when the server programs are missing would let CI go green without a single PostgreSQL
test — exactly the regression this policy exists to catch.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest


def fixtures() -> Any:
    return sys.modules["td_pg_fixtures"]  # loaded by tests/pg/conftest.py


@pytest.mark.parametrize("value", ["true", "1", "TRUE", "yes"])
def test_missing_postgresql_fails_in_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="required in CI"):
        fixtures()._unavailable("initdb not found")


@pytest.mark.parametrize("value", [None, "", "false", "0"])
def test_missing_postgresql_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match="not available"):
        fixtures()._unavailable("initdb not found")


def test_a_cluster_that_cannot_start_is_reported_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fx = fixtures()
    pg = fx.load_cluster_module()

    class Broken:
        def start(self) -> Any:
            raise pg.ClusterUnavailable("initdb failed (1): simulated")

    saved = dict(fx._STATE)
    fx._STATE.clear()
    monkeypatch.setattr(pg, "PgCluster", Broken)
    monkeypatch.setenv("CI", "true")
    try:
        with pytest.raises(pytest.fail.Exception, match="simulated"):
            fx.shared_cluster()
    finally:
        fx._STATE.clear()
        fx._STATE.update(saved)


def test_the_binaries_are_found_here() -> None:
    # On this machine (and in CI, which installs Debian's postgresql) they must be found.
    pg = fixtures().load_cluster_module()
    if pg.find_bindir() is None:
        fixtures()._unavailable("initdb not found")
    assert (pg.find_bindir() / "pg_ctl").exists()
