# mypy: disallow-untyped-calls=False
"""The case list over 100,000 cases reads only what is shown: queries and rows are counted.

Why: a field worker's vault grows to 100,000 cases; a list that loads every row (or that
re-reads everything it skipped for each page) stalls the window for seconds. These tests
count the SQL statements the list executes (SQLAlchemy's ``before_cursor_execute``) and the
rows it holds, never the time it takes (the machine is shared; see bench/bench_gui.py for
times).

The 100,000 cases are written once per module straight into a real (SQLCipher) vault's
``cases`` and search tables — the columns the list reads — because going through the full
import would take minutes; tests/unit/test_case_query.py checks the same queries on cases
saved the normal way.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import wait_for_jobs
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event, insert

from desktop.app import Session, create_vault, unlock
from desktop.domain.names import fold, transliterate
from desktop.store import bulk
from desktop.store.cases import CaseFilter
from desktop.store.models import Case
from desktop.ui.case_list import PAGE, CaseListModel
from desktop.ui.main_window import MainWindow

N = 100_000
PASSPHRASE = "a test passphrase for a big vault"  # noqa: S105 - a throwaway test vault
NAMES = ("Ерлан Сапарұлы", "叶尔兰·萨帕尔", "ئەركىن تۇرسۇن", "Dana Testova", "Айгүл Нұрланқызы")
STATUSES = ("open", "appealed", "released", "sentenced")
VERIFICATIONS = ("reported", "partially-verified", "corroborated", "documented")
COUNTRIES = ("CN", "KZ", None)


def _row(i: int) -> dict[str, Any]:
    year, month = 2010 + i % 12, 1 + i % 12
    return {
        "id": str(uuid.UUID(int=i + 1)),
        "reference": f"TD-2020-{i:06d}",
        "status": STATUSES[i % 4],
        "confidentiality": "restricted",
        "verification": VERIFICATIONS[(i // 4) % 4],
        "tags": [],
        "notes": "",
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "origin_device": "test",
        "revision": 1,
        "content_hash": "0" * 64,
        "parent_hash": None,
        "detained_name": f"{NAMES[i % 5]} {i}",
        "last_event_date": f"{year}-{month:02d}",
        "country": COUNTRIES[i % 3],
        "place": f"Place {i % 97}",
        "last_event_lower": f"{year}-{month:02d}-01",
        "last_event_upper": f"{year}-{month:02d}-28",
        "appeal_count": i % 3,
        "appeal_state": "sent" if i % 3 else "",
    }


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "vault"
    session, _recovery = create_vault(folder, PASSPHRASE)
    latin = [transliterate(fold(n)) for n in NAMES]
    try:
        with session.store.engine.begin() as conn:
            for start in range(0, N, 10_000):
                rows = [_row(i) for i in range(start, start + 10_000)]
                conn.execute(insert(Case), rows)
                bulk.insert_rows(
                    conn,
                    bulk.CASE_SEARCH,
                    [
                        {
                            "case_id": r["id"],
                            "names": r["detained_name"],
                            "latin": f"{latin[i % 5]} {i}",
                            "places": "",
                            "body": "",
                        }
                        for i, r in enumerate(rows, start)
                    ],
                )
    finally:
        session.lock()
    return folder


@pytest.fixture
def big(big_vault: Path) -> Iterator[Session]:
    session = unlock(big_vault, passphrase=PASSPHRASE)
    yield session
    if not session.unlocked.is_locked:
        session.lock()


class Statements:
    """Every query on the cases the store executes while attached (not the pragmas that
    each pooled connection runs first)."""

    def __init__(self, session: Session) -> None:
        self.sql: list[str] = []
        self.params: list[Any] = []
        self._engine = session.store.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "cases" in statement:
            self.sql.append(statement)
            self.params.append(params)

    def take(self) -> list[str]:
        taken, self.sql, self.params = self.sql, [], []
        return taken

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


@pytest.fixture
def statements(big: Session) -> Iterator[Statements]:
    watch = Statements(big)
    yield watch
    watch.close()


def _is_page(sql: str) -> bool:
    return "LIMIT" in sql and "count(" not in sql


def test_the_model_reads_one_page_per_fetch_and_never_all_rows(
    big: Session, statements: Statements
) -> None:
    model = CaseListModel(big.store.cases)
    model.reload()
    (count_sql,) = statements.take()
    assert "count(" in count_sql
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    (page_sql,) = statements.take()
    assert _is_page(page_sql)
    assert model.rowCount() == PAGE
    # The visible rows answer from memory: no statement at all.
    cells = [model.data(model.index(r, c)) for r in range(40) for c in range(8)]
    assert statements.take() == []
    assert cells[:2] == ["TD-2020-000000", "Ерлан Сапарұлы 0"]

    # Scrolling on: one statement per page, each starting after the last row held (keyset),
    # not re-reading the rows before it (no OFFSET).
    for _ in range(3):
        model.fetchMore(QModelIndex())
        (params,) = statements.params
        (sql,) = statements.take()
        assert _is_page(sql) and "(cases.reference, cases.id) > (?, ?)" in sql
        assert list(params)[-2:] == [PAGE, 0]  # LIMIT 500 OFFSET 0: nothing skipped
    assert model.rowCount() == 4 * PAGE
    assert model.data(model.index(4 * PAGE - 1, 0)) == f"TD-2020-{4 * PAGE - 1:06d}"
    assert model.matching == N
    assert model.pages_fetched == 4


def test_sort_and_filters_stay_lazy_and_correct(big: Session, statements: Statements) -> None:
    model = CaseListModel(big.store.cases)
    model.reload()
    model.sort(1, Qt.SortOrder.DescendingOrder)  # detained person, Z → A
    model.fetchMore(QModelIndex())
    assert len(statements.take()) == 2  # the count (reload) and one page; sorting: no count
    assert model.rowCount() == PAGE
    names = [model.data(model.index(r, 1)) for r in range(PAGE)]
    expected = sorted((_row(i)["detained_name"] for i in range(N)), reverse=True)[:PAGE]
    assert names == expected

    want = [i for i in range(N) if STATUSES[i % 4] == "open" and COUNTRIES[i % 3] == "KZ"]
    model.set_filter(CaseFilter(statuses=("open",), countries=("KZ",)))
    model.fetchMore(QModelIndex())
    assert len(statements.take()) == 2
    assert model.matching == len(want)
    assert model.rowCount() == PAGE
    held = {model.case_id(r) for r in range(PAGE)}
    assert held <= {str(uuid.UUID(int=i + 1)) for i in want}

    # Search text and filters together: counted and paged in SQL, not loaded.
    erlan = [i for i in range(N) if i % 5 == 0 and VERIFICATIONS[(i // 4) % 4] == "documented"]
    model.set_sort(None)
    model.set_filter(CaseFilter(text="erlan", verifications=("documented",)))
    model.fetchMore(QModelIndex())
    assert len(statements.take()) == 2
    assert model.matching == len(erlan)
    assert model.rowCount() == PAGE
    assert all(str(model.data(model.index(r, 1))).startswith("Ерлан") for r in range(PAGE))


def _header_click(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


@pytest.fixture
def big_window(qtbot: QtBot, big: Session) -> Iterator[list[MainWindow]]:
    """The window is built inside the test (its queries are counted); locked at the end
    whatever happened, so that closing it never quits the application."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        wait_for_jobs(qtbot, window)
    if not big.unlocked.is_locked:
        big.lock()


