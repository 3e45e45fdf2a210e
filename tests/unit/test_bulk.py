"""The raw SQLite executemany path stores exactly what SQLAlchemy's INSERT stores.

``desktop.store.bulk`` bypasses SQLAlchemy's per-row parameter handling on SQLite for
speed; the bytes in the database must not change because of it: same JSON text (None as
JSON null, empty lists and objects), same dates, same booleans, same search index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE
from sqlalchemy import insert, text

from desktop.app import create_vault
from desktop.interchange.case_format import normalize_case
from desktop.store import bulk
from tests.unit.test_store import load_synth

TABLES = ["persons", "person_names", "events", "testimonies", "appeals", "attachments",
          "case_search"]  # fmt: skip


def dump_tables(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every case row as stored, but for what differs between vaults (device, save time)."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        query = text(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
        dump[table] = sorted(tuple(row) for row in conn.execute(query))
    query = text(
        "SELECT id, reference, status, confidentiality, verification, tags, notes, "
        "detained_name, last_event_date, country, content_hash, revision FROM cases"
    )
    dump["cases"] = sorted(tuple(row) for row in conn.execute(query))
    # The search index keeps no copy of its texts (migration 0005): compare what it indexed,
    # every word at its row, column and position.
    conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words "
                      "USING fts5vocab(main, case_search, instance)"))  # fmt: skip
    query = text("SELECT term, doc, col, offset FROM temp.search_words")
    dump["case_search words"] = sorted(tuple(row) for row in conn.execute(query))
    return dump


def _stored(vault: Path, docs: list[dict[str, Any]]) -> dict[str, list[tuple[Any, ...]]]:
    session, _ = create_vault(vault, PASSPHRASE)
    try:
        session.store.cases.save(docs)
        with session.store.engine.connect() as conn:
            return dump_tables(conn)
    finally:
        session.lock()


def test_fast_path_stores_the_same_rows_as_sqlalchemy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synth = load_synth()
    docs = [normalize_case(c) for c in synth.generate_cases(60, seed=11)]
    used: list[str] = []
    real = bulk._sqlite_executemany

    def counting(conn: Any, name: str, columns: Any, rows: Any) -> None:
        used.append(name)
        real(conn, name, columns, rows)

    monkeypatch.setattr(bulk, "_sqlite_executemany", counting)
    fast = _stored(tmp_path / "fast", docs)
    assert {"cases", "persons", "events", "case_search"} <= set(used)

    def sqlalchemy_insert(conn: Any, name: str, columns: Any, rows: Any) -> None:
        conn.execute(insert(bulk.CASE_SEARCH_FTS5 if name == "case_search" else
                            next(t for t in _tables() if t.name == name)), list(rows))  # fmt: skip

    monkeypatch.setattr(bulk, "_sqlite_executemany", sqlalchemy_insert)
    slow = _stored(tmp_path / "slow", docs)
    assert fast.keys() == slow.keys()
    for table in fast:
        assert fast[table] == slow[table], table
    assert any(row for row in fast["persons"])  # the comparison saw real rows
    assert len(fast["case_search words"]) > 1000


def _tables() -> list[Any]:
    from desktop.store.models import Base

    return list(Base.metadata.tables.values())


@pytest.mark.parametrize(
    "value",
    [None, [], {}, [1, "Ерлан"], {"a": None}, {"country": "CN", "locality": "Ғұлжа 伊宁"},
     [{"key": "p1", "role": "witness"}], 2.5, True, "ئابدۇ\u200c", {"n": [1, 2.0, None, False]}],
)  # fmt: skip
def test_json_shortcuts_match_the_json_type(value: Any) -> None:
    from sqlalchemy import JSON
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    process = JSON().dialect_impl(dialect).bind_processor(dialect)
    assert process is not None
    assert bulk._json_converter(process)(value) == process(value)
