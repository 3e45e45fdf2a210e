"""GUI entry point: first run or unlock, then the main window; locking returns to unlock.

Unlocking again after a lock returns to the case that was open (same case selected and
shown in the editor). The next unlock dialog is opened from the event loop, not from inside
the lock: every lock/unlock cycle would otherwise nest one more modal event loop.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.hardening import InstanceLock, VaultInUse
from desktop.resources import resource_path
from desktop.ui import crash_dialog, i18n, workers
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.fonts import install_fonts
from desktop.ui.unlock_dialog import UnlockDialog, describe_error
from desktop.vault.vault import Vault

if TYPE_CHECKING:
    from desktop.app import Session

    # Imported when the vault is open, not before: the main window brings letters
    # (reportlab, fonts, shaping) and the rest, about 26 MiB that would otherwise sit in
    # memory next to Argon2's 256 MiB during unlock (docs/performance.md, peak RSS).
    from desktop.ui.main_window import MainWindow


def open_session(
    vault_dir: Path, *, try_keyring: bool = False, resume: str | None = None
) -> MainWindow | None:
    """Ask for the passphrase (or create the vault) and return the main window, or None.

    ``resume`` is the id of the case to show again (the one open when the vault was locked).
    """
    while True:
        dialog: UnlockDialog | FirstRunWizard
        if Vault(vault_dir).exists():
            dialog = UnlockDialog(vault_dir, try_keyring=try_keyring)
        else:
            dialog = FirstRunWizard(vault_dir)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        session = dialog.session
        relaunch = not accepted and i18n.language_was_changed(dialog)
        dialog.deleteLater()
        if not relaunch:
            break
        # The user picked another interface language in the dialog: show it again in that one.
        app = QCoreApplication.instance()
        if app is not None:
            i18n.install(app, i18n.language_for_start())
        try_keyring = False
    if not accepted or session is None:
        return None
    window = main_window(session)
    if resume is not None:
        window.resume(resume)
    return window


def main_window(session: Session) -> MainWindow:
    """The main window of an unlocked session; its modules are imported now (see above).

    The cyclic garbage collector is paused meanwhile: the modules and the widgets are
    objects that live as long as the window, and the collector only walked them again and
    again while they were made. Reference counting frees everything as usual.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        from desktop.ui.main_window import MainWindow

        return MainWindow(session)
    finally:
        if collecting:
            gc.enable()


def verify_in_background(window: MainWindow) -> workers.Job:
    """Sweep the whole database after unlock without making the user wait for it.

    Large vaults are not fully authenticated at unlock (it would take seconds); SQLCipher
    still refuses any damaged page it reads, and this sweep finds damage anywhere else.
    """
    store = window.session.store

    def failed(exc: BaseException) -> None:
        if window.session.unlocked.is_locked:
            return  # locked meanwhile: the check was cut short, not failed
        QMessageBox.critical(
            window, QCoreApplication.translate("main", "Testimony Desk"), describe_error(exc)
        )

    return workers.start(store.verify, lambda _result: None, failed)


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("testimony-desk-*.png")):
        icon.addFile(str(png))
    return icon


def application() -> QApplication:
    """The QApplication with the app's fonts and UI language (also used by --self-test)."""
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("Testimony Desk")
    # Linux menus and Wayland match windows to packaging/linux/<id>.desktop by this name.
    qapp.setDesktopFileName("org.testimonydesk.TestimonyDesk")
    qapp.setWindowIcon(app_icon())
    install_fonts(qapp)
    i18n.install(qapp, i18n.language_for_start())
    return qapp


def run_gui(vault_dir: Path) -> int:
    qapp = application()
    qapp.setQuitOnLastWindowClosed(False)
    state: dict[str, MainWindow | None] = {"window": None}
    # One program per vault (desktop.hardening): held for the whole run, across Lock/unlock.
    instance = InstanceLock(vault_dir)
    try:
        instance.acquire()
    except VaultInUse:
        crash_dialog.show_vault_in_use()
        return 1
    remove_crash_handlers = crash_dialog.install(lambda: state["window"])

    def show_next(first: bool = False) -> None:
        previous = state["window"]
        resume = previous.resume_case if previous is not None else None
        if previous is not None:
            previous.deleteLater()
        if not first:  # a language chosen in Settings applies from this unlock on
            i18n.install(qapp, i18n.language_for_start())
        window = open_session(vault_dir, try_keyring=first, resume=resume)
        state["window"] = window
        if window is None:
            qapp.quit()
            return
        instance.acquire()  # first run: the folder exists only now
        window.locked.connect(lambda: QTimer.singleShot(0, show_next))
        window.show()
        if window.session.permission_fixes:
            crash_dialog.show_permission_fixes(window.session.permission_fixes, window)
        verify_in_background(window)

    try:
        show_next(first=True)
        if state["window"] is None:
            return 0
        return int(qapp.exec())
    finally:
        remove_crash_handlers()
        instance.release()
