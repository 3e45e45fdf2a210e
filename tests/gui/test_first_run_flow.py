# mypy: disallow-untyped-calls=False
"""The whole first-run flow of the issue, through ``run_gui`` with real clicks and keys.

create the vault in the assistant → new case → required fields, with a Cyrillic, a Chinese
and an Arabic-script (Uyghur) name → save → search finds it → lock → wrong passphrase (the
message is shown) → correct passphrase → the same case is shown again.

``run_gui`` runs modal dialogs and the application's event loop, so the test acts from a
``ModalDriver`` timer inside those loops; each step waits until what it needs is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import ModalDriver, tick, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.ui.editor.fields import NamesField
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main import run_gui
from desktop.ui.main_window import MainWindow
from desktop.ui.unlock_dialog import UnlockDialog

pytestmark = pytest.mark.timeout(180, method="thread")
PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
CYRILLIC = "Дана Тестова"
CHINESE = "达娜·泰斯托娃"
UYGHUR = "دانا تېستوۋا"
TESTIFIER = "Марат Тестов"
CTRL = Qt.KeyboardModifier.ControlModifier
Button = QWizard.WizardButton


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    """``run_gui`` changes application-wide settings; put them back for the next tests."""
    quit_on_close = qapp.quitOnLastWindowClosed()
    font = qapp.font()
    name = qapp.applicationName()
    yield qapp
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    qapp.setFont(font)
    qapp.setApplicationName(name)


def _visible_window() -> MainWindow | None:
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and not w.session.unlocked.is_locked
    ]
    return shown[0] if shown else None


def _names(window: MainWindow, field_id: str) -> NamesField:
    assert window.editor is not None
    widget = window.editor.widgets[field_id]
    assert isinstance(widget, NamesField)
    return widget


def test_first_run_to_the_same_case_after_a_wrong_passphrase(
    qtbot: QtBot, vault_dir: Path, app_state: QApplication
) -> None:
    record: dict[str, object] = {}
    windows: list[MainWindow] = []
    wizard_page = {"n": 0}

    def assistant() -> bool:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            return False
        if wizard_page["n"] == 0:
            type_text(qtbot, wizard.organisation_page.organisation, "Synthetic Rights Group")
            qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
            wizard_page["n"] = 1
            return False
        if wizard_page["n"] == 1:
            page = wizard.passphrase_page
            type_text(qtbot, page.passphrase, PASSPHRASE)
            type_text(qtbot, page.repeat, PASSPHRASE)
            assert page.verdict.text() == "Strong"
            qtbot.mouseClick(wizard.button(Button.CommitButton), Qt.MouseButton.LeftButton)
            wizard_page["n"] = 2
            return False
        if wizard.currentPage() is not wizard.recovery_page:
            return False  # Argon2 and the database are being made in the worker
        record["recovery"] = wizard.recovery_page.key.text()
        tick(qtbot, wizard.recovery_page.confirm)
        qtbot.mouseClick(wizard.button(Button.FinishButton), Qt.MouseButton.LeftButton)
        return True

    def new_case() -> bool:
        window = _visible_window()
        if window is None or window.editor is None:
            return False
        windows.append(window)
        window.activateWindow()
        if not window.isActiveWindow():
            return False
        assert window.count_label.text() == "0 cases"
        qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
        detained = _names(window, "detained_names")
        type_text(qtbot, detained.rows[0].value, CYRILLIC)
        qtbot.mouseClick(detained.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, detained.rows[1].value, CHINESE)
        qtbot.mouseClick(detained.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, detained.rows[2].value, UYGHUR)
        assert [r.script.text() for r in detained.rows] == ["Cyrl", "Hans", "Arab"]
        testifier = _names(window, "testifier_names")
        type_text(qtbot, testifier.rows[0].value, TESTIFIER)
        qtbot.keyClick(testifier.rows[0].value, Qt.Key.Key_S, CTRL)  # Save
        return True

    def saved_then_search() -> bool:
        window = windows[0]
        if window.count_label.text() != "1 cases" or window._jobs:
            return False
        assert window.editor is not None and not window.editor.is_dirty()
        record["case_id"] = window.editor.case_id
        record["reference"] = window.editor.title.text()
        window.search.setFocus()
        type_text(qtbot, window.search, CHINESE)
        return True

    def found_then_lock() -> bool:
        window = windows[0]
        if window._search_timer.isActive() or window._jobs:
            return False
        if window.statusBar().currentMessage() != "1 matching cases":
            return False
        assert window.model.rowCount() == 1
        assert window.model.case_id(0) == record["case_id"]
        assert window.model.data(window.model.index(0, 1)) == CYRILLIC
        # Later, not from this timer slot: the next unlock dialog runs its own loop.
        QTimer.singleShot(0, lambda: qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL))
        return True

    def wrong_passphrase() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            return False
        old = windows[0]
        assert old.session.unlocked.is_locked and not old.isVisible()
        assert old.detail.toPlainText() == "" and old.model.rowCount() == 0
        type_text(qtbot, dialog.passphrase, "wrong horse battery staple")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return True

    def message_then_right_passphrase() -> bool:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDialog)
        if not dialog.error.text() or not dialog.buttons.isEnabled():
            return False
        record["message"] = dialog.error.text()
        assert dialog.isVisible()
        dialog.passphrase.clear()
        type_text(qtbot, dialog.passphrase, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        return True

    def same_case_then_quit() -> bool:
        window = _visible_window()
        if window is None or window is windows[0]:
            return False
        windows.append(window)
        assert window.editor is not None and window.editor.is_open
        record["shown_id"] = window.editor.case_id
        record["shown_title"] = window.editor.title.text()
        record["shown_names"] = [r.value.text() for r in _names(window, "detained_names").rows]
        record["selected"] = window.model.case_id(window.table.currentIndex().row())
        # Lock again and cancel the unlock dialog: run_gui returns.
        QTimer.singleShot(0, window.lock_action.trigger)
        return True

    def cancel_unlock() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            return False
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return True

    driver = ModalDriver(
        [
            assistant,
            new_case,
            saved_then_search,
            found_then_lock,
            wrong_passphrase,
            message_then_right_passphrase,
            same_case_then_quit,
            cancel_unlock,
        ],
        deadline_s=150,
    )
    code = run_gui(vault_dir)
    driver.check()
    assert code == 0
    assert record["message"] == "Wrong passphrase."
    assert record["shown_id"] == record["case_id"] is not None
    assert record["selected"] == record["case_id"]
    assert record["shown_title"] == record["reference"]
    assert record["shown_names"] == [CYRILLIC, CHINESE, UYGHUR]
    assert all(w.session.unlocked.is_locked for w in windows)
    # What was saved is really in the vault, readable with the recovery key too.
    session = app.unlock(vault_dir, recovery_key=str(record["recovery"]))
    try:
        (doc,) = session.store.cases.documents()
        names = [(n["value"], n["script"]) for n in doc["persons"][0]["names"]]
        assert names == [(CYRILLIC, "Cyrl"), (CHINESE, "Hans"), (UYGHUR, "Arab")]
        assert session.store.setting("organisation_name") == "Synthetic Rights Group"
    finally:
        session.lock()
