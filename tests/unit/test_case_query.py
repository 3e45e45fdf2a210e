"""The case list's store queries on a small known data set: filters, sorts, paging, search.

Why: the case list filters and sorts 100,000 cases in SQL (``CaseRepository.page`` and
``count_matching``), so the SQL itself must give exactly the rows and the order a user
expects — for names in Cyrillic, Chinese and Arabic script, vague EDTF dates, cases without
dates or countries — and keyset paging must neither skip nor repeat a row. Every
expectation here is computed independently in Python from the data set below.

``check_store`` runs on any store; tests/pg/test_pg_case_query.py runs it on PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from desktop.interchange.case_format import normalize_case
from desktop.store import migrate
from desktop.store.cases import (
    RELEVANCE,
    SORT_KEYS,
    CaseFilter,
    CaseRepository,
    CaseSort,
    CaseSummary,
)
from desktop.store.models import Case, SyncExportState

# reference, detained name (script), status, verification, detention country/place,
# last event date, appeal states. Every name is invented.
ROWS: list[tuple[str, str, str, str, str, dict[str, str] | None, str | None, list[str]]] = [
    ("TD-2020-00001", "Ерлан Сапарұлы", "Cyrl", "open", "reported",
     {"locality": "Bole", "country": "CN"}, "2018-03", ["sent"]),
    ("TD-2020-00002", "叶尔兰·萨帕尔", "Hans", "sentenced", "corroborated",
     {"facility": "Urumqi Detention Center No. 3", "country": "CN"}, "2017-11-05",
     ["drafted", "answered"]),
    ("TD-2020-00003", "ئەركىن تۇرسۇن", "Arab", "open", "documented",
     {"locality": "Kashgar", "country": "CN"}, "2019~", []),
    ("TD-2020-00004", "Айгүл Нұрланқызы", "Cyrl", "released", "reported",
     {"locality": "Almaty", "country": "KZ"}, "2018-03/2018-05", []),
    ("TD-2020-00005", "Dana Testova", "Latn", "open", "partially-verified",
     {"locality": "Ghulja"}, "2016", []),
    ("TD-2020-00006", "Марат Примеров", "Cyrl", "unknown", "reported",
     {"locality": "Tacheng", "country": "CN"}, None, ["sent"]),
    ("TD-2020-00007", "古丽娜尔·托合提", "Hans", "open", "reported",
     {"region": "Ili", "country": "KZ"}, "2020-01-15", []),
    ("TD-2020-00008", "ئايگۈل ئابدۇللا", "Arab", "open", "reported",
     None, "2018-04-01", ["acknowledged"]),
]  # fmt: skip
EXPECTED_PLACE = {
    "TD-2020-00001": "Bole, CN",
    "TD-2020-00002": "Urumqi Detention Center No. 3, CN",
    "TD-2020-00003": "Kashgar, CN",
    "TD-2020-00004": "Almaty, KZ",
    "TD-2020-00005": "Ghulja",
    "TD-2020-00006": "Tacheng, CN",
    "TD-2020-00007": "Ili, KZ",
    "TD-2020-00008": "",
}
# Earliest and latest possible day of each last event (EDTF bounds), None when undated.
SPANS = {
    "TD-2020-00001": ("2018-03-01", "2018-03-31"),
    "TD-2020-00002": ("2017-11-05", "2017-11-05"),
    "TD-2020-00003": ("2019-01-01", "2019-12-31"),
    "TD-2020-00004": ("2018-03-01", "2018-05-31"),
    "TD-2020-00005": ("2016-01-01", "2016-12-31"),
    "TD-2020-00006": None,
    "TD-2020-00007": ("2020-01-15", "2020-01-15"),
    "TD-2020-00008": ("2018-04-01", "2018-04-01"),
}


def build_case(row: tuple[Any, ...]) -> dict[str, Any]:
    reference, name, script, status, verification, place, when, appeals = row
    events: list[dict[str, Any]] = [
        {"type": "summoned", "persons": ["p1"], "description": "No place, no date."},
        {"type": "detained", "persons": ["p1"]},
    ]
    if place is not None:
        events[1]["place"] = place
    if when is not None:
        events[1]["date"] = when
    return normalize_case(
        {
            "reference": reference,
            "status": status,
            "verification": verification,
            "persons": [
                {"key": "p1", "role": "detained", "names": [{"value": name, "script": script}]},
                {
                    "key": "p2",
                    "role": "testifier",
                    "names": [{"value": "Invented Witness", "script": "Latn"}],
                    "relationship": {"to": "p1", "kind": "sibling"},
                },
            ],
            "events": events,
            "testimonies": [{"by": "p2", "narrative": f"Invented testimony about {name}."}],
            "appeals": [
                {"recipient": "kz-mfa", "language": "ru", "date": "2019-01-01", "status": s}
                for s in appeals
            ],
        }
    )


def load(repo: CaseRepository) -> dict[str, str]:
    """Save the data set (the real save path); reference -> id."""
    result = repo.save([build_case(r) for r in ROWS])
    return {r[0]: case_id for r, case_id in zip(ROWS, result.ids, strict=True)}


def everything(repo: CaseRepository, filt: CaseFilter, sort: CaseSort, size: int) -> list[Any]:
    """Every matching row, read page by page the way the case list reads them."""
    rows: list[CaseSummary] = []
    while True:
        if sort.key == RELEVANCE:
            page = repo.page(filt, sort, offset=len(rows), limit=size)
        else:
            page = repo.page(filt, sort, after=rows[-1] if rows else None, limit=size)
        rows.extend(page)
        if len(page) < size:
            return rows


def refs(rows: list[CaseSummary]) -> list[str]:
    return [r.reference for r in rows]


def sort_value(row: tuple[Any, ...], key: str) -> Any:
    span = SPANS[row[0]]
    return {
        "reference": row[0],
        "detained": row[1],
        "last_event": span[0] if span else "",
        "place": EXPECTED_PLACE[row[0]],
        "status": row[3],
        "verification": row[4],
        "appeals": len(row[7]),
    }[key]


def check_store(repo: CaseRepository) -> None:
    """Filters, sorts, paging and search against Python's answer (any back end)."""
    ids = load(repo)
    by_ref = {r[0]: r for r in ROWS}

    # Columns: what the list shows.
    shown = {s.reference: s for s in repo.page(limit=100)}
    assert set(shown) == set(by_ref)
    for ref, s in shown.items():
        assert s.place == EXPECTED_PLACE[ref]
        assert s.appeals == len(by_ref[ref][7])
        assert s.appeal_state == (by_ref[ref][7][-1] if by_ref[ref][7] else "")
        assert s.detained_name == by_ref[ref][1]
        assert s.last_event_date == by_ref[ref][6]
        assert s.received_by_hq is False

    # Sorting: every key, both directions, by keyset pages of 3 (no row lost or repeated).
    for key in SORT_KEYS:
        for descending in (False, True):
            got = refs(everything(repo, CaseFilter(), CaseSort(key, descending), 3))
            tiebreak = {ref: ids[ref] for ref in by_ref}
            expected = sorted(by_ref, key=lambda ref: (sort_value(by_ref[ref], key), tiebreak[ref]))
            if descending:
                expected.reverse()
            assert got == expected, (key, descending)

    # Filters, alone and combined, against Python's answer.
    def expect(pred: Any) -> list[str]:
        return sorted(ref for ref, row in by_ref.items() if pred(ref, row))

    def overlaps(ref: str, start: str | None, end: str | None) -> bool:
        span = SPANS[ref]
        if span is None:
            return False
        return (start is None or span[1] >= start) and (end is None or span[0] <= end)

    country = {r[0]: (r[5] or {}).get("country") for r in ROWS}
    cases: list[tuple[CaseFilter, list[str]]] = [
        (CaseFilter(statuses=("open",)), expect(lambda _r, row: row[3] == "open")),
        (
            CaseFilter(statuses=("open", "released")),
            expect(lambda _r, row: row[3] in ("open", "released")),
        ),
        (CaseFilter(verifications=("reported",)), expect(lambda _r, row: row[4] == "reported")),
        (CaseFilter(countries=("KZ",)), expect(lambda ref, _row: country[ref] == "KZ")),
        (
            CaseFilter(statuses=("open",), countries=("CN",)),
            expect(lambda ref, row: row[3] == "open" and country[ref] == "CN"),
        ),
        (
            CaseFilter(date_from=date(2018, 1, 1), date_to=date(2018, 12, 31)),
            expect(lambda ref, _row: overlaps(ref, "2018-01-01", "2018-12-31")),
        ),
        # A month-long date overlaps a range that starts in that month.
        (
            CaseFilter(date_from=date(2018, 3, 20)),
            expect(lambda ref, _row: overlaps(ref, "2018-03-20", None)),
        ),
        (
            CaseFilter(date_to=date(2017, 12, 31)),
            expect(lambda ref, _row: overlaps(ref, None, "2017-12-31")),
        ),
        (
            CaseFilter(verifications=("reported",), date_from=date(2018, 4, 15)),
            expect(lambda ref, row: row[4] == "reported" and overlaps(ref, "2018-04-15", None)),
        ),
    ]
    for filt, expected in cases:
        got = everything(repo, filt, CaseSort(), 2)
        assert refs(got) == expected, filt
        assert repo.count_matching(filt) == len(expected), filt
    # Sanity of the data set: the filters above are not trivially all or nothing.
    assert 0 < len(cases[0][1]) < len(ROWS) and 0 < len(cases[5][1]) < len(ROWS)
    assert "TD-2020-00006" not in cases[7][1]  # undated: in no date range

    # Search text, in any script, alone and combined with filters.
    for query, expected in (
        ("Ерлан", ["TD-2020-00001"]),
        ("erlan", ["TD-2020-00001"]),  # the Latin transliteration of the Cyrillic name
        ("erkin", ["TD-2020-00003"]),  # the transliteration of the Arabic-script name
        ("tuo he", ["TD-2020-00007"]),  # pinyin of the Chinese name
        ("Айгүл", ["TD-2020-00004"]),
        ("叶尔兰", ["TD-2020-00002"]),
        ("ئەركىن", ["TD-2020-00003"]),
        ("Kashgar", ["TD-2020-00003"]),
    ):
        filt = CaseFilter(text=query)
        assert sorted(refs(everything(repo, filt, CaseSort(), 2))) == expected, query
        assert sorted(refs(everything(repo, filt, CaseSort(RELEVANCE), 1))) == expected, query
        assert repo.count_matching(filt) == len(expected)
    both = CaseFilter(text="invented", statuses=("released",))
    assert refs(repo.page(both)) == ["TD-2020-00004"]
    assert refs(repo.page(both, CaseSort(RELEVANCE))) == ["TD-2020-00004"]
    assert repo.count_matching(both) == 1
    assert repo.count_matching(CaseFilter(text="叶尔兰", countries=("KZ",))) == 0
    assert repo.count_matching(CaseFilter(text="叶尔兰", countries=("CN",))) == 1
    # Sorted search results page by keyset too.
    named = everything(repo, CaseFilter(text="invented"), CaseSort("detained", True), 3)
    assert refs(named) == sorted(by_ref, key=lambda ref: by_ref[ref][1], reverse=True)
    # Query syntax never leaks into FTS: punctuation is just no match.
    assert repo.count_matching(CaseFilter(text='NEAR("x" -y) OR *')) == 0
    assert repo.page(CaseFilter(text="***"), CaseSort(RELEVANCE)) == []

    assert repo.countries() == ["CN", "KZ"]


