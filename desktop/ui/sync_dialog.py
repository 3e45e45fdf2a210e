"""The Sync dialog (Sync menu, Ctrl+Shift+S): field export and acknowledgements, HQ import,
devices and conflicts. It calls ``desktop.sync.service`` only; long work (export, import)
runs in a worker job with progress and Cancel.

What is shown: counts, sizes, sequence numbers, fingerprints and file names (neutral by
design). The names of the cases a bundle carries are shown only when the user asks
("Show the cases"). Nothing is remembered between sessions (no paths in QSettings).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QStorageInfo, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import TestimonyDeskError
from desktop.sync import service
from desktop.sync.identity import grouped, parse_fingerprint
from desktop.ui import file_dialogs, workers
from desktop.ui.unlock_dialog import describe_error
from desktop.vault.vault import VaultKind

REMOVABLE_ROOTS = ("/media/", "/run/media/")


def removable_drives() -> list[Path]:
    """Mounted, writable volumes under /media or /run/media (USB sticks, SD cards)."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if (
            volume.isValid()
            and volume.isReady()
            and not volume.isReadOnly()
            and root.startswith(REMOVABLE_ROOTS)
        ):
            found.append(Path(root))
    return sorted(found)


def _label(text: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _fingerprint_label(text: str = "") -> QLabel:
    label = _label(text, selectable=True)
    label.setWordWrap(False)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    return label


class _Bridge(QObject):
    """Signals a worker thread emits; delivered queued on the GUI thread."""

    progress = Signal(int)  # per mille
    line = Signal(str)


class SyncDialog(QDialog):
    """One dialog for both roles; which parts it shows depends on the vault's kind."""

    # Cases (ids; may be empty) or their "received by HQ" marks changed: refresh the list.
    changed = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_dialog")
        self.session = session
        self.is_hq = session.unlocked.kind == VaultKind.HQ
        self.setWindowTitle(self.tr("Sync with headquarters"))
        self.resize(840, 580)
        self._job: workers.Job | None = None
        self._cancel = threading.Event()
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._set_progress)
        self._bridge.line.connect(self._log_line)
        self._pending_fp: str | None = None

        layout = QVBoxLayout(self)
        self.whoami = _fingerprint_label()
        self.whoami.setObjectName("fingerprint")
        me = QGroupBox(self.tr("This HQ vault") if self.is_hq else self.tr("This device"))
        me_layout = QVBoxLayout(me)
        me_layout.addWidget(
            _label(
                self.tr("Fingerprint (compare it by voice; HQ approves this device with it):")
                if not self.is_hq
                else self.tr("HQ fingerprint (field workers compare it when they enrol):")
            )
        )
        me_layout.addWidget(self.whoami)
        layout.addWidget(me)

        self.error = _label()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)

        if self.is_hq:
            self._build_hq(me_layout, layout)
        else:
            self._build_field(me_layout, layout)
        layout.addLayout(busy_row)
        layout.addWidget(self.error)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.close)
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_field(self, me_layout: QVBoxLayout, layout: QVBoxLayout) -> None:
        self.enrolment = _label(selectable=True)
        self.enrolment.setObjectName("enrolment")
        me_layout.addWidget(self.enrolment)
        self.enroll_button = QPushButton(self.tr("Enrol HQ key file…"))
        self.enroll_button.setObjectName("enroll_button")
        self.enroll_button.clicked.connect(self.choose_hq_key_file)
        me_layout.addWidget(self.enroll_button, 0, Qt.AlignmentFlag.AlignLeft)

        box = QGroupBox(self.tr("Send to HQ"))
        box_layout = QVBoxLayout(box)
        self.summary = _label()
        self.summary.setObjectName("export_summary")
        box_layout.addWidget(self.summary)
        self.show_cases_button = QPushButton(self.tr("Show the cases (names)"))
        self.show_cases_button.setObjectName("show_cases_button")
        self.show_cases_button.setCheckable(True)
        self.show_cases_button.toggled.connect(self._toggle_cases)
        self.cases_list = QPlainTextEdit()
        self.cases_list.setObjectName("cases_list")
        self.cases_list.setReadOnly(True)
        self.cases_list.setMaximumHeight(120)
        self.cases_list.hide()
        box_layout.addWidget(self.show_cases_button, 0, Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(self.cases_list)

        target_row = QHBoxLayout()
        target_row.addWidget(_label(self.tr("Write the bundle to:")))
        self.target = QComboBox()
        self.target.setObjectName("target")
        self.target.setMinimumWidth(320)
        target_row.addWidget(self.target, 1)
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.choose_button.setObjectName("choose_folder_button")
        self.choose_button.clicked.connect(self.choose_target)
        target_row.addWidget(self.choose_button)
        box_layout.addLayout(target_row)
        self.export_button = QPushButton(self.tr("Export bundle"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        box_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_label = _label(selectable=True)
        self.result_label.setObjectName("result")
        box_layout.addWidget(self.result_label)
        layout.addWidget(box)

        ack_box = QGroupBox(self.tr("Confirmation from HQ"))
        ack_layout = QVBoxLayout(ack_box)
        self.ack_state = _label()
        self.ack_state.setObjectName("ack_state")
        ack_layout.addWidget(self.ack_state)
        self.import_ack_button = QPushButton(self.tr("Import HQ acknowledgement…"))
        self.import_ack_button.setObjectName("import_ack_button")
        self.import_ack_button.clicked.connect(self.choose_ack)
        ack_layout.addWidget(self.import_ack_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(ack_box)
        layout.addStretch(1)
        for drive in removable_drives():
            self.target.addItem(self.tr("Removable drive: {path}").format(path=drive), str(drive))

    def _build_hq(self, me_layout: QVBoxLayout, layout: QVBoxLayout) -> None:
        self.hq_key_button = QPushButton(self.tr("Write HQ key file…"))
        self.hq_key_button.setObjectName("hq_key_button")
        self.hq_key_button.clicked.connect(self.choose_hq_key)
        me_layout.addWidget(self.hq_key_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")

        page = QWidget()
        page_layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.import_files_button = QPushButton(self.tr("Import bundle files…"))
        self.import_files_button.setObjectName("import_files_button")
        self.import_files_button.clicked.connect(self.choose_bundle_files)
        self.import_folder_button = QPushButton(self.tr("Import a folder…"))
        self.import_folder_button.setObjectName("import_folder_button")
        self.import_folder_button.clicked.connect(self.choose_bundle_folder)
        row.addWidget(self.import_files_button)
        row.addWidget(self.import_folder_button)
        row.addStretch(1)
        page_layout.addLayout(row)
        self.import_log = QPlainTextEdit()
        self.import_log.setObjectName("import_log")
        self.import_log.setReadOnly(True)
        page_layout.addWidget(self.import_log, 1)
        self.approve_pending_button = QPushButton()
        self.approve_pending_button.setObjectName("approve_pending_button")
        self.approve_pending_button.clicked.connect(self.approve_pending)
        self.approve_pending_button.hide()
        page_layout.addWidget(self.approve_pending_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(page, self.tr("Import"))

        page = QWidget()
        page_layout = QVBoxLayout(page)
        self.devices_table = self._table(
            "devices_table",
            [
                self.tr("Fingerprint"),
                self.tr("State"),
                self.tr("First seen"),
                self.tr("Bundles"),
                self.tr("Last bundle"),
            ],
        )
        page_layout.addWidget(self.devices_table, 1)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve selected device…"))
        self.approve_button.setObjectName("approve_button")
        self.approve_button.clicked.connect(self.approve_selected)
        self.ack_button = QPushButton(self.tr("Write acknowledgement…"))
        self.ack_button.setObjectName("ack_button")
        self.ack_button.clicked.connect(self.write_ack)
        row.addWidget(self.approve_button)
        row.addWidget(self.ack_button)
        row.addStretch(1)
        page_layout.addLayout(row)
        row = QHBoxLayout()
        self.approve_input = QLineEdit()
        self.approve_input.setObjectName("approve_input")
        self.approve_input.setPlaceholderText(self.tr("A fingerprint read aloud, e.g. ABCD EFGH …"))
        self.approve_typed_button = QPushButton(self.tr("Approve this fingerprint"))
        self.approve_typed_button.setObjectName("approve_typed_button")
        self.approve_typed_button.clicked.connect(self.approve_typed)
        row.addWidget(self.approve_input, 1)
        row.addWidget(self.approve_typed_button)
        page_layout.addLayout(row)
        self.tabs.addTab(page, self.tr("Devices"))

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(
            _label(
                self.tr(
                    "A case changed both here and in the field since HQ last merged it. "
                    "Both versions are kept; the newer one is shown until you choose."
                )
            )
        )
        self.conflicts_table = self._table(
            "conflicts_table",
            [
                self.tr("Case"),
                self.tr("Device"),
                self.tr("Bundle"),
                self.tr("Found"),
                self.tr("Shown now"),
            ],
        )
        page_layout.addWidget(self.conflicts_table, 1)
        row = QHBoxLayout()
        self.keep_hq_button = QPushButton(self.tr("Keep the HQ version"))
        self.keep_hq_button.setObjectName("keep_hq_button")
        self.keep_hq_button.clicked.connect(lambda: self.resolve_selected("hq"))
        self.keep_field_button = QPushButton(self.tr("Keep the field version"))
        self.keep_field_button.setObjectName("keep_field_button")
        self.keep_field_button.clicked.connect(lambda: self.resolve_selected("field"))
        row.addWidget(self.keep_hq_button)
        row.addWidget(self.keep_field_button)
        row.addStretch(1)
        page_layout.addLayout(row)
        self.tabs.addTab(page, self.tr("Conflicts"))
        layout.addWidget(self.tabs, 1)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        return self._job is not None

    def _locked(self) -> bool:
        return bool(self.session.unlocked.is_locked)

    def refresh(self) -> None:
        """Re-read everything shown from the vault (cheap queries, on the GUI thread)."""
        if self._locked():
            return
        try:
            self.whoami.setText(service.whoami(self.session))
            if self.is_hq:
                self._refresh_hq()
            else:
                self._refresh_field()
        except TestimonyDeskError as exc:
            self._show_error(describe_error(exc))

    def _refresh_field(self) -> None:
        preview = service.export_preview(self.session)
        self.preview = preview
        if preview.hq is None:
            self.enrolment.setText(
                self.tr(
                    "Not enrolled with an HQ yet: ask HQ for its key file, enrol it and "
                    "compare its fingerprint with HQ by voice."
                )
            )
        else:
            self.enrolment.setText(
                self.tr("Sends to HQ “{name}”, fingerprint {fingerprint}").format(
                    name=preview.hq.name, fingerprint=grouped(preview.hq.fingerprint)
                )
            )
        size = QLocale().formattedDataSize(preview.attachment_bytes)
        if preview.cases:
            text = self.tr(
                "Bundle #{sequence} will carry {cases} changed case(s) and {attachments} "
                "attachment(s) ({size})."
            ).format(
                sequence=preview.sequence,
                cases=preview.cases,
                attachments=preview.attachments,
                size=size,
            )
        else:
            text = self.tr("Nothing to send: no case changed since the last bundle.")
        if preview.excluded:
            text += "\n" + self.tr(
                "{count} changed case(s) are left out: their testimony consent does not "
                "allow sharing with HQ."
            ).format(count=preview.excluded)
        if preview.last_sequence is not None:
            text += "\n" + self.tr("Last bundle written: #{sequence}.").format(
                sequence=preview.last_sequence
            )
        self.summary.setText(text)
        if self.cases_list.isVisible():
            self._fill_cases()
        status = service.export_status(self.session)
        acked = status["acknowledged"]
        if acked:
            self.ack_state.setText(
                self.tr("HQ confirmed receiving bundle(s) {numbers}.").format(
                    numbers=", ".join(f"#{n}" for n in sorted(acked))
                )
            )
        else:
            self.ack_state.setText(self.tr("No acknowledgement from HQ imported yet."))
        self._update_buttons()

    def _refresh_hq(self) -> None:
        devices = service.devices(self.session)
        self.devices_table.setRowCount(len(devices))
        for row, d in enumerate(devices):
            state = self.tr("approved") if d.approved else self.tr("waiting for approval")
            last = "" if d.last_sequence is None else f"#{d.last_sequence}"
            self._fill_row(
                self.devices_table, row, [d.fingerprint, state, d.first_seen, str(d.bundles), last]
            )
        conflicts = service.conflicts(self.session)
        self.conflicts_table.setRowCount(len(conflicts))
        for row, c in enumerate(conflicts):
            shown = self.tr("HQ version") if c.shown == "hq" else self.tr("field version")
            self._fill_row(
                self.conflicts_table,
                row,
                [c.reference, c.device, f"#{c.sequence}", c.created, shown],
            )
            first = self.conflicts_table.item(row, 0)
            if first is not None:
                first.setData(Qt.ItemDataRole.UserRole, c.case_id)
        self.tabs.setTabText(2, self.tr("Conflicts ({count})").format(count=len(conflicts)))
        self._update_buttons()

    @staticmethod
    def _fill_row(table: QTableWidget, row: int, values: list[str]) -> None:
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))

    def _update_buttons(self) -> None:
        busy = self.busy
        if self.is_hq:
            for button in (
                self.import_files_button,
                self.import_folder_button,
                self.approve_button,
                self.ack_button,
                self.approve_typed_button,
                self.approve_pending_button,
                self.keep_hq_button,
                self.keep_field_button,
                self.hq_key_button,
            ):
                button.setEnabled(not busy)
            return
        preview = getattr(self, "preview", None)
        enrolled = preview is not None and preview.hq is not None
        ready = enrolled and preview is not None and preview.cases > 0
        self.export_button.setEnabled(not busy and ready and self.target.currentIndex() >= 0)
        self.choose_button.setEnabled(not busy)
        self.enroll_button.setEnabled(not busy)
        self.enroll_button.setText(
            self.tr("Enrol HQ key file…") if not enrolled else self.tr("Enrol a new HQ key file…")
        )
        self.import_ack_button.setEnabled(not busy and enrolled)
        has_cases = preview is not None and preview.cases > 0
        if not has_cases and self.show_cases_button.isChecked():
            self.show_cases_button.setChecked(False)  # hides and clears the list
        self.show_cases_button.setEnabled(has_cases)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------------ jobs
    def _run(
        self,
        work: Callable[[threading.Event], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``work(cancel_event)`` in a worker with the progress bar and Cancel shown."""
        self._cancel = threading.Event()
        cancel = self._cancel
        self._show_error("")
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

        def finish() -> None:
            self._job = None
            self.progress.hide()
            self.cancel_button.hide()
            if not self._locked():
                self.refresh()

        def ok(result: Any) -> None:
            finish()
            done(result)

        def bad(exc: BaseException) -> None:
            finish()
            failed(exc)

        self._job = workers.start(lambda: work(cancel), ok, bad)
        self._update_buttons()

    def _progress_fn(self) -> Callable[[int, int], None]:
        bridge = self._bridge

        def report(done: int, total: int) -> None:
            bridge.progress.emit(int(1000 * done / total) if total else 0)

        return report

    def _set_progress(self, per_mille: int) -> None:
        self.progress.setValue(per_mille)

    def _log_line(self, text: str) -> None:
        self.import_log.appendPlainText(text)

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def closeEvent(self, event: Any) -> None:
        """While a job runs, Close asks it to stop and waits for it (nothing half done)."""
        if self.busy:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Escape
        if self.busy:
            self.cancel()
            return
        super().reject()

    # ------------------------------------------------------------------ field
    def _toggle_cases(self, on: bool) -> None:
        self.cases_list.setVisible(on)
        if on:
            self._fill_cases()
        else:
            self.cases_list.clear()

    def _fill_cases(self) -> None:
        rows = service.export_candidates(self.session)
        self.cases_list.setPlainText("\n".join(f"{ref}  {name}" for ref, name in rows))

    def choose_hq_key_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("HQ key file"),
            self._start_dir(),
            self.tr("HQ key (*.json);;All files (*)"),
        )
        if path:
            self.enroll_from(Path(path))

    def enroll_from(self, path: Path) -> None:
        """Check the file's self-signature, show HQ's fingerprint, enrol after a Yes."""
        try:
            key = service.read_hq_key(path)
        except (TestimonyDeskError, OSError) as exc:
            self._show_error(describe_error(exc))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Enrol HQ"),
            self.tr(
                "HQ: {name}\nFingerprint:\n{fp}\n\nTrust this HQ only if HQ read exactly this "
                "fingerprint to you (by voice). Bundles will be encrypted to it."
            ).format(name=key.name, fp=grouped(key.fingerprint)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            service.enroll(self.session, key)
        except TestimonyDeskError as exc:
            self._show_error(describe_error(exc))
            return
        self._show_error("")
        self.refresh()

    def choose_target(self) -> None:
        folder = file_dialogs.existing_directory(
            self, self.tr("Folder or USB drive for the bundle"), self._start_dir()
        )
        if folder:
            self.set_target(Path(folder))

    def _start_dir(self) -> str:
        drives = removable_drives()
        return str(drives[0]) if drives else ""

    def set_target(self, folder: Path) -> None:
        index = self.target.findData(str(folder))
        if index < 0:
            self.target.addItem(str(folder), str(folder))
            index = self.target.count() - 1
        self.target.setCurrentIndex(index)
        self._update_buttons()

    def export(self) -> None:
        if self.busy or self._locked() or self.target.currentIndex() < 0:
            return
        out = Path(self.target.currentData())
        session = self.session
        progress = self._progress_fn()
        self.result_label.clear()

        def work(cancel: threading.Event) -> service.ExportResult:
            return service.export_bundle(session, out, progress=progress, cancel=cancel.is_set)

        self._run(work, self._exported, self._export_failed)

    def _exported(self, result: service.ExportResult) -> None:
        if result.path is None:
            self.result_label.setText(
                self.tr("Nothing to send: no case changed since the last bundle.")
            )
            return
        text = self.tr(
            "Bundle #{sequence} written: {cases} case(s), {attachments} attachment(s), "
            "{size}.\n{path}"
        ).format(
            sequence=result.sequence,
            cases=result.cases,
            attachments=result.attachments,
            size=QLocale().formattedDataSize(result.size),
            path=result.path,
        )
        if result.excluded:
            text += "\n" + self.tr("{count} case(s) left out (consent).").format(
                count=result.excluded
            )
        self.result_label.setText(text)
        self.changed.emit([])

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, service.Cancelled):
            self.result_label.setText(self.tr("Export cancelled: no bundle was written."))
            return
        self._show_error(self.tr("Export failed: {reason}").format(reason=describe_error(exc)))

    def choose_ack(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("HQ acknowledgement"),
            self._start_dir(),
            self.tr("Acknowledgements (*.tda);;All files (*)"),
        )
        if path:
            self.import_ack(Path(path))

    def import_ack(self, path: Path) -> None:
        if self.busy or self._locked():
            return
        session = self.session

        def work(_cancel: threading.Event) -> tuple[list[int], int]:
            return service.import_ack(session, path)

        self._run(work, self._ack_imported, self._ack_failed)

    def _ack_imported(self, result: tuple[list[int], int]) -> None:
        sequences, marked = result
        self.ack_state.setText(
            self.tr(
                "HQ confirmed receiving bundle(s) {numbers}: {count} case(s) newly marked as "
                "received by HQ."
            ).format(numbers=", ".join(f"#{n}" for n in sequences) or "-", count=marked)
        )
        self.changed.emit([])

    def _ack_failed(self, exc: BaseException) -> None:
        self._show_error(
            self.tr("The acknowledgement was not accepted: {reason}").format(
                reason=describe_error(exc)
            )
        )

    # ------------------------------------------------------------------ HQ
    def choose_hq_key(self) -> None:
        path = file_dialogs.save_file_name(
            self, self.tr("Write HQ key file"), "hq-key.json", self.tr("HQ key (*.json)")
        )
        if not path:
            return
        try:
            key = service.write_hq_key(self.session, Path(path))
        except (TestimonyDeskError, OSError) as exc:
            self._show_error(describe_error(exc))
            return
        QMessageBox.information(
            self,
            self.tr("HQ key file"),
            self.tr(
                "Written. Field workers enrol it and compare this fingerprint with you:\n{fp}"
            ).format(fp=grouped(key.fingerprint)),
        )

    def choose_bundle_files(self) -> None:
        paths = file_dialogs.open_file_names(
            self, self.tr("Bundles to import"), "", self.tr("Bundles (*.tdb);;All files (*)")
        )
        if paths:
            self.import_bundles([Path(p) for p in paths])

    def choose_bundle_folder(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Folder with bundles"), "")
        if folder:
            self.import_bundles([Path(folder)])

    def import_bundles(self, paths: list[Path]) -> None:
        if self.busy or self._locked():
            return
        session = self.session
        bridge = self._bridge
        self._pending_fp = None
        self.approve_pending_button.hide()
        refusals: list[tuple[Path, TestimonyDeskError]] = []
        imported_ids: list[str] = []  # filled from the worker: bundles merged before a stop

        def reading(i: int, n: int, done: int, total: int) -> None:
            bridge.progress.emit(int(1000 * ((i - 1) + (done / total if total else 1)) / n))

        def imported(i: int, n: int, r: service.ImportResult) -> None:
            imported_ids.extend(r.case_ids)
            if r.already:
                bridge.line.emit(
                    self.tr("[{i}/{n}] {file}: already imported, nothing changed").format(
                        i=i, n=n, file=r.path.name
                    )
                )
                return
            bridge.line.emit(
                self.tr(
                    "[{i}/{n}] {file}: bundle #{sequence} — {created} new, {updated} updated, "
                    "{unchanged} unchanged, {stale} older, {conflicts} conflict(s), "
                    "{attachments} attachment(s)"
                ).format(
                    i=i,
                    n=n,
                    file=r.path.name,
                    sequence=r.sequence,
                    created=r.created,
                    updated=r.updated,
                    unchanged=r.unchanged,
                    stale=r.stale,
                    conflicts=r.conflicts,
                    attachments=r.attachments,
                )
            )
            if r.suffixed:
                before, after = r.suffixed[0]
                bridge.line.emit(
                    self.tr(
                        "    {count} reference(s) also used by another device, now shown with "
                        "the device's suffix (e.g. {before} → {after})"
                    ).format(count=len(r.suffixed), before=before, after=after)
                )

        def refused(i: int, n: int, path: Path, exc: TestimonyDeskError) -> None:
            refusals.append((path, exc))
            if isinstance(exc, service.UnknownDevice):
                bridge.line.emit(
                    self.tr(
                        "[{i}/{n}] {file}: REFUSED, nothing from it was imported: device "
                        "{fp} is not approved yet."
                    ).format(i=i, n=n, file=path.name, fp=exc.fingerprint)
                )
                return
            bridge.line.emit(
                self.tr("[{i}/{n}] {file}: REFUSED, nothing from it was imported. {reason}").format(
                    i=i, n=n, file=path.name, reason=describe_error(exc)
                )
            )

        def work(cancel: threading.Event) -> list[service.ImportResult]:
            return service.import_bundles(
                session,
                paths,
                progress=imported,
                refused=refused,
                reading=reading,
                cancel=cancel.is_set,
            )

        self.import_log.appendPlainText(self.tr("Importing…"))
        self._run(
            work,
            lambda results: self._imported(results, refusals),
            lambda exc: self._import_failed(exc, refusals, imported_ids),
        )

    def _imported(
        self,
        results: list[service.ImportResult],
        refusals: list[tuple[Path, TestimonyDeskError]],
    ) -> None:
        new = sum(1 for r in results if not r.already)
        conflicts = sum(r.conflicts for r in results)
        self.import_log.appendPlainText(
            self.tr(
                "Done: {imported} bundle(s) imported, {refused} refused, {conflicts} new "
                "conflict(s)."
            ).format(imported=new, refused=len(refusals), conflicts=conflicts)
        )
        self._after_refusals(refusals)
        if new:
            self.changed.emit([cid for r in results for cid in r.case_ids])

    def _import_failed(
        self,
        exc: BaseException,
        refusals: list[tuple[Path, TestimonyDeskError]],
        imported_ids: list[str],
    ) -> None:
        if isinstance(exc, service.Cancelled):
            self.import_log.appendPlainText(
                self.tr(
                    "Cancelled: the bundle being read was not imported; bundles listed above "
                    "as imported are complete."
                )
            )
        else:
            self._show_error(self.tr("Import stopped: {reason}").format(reason=describe_error(exc)))
        self._after_refusals(refusals)
        self.changed.emit(list(imported_ids))

    def _after_refusals(self, refusals: list[tuple[Path, TestimonyDeskError]]) -> None:
        unknown = [e for _p, e in refusals if isinstance(e, service.UnknownDevice)]
        others = [e for _p, e in refusals if not isinstance(e, service.UnknownDevice)]
        lines = []
        if unknown:
            fp = unknown[0].fingerprint
            self._pending_fp = fp
            lines.append(
                self.tr(
                    "A bundle came from a device that is not approved. Its fingerprint is\n"
                    "{fp}\nCompare it with the field worker's (they see it in their Sync "
                    "dialog), approve the device, then import the bundle again."
                ).format(fp=fp)
            )
            self.approve_pending_button.setText(self.tr("Approve device {fp}…").format(fp=fp))
            self.approve_pending_button.show()
        if others:
            lines.append(
                self.tr(
                    "{count} bundle(s) were refused and nothing from them was imported: "
                    "see the list above."
                ).format(count=len(others))
            )
        self._show_error("\n".join(lines))

    def _confirm_approve(self, fp: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Approve device"),
            self.tr(
                "Approve the device with this fingerprint?\n\n{fp}\n\nOnly if the field "
                "worker read exactly this to you (by voice, not through the same USB stick)."
            ).format(fp=fp),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _approve(self, text: str) -> None:
        try:
            fp = grouped(parse_fingerprint(text))
        except TestimonyDeskError as exc:
            self._show_error(describe_error(exc))
            return
        if not self._confirm_approve(fp):
            return
        try:
            service.approve(self.session, fp)
        except TestimonyDeskError as exc:
            self._show_error(describe_error(exc))
            return
        self._show_error("")
        if self._pending_fp == fp:
            self._pending_fp = None
            self.approve_pending_button.hide()
        self.import_log.appendPlainText(self.tr("Device {fp} approved.").format(fp=fp))
        self.refresh()

    def approve_pending(self) -> None:
        if self._pending_fp is not None:
            self._approve(self._pending_fp)

    def approve_selected(self) -> None:
        row = self.devices_table.currentRow()
        item = self.devices_table.item(row, 0) if row >= 0 else None
        if item is None:
            self._show_error(self.tr("Select a device first."))
            return
        self._approve(item.text())

    def approve_typed(self) -> None:
        text = self.approve_input.text().strip()
        if text:
            self._approve(text)
            self.approve_input.clear()

    def write_ack(self) -> None:
        row = self.devices_table.currentRow()
        item = self.devices_table.item(row, 0) if row >= 0 else None
        if item is None:
            self._show_error(self.tr("Select a device first."))
            return
        fp = item.text()
        name = "ack-" + fp.replace(" ", "")[:8].lower() + ".tda"
        path = file_dialogs.save_file_name(
            self,
            self.tr("Acknowledgement for device {fp}").format(fp=fp),
            name,
            self.tr("Acknowledgements (*.tda)"),
        )
        if path:
            self.write_ack_to(fp, Path(path))

    def write_ack_to(self, fp: str, path: Path) -> None:
        try:
            sequences = service.write_ack(self.session, fp, path)
        except (TestimonyDeskError, OSError) as exc:
            self._show_error(describe_error(exc))
            return
        self._show_error("")
        self.import_log.appendPlainText(
            self.tr("Acknowledgement for {fp} written ({count} bundle(s)): {path}").format(
                fp=fp, count=len(sequences), path=path
            )
        )

    def resolve_selected(self, keep: str) -> None:
        row = self.conflicts_table.currentRow()
        item = self.conflicts_table.item(row, 0) if row >= 0 else None
        if item is None:
            self._show_error(self.tr("Select a conflict first."))
            return
        case_id = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            service.resolve(self.session, case_id, keep)
        except TestimonyDeskError as exc:
            self._show_error(describe_error(exc))
            return
        self._show_error("")
        self.refresh()
        self.changed.emit([case_id])

    def abandon(self) -> None:
        """The vault was locked: stop any job, forget what is shown, close."""
        self._cancel.set()
        for widget in self.findChildren(QPlainTextEdit):
            widget.clear()
        self.whoami.clear()
        self.hide()
