"""First-run (create vault) and unlock dialogs. Key derivation runs in a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop import app
from desktop.errors import TestimonyDeskError
from desktop.ui import workers
from desktop.vault.vault import MIN_PASSPHRASE_CHARS


def describe_error(exc: BaseException) -> str:
    """One calm sentence for the user; never a traceback or an unexpected message."""
    if isinstance(exc, TestimonyDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or QCoreApplication.translate("errors", "input/output error")
        return QCoreApplication.translate(
            "errors", "The vault could not be written or read ({reason})."
        ).format(reason=reason)
    return QCoreApplication.translate("errors", "Unexpected failure ({kind}).").format(
        kind=type(exc).__name__
    )


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _BusyDialog(QDialog):
    """Common parts: an error line, a busy bar, OK/Cancel; subclasses run one job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: app.Session | None = None
        self.error = _plain_label()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._job: workers.Job | None = None
        self._busy = False

    def _run(self, fn: Any) -> None:
        self.error.clear()
        self.busy.show()
        self.buttons.setEnabled(False)
        self._busy = True
        self._job = workers.start(fn, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._busy = False
        self.busy.hide()
        self.buttons.setEnabled(True)
        self._on_result(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.error.setText(describe_error(exc))

    def reject(self) -> None:
        """Escape and the close button wait while a job runs (it takes a second or two).

        The job cannot be stopped halfway: a vault being created would exist anyway with its
        recovery key never shown, and an unlock would leave an open session nobody locks.
        """
        if self._busy:
            return
        super().reject()

    def _submit(self) -> None:
        raise NotImplementedError

    def _on_result(self, result: Any) -> None:
        raise NotImplementedError


class UnlockDialog(_BusyDialog):
    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.setWindowTitle(self.tr("Unlock — Testimony Desk"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.use_recovery = QCheckBox(self.tr("Use the recovery key instead"))
        self.use_recovery.toggled.connect(self._toggle_recovery)
        form = QFormLayout()
        self.prompt = QLabel(self.tr("Passphrase:"))
        form.addRow(self.prompt, self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(self.tr("This vault is locked.")))
        layout.addLayout(form)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def _toggle_recovery(self, on: bool) -> None:
        self.prompt.setText(self.tr("Recovery key:") if on else self.tr("Passphrase:"))
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.passphrase.clear()

    def _submit(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.error.setText(self.tr("Type the passphrase first."))
            return
        folder = self.vault_dir
        if self.use_recovery.isChecked():
            self._run(lambda: app.unlock(folder, recovery_key=secret))
        else:
            self._run(lambda: app.unlock(folder, passphrase=secret))

    def _on_result(self, result: Any) -> None:
        self.passphrase.clear()
        self.session = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class CreateVaultDialog(_BusyDialog):
    """First run: choose a passphrase (typed twice), then see the recovery key once."""

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Create your vault — Testimony Desk"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Repeat:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain_label(
                self.tr(
                    "Everything you record is kept in an encrypted vault on this computer. "
                    "Choose a passphrase of at least {minimum} characters — several "
                    "unrelated words work well. Without it or the recovery key, nobody can open "
                    "the vault, not even you."
                ).format(minimum=MIN_PASSPHRASE_CHARS)
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE_CHARS:
            self.error.setText(
                self.tr("The passphrase needs at least {minimum} characters.").format(
                    minimum=MIN_PASSPHRASE_CHARS
                )
            )
            return
        if first != second:
            self.error.setText(self.tr("The two passphrases differ."))
            return
        folder = self.vault_dir
        self._run(lambda: app.create_vault(folder, first))

    def _on_result(self, result: Any) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.session, self.recovery_key = result
        self.accept()


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once; the user confirms having written it down."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain_label(
                self.tr(
                    "This recovery key opens the vault if the passphrase is forgotten. It is shown "
                    "only now. Write it on paper and keep it away from this computer."
                )
            )
        )
        key = QPlainTextEdit(recovery_key)
        key.setReadOnly(True)
        key.setObjectName("recovery_key")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(14)
        key.setFont(font)
        key.setMaximumHeight(60)
        layout.addWidget(key)
        self.confirm = QCheckBox(self.tr("I have written the recovery key down"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.confirm.toggled.connect(ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
