"""GUI entry point: first run or unlock, then the main window; locking returns to unlock."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.ui import i18n, workers
from desktop.ui.fonts import install_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.unlock_dialog import (
    CreateVaultDialog,
    RecoveryKeyDialog,
    UnlockDialog,
    describe_error,
)
from desktop.vault.vault import Vault


def open_session(vault_dir: Path) -> MainWindow | None:
    """Ask for the passphrase (or create the vault) and return the main window, or None."""
    if Vault(vault_dir).exists():
        unlock = UnlockDialog(vault_dir)
        if unlock.exec() != QDialog.DialogCode.Accepted or unlock.session is None:
            return None
        session = unlock.session
    else:
        create = CreateVaultDialog(vault_dir)
        if create.exec() != QDialog.DialogCode.Accepted or create.session is None:
            return None
        RecoveryKeyDialog(create.recovery_key).exec()
        session = create.session
    return MainWindow(session)


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


def application() -> QApplication:
    """The QApplication with the app's fonts and UI language (also used by --self-test)."""
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("Testimony Desk")
    install_fonts(qapp)
    i18n.install(qapp, i18n.language_for_start())
    return qapp


def run_gui(vault_dir: Path) -> int:
    qapp = application()
    qapp.setQuitOnLastWindowClosed(False)
    state: dict[str, MainWindow | None] = {"window": None}

    def show_next() -> None:
        window = open_session(vault_dir)
        state["window"] = window
        if window is None:
            qapp.quit()
            return
        window.locked.connect(show_next)
        window.show()
        verify_in_background(window)

    show_next()
    if state["window"] is None:
        return 0
    return int(qapp.exec())
