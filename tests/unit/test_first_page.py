"""``CaseRepository.first_page``: the case list's count and first page in one read.

Why: the case list runs it on every keystroke of a search (in a 100,000-case vault the old
way, ``count_matching`` then ``page``, evaluated FTS5's MATCH three times per keystroke and
missed the 100 ms target). It must give EXACTLY what those two calls give — the same count,
the same rows, the same order (BM25 ties broken by case id), whether the search is narrow
(ranked) or broad (index order) — so it is compared with them here, on synthetic cases in
every script, for typed prefixes of real names, and for arbitrary text (hypothesis).
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import cases as cases_module
from desktop.store.cases import RELEVANCE, CaseFilter, CaseRepository, CaseSort, CaseSummary
from desktop.store.database import Store, create_store
from desktop.ui.case_filters import search_text
from desktop.vault.vault import UnlockedVault, VaultKind

REPO = Path(__file__).resolve().parents[2]
CASES = 300


def load_synth() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_synth_for_first_page", REPO / "bench" / "synth.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("first-page")
    unlocked = UnlockedVault(folder, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32)))
    opened = create_store(unlocked)
    opened.cases.save(list(load_synth().generate_cases(CASES, seed=23)))
    yield opened
    opened.close()


def sql_page(repo: CaseRepository, filt: CaseFilter, sort: CaseSort, **kwargs: Any) -> Any:
    """``page`` by its SQL alone (the reference; ``RANK_IN_PYTHON`` off)."""
    assert cases_module.RANK_IN_PYTHON
    cases_module.RANK_IN_PYTHON = False
    try:
        return repo.page(filt, sort, **kwargs)
    finally:
        cases_module.RANK_IN_PYTHON = True


def old_way(repo: CaseRepository, filt: CaseFilter, sort: CaseSort, limit: int) -> Any:
    """What the case list did before ``first_page`` (and still the reference)."""
    count = repo.count_matching(filt)
    return count, (sql_page(repo, filt, sort, limit=limit) if count else [])


def typed_prefixes(repo: CaseRepository) -> list[str]:
    """Search texts as the list searches them while names are typed key by key."""
    names = [r.detained_name for r in repo.page(limit=CASES)][::7]
    texts: list[str] = []
    for name in names:
        words = name.replace("·", " ").split()
        typed = words[0] + (" " + words[1][:3] if len(words) > 1 else "")
        texts.extend(search_text(typed[:i]) for i in range(1, len(typed) + 1))
    texts += ["erlan sap", "Bole", "qa", "ka", "zzzz", "Қайыржан Қа", "!!!", "a b", "ai ba"]
    return [t for t in dict.fromkeys(texts) if t.strip()]


def test_the_data_set_exercises_both_paths_and_ties(store: Store) -> None:
    """Not trivially equal: some searches are broad at the bound used below, ranks tie."""
    repo = store.cases
    counts = {t: repo.count_matching(CaseFilter(text=t)) for t in typed_prefixes(repo)}
    assert any(c > 40 for c in counts.values()) and any(0 < c <= 40 for c in counts.values())
    assert 0 in counts.values()
    ranked = repo.search("invented", limit=CASES) or repo.search("a", limit=CASES)
    scores = [h.score for h in ranked]
    assert len(scores) != len(set(scores)), "no tied BM25 scores: the tiebreak is untested"


@pytest.mark.parametrize("broad", [cases_module.BROAD_MATCHES, 40, 3, 0])
@pytest.mark.parametrize("limit", [500, 7])
def test_first_page_equals_count_and_page_for_typed_names(
    store: Store, monkeypatch: pytest.MonkeyPatch, broad: int, limit: int
) -> None:
    monkeypatch.setattr(cases_module, "BROAD_MATCHES", broad)
    repo = store.cases
    sort = CaseSort(RELEVANCE)
    for typed in typed_prefixes(repo):
        filt = CaseFilter(text=typed)
        assert repo.first_page(filt, sort, limit=limit) == old_way(repo, filt, sort, limit), typed


def test_first_page_with_filters_or_a_column_sort_is_the_two_calls(store: Store) -> None:
    repo = store.cases
    for filt, sort in [
        (CaseFilter(), CaseSort()),
        (CaseFilter(text="ai"), CaseSort("detained", True)),
        (CaseFilter(text="ai", statuses=("open",)), CaseSort(RELEVANCE)),
        (CaseFilter(text="ai", date_from=date(2018, 1, 1)), CaseSort(RELEVANCE)),
        (CaseFilter(statuses=("open",)), CaseSort("reference")),
    ]:
        got = repo.first_page(filt, sort, limit=50)
        assert got == old_way(repo, filt, sort, 50), filt
        assert got[0] > 0


@pytest.mark.parametrize("broad", [cases_module.BROAD_MATCHES, 40, 0])
def test_later_pages_equal_the_sql_for_typed_names(
    store: Store, monkeypatch: pytest.MonkeyPatch, broad: int
) -> None:
    """The case list's fetchMore of a search: ``page(offset=…)`` ranks in Python too."""
    monkeypatch.setattr(cases_module, "BROAD_MATCHES", broad)
    repo = store.cases
    sort = CaseSort(RELEVANCE)
    compared = 0
    for typed in typed_prefixes(repo):
        filt = CaseFilter(text=typed)
        for offset, limit in [(0, 500), (7, 7), (20, 13), (100, 50), (299, 5), (400, 10)]:
            got = repo.page(filt, sort, offset=offset, limit=limit)
            assert got == sql_page(repo, filt, sort, offset=offset, limit=limit), (typed, offset)
            compared += bool(got) and offset > 0
        # Paging through a whole result gives the result, each case once.
        pages = [repo.page(filt, sort, offset=o, limit=11) for o in range(0, 330, 11)]
        whole = [row for page in pages for row in page]
        assert whole == sql_page(repo, filt, sort, limit=CASES + 10), typed
    assert compared > 10  # later pages were not all empty