def test_filters_sorts_paging_and_search_on_a_known_data_set(session: Any) -> None:
    check_store(session.store.cases)


def test_received_by_hq_follows_the_acknowledged_version(session: Any) -> None:
    """The HQ tick: the ack covered the exported hash and the case still has that content."""
    repo: CaseRepository = session.store.cases
    ids = load(repo)
    acked, edited, pending = ids["TD-2020-00001"], ids["TD-2020-00002"], ids["TD-2020-00003"]
    with repo.engine.begin() as conn:
        hashes = dict(conn.execute(select(Case.id, Case.content_hash)).all())
        conn.execute(
            insert(SyncExportState),
            [
                {"case_id": acked, "exported_hash": hashes[acked], "exported_revision": 1,
                 "sequence": 1, "received": True},
                {"case_id": edited, "exported_hash": hashes[edited], "exported_revision": 1,
                 "sequence": 1, "received": True},
                {"case_id": pending, "exported_hash": hashes[pending], "exported_revision": 1,
                 "sequence": 2, "received": False},
            ],
        )  # fmt: skip
    changed = repo.get(edited)
    changed["notes"] = "edited after HQ received it"
    repo.save([changed])
    received = {s.id for s in repo.page(limit=100) if s.received_by_hq}
    assert received == {acked}


