# mypy: disallow-untyped-calls=False
"""The main window on a real (floor-cost) vault: import, list, detail, search, lazy paging, lock.

Imports and searches run on the thread pool; the tests wait for the visible outcome (the
count label, the status line, the model's rows) with ``waitUntil``/``waitSignal``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import EXAMPLE, simple_case, type_text, wait_for_jobs
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot

from desktop.app import Session
from desktop.store.cases import CaseRepository
from desktop.ui.case_list import PAGE
from desktop.ui.main_window import MainWindow

CaseFile = Callable[..., Path]
EXAMPLE_REF = "TD-2026-0001"


def _import(qtbot: QtBot, window: MainWindow, path: Path, total: int) -> None:
    window.import_files([path])
    qtbot.waitUntil(lambda: window.count_label.text() == f"{total} cases", timeout=60_000)
    wait_for_jobs(qtbot, window)


def _cell(window: MainWindow, row: int, column: int) -> str:
    return str(window.model.data(window.model.index(row, column)))


def _references(window: MainWindow) -> list[str]:
    return [_cell(window, r, 0) for r in range(window.model.rowCount())]


def _click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type into the search field the way a user does and wait for the debounced search."""
    window.search.clear()
    type_text(qtbot, window.search, text)
    assert window.search.text() == text
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)


# ---------------------------------------------------------------------- import, list, detail
def test_starts_empty(window: MainWindow) -> None:
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 cases"
    assert window.detail.toPlainText() == ""
    assert window.detail.isReadOnly()


def test_import_shows_the_row_and_selecting_it_shows_the_case(
    qtbot: QtBot, window: MainWindow
) -> None:
    _import(qtbot, window, EXAMPLE, 1)
    assert window.statusBar().currentMessage() == "Imported: 1 new, 0 updated, 0 unchanged"
    assert window.model.rowCount() == 1
    assert _cell(window, 0, 0) == EXAMPLE_REF
    assert _cell(window, 0, 1) == "Ерлан Сапарұлы"
    assert _cell(window, 0, 3) == "Bole, China"  # place of the first detention-type event
    assert _cell(window, 0, 4) == "Open"  # the status vocabulary's English label
    assert _cell(window, 0, 6) == "1 · Sent"  # one appeal, and the state of the last one
    assert window.detail.toPlainText() == ""  # nothing selected yet

    _click_row(qtbot, window.table, 0)
    text = window.detail.toPlainText()
    for expected in (
        EXAMPLE_REF,
        "Ерлан Сапарұлы",
        "Erlan Saparuly",
        "叶尔兰·萨帕尔",
        "Айгүл Сапарова",
        "Bole Detention Center",
        "қауіпсіздік бюросына",  # a piece of the Kazakh narrative
    ):
        assert expected in text

    # Importing the same file again changes nothing and says so.
    window.import_files([EXAMPLE])
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Imported: 0 new, 0 updated, 1 unchanged",
        timeout=60_000,
    )
    assert window.model.rowCount() == 1


def test_an_invalid_file_is_reported_and_nothing_is_imported(
    qtbot: QtBot, window: MainWindow, case_file: CaseFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = simple_case(0), simple_case(1)
    bad["status"] = "vanished"  # not in the status vocabulary
    path = case_file([good, bad], "broken.json")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.import_files([path])
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    wait_for_jobs(qtbot, window)
    (message,) = warnings
    assert str(path) in message and "record 1" in message and "$.status" in message
    assert window.session.store.cases.count() == 0
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 cases"


def test_narrative_markup_is_shown_literally(
    qtbot: QtBot, window: MainWindow, case_file: CaseFile
) -> None:
    markup = 'Before <b>bold</b><img src=x> <a href="https://example.org">link</a> after'
    case = simple_case(0, narrative=markup)
    case["persons"][0]["names"][0]["value"] = "<i>Dana</i> Testova"
    _import(qtbot, window, case_file([case]), 1)
    assert _cell(window, 0, 1) == "<i>Dana</i> Testova"
    _click_row(qtbot, window.table, 0)
    text = window.detail.toPlainText()
    assert "<b>bold</b><img src=x>" in text
    assert '<a href="https://example.org">link</a>' in text
    assert "<i>Dana</i> Testova" in text
    # A plain-text widget cannot load the <img> or follow the link: no rich-text document.
    assert isinstance(window.detail, QPlainTextEdit)


# ---------------------------------------------------------------------- search
@pytest.fixture
def four_cases(qtbot: QtBot, window: MainWindow, case_file: CaseFile) -> MainWindow:
    """The DESIGN example plus three invented cases, imported through the window."""
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    path = case_file([example, simple_case(0), simple_case(1), simple_case(2)])
    _import(qtbot, window, path, 4)
    return window


def test_search_is_debounced_and_finds_names_in_any_script(
    qtbot: QtBot, four_cases: MainWindow
) -> None:
    window = four_cases
    assert window.model.rowCount() == 4
    window.search.clear()
    qtbot.keyClicks(window.search, "Erlan")
    # Debounced: typing starts the timer but does not search on every key.
    assert window._search_timer.isActive()
    assert window.model.rowCount() == 4
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert _references(window) == [EXAMPLE_REF]
    assert window.statusBar().currentMessage() == "1 matching cases"

    for query in ("Ерлан", "叶尔兰", "saparuly", "Bole"):
        _search(qtbot, window, query)
        assert _references(window) == [EXAMPLE_REF], query


def test_search_miss_then_clearing_restores_every_case(
    qtbot: QtBot, four_cases: MainWindow
) -> None:
    window = four_cases
    _search(qtbot, window, "Zzyzxqwv")
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == "0 matching cases"

    _search(qtbot, window, "Testova")
    assert _references(window) == ["TD-2020-00001"]

    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10_000)
    assert _references(window) == sorted(
        [EXAMPLE_REF, "TD-2020-00001", "TD-2020-00002", "TD-2020-00003"]
    )


