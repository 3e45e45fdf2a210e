"""The search tests of tests/unit/test_search.py, run unchanged against a PostgreSQL store.

Why: an analyst at an HQ on PostgreSQL types the same spellings (Ерлан, Erlan, 叶尔兰) as one on
SQLCipher; the two back ends use different engines (FTS5 vs. a weighted tsvector), so the
only convincing check is the very same assertions on the same corpus. Test functions are
imported from the unit module; pytest resolves their ``corpus`` fixture here, on PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store import search
from desktop.store.database import Store, create_store
from desktop.vault.vault import UnlockedVault, VaultKind

_UNIT = Path(__file__).resolve().parents[1] / "unit" / "test_search.py"
_spec = importlib.util.spec_from_file_location("td_unit_test_search_for_pg", _UNIT)
assert _spec is not None and _spec.loader is not None
unit = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = unit
_spec.loader.exec_module(unit)

# Every corpus-based test and the pure query-building tests; the unit module's own
# index-maintenance test opens a SQLCipher store, so its PostgreSQL twin is below.
for _name in dir(unit):
    if _name.startswith("test_") and _name != "test_index_follows_updates_and_deletes":
        globals()[_name] = getattr(unit, _name)


def pg_unlocked(url: str) -> UnlockedVault:
    return UnlockedVault(
        Path("/nonexistent"),
        str(uuid.uuid4()),
        VaultKind.HQ,
        bytearray(b"\x01" * 32),
        {"db_url": url},
    )


@pytest.fixture(scope="module")
def corpus(pg_server: Any) -> Iterator[Store]:
    url = pg_server.create_database()
    store = create_store(pg_unlocked(url))
    assert store.engine.dialect.name == "postgresql"
    docs = [
        unit.normalize_case(unit.json.loads((unit.DATA / "case-example.json").read_text("utf-8"))),
        unit.case("TD-2026-0101", ["Şükür Toxti"], narrative="He sold fruit at the bazaar."),
        unit.case("TD-2026-0102", ["买买提·吐尔逊"], locality="Ghulja"),
        unit.case("TD-2026-0103", ["ئەركىن تۇرسۇن"], facility="Kuytun Prison"),
        unit.case(
            "TD-2026-0104",
            ["Nurlan Abenov"],
            narrative="My brother worked with Erlan at the bazaar before he was taken.",
        ),
        unit.case("TD-2026-0105", ["Гүлнар Қасымова", "Gulnar Kasymova"], notes="urgent"),
    ]
    for i, word in enumerate(unit.FILLER_WORDS):
        docs.append(
            unit.case(f"TD-2026-02{i:02d}", [f"Filler{word.title()} Person"], narrative=word)
        )
    store.cases.save(docs)
    yield store
    store.close()
    pg_server.drop_database(url)


def refs(store: Store, query: str) -> list[str]:
    return [hit.reference for hit in store.cases.search(query)]


def test_the_corpus_really_is_on_postgresql(corpus: Store) -> None:
    # Guard: without it, a fixture mix-up would run every imported test on SQLite again.
    with corpus.engine.connect() as conn:
        assert conn.dialect.name == "postgresql"
        count = conn.exec_driver_sql("SELECT count(*) FROM case_search").scalar()
    assert count == corpus.cases.count() == 6 + len(unit.FILLER_WORDS)


def test_index_follows_updates_and_deletes_on_postgresql(pg_url: str) -> None:
    store = create_store(pg_unlocked(pg_url))
    try:
        doc = unit.case("TD-2026-0300", ["Oldname Person"], narrative="orchard")
        (case_id,) = store.cases.save([doc]).ids
        assert refs(store, "Oldname") == ["TD-2026-0300"]
        store.cases.save([dict(unit.case("TD-2026-0300", ["Newname Person"]), id=case_id)])
        assert refs(store, "Oldname") == []
        assert refs(store, "orchard") == []
        assert refs(store, "Newname") == ["TD-2026-0300"]
        store.cases.delete(case_id)
        assert refs(store, "Newname") == []
        assert refs(store, "Person") == []
    finally:
        store.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Erlan", "('erlan':*)"),
        ("叶尔兰", "('ye' <-> 'er' <-> 'lan':* | '叶尔兰':*)"),
        ("it's", "('it':*) & ('s':*)"),
        ("", None),
        ("!!! ·", None),
    ],
)
def test_tsquery_is_built_from_quoted_lexemes(query: str, expected: str | None) -> None:
    assert search.build_tsquery(query) == expected


def test_tsquery_never_carries_operators_from_the_user() -> None:
    built = search.build_tsquery("a & b | !c <-> d:* 'e' \\f") or ""
    outside = "".join(part for i, part in enumerate(built.split("'")) if i % 2 == 0)
    # Only what build_tsquery writes itself: grouping, |, &, <->, :* and spaces.
    assert set(outside) <= set("()|&<->:* "), outside


def test_a_place_is_found_as_typed_even_where_folding_changes_letters(pg_url: str) -> None:
    # fold("Қайнар") drops the breve of й; the place is indexed as written.
    store = create_store(pg_unlocked(pg_url))
    try:
        store.cases.save([unit.case("TD-2026-0400", ["Synthetic Person"], locality="Қайнар")])
        assert refs(store, "Қайнар") == ["TD-2026-0400"]
        assert refs(store, "қайнар") == ["TD-2026-0400"]
    finally:
        store.close()
