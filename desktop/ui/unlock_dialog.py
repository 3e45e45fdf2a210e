"""The unlock dialog (first run: ``desktop.ui.first_run``). Key derivation runs in a worker."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop import app
from desktop.errors import AuthError, TestimonyDeskError, storage_failure
from desktop.ui import workers
from desktop.ui.i18n import language_switch
from desktop.vault.vault import Vault


def describe_error(exc: BaseException) -> str:
    """One calm sentence for the user; never a traceback or an unexpected message."""
    if isinstance(exc, TestimonyDeskError):
        return str(exc)
    disk = None if isinstance(exc, OSError) else storage_failure(exc)  # under SQLite
    if disk is not None:
        return disk[0].upper() + disk[1:] + "."
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
    """Passphrase or recovery key; Argon2 runs in a worker while a busy bar moves.

    After a wrong attempt the vault's back-off (``desktop.vault.backoff``) may ask to wait:
    the dialog says so, counts down and keeps OK disabled until the wait is over. With
    ``try_keyring`` (only the first unlock after start, never after Lock, or Lock would be
    pointless) a remembered secret in a secure system keyring is tried first.
    """

    def __init__(
        self, vault_dir: Path, parent: QWidget | None = None, *, try_keyring: bool = False
    ) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.setWindowTitle(self.tr("Unlock — Testimony Desk"))
        self.setMinimumWidth(440)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.use_recovery = QCheckBox(self.tr("Use the recovery key instead"))
        self.use_recovery.setObjectName("use_recovery")
        self.use_recovery.toggled.connect(self._toggle_recovery)
        form = QFormLayout()
        self.prompt = QLabel(self.tr("Passphrase:"))
        form.addRow(self.prompt, self.passphrase)
        # Changing it closes the dialog; desktop.ui.main opens it again in that language.
        self.language = language_switch(self, lambda: not self._busy)
        form.addRow(self.tr("Language:"), self.language)
        self.busy_label = _plain_label(self.tr("Opening the vault…"))
        self.busy_label.setObjectName("busy_label")
        self.busy_label.hide()
        self._wait_until = 0.0
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(250)
        self._wait_timer.timeout.connect(self._tick_wait)
        self._wait_reason = ""
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(self.tr("This vault is locked.")))
        layout.addLayout(form)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._start_wait(self._retry_after(), "")
        if try_keyring and self._has_keyring_slot():
            folder = self.vault_dir
            self._run(lambda: app.unlock(folder, use_keyring=True))

    # ------------------------------------------------------------------ back-off
    def _retry_after(self) -> float:
        try:
            return Vault(self.vault_dir).retry_after()
        except (TestimonyDeskError, OSError):
            return 0.0

    def _has_keyring_slot(self) -> bool:
        try:
            return "keyring" in Vault(self.vault_dir).slot_types()
        except (TestimonyDeskError, OSError):
            return False

    def _start_wait(self, seconds: float, reason: str) -> None:
        """Keep OK disabled for ``seconds`` and say why, with a countdown."""
        self._wait_reason = reason
        if seconds <= 0:
            if reason:
                self.error.setText(reason)
            return
        self._wait_until = time.monotonic() + seconds
        self._tick_wait()
        self._wait_timer.start()

    def waiting(self) -> float:
        return max(0.0, self._wait_until - time.monotonic())

    def _tick_wait(self) -> None:
        left = self.waiting()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if left <= 0:
            self._wait_timer.stop()
            ok.setEnabled(not self._busy)
            self.error.setText(self._wait_reason)
            return
        ok.setEnabled(False)
        wait = self.tr("Too many failed attempts: you can try again in {seconds} s.").format(
            seconds=math.ceil(left)
        )
        self.error.setText(f"{self._wait_reason} {wait}".strip())

    # ------------------------------------------------------------------ submit
    def _toggle_recovery(self, on: bool) -> None:
        self.prompt.setText(self.tr("Recovery key:") if on else self.tr("Passphrase:"))
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.passphrase.clear()

    def _submit(self) -> None:
        if self.waiting() > 0:
            return
        secret = self.passphrase.text()
        if not secret:
            self.error.setText(
                self.tr("Type the recovery key first.")
                if self.use_recovery.isChecked()
                else self.tr("Type the passphrase first.")
            )
            return
        folder = self.vault_dir
        self.busy_label.show()
        if self.use_recovery.isChecked():
            self._run(lambda: app.unlock(folder, recovery_key=secret))
        else:
            self._run(lambda: app.unlock(folder, passphrase=secret))

    def _on_result(self, result: Any) -> None:
        self.busy_label.hide()
        self.passphrase.clear()
        self.session = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.busy_label.hide()
        self.error.setText(self._explain(exc))
        self._start_wait(self._retry_after(), self.error.text())
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _explain(self, exc: BaseException) -> str:
        """The vault's English messages, said in the user's language where they are known."""
        text = str(exc)
        if isinstance(exc, AuthError):
            if text == "wrong passphrase":
                return self.tr("Wrong passphrase.")
            if text == "wrong recovery key":
                return self.tr("Wrong recovery key.")
            if text.startswith("too many failed attempts"):
                return ""  # the countdown says it
            if text.startswith("the vault is locked"):
                return self.tr("The passphrase is needed to open the vault.")
        return describe_error(exc)
