# mypy: disallow-untyped-calls=False
"""The case list in the main window, driven by real clicks and keys: sort, filter, search.

Why: filters and sorting are done in SQL, but the user reaches them through header clicks,
combo boxes and typed dates; these tests check that each of those reaches the store and
that the list, the sort indicator and the status bar count show what was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import simple_case, type_text, wait_for_jobs
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.ui.case_filters import parse_bound, search_text
from desktop.ui.main_window import MainWindow

CaseFile = Callable[..., Path]

# reference suffix, detained name, status, verification, country, last event date, appeals
CASES = [
    (1, "Ерлан Сапарұлы", "open", "reported", "CN", "2018-03", ["sent"]),
    (2, "叶尔兰·萨帕尔", "sentenced", "corroborated", "CN", "2017-11-05", []),
    (3, "ئەركىن تۇرسۇن", "open", "documented", "KZ", "2019~", ["drafted", "answered"]),
    (4, "Айгүл Нұрланқызы", "released", "reported", "KZ", "2018-04/2018-05", []),
    (5, "Dana Testova", "open", "reported", "CN", "2016", []),
    (6, "Марат Примеров", "open", "partially-verified", "CN", "2020-01-15", []),
]


def _case(n: int, name: str, status: str, verification: str, country: str, when: str,
          appeals: list[str]) -> dict[str, Any]:  # fmt: skip
    case = simple_case(n - 1)
    case["persons"][0]["names"] = [{"value": name}]
    case["status"] = status
    case["verification"] = verification
    case["events"][0]["place"] = {"locality": f"Town {n}", "country": country}
    case["events"][0]["date"] = when
    case["appeals"] = [
        {"recipient": "kz-mfa", "language": "ru", "date": "2019-01-01", "status": s}
        for s in appeals
    ]
    return case


@pytest.fixture
def listed(qtbot: QtBot, window: MainWindow, case_file: CaseFile) -> MainWindow:
    window.import_files([case_file([_case(*row) for row in CASES])])
    qtbot.waitUntil(lambda: window.count_label.text() == f"{len(CASES)} cases", timeout=60_000)
    wait_for_jobs(qtbot, window)
    return window


def _column(window: MainWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def _refs(window: MainWindow) -> list[int]:
    return [int(ref.rsplit("-", 1)[1]) for ref in _column(window, 0)]


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _choose(qtbot: QtBot, window: MainWindow, combo: QComboBox, data: str | None) -> None:
    """Pick an entry the keyboard way: focus the box, arrow keys until it is current."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    wait_for_jobs(qtbot, window)


def test_columns_show_place_appeals_and_hq(listed: MainWindow) -> None:
    window = listed
    titles = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert titles == [
        "Reference", "Detained person", "Last event", "Place", "Status", "Verification",
        "Appeals", "HQ",
    ]  # fmt: skip
    # The place as stored ("Town 1, CN"), the country named in the UI language.
    assert _column(window, 3)[:2] == ["Town 1, China", "Town 2, China"]
    assert _column(window, 6)[:3] == ["1 · Sent", "0", "2 · Answered"]
    assert set(_column(window, 7)) == {""}  # nothing was sent to HQ


def test_header_clicks_sort_in_the_store_with_an_indicator(
    qtbot: QtBot, listed: MainWindow
) -> None:
    window = listed
    header = window.table.horizontalHeader()
    assert not header.isSortIndicatorShown()
    assert _refs(window) == [1, 2, 3, 4, 5, 6]

    _click_header(qtbot, window, 1)
    names = [row[1] for row in CASES]
    assert _column(window, 1) == sorted(names)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder

    _click_header(qtbot, window, 1)
    assert _column(window, 1) == sorted(names, reverse=True)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    _click_header(qtbot, window, 1)  # third click: back to the default order
    assert _refs(window) == [1, 2, 3, 4, 5, 6]
    assert not header.isSortIndicatorShown()

    _click_header(qtbot, window, 2)  # last event, earliest first
    assert _refs(window) == [5, 2, 1, 4, 3, 6]
    _click_header(qtbot, window, 6)  # appeals
    assert _refs(window)[-1] == 3 and _refs(window)[-2] == 1

    _click_header(qtbot, window, 7)  # "HQ" is not sortable: nothing changes
    assert _refs(window)[-2:] == [1, 3]
    assert header.sortIndicatorSection() == 6