def test_appeal_columns_follow_a_save(session: Any) -> None:
    repo: CaseRepository = session.store.cases
    ids = load(repo)
    case = repo.get(ids["TD-2020-00003"])
    case["appeals"] = [
        {"recipient": "un-wgeid", "language": "en", "date": "2020-02-02", "status": "drafted"},
        {"recipient": "kz-mfa", "language": "ru", "date": "2020-03-03", "status": "drafted"},
        {"recipient": "kz-mfa", "language": "ru", "date": "2020-04-04", "status": "sent"},
    ]
    repo.save([normalize_case(case)])
    (row,) = [s for s in repo.page(limit=100) if s.id == ids["TD-2020-00003"]]
    assert (row.appeals, row.appeal_state) == (3, "sent")
    top = repo.page(CaseFilter(), CaseSort("appeals", descending=True), limit=1)
    assert top[0].id == ids["TD-2020-00003"]


def test_migration_fills_the_new_columns_of_existing_cases(session: Any) -> None:
    """A vault from before 0004: place, date bounds and appeals are computed at upgrade."""
    repo: CaseRepository = session.store.cases
    load(repo)
    before = {s.reference: s for s in repo.page(limit=100)}
    migrate.downgrade(repo.engine, "0003")
    with repo.engine.connect() as conn:
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(cases)"))}
        # The downgrade dropped the columns and kept every child row.
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 2 * len(ROWS)
    assert "place" not in columns
    migrate.upgrade(repo.engine)
    after = {s.reference: s for s in repo.page(limit=100)}
    assert after == before
    assert after["TD-2020-00002"].place == "Urumqi Detention Center No. 3, CN"
    assert after["TD-2020-00004"].last_event_lower == "2018-03-01"
    assert after["TD-2020-00002"].appeal_state == "answered"
    filt = CaseFilter(date_from=date(2018, 5, 1), date_to=date(2018, 5, 31))
    assert refs(repo.page(filt)) == ["TD-2020-00004"]


