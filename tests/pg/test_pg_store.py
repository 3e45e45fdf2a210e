"""PostgreSQL-specific behaviour of the HQ store: migrations, vault binding, errors, locking.

Why: an HQ that outgrows one machine moves its store to PostgreSQL (DESIGN §5). There the
database is no longer inside the vault's encryption, so what binds it to the vault, what
happens on a server that is down, and how concurrent imports are serialized must be
checked against a real server, not assumed from SQLite.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import random
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from desktop import errors
from desktop.errors import IntegrityError, UsageError
from desktop.interchange.case_format import normalize_case
from desktop.store import engine as engines
from desktop.store import migrate
from desktop.store.database import Store, create_store, open_store
from desktop.store.models import Base
from desktop.vault.vault import UnlockedVault, VaultKind

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


def pg_unlocked(url: str, vault_id: str | None = None) -> UnlockedVault:
    return UnlockedVault(
        Path("/nonexistent"),
        vault_id or str(uuid.uuid4()),
        VaultKind.HQ,
        bytearray(b"\x03" * 32),
        {"db_url": url},
    )


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    eng = engines.postgres_engine(pg_url)
    yield eng
    eng.dispose()


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    s = create_store(pg_unlocked(pg_url))
    yield s
    s.close()


def _not_search(obj: Any, name: str | None, type_: str, reflected: bool, _cmp: Any) -> bool:
    """case_search is created by raw SQL in 0002 on both dialects, not by the models."""
    if type_ == "table" and name == "case_search":
        return False
    return not (type_ == "index" and name == "ix_case_search_document")


def schema_differences(eng: Engine) -> list[Any]:
    with eng.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_object": _not_search,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def tables(eng: Engine) -> set[str]:
    return set(inspect(eng).get_table_names())


# ---------------------------------------------------------------------- migrations
def test_upgrade_from_empty_matches_the_models(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert schema_differences(engine) == []
    assert set(Base.metadata.tables) | {"case_search", "alembic_version"} == tables(engine)
    columns = {c["name"]: c for c in inspect(engine).get_columns("attachments")}
    assert str(columns["size"]["type"]) == "BIGINT"  # > 2 GiB attachments


def test_schema_comparison_notices_a_missing_index(engine: Engine) -> None:
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_cases_status"))
    assert any(d[0] == "remove_index" or d[0] == "add_index" for d in schema_differences(engine))


def test_every_revision_downgrades_and_upgrades_again(engine: Engine) -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    migrate.upgrade(engine)
    seen: dict[str, set[str]] = {}
    for revision in reversed(chain):
        assert migrate.current_revision(engine) == revision
        seen[revision] = tables(engine)
        migrate.downgrade(engine, "-1")
    assert migrate.current_revision(engine) is None
    assert tables(engine) <= {"alembic_version"}
    for revision in chain:
        migrate.upgrade(engine, "+1")
        assert tables(engine) == seen[revision]
    assert schema_differences(engine) == []
    assert "case_search" not in seen["0001"]
    assert "case_search" in seen[chain[-1]]


# ---------------------------------------------------------------------- vault binding
def test_store_reopens_with_its_device_and_settings(pg_url: str) -> None:
    unlocked = pg_unlocked(pg_url)
    store = create_store(unlocked, name="Synthetic HQ")
    device = store.device_id
    store.cases.save([normalize_case(json.loads((DATA / "case-example.json").read_text()))])
    store.close()
    again = open_store(unlocked)
    try:
        assert again.device_id == device
        assert again.setting("organisation_name") == "Synthetic HQ"
        assert again.setting("vault_kind") == "hq"
        assert again.cases.count() == 1
        assert again.cases.verify_history().ok
    finally:
        again.close()


def test_a_database_of_another_vault_is_refused(pg_url: str) -> None:
    create_store(pg_unlocked(pg_url)).close()
    with pytest.raises(IntegrityError, match="another vault"):
        open_store(pg_unlocked(pg_url))


def test_init_refuses_a_database_that_already_holds_tables(pg_url: str) -> None:
    first = pg_unlocked(pg_url)
    store = create_store(first)
    store.cases.save([normalize_case(json.loads((DATA / "case-example.json").read_text()))])
    device = store.device_id
    store.close()
    with pytest.raises(UsageError, match="not empty"):
        create_store(pg_unlocked(pg_url))
    # ... and the existing store is untouched.
    again = open_store(first)
    try:
        assert again.device_id == device and again.cases.count() == 1
    finally:
        again.close()


def test_a_failed_init_leaves_the_database_empty_for_a_retry(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import database

    def broken(self: Store, key: str, value: Any) -> None:
        if key == "vault_kind":
            raise RuntimeError("simulated failure")
        original(self, key, value)

    original = database.Store.set_setting
    monkeypatch.setattr(database.Store, "set_setting", broken)
    with pytest.raises(RuntimeError, match="simulated"):
        create_store(pg_unlocked(pg_url))
    monkeypatch.setattr(database.Store, "set_setting", original)
    eng = engines.postgres_engine(pg_url)
    try:
        assert tables(eng) <= {"alembic_version"}
    finally:
        eng.dispose()
    create_store(pg_unlocked(pg_url)).close()


# ---------------------------------------------------------------------- connection errors
@pytest.mark.parametrize(
    "url",
    ["mysql://hq@db/testimony", "sqlite:///x.db", "", "postgresql+psycopg2://hq@db/t"],
)
def test_non_postgresql_urls_are_usage_errors(url: str) -> None:
    with pytest.raises(UsageError):
        engines.postgres_engine(url)


def test_spellings_of_the_url_all_use_psycopg3() -> None:
    for url in ("postgresql://u@h/d", "postgres://u@h/d", "postgresql+psycopg://u@h/d"):
        assert engines.normalize_pg_url(url) == "postgresql+psycopg://u@h/d"


def test_an_unreachable_server_is_a_plain_error_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://hq:s3cr3t-pw@/testimony?host={tmp_path}&connect_timeout=2"
    with pytest.raises(errors.TestimonyDeskError) as info:
        engines.postgres_engine(url)
    assert type(info.value) is errors.TestimonyDeskError  # exit 1: not "damaged" (5), not usage (2)
    assert "cannot connect" in str(info.value)
    assert "s3cr3t-pw" not in str(info.value)


def test_a_missing_database_on_a_running_server_is_reported(pg_server: Any) -> None:
    url = pg_server.url("no_such_database_here")
    with pytest.raises(errors.TestimonyDeskError, match="cannot connect"):
        open_store(pg_unlocked(url))


def test_a_non_utf8_database_is_refused(pg_server: Any) -> None:
    import psycopg

    with psycopg.connect(
        host=str(pg_server.socket_dir), user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(
            "CREATE DATABASE td_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' "
            "TEMPLATE template0"
        )
    try:
        with pytest.raises(errors.TestimonyDeskError, match="UTF8"):
            engines.postgres_engine(pg_server.url("td_latin1"))
    finally:
        pg_server.drop_database("td_latin1")


# ---------------------------------------------------------------------- data on PostgreSQL
def load_synth() -> Any:
    spec = importlib.util.spec_from_file_location("td_synth_for_pg", REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strip(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("created", "updated")}


def test_both_back_ends_give_back_identical_documents(store: Store, tmp_path: Path) -> None:
    docs = list(load_synth().generate_cases(80, seed=5))
    docs.append(normalize_case(json.loads((DATA / "case-full.json").read_text("utf-8"))))
    sqlite = create_store(
        UnlockedVault(tmp_path, str(uuid.uuid4()), VaultKind.HQ, bytearray(os.urandom(32)))
    )
    try:
        pg_result = store.cases.save(copy.deepcopy(docs))
        sq_result = sqlite.cases.save(copy.deepcopy(docs))
        assert pg_result.ids == sq_result.ids
        pg_docs = [strip(d) for d in store.cases.documents()]
        sq_docs = [strip(d) for d in sqlite.cases.documents()]
        assert pg_docs == sq_docs
        assert len(pg_docs) == len(docs)
        for original, got in zip(docs, store.cases.documents(pg_result.ids), strict=True):
            assert strip(got) == strip(dict(original, reference=got["reference"]))
        assert store.cases.summaries() == sqlite.cases.summaries()
        # The history of a large save (written with COPY on PostgreSQL) is an intact chain.
        report = store.cases.verify_history()
        assert report.ok and report.entries == len(docs)
    finally:
        sqlite.close()


def test_attachments_larger_than_2_gib_keep_their_size(store: Store) -> None:
    doc = normalize_case(
        {
            "persons": [{"key": "p1", "role": "detained", "names": [{"value": "Big File"}]}],
            "attachments": [
                {
                    "id": str(uuid.uuid4()),
                    "filename": "видео-свидетельство.mp4",
                    "media_type": "video/mp4",
                    "sha256": "ab" * 32,
                    "size": 5 * 2**30 + 7,
                }
            ],
        }
    )
    (case_id,) = store.cases.save([doc]).ids
    assert store.cases.get(case_id)["attachments"][0]["size"] == 5 * 2**30 + 7


def test_concurrent_writers_are_serialized_and_the_history_stays_a_chain(
    store: Store,
) -> None:
    # Two HQ operators importing at once: without the writer lock, both would read the same
    # last history entry and reference number, and one import would fail or fork the chain.
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def writer(worker: int) -> None:
        rng = random.Random(worker)
        try:
            barrier.wait(timeout=30)
            for batch in range(5):
                docs = [
                    normalize_case(
                        {
                            "persons": [
                                {
                                    "key": "p1",
                                    "role": "detained",
                                    "names": [{"value": f"Worker{worker} Batch{batch} N{i}"}],
                                }
                            ],
                            "notes": str(rng.random()),
                        }
                    )
                    for i in range(3)
                ]
                store.cases.save(docs)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert store.cases.count() == 4 * 5 * 3
    report = store.cases.verify_history()
    assert report.ok and report.entries == 60
    refs = [s.reference for s in store.cases.summaries()]
    assert len(set(refs)) == 60


def test_history_tampering_on_the_server_is_found(store: Store) -> None:
    (case_id,) = store.cases.save(
        [
            normalize_case(
                {"persons": [{"key": "p1", "role": "detained", "names": [{"value": "A B"}]}]}
            )
        ]
    ).ids
    store.cases.delete(case_id)
    assert store.cases.verify_history().ok
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE history SET device = 'someone-else' WHERE seq = 1"))
    report = store.cases.verify_history()
    assert not report.ok and report.first_bad_seq == 1


def test_a_store_can_be_snapshotted_as_a_template(pg_server: Any) -> None:
    # Hypothesis examples that each need "the same prepared HQ" copy one database cheaply
    # (CREATE DATABASE … TEMPLATE) instead of making a new vault per example.
    url = pg_server.create_database()
    unlocked = pg_unlocked(url)
    store = create_store(unlocked)
    store.cases.save([normalize_case(json.loads((DATA / "case-example.json").read_text()))])
    store.close()
    copy_url = pg_server.create_database(template=url)
    twin = UnlockedVault(
        unlocked.folder, unlocked.vault_id, unlocked.kind, bytearray(b"\x03" * 32),
        {"db_url": copy_url},
    )  # fmt: skip
    clone = open_store(twin)
    try:
        assert clone.cases.count() == 1
        clone.cases.delete(clone.cases.resolve("TD-2026-0001"))
        assert clone.cases.count() == 0
    finally:
        clone.close()
    original = open_store(unlocked)
    try:
        assert original.cases.count() == 1
    finally:
        original.close()
    pg_server.drop_database(copy_url)
    pg_server.drop_database(url)


def test_copy_and_insert_paths_store_identical_rows(
    pg_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large saves stream rows with COPY on PostgreSQL (desktop/store/bulk.py); small ones
    # use INSERT. Both must leave exactly the same rows, JSON nulls included.
    from desktop.store import bulk

    docs = list(load_synth().generate_cases(60, seed=11))
    dumps: list[dict[str, list[tuple[Any, ...]]]] = []
    copies: list[int] = []
    real_copy = bulk._copy

    def counting_copy(*args: Any) -> None:
        copies.append(1)
        real_copy(*args)

    monkeypatch.setattr(bulk, "_copy", counting_copy)
    for threshold in (1, 10**9):
        monkeypatch.setattr(bulk, "COPY_MIN_ROWS", threshold)
        url = pg_server.create_database()
        store = create_store(pg_unlocked(url, vault_id="same-vault"))
        store.cases.save(copy.deepcopy(docs))
        dump: dict[str, list[tuple[Any, ...]]] = {}
        with store.engine.connect() as conn:
            for table in (*Base.metadata.tables, "case_search"):
                if table in ("history", "settings") or table.startswith("sync_"):
                    continue  # timestamps and random device ids differ by design
                columns = "*"
                if table == "cases":  # not the store's random device id nor save times
                    columns = (
                        "id, reference, status, confidentiality, verification, tags, notes, "
                        "revision, content_hash, parent_hash, detained_name, last_event_date, "
                        "country"
                    )
                # The row's text form tells SQL NULL from JSON null, unlike decoded values.
                rows = conn.execute(
                    text(f"SELECT s::text FROM (SELECT {columns} FROM {table}) AS s")  # noqa: S608
                ).all()
                dump[table] = sorted(tuple(r) for r in rows)
        store.close()
        pg_server.drop_database(url)
        dumps.append(dump)
        if threshold == 1:
            assert copies, "the COPY path was not taken"
            copies.clear()
        else:
            assert not copies, "the INSERT path was not taken"
    assert dumps[0]["cases"] and dumps[0]["person_names"]
    for table in dumps[0]:
        assert dumps[0][table] == dumps[1][table], table
    assert len(dumps[0]["cases"]) == 60


def test_a_writer_waits_a_bounded_time_then_gets_a_clear_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "PG_LOCK_TIMEOUT_S", 0.5)
    doc = normalize_case(
        {"persons": [{"key": "p1", "role": "detained", "names": [{"value": "X Y"}]}]}
    )
    writer = store.engine.connect().execution_options(immediate=True)
    with writer as holder, holder.begin(), pytest.raises(errors.TestimonyDeskError, match="busy"):
        store.cases.save([doc])
    # Once the other writer is done, the same save goes through.
    assert store.cases.save([doc]).created == 1
