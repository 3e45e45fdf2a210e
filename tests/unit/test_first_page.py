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


def old_way(repo: CaseRepository, filt: CaseFilter, sort: CaseSort, limit: int) -> Any:
    """What the case list did before ``first_page`` (and still the reference)."""
    count = repo.count_matching(filt)
    return count, (repo.page(filt, sort, limit=limit) if count else [])


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
