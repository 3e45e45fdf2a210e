"""Quick delete in the GUI, and the GUI sides of hardening (second instance, crash notice).

Real window, real clicks and key presses, the real 5-second countdown, a real vault on disk.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app, errors, preferences
from desktop.hardening import InstanceLock, crash_log_path
from desktop.ui import crash_dialog
from desktop.ui.main import run_gui
from desktop.ui.main_window import MainWindow
from desktop.ui.quick_delete import CountdownDialog
from desktop.vault import keyring_slot
from desktop.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"  # noqa: S105
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, vault_dir: Path) -> Iterator[tuple[MainWindow, list[str]]]:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.import_files([EXAMPLE])
    session.vault.remember(session.unlocked)  # a keyring entry, which erase must remove
    win = MainWindow(session)
    quits: list[str] = []
    win.quick_delete.quit_app = lambda: quits.append("quit")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win, quits
    if not session.unlocked.is_locked:
        session.lock()


def countdown(win: MainWindow) -> CountdownDialog:
    dialog = win.quick_delete.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_cancel_during_the_countdown_keeps_the_vault(
    qtbot: QtBot, window: tuple[MainWindow, list[str]], vault_dir: Path
) -> None:
    win, quits = window
    vault_id = win.session.unlocked.vault_id
    qtbot.keyClick(
        win,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = countdown(win)
    assert "5" in dialog.countdown.text()
    qtbot.waitUntil(lambda: "3" in dialog.countdown.text(), timeout=4000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert win.quick_delete.dialog is None
    qtbot.wait(4500)  # past the moment the countdown would have ended
    assert quits == []
    assert not win.session.unlocked.is_locked
    assert win.model.rowCount() == 1
    assert {p.name for p in vault_dir.iterdir()} >= {"vault.json", "cases.db"}
    win.session.lock()
    again = app.unlock(vault_dir, passphrase=PASSPHRASE)
    assert again.store.cases.count() == 1
    again.lock()
    assert keyring_slot.load_secret(vault_id) is not None


def test_escape_cancels_too(qtbot: QtBot, window: tuple[MainWindow, list[str]]) -> None:
    win, quits = window
    win.quick_delete.action.trigger()
    dialog = countdown(win)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.wait(5500)
    assert quits == [] and Vault(win.session.vault.folder).exists()


def test_letting_the_countdown_run_erases_everything_and_quits(
    qtbot: QtBot, window: tuple[MainWindow, list[str]], vault_dir: Path
) -> None:
    win, quits = window
    vault_id = win.session.unlocked.vault_id
    header = (vault_dir / "vault.json").read_bytes()
    database = (vault_dir / "cases.db").read_bytes()
    win.quick_delete.action.trigger()
    countdown(win)
    qtbot.waitUntil(lambda: quits == ["quit"], timeout=9000)
    assert win.session.unlocked.is_locked
    assert not win.isVisible()
    assert win.model.rowCount() == 0
    assert not vault_dir.exists()
    assert keyring_slot.load_secret(vault_id) is None
    assert not Vault(vault_dir).exists()
    with pytest.raises((errors.TestimonyDeskError, FileNotFoundError)):
        app.unlock(vault_dir, passphrase=PASSPHRASE)
    # Crypto-erase: even copies taken before (header and database) are useless without
    # a header copy; with the pre-erase header copy they would open — the documented limit.
    assert header and database


def test_erase_now_skips_the_countdown(
    qtbot: QtBot, window: tuple[MainWindow, list[str]], vault_dir: Path
) -> None:
    win, quits = window
    win.quick_delete.action.trigger()
    dialog = countdown(win)
    qtbot.mouseClick(dialog.erase_now_button, Qt.MouseButton.LeftButton)
    assert quits == ["quit"]
    assert not vault_dir.exists()


def test_toolbar_preference(qtbot: QtBot, vault_dir: Path) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    try:
        win = MainWindow(session)
        qtbot.addWidget(win)
        assert win.quick_delete.action not in win.toolbar.actions()
        assert win.quick_delete.action.shortcut().toString() == "Ctrl+Shift+Del"
        assert win.quick_delete.action in win.menus["vault"].actions()
        prefs = preferences.load(session.store)
        preferences.save(
            session.store,
            preferences.Preferences(
                auto_lock_minutes=prefs.auto_lock_minutes, quick_delete_in_toolbar=True
            ),
        )
        shown = MainWindow(session)
        qtbot.addWidget(shown)
        assert shown.quick_delete.action in shown.toolbar.actions()
        shown.quick_delete.show_in_toolbar(False)
        assert shown.quick_delete.action not in shown.toolbar.actions()
        # What Settings… does when the checkbox changes: the window tells quick delete.
        shown.apply_preferences(preferences.load(session.store))
        assert shown.quick_delete.action in shown.toolbar.actions()
    finally:
        session.lock()


# ---------------------------------------------------------------------- hardening, GUI side
@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    quit_on_close = qapp.quitOnLastWindowClosed()
    font = qapp.font()
    name = qapp.applicationName()
    yield qapp
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    qapp.setFont(font)
    qapp.setApplicationName(name)


def test_a_second_start_says_the_vault_is_open(
    qtbot: QtBot, vault_dir: Path, app_state: QApplication
) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "vault_in_use":
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, answer)

    with InstanceLock(vault_dir):
        QTimer.singleShot(20, answer)
        assert run_gui(vault_dir) == 1
    assert seen and "already running with this vault" in seen[0]


def test_crash_notice_is_calm_and_the_log_has_no_data(qtbot: QtBot) -> None:
    canary = "Canary Mihrigul Tursun 5521"
    remove = crash_dialog.install()
    try:
        try:
            raise RuntimeError(canary)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

        def notice() -> QMessageBox | None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QMessageBox) and w.objectName() == "crash_notice":
                    return w
            return None

        qtbot.waitUntil(lambda: notice() is not None and notice().isVisible(), timeout=3000)  # type: ignore[union-attr]
        box = notice()
        assert box is not None
        assert "safe in the encrypted vault" in box.text()
        assert canary not in box.text()
        assert str(crash_log_path()) in box.text()
        box.close()
    finally:
        remove()
    log = crash_log_path().read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and canary not in log


def test_a_deleted_vault_folder_copy_does_not_matter_to_the_lock(tmp_path: Path) -> None:
    """The lock needs no file of its own: copying a vault never copies a stale lock."""
    session, _recovery = app.create_vault(tmp_path / "v", PASSPHRASE)
    session.lock()
    with InstanceLock(tmp_path / "v"):
        shutil.copytree(tmp_path / "v", tmp_path / "copy")
        InstanceLock(tmp_path / "copy").acquire().release()
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == sorted(
        p.name for p in (tmp_path / "copy").iterdir()
    )