def test_the_window_opens_on_100k_cases_with_one_page(
    qtbot: QtBot, big: Session, statements: Statements, big_window: list[MainWindow]
) -> None:
    window = MainWindow(big)
    big_window.append(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    opening = statements.take()
    pages = [s for s in opening if _is_page(s)]
    assert len(pages) == 1, pages  # the first page only, whatever the view asked for
    assert len(opening) <= 8, opening
    assert window.model.rowCount() == PAGE
    assert window.count_label.text() == f"{N} cases"

    # Scrolling to the end of what is held reads exactly one more page.
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 * PAGE, timeout=10_000)
    QApplication.processEvents()
    assert len([s for s in statements.take() if _is_page(s)]) == 1

    # A header click sorts in the store and shows the indicator.
    _header_click(qtbot, window, 2)  # last event, oldest first
    header = window.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert window.model.rowCount() == PAGE
    assert window.model.data(window.model.index(0, 2)) == "Jan 2010"  # 2010-01, localized
    assert len([s for s in statements.take() if _is_page(s)]) == 1

    # A filter: the count shows "shown of total".
    window.filters.status.setCurrentIndex(window.filters.status.findData("released"))
    wait_for_jobs(qtbot, window)
    assert window.count_label.text() == "25,000 of 100,000"
    assert {window.model.data(window.model.index(r, 4)) for r in range(PAGE)} == {"Released"}
    # Released: i % 4 == 2, so the earliest last event is 2012-03 (i = 2), still sorted.
    assert window.model.data(window.model.index(0, 2)) == "Mar 2012"