def test_filter_widgets_narrow_the_list_and_the_count(qtbot: QtBot, listed: MainWindow) -> None:
    window = listed
    bar = window.filters
    assert [bar.country.itemData(i) for i in range(bar.country.count())] == [None, "CN", "KZ"]
    assert not bar.reset_button.isEnabled()

    _choose(qtbot, window, bar.status, "open")
    assert _refs(window) == [1, 3, 5, 6]
    assert window.count_label.text() == "4 of 6"

    _choose(qtbot, window, bar.country, "CN")
    assert _refs(window) == [1, 5, 6]
    _choose(qtbot, window, bar.verification, "reported")
    assert _refs(window) == [1, 5]
    assert window.count_label.text() == "2 of 6"

    # Typed dates apply on Enter; the range is compared with the last event's date span.
    _choose(qtbot, window, bar.verification, None)
    _choose(qtbot, window, bar.country, None)
    bar.date_from.setFocus()
    qtbot.keyClicks(bar.date_from, "2018")
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Return)
    wait_for_jobs(qtbot, window)
    assert _refs(window) == [1, 3, 6]  # open, last event in or after 2018
    qtbot.keyClicks(bar.date_to, "2018-12")
    qtbot.keyClick(bar.date_to, Qt.Key.Key_Return)
    wait_for_jobs(qtbot, window)
    assert _refs(window) == [1]

    # A half-typed date is marked and does not filter.
    bar.date_to.clear()
    qtbot.keyClicks(bar.date_to, "20")
    assert bar.date_to.property("invalid") is True
    qtbot.keyClick(bar.date_to, Qt.Key.Key_Return)
    wait_for_jobs(qtbot, window)
    assert _refs(window) == [1, 3, 6]

    assert bar.reset_button.isEnabled()
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    wait_for_jobs(qtbot, window)
    assert _refs(window) == [1, 2, 3, 4, 5, 6]
    assert window.count_label.text() == "6 cases"
    assert bar.date_from.text() == "" and bar.status.currentIndex() == 0


def test_search_text_and_filters_combine(qtbot: QtBot, listed: MainWindow) -> None:
    window = listed
    _choose(qtbot, window, window.filters.status, "open")
    type_text(qtbot, window.search, "Testov")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    # "Testov" matches every case's invented witness ("Witness Testova" …) and Dana Testova.
    assert set(_refs(window)) <= {1, 3, 5, 6}
    assert 5 in _refs(window)
    assert window.count_label.text() == f"{len(_refs(window))} of 6"

    window.search.clear()
    type_text(qtbot, window.search, "Ерлан")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    assert _refs(window) == [1]
    _choose(qtbot, window, window.filters.status, "released")
    assert _refs(window) == []
    assert window.statusBar().currentMessage() == "0 matching cases"

    # Sorting a search result by a column keeps the search.
    _choose(qtbot, window, window.filters.status, None)
    window.search.clear()
    type_text(qtbot, window.search, "Witness")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    _click_header(qtbot, window, 1)
    _click_header(qtbot, window, 1)
    names = _column(window, 1)
    assert names == sorted(names, reverse=True) and len(names) == len(CASES)


def test_enter_in_the_search_field_moves_to_the_list(qtbot: QtBot, listed: MainWindow) -> None:
    window = listed
    window.activateWindow()
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus, timeout=5_000)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(window.table.hasFocus, timeout=5_000)
    assert window.table.currentIndex().row() == 0
    # Arrow keys walk the list and open the case.
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    assert "叶尔兰" in window.detail.toPlainText()


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2018", False, "2018-01-01"),
        ("2018", True, "2018-12-31"),
        ("2016-02", True, "2016-02-29"),
        ("2018-03-15", True, "2018-03-15"),
        ("", False, None),
    ],
)
def test_typed_date_bounds(text: str, end: bool, expected: str | None) -> None:
    bound = parse_bound(text, end=end)
    assert (bound.isoformat() if bound else None) == expected


@pytest.mark.parametrize("text", ["20", "2018-13", "2018-02-30", "18-03-2018", "x"])
def test_typed_date_bounds_refuse_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_bound(text, end=False)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("а", ""),  # one letter matches nearly everything: not searched yet
        ("Ай", "Ай"),
        ("Айгүл б", "Айгүл"),  # the word being typed joins from its second letter
        ("Айгүл бе", "Айгүл бе"),
        ("马", "马"),  # a Chinese character is a syllable
        ("ئ", ""),
        (" Erlan  S ", "Erlan"),
    ],
)
def test_single_letters_wait_for_a_second(typed: str, searched: str) -> None:
    assert search_text(typed) == searched


def test_one_typed_letter_keeps_the_whole_list(qtbot: QtBot, listed: MainWindow) -> None:
    window = listed
    type_text(qtbot, window.search, "Е")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    assert window.model.rowCount() == len(CASES)
    type_text(qtbot, window.search, "р")  # "Ер": now it searches (any script: "er")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    assert sorted(_refs(window)) == [1, 2, 3]  # Ерлан, 叶尔兰 (ye er lan), ئەركىن (erkin)