@pytest.mark.parametrize("key", SORT_KEYS)
def test_an_unknown_sort_value_position_is_never_a_crash(session: Any, key: str) -> None:
    """Keyset paging from a row that is gone (deleted meanwhile) still continues in order."""
    repo: CaseRepository = session.store.cases
    load(repo)
    first = repo.page(CaseFilter(), CaseSort(key), limit=4)
    repo.delete(first[-1].id)
    rest = repo.page(CaseFilter(), CaseSort(key), after=first[-1], limit=100)
    assert len(first) - 1 + len(rest) == len(ROWS) - 1
    assert not {r.id for r in rest} & {r.id for r in first}


def test_broad_searches_page_in_index_order_without_ranking(
    session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search matching more than BROAD_MATCHES cases is not ranked (that cost seconds at
    100,000 matches); its pages still hold every match exactly once, filters applied."""
    from desktop.store import cases as cases_module

    repo: CaseRepository = session.store.cases
    load(repo)
    ranked = everything(repo, CaseFilter(text="invented"), CaseSort(RELEVANCE), 3)
    monkeypatch.setattr(cases_module, "BROAD_MATCHES", 2)
    assert repo._is_broad("invented") and not repo._is_broad("Ерлан")
    broad = everything(repo, CaseFilter(text="invented"), CaseSort(RELEVANCE), 3)
    assert len(broad) == len(ROWS) and sorted(refs(broad)) == sorted(refs(ranked))
    filtered = everything(
        repo, CaseFilter(text="invented", statuses=("open",)), CaseSort(RELEVANCE), 2
    )
    assert sorted(refs(filtered)) == sorted(r[0] for r in ROWS if r[3] == "open")
