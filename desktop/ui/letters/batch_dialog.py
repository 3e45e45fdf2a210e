"""Batch letters from the GUI: one template to one recipient for the selected cases (or all
cases the list shows), one PDF per case into a folder the user chooses.

The work runs in a worker job (``desktop.letters.batch.write_batch``) with a
``QProgressDialog``; Cancel stops after the letter being written. Letters already written
stay, and are recorded as drafted appeals when that box is ticked.
"""

from __future__ import annotations

import datetime as _dt
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Session
from desktop.letters.batch import BatchResult, write_batch
from desktop.letters.context import DEFAULT_TEMPLATE
from desktop.letters.service import LetterService, settings_from_store
from desktop.ui import workers
from desktop.ui.editor.fields import plain_label
from desktop.ui.unlock_dialog import describe_error


class _Progress(QObject):
    step = Signal(int, int, str)


class BatchLettersDialog(QDialog):
    batch_done = Signal(object)  # BatchResult
    batch_failed = Signal(str)

    def __init__(
        self,
        session: Session,
        case_ids: list[str] | None,
        parent: QWidget | None = None,
        *,
        service: LetterService | None = None,
        today: _dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batch_letters")
        self.setWindowTitle(self.tr("Batch letters"))
        self.session = session
        self.case_ids = case_ids
        self.service = service or LetterService.for_store(session.store)
        self.today = today
        self.cancel_event = threading.Event()
        self.progress_dialog: QProgressDialog | None = None
        self.batch_result: BatchResult | None = None
        self._job: workers.Job | None = None
        self._signals = _Progress(self)
        self._signals.step.connect(self._step)

        count = len(case_ids) if case_ids is not None else session.store.cases.count()
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template")
        for tid in self.service.templates.available():
            self.template_combo.addItem(tid, tid)
        index = self.template_combo.findData(DEFAULT_TEMPLATE)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipient")
        for r in self.service.directory.all():
            self.recipient_combo.addItem(f"{r.id} — {r.name_in('en')}", r.id)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.language_combo.addItem(self.tr("Automatic (per case)"), None)
        for lang in ("kk", "ru", "en"):
            self.language_combo.addItem(lang, lang)
        self.record_box = QCheckBox(self.tr("Record each letter as a drafted appeal"))
        self.record_box.setObjectName("record")
        self.record_box.setChecked(True)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folder")
        self.folder_edit.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.warning = plain_label()
        self.warning.setObjectName("recipient_warning")
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.recipient_combo.currentIndexChanged.connect(lambda _i: self._update_warning())

        form = QFormLayout()
        form.addRow(self.tr("Cases"), plain_label(self.tr("{count} cases").format(count=count)))
        form.addRow(self.tr("Template"), self.template_combo)
        form.addRow(self.tr("Recipient"), self.recipient_combo)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.record_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Write letters"))
        self.start_button.setObjectName("start")
        self.start_button.setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self._update_warning()

    def _update_warning(self) -> None:
        rid = str(self.recipient_combo.currentData() or "")
        unverified = rid in self.service.directory and not self.service.directory.get(rid).verified
        self.warning.setText(
            self.tr(
                "Warning: the postal address of this recipient is not verified. Check it on "
                "the institution's own page before sending."
            )
            if unverified
            else ""
        )
        self.warning.setVisible(unverified)

    def choose_folder(self) -> None:
        from desktop.ui.file_dialogs import forget_history

        try:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"))
        finally:
            forget_history()  # Qt would keep the folder in its plain-text config
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self.folder_edit.setText(str(folder))
        self.start_button.setEnabled(True)

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        folder_text = self.folder_edit.text()
        if not folder_text or self._job is not None:
            return
        folder = Path(folder_text)
        session, service = self.session, self.service
        settings = settings_from_store(session.store, self.today)
        rid = str(self.recipient_combo.currentData())
        template = str(self.template_combo.currentData())
        lang_data = self.language_combo.currentData()
        lang = str(lang_data) if lang_data else None
        record = self.record_box.isChecked()
        ids = self.case_ids
        cancel = self.cancel_event
        signals = self._signals

        total = len(ids) if ids is not None else session.store.cases.count()
        dialog = QProgressDialog(
            self.tr("Writing letters…"), self.tr("Cancel"), 0, max(total, 1), self
        )
        dialog.setObjectName("batch_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)
        dialog.setValue(0)
        self.progress_dialog = dialog
        self.start_button.setEnabled(False)

        def work() -> BatchResult:
            return write_batch(
                session, service, ids, folder, recipient=rid, template=template, lang=lang,
                settings=settings, record=record, cancel=cancel,
                progress=lambda i, n, ref: signals.step.emit(i, n, ref),
            )  # fmt: skip

        self._job = workers.start(work, self._finished, self._failed)

    def is_running(self) -> bool:
        return self._job is not None

    def _step(self, done: int, total: int, ref: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if ref:  # a case reference, never a name
            dialog.setLabelText(
                self.tr("Writing letter {done} of {total} ({reference})…").format(
                    done=done + 1, total=total, reference=ref
                )
            )

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _finished(self, result: BatchResult) -> None:
        self._job = None
        self.batch_result = result
        self._close_progress()
        self.batch_done.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._close_progress()
        message = describe_error(exc)
        self.batch_failed.emit(message)
        QMessageBox.warning(self, self.tr("Batch letters"), message)
        self.start_button.setEnabled(True)

    def summary(self, result: BatchResult) -> str:
        lines = [
            self.tr("{written} letters written to {folder}.").format(
                written=len(result.written), folder=self.folder_edit.text()
            )
        ]
        if result.cancelled:
            lines.append(self.tr("Cancelled: the remaining cases got no letter."))
        if result.recorded:
            lines.append(
                self.tr("{count} appeals recorded as drafted.").format(count=result.recorded)
            )
        if result.skipped:
            lines.append(self.tr("Skipped (the letter was refused):"))
            lines += [f"{ref}: {reason}" for ref, reason in result.skipped[:20]]
            if len(result.skipped) > 20:
                lines.append(self.tr("… and {count} more").format(count=len(result.skipped) - 20))
        return "\n".join(lines)

    def reject(self) -> None:
        if self._job is not None:  # running: cancel first, close when it ends
            self.cancel_event.set()
            return
        super().reject()
