"""The Attachments section of the case editor (form field type ``attachments``).

What it shows: the case's files as a plain-text table (name, type, size, date, caption),
buttons Add… / Export… / Remove, and a preview of the selected image. Files can be dropped
onto the section (or anywhere on the editor, which forwards the drop here).

Where the work happens: every operation calls :class:`desktop.attachments.AttachmentService`
in a worker job; adding and exporting show a progress dialog whose Cancel stops the job
and leaves nothing behind. The service stores the metadata itself (one transaction and one
history entry per operation); afterwards this widget emits :attr:`stored_changed` with the
case's new attachment list and history so that the editor's copy of the case stays in step
and an editor save keeps the files (see the service's module docstring).

Leaks avoided: the preview is decoded from bytes in memory (never a temp file) and dropped
when the case changes or the vault locks; an export is written only to the path chosen in
the save dialog, whose proposed name is the file's own name, never case data; file names
and captions are shown as plain text.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.attachments import (
    PREVIEWABLE,
    AttachmentService,
    AttachmentTooLarge,
    Cancelled,
    format_size,
)
from desktop.intake.form import Field
from desktop.ui import file_dialogs, workers
from desktop.ui.editor.fields import WIDGETS, FieldWidget, plain_label
from desktop.ui.unlock_dialog import describe_error

PREVIEW_WIDTH = 420
PREVIEW_HEIGHT = 300
_COLUMNS = 5
_CAPTION = 4


@dataclass
class AddResult:
    """What an Add job did: files added, files refused (with why), and the case afterwards."""

    added: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, BaseException]] = field(default_factory=list)
    cancelled: bool = False
    state: dict[str, Any] | None = None  # the stored case afterwards (see _state_after)


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progress = Signal(object, object, object)  # file index, bytes done, bytes total


def local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (empty when it carries anything else)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(u.isLocalFile() for u in urls):
        return []
    return [Path(u.toLocalFile()) for u in urls]


def _message(parent: QWidget, name: str, title: str, text: str, *, warn: bool = False) -> None:
    """A non-blocking message box that shows ``text`` as plain text (file names may hold
    markup); it deletes itself when closed."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _ask(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("attachment_confirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.Cancel)
    box.setDefaultButton(buttons.Cancel)
    return box.exec() == buttons.Yes


