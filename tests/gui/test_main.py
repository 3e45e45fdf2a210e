# mypy: disallow-untyped-calls=False
"""The GUI entry points: ``open_session`` (first run or unlock) and the ``run_gui`` loop.

Both run modal dialogs with ``exec()``, which blocks the test until the dialog closes. A
``ModalDriver`` therefore acts from inside the dialogs' own event loops: a timer looks at
the active modal dialog and performs the next step (typing, clicking) when it appears.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import ModalDriver, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main import open_session, run_gui
from desktop.ui.main_window import MainWindow
from desktop.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
Step = Callable[[], bool]  # True when the step found its widget and acted


def _modal() -> QWidget | None:
    return QApplication.activeModalWidget()


def _click(qtbot: QtBot, dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def create_step(qtbot: QtBot, seen: list[str]) -> Step:
    """The first-run assistant, page by page, with clicks on its own buttons."""
    state = {"page": 0}

    def step() -> bool:
        wizard = _modal()
        if not isinstance(wizard, FirstRunWizard):
            return False
        if state["page"] == 0:
            qtbot.mouseClick(
                wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton
            )
            state["page"] = 1
            return False
        if state["page"] == 1:
            page = wizard.passphrase_page
            type_text(qtbot, page.passphrase, PASSPHRASE)
            type_text(qtbot, page.repeat, PASSPHRASE)
            commit = wizard.button(QWizard.WizardButton.CommitButton)
            assert commit.isEnabled()
            qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
            state["page"] = 2
            return False
        if wizard.currentPage() is not wizard.recovery_page:
            return False  # the vault is still being created
        seen.append(wizard.recovery_page.key.text())
        wizard.recovery_page.confirm.setChecked(True)
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        return True

    return step


def unlock_step(qtbot: QtBot, passphrase: str = PASSPHRASE) -> Step:
    def step() -> bool:
        dialog = _modal()
        if not isinstance(dialog, UnlockDialog) or not dialog.buttons.isEnabled():
            return False
        type_text(qtbot, dialog.passphrase, passphrase)
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        return True

    return step


def cancel_step(
    qtbot: QtBot, kind: type[QDialog], check: Callable[[], None] = lambda: None
) -> Step:
    def step() -> bool:
        dialog = _modal()
        if not isinstance(dialog, kind):
            return False
        check()
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
        return True

    return step


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    """Main windows a test got back; their sessions are locked at the end whatever happens."""
    made: list[MainWindow] = []
    yield made
    for window in made:
        if not window.session.unlocked.is_locked:
            window.session.lock()
        window.close()


def cancel_wizard_step(qtbot: QtBot) -> Step:
    def step() -> bool:
        wizard = _modal()
        if not isinstance(wizard, FirstRunWizard):
            return False
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton
        )
        return True

    return step


# ---------------------------------------------------------------------- open_session
def test_first_run_creates_the_vault_and_shows_the_recovery_key_once(
    qtbot: QtBot, vault_dir: Path, windows: list[MainWindow]
) -> None:
    seen: list[str] = []
    driver = ModalDriver([create_step(qtbot, seen)])
    window = open_session(vault_dir)
    driver.check()
    assert isinstance(window, MainWindow)
    windows.append(window)
    assert not window.session.unlocked.is_locked
    assert window.session.vault.folder == vault_dir
    assert len(seen) == 1 and len(seen[0].split("-")) == 8
    window.session.lock()
    app.unlock(vault_dir, recovery_key=seen[0]).lock()


def test_an_existing_vault_asks_for_the_passphrase(
    qtbot: QtBot, vault_dir: Path, windows: list[MainWindow]
) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    driver = ModalDriver([unlock_step(qtbot, "a wrong passphrase here"), unlock_step(qtbot)])
    window = open_session(vault_dir)
    driver.check()
    assert isinstance(window, MainWindow)
    windows.append(window)
    assert not window.session.unlocked.is_locked


def test_cancelling_the_first_run_creates_nothing(qtbot: QtBot, vault_dir: Path) -> None:
    driver = ModalDriver([cancel_wizard_step(qtbot)])
    assert open_session(vault_dir) is None
    driver.check()
    assert not (vault_dir / "vault.json").exists()


# ---------------------------------------------------------------------- run_gui
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


def test_run_gui_locks_back_to_the_unlock_dialog_and_quits_on_cancel(
    qtbot: QtBot, vault_dir: Path, app_state: QApplication
) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    seen: list[MainWindow] = []

    def lock_the_window() -> bool:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in shown if w.isVisible()]
        if not visible:
            return False
        seen.extend(visible)
        # Later, not from this timer slot: Lock opens the next unlock dialog with exec(),
        # and Qt does not fire a timer again while its own slot is still running.
        QTimer.singleShot(0, visible[0].lock_action.trigger)
        return True

    def nothing_behind_the_dialog() -> None:
        assert seen and seen[0].session.unlocked.is_locked
        assert not any(
            w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        )

    driver = ModalDriver(
        [
            unlock_step(qtbot),
            lock_the_window,
            cancel_step(qtbot, UnlockDialog, nothing_behind_the_dialog),
        ]
    )
    code = run_gui(vault_dir)
    driver.check()
    assert code == 0
    assert len(seen) == 1