def test_a_later_page_leaves_out_search_rows_without_their_case(store: Store) -> None:
    """As the SQL join did before its OFFSET: index rows without a case take no place."""
    repo = store.cases
    with repo.engine.begin() as conn:
        # Equal scores, so the case id orders them: before, between and after the real ones.
        for orphan in ("!no-such-case", "8-no-such-case", "~no-such-case"):
            conn.exec_driver_sql(
                "INSERT INTO case_search (case_id, names, latin, places, body) "
                "VALUES (?, 'orphanword', 'orphanword', '', '')",
                (orphan,),
            )
        conn.exec_driver_sql(
            "INSERT INTO case_search (case_id, names, latin, places, body) "
            "VALUES (NULL, 'orphanword', 'orphanword', '', '')"
        )
        real = repo.page(limit=4)
        for row in real:
            conn.exec_driver_sql(
                "INSERT INTO case_search (case_id, names, latin, places, body) "
                "VALUES (?, 'orphanword', 'orphanword', '', '')",
                (row.id,),
            )
    try:
        filt = CaseFilter(text="orphanword")
        sort = CaseSort(RELEVANCE)
        for offset in range(6):
            for limit in (1, 2, 3, 8):
                got = repo.page(filt, sort, offset=offset, limit=limit)
                assert got == sql_page(repo, filt, sort, offset=offset, limit=limit)
        assert len(repo.page(filt, sort, limit=20)) == len(real) > 0
    finally:
        with repo.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM case_search WHERE names = 'orphanword' AND body = ''")


def test_first_page_leaves_out_a_search_row_without_its_case(store: Store) -> None:
    """As the SQL join did: an index row whose case is gone counts but is not listed."""
    repo = store.cases
    with repo.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO case_search (case_id, names, latin, places, body) "
            "VALUES ('no-such-case', 'orphanword', 'orphanword', '', '')"
        )
    try:
        filt = CaseFilter(text="orphanword")
        assert repo.first_page(filt, CaseSort(RELEVANCE)) == (1, [])
        assert old_way(repo, filt, CaseSort(RELEVANCE), 500) == (1, [])
    finally:
        with repo.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM case_search WHERE case_id = 'no-such-case'")


# Letters of the synthetic names' scripts, digits, spaces and FTS5 syntax characters.
QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list('aeiklnrsuАаЕеҚқЙйСсҰұئەركىن叶尔兰张马 "*()-:^.1')),
    max_size=12,
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=QUERY_TEXT, broad=st.sampled_from([cases_module.BROAD_MATCHES, 25, 1]))
def test_first_page_equals_count_and_page_for_any_text(
    store: Store, monkeypatch: pytest.MonkeyPatch, text: str, broad: int
) -> None:
    monkeypatch.setattr(cases_module, "BROAD_MATCHES", broad)
    repo = store.cases
    sort = CaseSort(RELEVANCE)
    filt = CaseFilter(text=text)
    got: tuple[int, list[CaseSummary]] = repo.first_page(filt, sort, limit=20)
    assert got == old_way(repo, filt, sort, 20)
    later = repo.page(filt, sort, offset=9, limit=6)
    assert later == sql_page(repo, filt, sort, offset=9, limit=6)
