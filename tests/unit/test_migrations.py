"""Alembic migrations on a real SQLCipher database: complete, reversible, in step with models.

Why: a vault opened by a newer version is migrated at unlock, inside the keyed connection. A
model change without a migration (or a migration that cannot be undone) would surface only on
a field laptop, far from anyone who could fix it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from desktop.errors import IntegrityError
from desktop.store import engine as engines
from desktop.store import migrate
from desktop.store.database import create_store, open_store
from desktop.store.models import Base
from desktop.vault.vault import UnlockedVault, VaultKind

FTS_TABLE = "case_search"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = engines.sqlcipher_engine(tmp_path / "cases.db", os.urandom(32), create=True)
    yield eng
    eng.dispose()


def tables(eng: Engine) -> set[str]:
    return set(inspect(eng).get_table_names())


def _not_fts(obj: Any, name: str | None, type_: str, reflected: bool, _compare_to: Any) -> bool:
    """FTS5 virtual tables and their shadow tables are created by raw SQL, not by models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def schema_differences(eng: Engine) -> list[Any]:
    with eng.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_object": _not_fts,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def revisions() -> list[str]:
    """Every revision from base to head, in upgrade order."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_revision_history_is_linear_and_ends_at_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    chain = revisions()
    assert chain[0] == "0001"
    assert chain[-1] == migrate.head_revision()
    assert len(chain) >= 2


def test_upgrade_from_empty_matches_the_models(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert schema_differences(engine) == []
    model_tables = set(Base.metadata.tables)
    assert model_tables <= tables(engine)
    assert FTS_TABLE in tables(engine)


def test_schema_comparison_would_notice_a_missing_migration(engine: Engine) -> None:
    # Guard for the test above: drop an index behind alembic's back; the diff must show it.
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_cases_status"))
    diffs = schema_differences(engine)
    assert any(d[0] == "add_index" and d[1].name == "ix_cases_status" for d in diffs), diffs


def test_every_revision_downgrades_and_upgrades_again(engine: Engine) -> None:
    chain = revisions()
    migrate.upgrade(engine)
    seen_tables = {}
    # Walk down one step at a time, recording what each level looks like.
    for revision in reversed(chain):
        assert migrate.current_revision(engine) == revision
        seen_tables[revision] = tables(engine)
        migrate.downgrade(engine, "-1")
    assert migrate.current_revision(engine) is None
    assert tables(engine) <= {"alembic_version"}
    # ... and up again, one step at a time, to the same shapes.
    for revision in chain:
        migrate.upgrade(engine, "+1")
        assert migrate.current_revision(engine) == revision
        assert tables(engine) == seen_tables[revision]
    assert schema_differences(engine) == []
    # The FTS table belongs to 0002: absent at 0001, present at head.
    assert FTS_TABLE not in seen_tables["0001"]
    assert FTS_TABLE in seen_tables[chain[-1]]


def test_data_survives_a_down_and_up_of_the_search_revision(engine: Engine) -> None:
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('device_id', '\"d-1\"')"))
    migrate.downgrade(engine, "0001")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM settings")).scalar() == '"d-1"'


def test_open_store_brings_an_old_vault_to_head(tmp_path: Path) -> None:
    unlocked = UnlockedVault(tmp_path, "vault-id", VaultKind.FIELD, bytearray(os.urandom(32)))
    store = create_store(unlocked)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    migrate.downgrade(store.engine, "0001")  # a vault written by an older version
    assert migrate.current_revision(store.engine) == "0001"
    device = store.device_id
    store.close()

    reopened = open_store(unlocked)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        assert reopened.device_id == device
        assert FTS_TABLE in tables(reopened.engine)
    finally:
        reopened.close()


def test_the_head_read_from_the_files_is_alembics(tmp_path: Path) -> None:
    """Unlock skips alembic for a vault at ``linear_head()``: it must be alembic's head, and
    anything but one plain chain of files must leave the decision to alembic (None)."""
    assert migrate.linear_head() == migrate.head_revision()

    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    originals = sorted((migrate.MIGRATIONS / "versions").glob("*.py"))
    for path in originals:
        (versions / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    real = migrate.MIGRATIONS
    try:
        migrate.MIGRATIONS = tmp_path / "migrations"
        assert migrate.linear_head() == migrate.head_revision()
        # A second head (a branch from 0003): alembic decides.
        (versions / "9999_branch.py").write_text(
            'revision = "9999"\ndown_revision = "0003"\n', encoding="utf-8"
        )
        assert migrate.linear_head() is None
        (versions / "9999_branch.py").write_text(
            'revision = "9999"\ndown_revision = ("0003", "0004")\n', encoding="utf-8"
        )
        assert migrate.linear_head() is None  # a merge revision: not understood here
        (versions / "9999_branch.py").unlink()
        (versions / originals[0].name).unlink()  # the chain has lost its base
        assert migrate.linear_head() is None
    finally:
        migrate.MIGRATIONS = real


def test_open_store_skips_alembic_only_at_head(tmp_path: Path) -> None:
    unlocked = UnlockedVault(tmp_path, "vault-id", VaultKind.FIELD, bytearray(os.urandom(32)))
    store = create_store(unlocked)
    try:
        assert migrate.is_current(store.engine)
        migrate.downgrade(store.engine, "0004")
        assert not migrate.is_current(store.engine)
        migrate.upgrade_if_needed(store.engine)
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert migrate.is_current(store.engine)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE alembic_version")
        assert not migrate.is_current(store.engine)  # unknown: alembic decides
    finally:
        store.close()


def test_open_store_refuses_a_database_without_device_identity(tmp_path: Path) -> None:
    unlocked = UnlockedVault(tmp_path, "vault-id", VaultKind.FIELD, bytearray(os.urandom(32)))
    store = create_store(unlocked)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'device_id'"))
    store.close()
    with pytest.raises(IntegrityError, match="device identity"):
        open_store(unlocked)


def test_migrations_run_inside_the_keyed_connection(tmp_path: Path) -> None:
    # The database migrated above is encrypted: no plaintext header, useless without the key.
    key = os.urandom(32)
    eng = engines.sqlcipher_engine(tmp_path / "cases.db", key, create=True)
    migrate.upgrade(eng)
    eng.dispose()
    assert not engines.is_plaintext_sqlite(tmp_path / "cases.db")
    raw = (tmp_path / "cases.db").read_bytes()
    assert b"alembic_version" not in raw and b"CREATE TABLE" not in raw
    wrong = engines.sqlcipher_engine(tmp_path / "cases.db", os.urandom(32))
    try:
        with pytest.raises(Exception, match="not a database"):
            migrate.current_revision(wrong)
    finally:
        wrong.dispose()


def test_env_refuses_to_run_without_a_connection() -> None:
    from alembic import command

    with pytest.raises(RuntimeError, match=r"only through desktop\.store\.migrate"):
        command.upgrade(migrate.alembic_config(), "head")


def _search_state(store: Any, queries: list[str]) -> dict[str, Any]:
    """What the search index answers (every match: fewer than 50), and how rows are keyed."""
    with store.engine.connect() as conn:
        keyed = sorted(conn.execute(text("SELECT rowid, case_id FROM case_search")).all())
        shadow = {
            r[0]: r[1]
            for r in conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'case_search%'")
            )
        }
    answers = {q: [(h.id, h.score) for h in store.cases.search(q, 50)] for q in queries}
    return {"keyed": keyed, "shadow": shadow, "answers": answers}


def test_search_index_keeps_its_rowids_and_answers_across_0005(tmp_path: Path) -> None:
    """0005 keeps each case's search-index rowid on the case (``cases.search_rowid``), so
    a save deletes the case's old index row by rowid; new cases get increasing rowids, an
    edited case keeps its own. Every query answers the same (same cases, order and scores)
    before and after the revision, and its downgrade."""
    from desktop.interchange.case_format import normalize_case
    from tests.unit.test_store import load_synth

    unlocked = UnlockedVault(tmp_path, "vault-id", VaultKind.FIELD, bytearray(os.urandom(32)))
    store = create_store(unlocked)
    try:
        docs = [normalize_case(c) for c in load_synth().generate_cases(40, seed=5)]
        store.cases.save(docs[:25])
        store.cases.save(docs[25:])
        store.cases.save([dict(docs[3], notes="edited later")])  # keeps its rowid
        names = [d["persons"][0]["names"][0]["value"] for d in docs[:6]]
        queries = [*names, *(n.split()[0][:3] for n in names), "Bole", "TD-", "edited", "zzzz"]
        head = _search_state(store, queries)
        assert any(head["answers"][n] for n in names)  # the queries find something
        assert [h[0] for h in head["answers"]["edited"]] == [docs[3]["id"]]
        with store.engine.connect() as conn:
            keys = dict(conn.execute(text("SELECT id, search_rowid FROM cases")).all())
            config = dict(conn.execute(text("SELECT k, v FROM case_search_config")).all())
        assert head["keyed"] == sorted((keys[d["id"]], d["id"]) for d in docs)
        assert sorted(keys.values()) == list(range(1, len(docs) + 1))
        assert keys[docs[0]["id"]] < keys[docs[30]["id"]]  # handed out in save order
        assert config["secure-delete"] == 1 and config["hashsize"] == 16 * 1024 * 1024

        migrate.downgrade(store.engine, "0004")  # what a vault of the previous version holds
        assert _search_state(store, queries) == head
        migrate.upgrade(store.engine)
        assert _search_state(store, queries) == head
        with store.engine.connect() as conn:
            assert dict(conn.execute(text("SELECT id, search_rowid FROM cases")).all()) == keys
        # A deleted case leaves the index by its rowid; the rest still answer as before.
        store.cases.delete(docs[3]["id"])
        assert _search_state(store, ["edited"])["answers"]["edited"] == []
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO case_search (case_search) VALUES ('integrity-check')"))
    finally:
        store.close()
