"""``CaseListModel`` on its own, over an in-memory list: paging, resets, labels, consistency.

No vault is needed here, so the edge cases of paging (the store shrinking under the view,
an exact multiple of the page size) are cheap to check; pytest-qt's model tester checks
that the model keeps Qt's invariants through fetches and resets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.store.cases import CaseFilter, CaseSort, CaseSummary
from desktop.ui.case_list import COLUMNS, PAGE, CaseListModel


def _summary(i: int, status: str = "open", verification: str = "reported") -> CaseSummary:
    return CaseSummary(
        id=f"id-{i:05d}",
        reference=f"TD-2020-{i:05d}",
        detained_name=f"Invented Person {i}",
        status=status,
        verification=verification,
        last_event_date="2018-03~" if i % 2 else None,
        country="CN" if i % 2 else None,
        appeals=i % 3,
        updated="2026-01-01T00:00:00Z",
        place="Ghulja, CN" if i % 2 else "",
        appeal_state="sent" if i % 3 else "",
        received_by_hq=i == 1,
    )


class FakeStore:
    """Stands in for the repository (reference order only): counts reads for laziness.

    A fetch is recorded as (offset, limit): the keyset position ``after`` is turned back
    into the offset it stands for, so the tests read like the paging they check.
    """

    def __init__(self, n: int) -> None:
        self.rows = [_summary(i) for i in range(n)]
        self.fetches: list[tuple[int, int]] = []

    def page(
        self,
        filt: CaseFilter = CaseFilter(),  # noqa: B008
        sort: CaseSort = CaseSort(),  # noqa: B008
        *,
        after: CaseSummary | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> list[CaseSummary]:
        if after is not None:
            offset = next(i + 1 for i, r in enumerate(self.rows) if r.id >= after.id)
        self.fetches.append((offset, limit))
        return self.rows[offset : offset + limit]

    def count_matching(self, filt: CaseFilter = CaseFilter()) -> int:  # noqa: B008
        return len(self.rows)

    def first_page(
        self,
        filt: CaseFilter = CaseFilter(),  # noqa: B008
        sort: CaseSort = CaseSort(),  # noqa: B008
        *,
        limit: int = 500,
    ) -> tuple[int, list[CaseSummary]]:
        count = self.count_matching(filt)
        return count, self.page(filt, sort, limit=limit) if count else []


def _model(store: FakeStore, lang: str = "en") -> CaseListModel:
    model = CaseListModel(store, lang)
    model.reload()
    return model


def _fetch_all(model: CaseListModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_reload_reads_nothing_until_the_view_asks() -> None:
    store = FakeStore(1234)
    model = _model(store)
    assert model.rowCount() == 0
    assert store.fetches == []
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE
    assert store.fetches == [(0, PAGE)]
    _fetch_all(model)
    assert model.rowCount() == 1234
    assert store.fetches == [(0, PAGE), (PAGE, PAGE), (2 * PAGE, PAGE)]


def test_exact_multiple_of_the_page_needs_no_extra_query() -> None:
    store = FakeStore(2 * PAGE)
    model = _model(store)
    _fetch_all(model)
    assert model.rowCount() == 2 * PAGE
    assert len(store.fetches) == 2


def test_a_store_that_shrank_ends_the_paging() -> None:
    store = FakeStore(3 * PAGE)
    model = _model(store)
    model.fetchMore(QModelIndex())
    del store.rows[PAGE + 10 :]  # cases deleted elsewhere after the count was taken
    _fetch_all(model)
    assert model.rowCount() == PAGE + 10
    model.fetchMore(QModelIndex())  # the next page is empty: the model stops asking
    assert not model.canFetchMore(QModelIndex())
    assert model.rowCount() == PAGE + 10


def test_cells_labels_and_ids() -> None:
    store = FakeStore(3)
    store.rows[2] = _summary(2, status="confirmed-detained", verification="some-future-level")
    model = _model(store)
    _fetch_all(model)
    assert model.columnCount() == len(COLUMNS)
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(len(COLUMNS))
    ]
    assert headers == list(COLUMNS)
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) is None

    def row(r: int) -> list[Any]:
        return [model.data(model.index(r, c)) for c in range(len(COLUMNS))]

    assert row(0) == ["TD-2020-00000", "Invented Person 0", "", "", "Open", "Reported", "0", ""]
    # Dates and countries as the UI language writes them (the case keeps "2018-03~", "CN").
    assert row(1)[2:4] == ["Mar 2018~", "Ghulja, China"]
    assert row(1)[6:] == ["1 · Sent", "✓"]  # count · state of the last appeal; HQ has it
    # A known key shows its label; a key from a newer version shows as it is.
    assert row(2)[4] == "Detention confirmed"
    assert row(2)[5] == "some-future-level"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.case_id(1) == "id-00001"
    assert model.case_id(3) is None and model.case_id(-1) is None


def test_labels_follow_the_language() -> None:
    store = FakeStore(1)
    model = _model(store, lang="ru")
    _fetch_all(model)
    label = model.data(model.index(0, 4))
    assert label and label != "Open"
    ru = _model(FakeStore(2), lang="ru")
    _fetch_all(ru)
    assert [ru.data(ru.index(1, c)) for c in (2, 3)] == ["март 2018~", "Ghulja, Китай"]


def test_fetch_more_without_more_to_fetch_changes_nothing() -> None:
    """Search results stay exactly the results, whoever calls ``fetchMore``."""
    store = FakeStore(PAGE + 20)
    model = _model(store)
    model.fetchMore(QModelIndex())
    model.show_result(CaseFilter(text="x"), 2, [store.rows[7], store.rows[3]])
    assert not model.canFetchMore(QModelIndex())  # a result list is complete
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2
    assert [model.case_id(0), model.case_id(1)] == ["id-00007", "id-00003"]
    assert store.fetches == [(0, PAGE)]


def test_model_keeps_qt_invariants(qtlog: Any) -> None:
    """Qt's own model tester checks every signal; a broken invariant is a "FAIL!" warning.

    The tester is attached after each reset, not across it: on ``modelReset`` it runs its
    checks (and ``fetchMore``) before it has noted that the reset ended, so any lazy model
    that has more to fetch trips it — pytest-qt's Python tester has the same quirk.
    """
    store = FakeStore(PAGE + 20)
    model = _model(store)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    _fetch_all(model)
    assert model.rowCount() == PAGE + 20
    model.show_result(CaseFilter(text="x"), 2, [store.rows[7], store.rows[3]])
    model.fetchMore(QModelIndex())
    model.clear()
    del tester
    model.reload()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    _fetch_all(model)
    assert model.rowCount() == PAGE + 20
    del tester
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []


def test_new_rows_show_their_own_texts_and_clear_forgets_them() -> None:
    """Display texts are kept per row for repaints; new rows (a new search result, a
    fetched page) must never show an earlier row's texts, and lock drops them all."""
    store = FakeStore(3)
    model = _model(store)
    _fetch_all(model)
    cells = [model.data(model.index(r, c)) for r in range(3) for c in range(len(COLUMNS))]
    assert model.data(model.index(1, 1)) == "Invented Person 1"
    model.show_result(CaseFilter(text="x"), 2, [_summary(7), _summary(8, status="released")])
    assert model.data(model.index(0, 1)) == "Invented Person 7"
    assert model.data(model.index(1, 0)) == "TD-2020-00008"
    assert model.data(model.index(1, 4)) != cells[1 * len(COLUMNS) + 4]  # open -> released
    model.clear()
    assert model.rowCount() == 0 and model._texts == {}
    assert model.data(model.index(0, 1)) is None
