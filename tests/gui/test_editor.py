# mypy: disallow-untyped-calls=False
"""The forms-driven case editor inside the main window, by real clicks and keys.

Covers: a stored case shown field by field (Cyrillic, Chinese and Arabic-script names),
edit + Ctrl+S (revision 2, history entry, search finds the new text), a new case typed key
by key, required fields, validation errors next to their field, the unsaved-changes guard
(switching rows, Lock), and markup shown literally.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import EXAMPLE, simple_case, type_text, wait_for_jobs
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTableWidgetItem,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from desktop.app import Session
from desktop.errors import InvalidInputError
from desktop.ui.editor.fields import EdtfField, EdtfHelper, EventsField, NamesField
from desktop.ui.main_window import MainWindow

CaseFile = Callable[..., Path]
# A modal box that nobody answers blocks in Qt's event loop, where the default (signal)
# timeout cannot interrupt; the thread method ends the run with a stack dump instead.
pytestmark = pytest.mark.timeout(120, method="thread")
UYGHUR = "ئەركىن ساپار"  # invented Uyghur-script form of the example's invented name
CTRL = Qt.KeyboardModifier.ControlModifier


def _example_with_uyghur_name(case_file: CaseFile) -> Path:
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    case["persons"][0]["names"].append({"value": UYGHUR, "script": "Arab", "lang": "ug"})
    return case_file([case], "example.json")


def _import(qtbot: QtBot, window: MainWindow, path: Path, total: int) -> None:
    window.import_files([path])
    qtbot.waitUntil(lambda: window.count_label.text() == f"{total} cases", timeout=60_000)
    wait_for_jobs(qtbot, window)


def _click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _names(window: MainWindow, field_id: str) -> NamesField:
    assert window.editor is not None
    widget = window.editor.widgets[field_id]
    assert isinstance(widget, NamesField)
    return widget


def _line(window: MainWindow, field_id: str) -> QLineEdit:
    assert window.editor is not None
    edit = window.editor.findChild(QLineEdit, f"field_{field_id}")
    assert edit is not None
    return edit


def _narrative(window: MainWindow) -> QPlainTextEdit:
    assert window.editor is not None
    edit = window.editor.findChild(QPlainTextEdit, "field_narrative")
    assert edit is not None
    return edit


def _answer_next_message_box(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    """Answer the next modal message box (opened inside a click) with ``button``."""
    seen: list[str] = []
    tries = [0]

    def poll() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if boxes:
            seen.append(boxes[0].text())
            boxes[0].button(button).click()
            return
        tries[0] += 1
        if tries[0] < 3000:  # 60 s: a box that never comes fails the test's assertion
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _locked(session: Session) -> bool:
    return session.unlocked.is_locked


def _save(qtbot: QtBot, window: MainWindow, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_S, CTRL)
    wait_for_jobs(qtbot, window)


@pytest.fixture
def example_window(qtbot: QtBot, window: MainWindow, case_file: CaseFile) -> MainWindow:
    _import(qtbot, window, _example_with_uyghur_name(case_file), 1)
    _click_row(qtbot, window.table, 0)
    assert window.editor is not None and window.editor.is_open
    return window


# ---------------------------------------------------------------------- showing a case
def test_the_editor_shows_the_stored_case(example_window: MainWindow) -> None:
    window = example_window
    editor = window.editor
    assert editor is not None
    names = _names(window, "detained_names")
    shown = [(r.value.text(), r.script.text(), r.lang.text()) for r in names.rows]
    assert shown == [
        ("Ерлан Сапарұлы", "Cyrl", "kk"),
        ("Erlan Saparuly", "Latn", ""),
        ("叶尔兰·萨帕尔", "Hans", "zh"),
        (UYGHUR, "Arab", "ug"),
    ]
    assert [r.value.text() for r in _names(window, "testifier_names").rows] == ["Айгүл Сапарова"]
    assert _line(window, "reference").text() == "TD-2026-0001"
    assert _line(window, "reference").isReadOnly()
    assert _line(window, "detained_birth_date").text() == "1979"
    assert _line(window, "testifier_phone").text() == "+7 700 000 0000"
    country = editor.findChild(QComboBox, "field_detained_birth_country")
    assert country is not None and country.currentData() == "CN"
    assert country.currentText() == "China (CN)"
    relationship = editor.findChild(QComboBox, "field_relationship")
    assert relationship is not None and relationship.currentText() == "Spouse"
    assert "қауіпсіздік бюросына" in _narrative(window).toPlainText()
    assert editor.widgets["consent_share"].value() is True
    assert editor.widgets["consent_publish"].value() == "anonymized"
    events = editor.widgets["events"]
    assert isinstance(events, EventsField)
    assert events.table.rowCount() == 2
    assert events._cell(0, 1) == "2018-03~"
    assert events._cell(1, 2) == "Bole Detention Center"
    appeals = editor.findChild(QPlainTextEdit, "field_appeals")
    assert appeals is not None and "kz-mfa" in appeals.toPlainText()
    history = editor.findChild(QPlainTextEdit, "field_history")
    assert history is not None and "create  revision 1" in history.toPlainText()
    assert history.isReadOnly()
    assert "All UN WGEID minimum elements are present." in editor.completeness.text()
    assert not editor.is_dirty() and not window.save_action.isEnabled()


# ---------------------------------------------------------------------- editing and saving
def test_edit_then_ctrl_s_saves_a_new_revision(
    qtbot: QtBot, example_window: MainWindow, session: Session
) -> None:
    window = example_window
    editor = window.editor
    assert editor is not None
    _activate(qtbot, window)
    narrative = _narrative(window)
    narrative.setFocus()
    narrative.moveCursor(narrative.textCursor().MoveOperation.End)
    type_text(qtbot, narrative, " Қорғас шекарасы.")
    assert editor.is_dirty() and window.isWindowModified() and window.save_action.isEnabled()

    _save(qtbot, window, narrative)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10_000)
    assert window.statusBar().currentMessage() == "Saved TD-2026-0001"
    assert not window.isWindowModified()

    cases = session.store.cases
    stored = cases.get("TD-2026-0001")
    assert stored["testimonies"][0]["narrative"].endswith(" Қорғас шекарасы.")
    assert stored["persons"][0]["documents"]  # not in the form: kept as it was
    assert stored["persons"][0]["names"][3] == {"value": UYGHUR, "script": "Arab", "lang": "ug"}
    history = cases.history_of(stored["id"])
    assert [h["detail"]["revision"] for h in history] == [1, 2]
    shown = editor.findChild(QPlainTextEdit, "field_history")
    assert shown is not None and "update  revision 2" in shown.toPlainText()
    assert [h.id for h in cases.search("Қорғас")] == [stored["id"]]

    # The window's own search finds it too.
    type_text(qtbot, window.search, "Қорғас")
    qtbot.waitUntil(lambda: not window._search_timer.isActive(), timeout=5_000)
    wait_for_jobs(qtbot, window)
    assert window.model.rowCount() == 1
    assert window.model.case_id(0) == stored["id"]


def test_a_new_case_typed_by_keys(qtbot: QtBot, window: MainWindow, session: Session) -> None:
    assert window.editor is not None
    editor = window.editor
    _activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    assert editor.is_open and editor.title.text() == "New case (not saved yet)"
    detained = _names(window, "detained_names")
    first = detained.rows[0].value
    qtbot.waitUntil(first.hasFocus, timeout=5_000)
    type_text(qtbot, first, "Дана Тестова")
    qtbot.mouseClick(detained.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, detained.rows[1].value, "达娜·泰斯托娃")
    qtbot.mouseClick(detained.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, detained.rows[2].value, "دانا تېستوۋا")
    assert [r.script.text() for r in detained.rows] == ["Cyrl", "Hans", "Arab"]

    # The testifier's name is required: saving now marks it and saves nothing.
    _save(qtbot, window, first)
    testifier = _names(window, "testifier_names")
    assert testifier.error() == "Required"
    assert session.store.cases.count() == 0
    assert editor.completeness.text().startswith("Missing for the UN WGEID: ")
    assert "date of disappearance" in editor.completeness.text()

    type_text(qtbot, testifier.rows[0].value, "Марат Тестов")
    _save(qtbot, window, testifier.rows[0].value)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 cases", timeout=10_000)
    assert testifier.error() is None
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == "Дана Тестова"
    assert window.table.currentIndex().row() == 0  # the saved case is selected
    (doc,) = session.store.cases.documents()
    assert [(n["value"], n["script"]) for n in doc["persons"][0]["names"]] == [
        ("Дана Тестова", "Cyrl"),
        ("达娜·泰斯托娃", "Hans"),
        ("دانا تېستوۋا", "Arab"),
    ]
    assert doc["persons"][1]["role"] == "testifier"
    assert editor.title.text() == doc["reference"]
    assert not editor.is_dirty()


def test_validation_errors_are_shown_next_to_their_field(
    qtbot: QtBot, example_window: MainWindow, session: Session
) -> None:
    window = example_window
    editor = window.editor
    assert editor is not None
    language = _line(window, "testimony_language")
    language.setText("Kazakh language")  # not a BCP 47 code: refused by normalize_case
    date = _line(window, "detained_birth_date")
    date.setText("2023-02-30")  # refused by the widget itself before saving
    window.save_case()
    assert editor.widgets["detained_birth_date"].error()
    assert session.store.cases.history_of(editor.case_id or "")[-1]["detail"]["revision"] == 1

    date.setText("1979~")
    window.save_case()
    wait_for_jobs(qtbot, window)
    qtbot.waitUntil(lambda: bool(editor.widgets["testimony_language"].error()), timeout=10_000)
    assert editor.widgets["detained_birth_date"].error() is None
    assert editor.is_dirty()
    assert session.store.cases.get("TD-2026-0001")["persons"][0]["birth_date"] == "1979"
    # Leave the editor clean: closing the window at teardown would otherwise ask.
    editor.load(None)


# ---------------------------------------------------------------------- unsaved-changes guard
def test_switching_rows_with_unsaved_edits_asks(
    qtbot: QtBot, window: MainWindow, case_file: CaseFile, session: Session
) -> None:
    _import(qtbot, window, case_file([simple_case(0), simple_case(1)]), 2)
    editor = window.editor
    assert editor is not None
    _click_row(qtbot, window.table, 0)
    assert editor.title.text() == "TD-2020-00001"
    _line(window, "detained_ethnicity").setText("Invented")
    assert editor.is_dirty()

    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Cancel)
    _click_row(qtbot, window.table, 1)
    assert seen == ["This case has unsaved changes."]
    assert editor.title.text() == "TD-2020-00001"  # still the first case, edits kept
    assert window.table.currentIndex().row() == 0
    assert _line(window, "detained_ethnicity").text() == "Invented"
    assert editor.is_dirty()

    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Discard)
    _click_row(qtbot, window.table, 1)
    assert seen == ["This case has unsaved changes."]
    assert editor.title.text() == "TD-2020-00002"
    assert not editor.is_dirty()
    assert "ethnicity" not in session.store.cases.get("TD-2020-00001")["persons"][0]

    # Save from the guard writes the edit before switching.
    _line(window, "detained_ethnicity").setText("Invented too")
    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Save)
    _click_row(qtbot, window.table, 0)
    assert seen == ["This case has unsaved changes."]
    assert session.store.cases.get("TD-2020-00002")["persons"][0]["ethnicity"] == "Invented too"
    assert editor.title.text() == "TD-2020-00001"
    assert window.table.currentIndex().row() == 0
    assert not editor.is_dirty()
    wait_for_jobs(qtbot, window)


def test_lock_with_unsaved_edits_asks_and_cancel_keeps_the_vault_open(
    qtbot: QtBot, example_window: MainWindow, session: Session
) -> None:
    window = example_window
    _line(window, "detained_occupation").setText("Invented occupation")
    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Cancel)
    window.lock()
    assert seen == ["This case has unsaved changes."]
    assert not _locked(session)
    assert window.editor is not None and window.editor.is_dirty()

    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    assert _locked(session)
    # Locking leaves no case data in the editor.
    assert not window.editor.is_open
    assert all(not e.text() for e in window.editor.findChildren(QLineEdit))
    assert all(not e.toPlainText() for e in window.editor.findChildren(QPlainTextEdit))


# ---------------------------------------------------------------------- safety
def test_markup_in_case_data_is_shown_literally(
    qtbot: QtBot, window: MainWindow, case_file: CaseFile
) -> None:
    markup = 'Before <b>x</b><img src="file:///etc/passwd"> <a href="https://example.org">l</a>'
    case = simple_case(0, narrative=markup)
    case["persons"][0]["names"][0]["value"] = "<i>Dana</i> Testova"
    _import(qtbot, window, case_file([case]), 1)
    _click_row(qtbot, window.table, 0)
    assert window.editor is not None
    assert _narrative(window).toPlainText() == markup
    assert _names(window, "detained_names").rows[0].value.text() == "<i>Dana</i> Testova"
    assert window.editor.title.text() == "TD-2020-00001"
    # No rich-text widget anywhere in the editor, and every label is plain text.
    assert not window.editor.findChildren(QTextEdit)
    labels = window.editor.findChildren(QLabel)
    assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)


def test_screenshot_of_the_editor(qtbot: QtBot, example_window: MainWindow, tmp_path: Path) -> None:
    """The editor renders with the example case; no label is cut off at its width."""
    editor = example_window.editor
    assert editor is not None
    path = tmp_path / "editor.png"
    assert example_window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    checked = 0
    for label in editor.findChildren(QLabel):
        if not (label.isVisible() and label.text()):
            continue
        checked += 1
        if label.wordWrap():
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
        else:
            assert label.sizeHint().width() <= label.width() + 1, label.text()
    assert checked > 10


# ---------------------------------------------------------------------- field types
def test_timeline_relationship_and_phone_are_edited_and_saved(
    qtbot: QtBot, example_window: MainWindow, session: Session
) -> None:
    window = example_window
    editor = window.editor
    assert editor is not None
    events = editor.widgets["events"]
    assert isinstance(events, EventsField)
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    row = events.table.rowCount() - 1
    assert row == 2 and editor.is_dirty()
    type_combo = events.table.cellWidget(row, 0)
    assert isinstance(type_combo, QComboBox)
    type_combo.setCurrentIndex(type_combo.findData("transferred"))
    events.table.setItem(row, 1, QTableWidgetItem("2018-13"))  # no 13th month
    events.table.setItem(row, 3, QTableWidgetItem("Urumqi"))
    events.table.setItem(row, 4, QTableWidgetItem("CN"))
    relationship = editor.findChild(QComboBox, "field_relationship")
    assert relationship is not None
    relationship.setCurrentIndex(relationship.findData("sibling"))
    phone = _line(window, "testifier_phone")
    phone.setText("+7 12")
    window.save_case()
    error = events.error()
    assert error is not None and error.startswith("row 3: date:")
    assert editor.widgets["testifier_phone"].error()
    assert session.store.cases.history_of(editor.case_id or "")[-1]["detail"]["revision"] == 1

    events.table.setItem(row, 1, QTableWidgetItem("2018-12"))
    phone.setText("+7 701 123 4567")
    window.save_case()
    wait_for_jobs(qtbot, window)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10_000)
    stored = session.store.cases.get("TD-2026-0001")
    assert stored["events"][2] == {
        "type": "transferred",
        "date": "2018-12",
        "persons": ["p1"],
        "place": {"locality": "Urumqi", "country": "CN"},
    }
    assert stored["events"][0]["description"] == "Called in 'for a conversation'."  # kept
    assert stored["persons"][1]["relationship"] == {"to": "p1", "kind": "sibling"}
    assert stored["persons"][1]["contact"]["phone"] == "+7 701 123 4567"


def test_the_date_helper_writes_edtf(qtbot: QtBot, example_window: MainWindow) -> None:
    editor = example_window.editor
    assert editor is not None
    field = editor.widgets["detained_birth_date"]
    assert isinstance(field, EdtfField)

    def fill() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, EdtfHelper)), None
        )
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, fill)
            return
        assert dialog.year.value() == 1979  # prefilled from the field
        dialog.month.setValue(3)
        dialog.day.setValue(31)
        dialog.approximate.setChecked(True)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(field.helper_button, Qt.MouseButton.LeftButton)
    assert field.edit.text() == "1979-03-31~"
    assert field.problem() is None
    field.edit.setText("1979-02-30")
    assert field.problem() is not None
    editor.load(None)  # clean, so that closing at teardown does not ask


def test_closing_with_unsaved_edits_asks(
    qtbot: QtBot, example_window: MainWindow, session: Session
) -> None:
    window = example_window
    _line(window, "detained_occupation").setText("Invented occupation")
    seen = _answer_next_message_box(qtbot, QMessageBox.StandardButton.Cancel)
    window.close()
    assert seen == ["This case has unsaved changes."]
    assert window.isVisible() and not _locked(session)
    assert window.editor is not None
    window.editor.load(None)


def test_a_broken_form_file_does_not_keep_the_vault_closed(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui.main_window as main_window

    def broken() -> None:
        raise InvalidInputError(
            "unknown type 'date'", source="forms/x.yaml", path="sections[0].fields[1] (dob).type"
        )

    monkeypatch.setattr(main_window, "default_form", broken)
    win = MainWindow(session)
    qtbot.addWidget(win)
    problem = win.findChild(QLabel, "form_error")
    assert problem is not None
    assert "forms/x.yaml: sections[0].fields[1] (dob).type: unknown type 'date'" in problem.text()
    assert win.editor is None and not win.new_action.isEnabled()
    win.new_case()
    win.save_case()  # both do nothing without an editor
    session.lock()


def test_the_editor_takes_no_input_while_saving(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    editor = window.editor
    assert editor is not None
    _activate(qtbot, window)
    narrative = _narrative(window)
    narrative.setFocus()
    narrative.appendPlainText("More invented text.")
    window.save_case()
    assert not editor.isEnabled()  # until the job's result arrives
    wait_for_jobs(qtbot, window)
    qtbot.waitUntil(editor.isEnabled, timeout=10_000)
    assert not editor.is_dirty()
    qtbot.waitUntil(narrative.hasFocus, timeout=5_000)  # back where the user was typing