def test_a_keystroke_that_leaves_the_search_unchanged_reads_nothing(
    qtbot: QtBot, four_cases: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A space after a word, or a single letter (searched once a second follows), does not
    search again; a real change does, and so does clearing the field."""
    window = four_cases
    _search(qtbot, window, "Erlan")
    assert _references(window) == [EXAMPLE_REF]
    searched: list[str] = []
    real_first_page = CaseRepository.first_page

    def counting(self: CaseRepository, filt: Any, *args: Any, **kw: Any) -> Any:
        searched.append(filt.text)
        return real_first_page(self, filt, *args, **kw)

    monkeypatch.setattr(CaseRepository, "first_page", counting)
    for typed in (" ", "T"):
        type_text(qtbot, window.search, typed)
        qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
        wait_for_jobs(qtbot, window)
    assert window.search.text() == "Erlan T"
    assert searched == []
    assert _references(window) == [EXAMPLE_REF]
    type_text(qtbot, window.search, "e")  # "Erlan Te": a second word to search
    qtbot.waitUntil(lambda: searched == ["Erlan Te"], timeout=10_000)
    wait_for_jobs(qtbot, window)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10_000)
    # Back to a search shown before: read again (the list shows everything now).
    type_text(qtbot, window.search, "Erlan")
    qtbot.waitUntil(lambda: _references(window) == [EXAMPLE_REF], timeout=10_000)
    assert searched[-1] == "Erlan"


def test_a_late_search_result_does_not_replace_a_newer_view(
    qtbot: QtBot, four_cases: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user clears the field while a search is still running: the full list stays."""
    window = four_cases
    release = threading.Event()
    started = threading.Event()
    real_first_page = CaseRepository.first_page

    def slow_first_page(self: CaseRepository, filt: Any, *args: Any, **kw: Any) -> Any:
        if filt.text:  # the search's job; the full list (cleared field) is not held up
            started.set()
            release.wait(30)
        return real_first_page(self, filt, *args, **kw)

    monkeypatch.setattr(CaseRepository, "first_page", slow_first_page)
    window.search.clear()
    qtbot.keyClicks(window.search, "Erlan")
    qtbot.waitUntil(started.is_set, timeout=10_000)
    window.search.clear()
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    assert window.model.rowCount() == 4
    release.set()
    wait_for_jobs(qtbot, window)
    assert window.model.rowCount() == 4
    assert window.search.text() == ""


def test_find_shortcut_focuses_the_search_field(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus, timeout=5_000)


# ---------------------------------------------------------------------- lazy list
def test_case_list_is_fetched_in_pages_as_the_view_scrolls(
    qtbot: QtBot, window: MainWindow, case_file: CaseFile
) -> None:
    total = 1200
    path = case_file([simple_case(i) for i in range(total)], "many.json")
    _import(qtbot, window, path, total)
    model = window.model
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    assert _cell(window, PAGE - 1, 0) == f"TD-2020-{PAGE:05d}"

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE

    # The view asks for the rest when it is scrolled to the end.
    bar = window.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=10_000)
    assert not model.canFetchMore(QModelIndex())
    assert _cell(window, total - 1, 0) == f"TD-2020-{total:05d}"
    assert window.count_label.text() == f"{total} cases"


# ---------------------------------------------------------------------- lock and close
def test_lock_clears_the_view_and_locks_the_session(
    qtbot: QtBot, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(qtbot, window, EXAMPLE, 1)
    _click_row(qtbot, window.table, 0)
    assert "Ерлан" in window.detail.toPlainText()
    window.search.setText("Erl")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.unlocked.is_locked
    assert window.detail.toPlainText() == ""
    assert window.model.rowCount() == 0
    assert window.search.text() == ""
    assert not window.isVisible()

    # Nothing that fires later (the search debounce, a late refresh) may bring rows back: the
    # locked window must not reopen the database.
    opened: list[str] = []
    monkeypatch.setattr(
        CaseRepository,
        "count",
        lambda self: opened.append("count") or 0,  # type: ignore[func-returns-value]
    )
    monkeypatch.setattr(
        CaseRepository,
        "summaries",
        lambda self, **kw: opened.append("summaries") or [],  # type: ignore[func-returns-value]
    )
    monkeypatch.setattr(
        CaseRepository,
        "page",
        lambda self, *a, **kw: opened.append("page") or [],  # type: ignore[func-returns-value]
    )
    monkeypatch.setattr(
        CaseRepository,
        "count_matching",
        lambda self, *a: opened.append("count_matching") or 0,  # type: ignore[func-returns-value]
    )
    monkeypatch.setattr(
        CaseRepository,
        "first_page",
        lambda self, *a, **kw: opened.append("first_page") or (0, []),  # type: ignore[func-returns-value]
    )
    assert not window._search_timer.isActive()
    window._search_timer.timeout.emit()
    window.refresh()
    assert window.model.rowCount() == 0
    assert opened == []


def test_lock_action_is_in_the_vault_menu_with_its_shortcut(window: MainWindow) -> None:
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu_actions = menu.actions()
    assert window.lock_action in menu_actions and window.import_action in menu_actions


def test_closing_the_window_locks_the_vault(
    qtbot: QtBot, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.close()
    assert session.unlocked.is_locked
    assert quits == [True]