def decode_preview(data: bytes, width: int = PREVIEW_WIDTH, height: int = PREVIEW_HEIGHT) -> QImage:
    """Decode image bytes in memory and scale them to fit the preview (any thread)."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    if image.width() > width or image.height() > height:
        image = image.scaled(
            width,
            height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class AttachmentsField(FieldWidget):
    """The case's attachments; needs :meth:`set_service` and :meth:`set_case` to act."""

    stored_changed = Signal(object)  # {"doc": stored case, "attachments": [...], "history": [...]}
    busy_changed = Signal(bool)

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.service: AttachmentService | None = None
        self.case_id: str | None = None
        self._items: list[dict[str, Any]] = []
        self._filling = False
        # Bumped whenever the case changes (another case, a new case, lock): results of
        # jobs started for the old case are dropped when they arrive.
        self._generation = 0
        self._cancel: threading.Event | None = None
        self.jobs: set[workers.Job] = set()
        self.progress: QProgressDialog | None = None

        self.table = QTableWidget(0, _COLUMNS)
        self.table.setObjectName(f"field_{field.id}")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Type"), self.tr("Size"), self.tr("Date"), self.tr("Caption")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_CAPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(200)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self._caption_edited)

        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("attachment_add")
        self.add_button.clicked.connect(self.choose_files)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("attachment_export")
        self.export_button.clicked.connect(self.export_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("attachment_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.export_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.hint = plain_label()
        self.hint.setObjectName("attachment_hint")
        self.hint.setStyleSheet("color: palette(mid);")
        self.preview = QLabel()
        self.preview.setObjectName("attachment_preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(40)
        self.preview.setMaximumHeight(PREVIEW_HEIGHT + 8)
        self.preview.hide()

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)
        column.addWidget(self.hint)
        column.addWidget(self.preview)
        self._finish(body)
        self.setAcceptDrops(True)
        self._update_state()

    # ------------------------------------------------------------------ wiring
    def set_service(self, service: AttachmentService | None) -> None:
        self.service = service
        self._update_state()

    def set_case(self, case_id: str | None) -> None:
        """The case whose attachments are shown (None: a new, unsaved case or nothing)."""
        if case_id != self.case_id:
            self._generation += 1
            if self._cancel is not None:
                self._cancel.set()  # a job for the previous case stops and cleans up
            self._close_progress()
        self.case_id = case_id
        self._update_state()

    def is_busy(self) -> bool:
        return bool(self.jobs)

    # ------------------------------------------------------------------ value
    def value(self) -> Any:
        return copy.deepcopy(self._items)

    def set_value(self, value: Any) -> None:
        self._items = [dict(a) for a in value or [] if isinstance(a, dict)]
        self._filling = True
        try:
            self.table.setRowCount(0)
            self.table.setRowCount(len(self._items))
            for row, att in enumerate(self._items):
                cells = (
                    str(att.get("filename", "")),
                    str(att.get("media_type", "")),
                    format_size(int(att.get("size") or 0)),
                    str(att.get("date", "")),
                    str(att.get("caption", "")),
                )
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col != _CAPTION:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, col, item)
        finally:
            self._filling = False
        self._clear_preview()
        self._update_state()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _update_state(self) -> None:
        ready = self.service is not None and self.case_id is not None and not self.jobs
        chosen = self.selected() is not None
        self.add_button.setEnabled(ready)
        self.export_button.setEnabled(ready and chosen)
        self.remove_button.setEnabled(ready and chosen)
        if self.service is not None and self.case_id is None:
            self.hint.setText(self.tr("Save the case first, then add files to it."))
            self.hint.show()
        elif self.service is not None and not self._items:
            self.hint.setText(self.tr("No files yet. Drop files here or use Add…"))
            self.hint.show()
        else:
            self.hint.hide()

    # ------------------------------------------------------------------ jobs
    def _start(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        generation = self._generation
        job: workers.Job

        def finished(result: Any) -> None:
            self.jobs.discard(job)
            self._job_ended()
            if generation == self._generation:
                done(result)

        def error(exc: BaseException) -> None:
            self.jobs.discard(job)
            self._job_ended()
            if generation == self._generation:
                failed(exc)

        job = workers.start(fn, finished, error)
        self.jobs.add(job)
        self.busy_changed.emit(True)
        self._update_state()

    def _job_ended(self) -> None:
        if not self.jobs:
            self._cancel = None
            self.busy_changed.emit(False)
        self._update_state()

    def _open_progress(self, label: str) -> tuple[threading.Event, _Relay]:
        cancel = threading.Event()
        self._cancel = cancel
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, self)
        dialog.setObjectName("attachment_progress")
        dialog.setWindowTitle(self.tr("Attachments"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(cancel.set)
        self.progress = dialog
        relay = _Relay(dialog)
        return cancel, relay

    def _close_progress(self) -> None:
        if self.progress is not None:
            dialog, self.progress = self.progress, None
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()

    def _stored(self, state: dict[str, Any] | None) -> None:
        if state is None:
            return
        self.set_value(state["attachments"])
        self.stored_changed.emit(state)

    def _state_after(self, service: AttachmentService, case_id: str) -> dict[str, Any]:
        """The stored case, its attachment list and its history (run inside a job)."""
        doc = service.cases.get(case_id)
        return {
            "doc": doc,
            "attachments": doc.get("attachments", []),
            "history": service.cases.history_of(case_id),
        }

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        _message(self, "attachment_error", self.tr("Attachments"), self._describe(exc), warn=True)

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, AttachmentTooLarge):
            return self.tr(
                "The file is {0}, larger than the limit of {1} per attachment. "
                "The limit can be changed in Settings."
            ).format(format_size(exc.size), format_size(exc.limit))
        return describe_error(exc)

    # ------------------------------------------------------------------ add
    def choose_files(self) -> None:
        if self.service is None or self.case_id is None:
            return
        paths = file_dialogs.open_file_names(self, self.tr("Add files to this case"))
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> bool:
        """Encrypt ``paths`` into the case in a worker job; False when that cannot start."""
        service, case_id = self.service, self.case_id
        if not paths or self.jobs:
            return False
        if service is None or case_id is None:
            _message(
                self,
                "attachment_error",
                self.tr("Attachments"),
                self.tr("Save the case first, then add files to it."),
                warn=True,
            )
            return False
        count = len(paths)
        generation = self._generation
        cancel, relay = self._open_progress(self.tr("Encrypting into the vault…"))
        dialog = self.progress

        def show(index: int, done: int, total: int) -> None:
            if dialog is None or self.progress is not dialog:
                return
            dialog.setLabelText(
                self.tr("Encrypting file {0} of {1} into the vault…").format(index + 1, count)
            )
            dialog.setValue(int(1000 * done / total) if total else 0)

        relay.progress.connect(show)

        def work() -> AddResult:
            result = AddResult()
            for index, path in enumerate(paths):
                if cancel.is_set():
                    result.cancelled = True
                    break

                def progress(done: int, total: int, index: int = index) -> None:
                    relay.progress.emit(index, done, total)

                try:
                    service.add(case_id, path, progress=progress, cancel=cancel.is_set)
                except Cancelled:
                    result.cancelled = True
                    break
                except Exception as exc:  # reported per file; the others go on
                    result.failed.append((path, exc))
                else:
                    result.added.append(path)
            if generation == self._generation:  # not after the case changed or the vault locked
                result.state = self._state_after(service, case_id)
            return result

        def failed(exc: BaseException) -> None:
            self._close_progress()
            self._show_failure(exc)

        self._start(work, self._added, failed)
        return True

    def _added(self, result: AddResult) -> None:
        self._close_progress()
        self._stored(result.state)
        if result.failed:
            lines = [
                self.tr("{0}: {1}").format(path.name, self._describe(exc))
                for path, exc in result.failed
            ]
            _message(
                self,
                "attachment_error",
                self.tr("Some files were not added"),
                "\n".join(lines),
                warn=True,
            )
        if result.added:
            text = (
                self.tr("Encrypted into the vault. The original is still outside the vault, at:")
                if len(result.added) == 1
                else self.tr(
                    "Encrypted into the vault. The originals are still outside the vault, at:"
                )
            )
            text += "\n\n" + "\n".join(str(p) for p in result.added) + "\n\n"
            text += self.tr(
                "If it must not be found on this computer, delete it securely yourself. "
                "Testimony Desk does not delete or change the original."
            )
            _message(self, "attachment_notice", self.tr("Original file kept"), text)
        elif result.cancelled:
            _message(
                self,
                "attachment_cancelled",
                self.tr("Attachments"),
                self.tr("Cancelled. Nothing of the cancelled file was kept."),
            )

    # ------------------------------------------------------------------ export
    def export_selected(self) -> None:
        service, case_id, att = self.service, self.case_id, self.selected()
        if service is None or case_id is None or att is None or self.jobs:
            return
        # The proposed name is the attachment's own file name, never case data.
        target = file_dialogs.save_file_name(
            self, self.tr("Export attachment"), str(att.get("filename", ""))
        )
        if not target:
            return
        dest = Path(target)
        cancel, relay = self._open_progress(self.tr("Writing the exported file…"))
        dialog = self.progress

        def show(_index: int, done: int, total: int) -> None:
            if dialog is not None and self.progress is dialog:
                dialog.setValue(int(1000 * done / total) if total else 0)

        relay.progress.connect(show)
        att_id = str(att["id"])

        def work() -> Path:
            return service.export(
                case_id,
                att_id,
                dest,
                progress=lambda done, total: relay.progress.emit(0, done, total),
                cancel=cancel.is_set,
            )

        def done(path: Path) -> None:
            self._close_progress()
            _message(
                self,
                "attachment_export_notice",
                self.tr("Attachment exported"),
                self.tr(
                    "An unencrypted copy was written to:\n\n{0}\n\n"
                    "Delete it securely when it is no longer needed."
                ).format(str(path)),
            )

        def failed(exc: BaseException) -> None:
            self._close_progress()
            self._show_failure(exc)

        self._start(work, done, failed)

    # ------------------------------------------------------------------ remove / caption
    def remove_selected(self) -> None:
        service, case_id, att = self.service, self.case_id, self.selected()
        if service is None or case_id is None or att is None or self.jobs:
            return
        question = self.tr(
            "Remove “{0}” from this case? Its encrypted copy is deleted from the vault."
        ).format(str(att.get("filename", "")))
        if not _ask(self, self.tr("Remove attachment"), question):
            return
        att_id = str(att["id"])

        def work() -> dict[str, Any]:
            service.remove(case_id, att_id)
            return self._state_after(service, case_id)

        self._start(work, self._stored, self._show_failure)

    def _caption_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != _CAPTION:
            return
        service, case_id = self.service, self.case_id
        row = item.row()
        if service is None or case_id is None or not 0 <= row < len(self._items):
            return
        caption = item.text()
        if caption == self._items[row].get("caption", ""):
            return
        att_id = str(self._items[row]["id"])

        def work() -> dict[str, Any]:
            service.set_caption(case_id, att_id, caption)
            return self._state_after(service, case_id)

        def failed(exc: BaseException) -> None:
            self.set_value(self._items)  # show the stored caption again
            self._show_failure(exc)

        self._start(work, self._stored, failed)

    # ------------------------------------------------------------------ preview
    def _clear_preview(self) -> None:
        self.preview.clear()
        self.preview.hide()

    def _selection_changed(self) -> None:
        self._update_state()
        self._clear_preview()
        att, service, case_id = self.selected(), self.service, self.case_id
        if att is None or service is None or case_id is None:
            return
        if att.get("media_type") not in PREVIEWABLE:
            return
        att_id = str(att["id"])
        self.preview.setText(self.tr("Loading the preview…"))
        self.preview.show()

        def work() -> QImage:
            return decode_preview(service.read_preview(case_id, att_id))

        def done(image: QImage) -> None:
            current = self.selected()
            if current is None or current.get("id") != att_id:
                return  # the selection moved on meanwhile
            if image.isNull():
                self.preview.setText(self.tr("This image cannot be shown."))
            else:
                self.preview.setPixmap(QPixmap.fromImage(image))
            self.preview.show()

        def failed(exc: BaseException) -> None:
            self.preview.setText(self._describe(exc))
            self.preview.show()

        self._start(work, done, failed)

    # ------------------------------------------------------------------ drag and drop
    def accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return (
            bool(local_files(event))
            and self.service is not None
            and self.case_id is not None
            and not self.jobs
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event)
        if paths and self.add_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()


WIDGETS["attachments"] = AttachmentsField
