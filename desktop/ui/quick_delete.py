"""Quick delete: a 5-second cancellable countdown, then crypto-erase the vault and quit.

Vault ▸ Quick delete… (Ctrl+Shift+Delete; in the toolbar when the preference
``quick_delete_in_toolbar`` is on). The countdown can be cancelled with the Cancel button or
Escape until the last second; "Erase now" skips it. Erasing is ``desktop.app.erase``, the
same as ``testimony-desk erase --yes``: the keyring entry is deleted, every key slot in
``vault.json`` is overwritten with random bytes, then the database, its journals, the
attachments and the folder are deleted. Without the key slots, copies of the database left
on the disk (SSD wear levelling, snapshots) can no longer be decrypted.

What it cannot reach (said in the dialog and in docs/threat-model.md): copies made
elsewhere — exported files and PDFs, bundles on USB sticks or at HQ, backups and old
copies of the vault folder (with the passphrase they were made with).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import app, preferences

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

COUNTDOWN_SECONDS = 5
SHORTCUT = "Ctrl+Shift+Delete"


class CountdownDialog(QDialog):
    """Counts down from ``seconds``; accepted at zero or by "Erase now", rejected by Cancel."""

    def __init__(self, seconds: int = COUNTDOWN_SECONDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quick_delete_dialog")
        self.setWindowTitle(self.tr("Quick delete"))
        self.setModal(True)
        self.remaining = seconds
        self._seconds = seconds

        warning = QLabel(
            self.tr(
                "Every case in this vault will be destroyed for ever: the keys are erased, "
                "then the files are deleted, and the program closes.\n\n"
                "Not reached: copies made elsewhere — exported files and letters (PDF), "
                "sync bundles on USB sticks or already sent, backups of the vault folder."
            )
        )
        warning.setTextFormat(Qt.TextFormat.PlainText)
        warning.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("quick_delete_countdown")
        self.countdown.setTextFormat(Qt.TextFormat.PlainText)
        font = self.countdown.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.countdown.setFont(font)
        self.progress = QProgressBar()
        self.progress.setRange(0, seconds)
        self.progress.setTextVisible(False)

        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("quick_delete_cancel")
        self.erase_now_button = QPushButton(self.tr("Erase now"))
        self.erase_now_button.setObjectName("quick_delete_now")
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.erase_now_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.setDefault(True)  # Enter cancels; erasing needs the countdown
        self.cancel_button.setAutoDefault(True)
        self.erase_now_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.countdown)
        layout.addWidget(self.progress)
        layout.addWidget(warning)
        layout.addWidget(buttons)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._show_remaining()

    def start(self) -> None:
        self.timer.start()
        self.open()
        self.cancel_button.setFocus()

    def _show_remaining(self) -> None:
        self.countdown.setText(
            self.tr("Seconds before the vault is erased: %n", "", self.remaining)
        )
        self.progress.setValue(self._seconds - self.remaining)

    def _tick(self) -> None:
        self.remaining -= 1
        self._show_remaining()
        if self.remaining <= 0:
            self.timer.stop()
            self.accept()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


class QuickDelete(QWidget):
    """Owns the action and runs the countdown and the erase for one main window.

    A QWidget only to get ``tr``'s context and a parent; it is never shown.
    """

    erased = Signal()

    def __init__(
        self,
        window: MainWindow,
        *,
        quit_app: Callable[[], None] = QApplication.quit,
        seconds: int = COUNTDOWN_SECONDS,
    ) -> None:
        super().__init__(window)
        self.hide()
        self.window_ = window
        self.quit_app = quit_app
        self._seconds = seconds
        self.dialog: CountdownDialog | None = None
        self.action = window.add_action(
            "vault",
            self.tr("Quick delete…"),
            QKeySequence(SHORTCUT),
            self.start,
            "quick_delete",
            toolbar=False,
        )
        self.action.setToolTip(
            self.tr("Erase this vault for ever after a 5-second countdown (%s)") % SHORTCUT
        )
        try:
            prefs = preferences.load(window.session.store)
        except Exception:  # a preference must never keep the emergency action away
            prefs = preferences.Preferences()
        self.show_in_toolbar(prefs.quick_delete_in_toolbar)
        # Settings… saves the preference and tells the window, which tells us.
        window.preferences_changed.connect(
            lambda p: self.show_in_toolbar(bool(p.quick_delete_in_toolbar))
        )

    def show_in_toolbar(self, shown: bool) -> None:
        """The settings dialog calls this when ``quick_delete_in_toolbar`` changes."""
        toolbar = self.window_.toolbar
        if shown and self.action not in toolbar.actions():
            toolbar.addAction(self.action)
        elif not shown and self.action in toolbar.actions():
            toolbar.removeAction(self.action)

    def start(self) -> None:
        if self.dialog is not None or self.window_.session.unlocked.is_locked:
            return
        self.dialog = CountdownDialog(self._seconds, self.window_)
        self.dialog.finished.connect(self._finished)
        self.dialog.start()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.erase()

    def erase(self) -> None:
        """Forget the keys, crypto-erase, delete the files, close; unsaved edits are dropped."""
        window = self.window_
        folder = window.session.vault.folder
        window.detail.clear()
        if window.editor is not None:
            window.editor.clear()
        window.model.clear()
        window.search.blockSignals(True)
        window.search.clear()
        window.search.blockSignals(False)
        if not window.session.unlocked.is_locked:
            window.session.lock()
        try:
            app.erase(folder)
        except OSError as exc:
            QMessageBox.critical(
                window,
                self.tr("Testimony Desk"),
                self.tr(
                    "The keys could not all be erased ({reason}). Delete the vault folder "
                    "by hand, or run: testimony-desk erase --yes"
                ).format(reason=exc.strerror or type(exc).__name__),
            )
        self.erased.emit()
        window.hide()
        self.quit_app()


def install(window: MainWindow) -> QuickDelete:
    return QuickDelete(window)
