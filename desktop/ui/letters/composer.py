"""The letter composer: template, recipient and language for the open case, a live preview
from memory, Print, Save as PDF and Record as appeal.

The letter is composed in a worker job (``LetterService.compose``: the same refusals, the
same language choice and reference as the CLI); the PDF bytes stay in memory. What is
previewed is exactly what is saved, printed and hashed into the appeal log: the three
actions use the one ``ComposedLetter`` the preview shows, never a second rendering.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import preferences
from desktop.app import Session
from desktop.letters.appeals import AppealLog
from desktop.letters.context import DEFAULT_TEMPLATE, LetterSettings, choose_language
from desktop.letters.refusal import LetterRefused
from desktop.letters.service import (
    ComposedLetter,
    LetterService,
    attachment_images,
    settings_from_store,
)
from desktop.ui import workers
from desktop.ui.editor.fields import plain_label
from desktop.ui.letters.preview import PdfPreview
from desktop.ui.unlock_dialog import describe_error

PAGE_SIZES = ("A4", "Letter")


def letter_file_name(reference: str) -> str:
    """A neutral file name from the letter reference (case reference, recipient, number)."""
    return reference.replace("/", "_") + ".pdf"


def save_pdf(parent: QWidget, session: Session, data: bytes, suggested: str) -> Path | None:
    """Ask where to save, refuse the vault folder, write atomically; None when cancelled."""
    from desktop.ui.file_dialogs import save_file_name
    from desktop.vault.vaultfile import atomic_write, is_inside

    # The wrapper forgets the folder Qt would remember in its plain-text config.
    path_text = save_file_name(
        parent,
        QCoreApplication.translate("save_pdf", "Save letter as PDF"),
        suggested,
        QCoreApplication.translate("save_pdf", "PDF documents (*.pdf)"),
    )
    if not path_text:
        return None
    path = Path(path_text)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if is_inside(path, session.vault.folder):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("save_pdf", "Letters"),
            QCoreApplication.translate(
                "save_pdf", "A letter is not saved inside the vault folder. Choose another folder."
            ),
        )
        return None
    try:
        atomic_write(path, data)
    except OSError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("save_pdf", "Letters"), describe_error(exc)
        )
        return None
    return path


class LetterComposer(QDialog):
    """Compose one letter for one saved case."""

    rendered = Signal()  # a letter is in the preview
    refused = Signal()  # the letter cannot be written; ``problems`` says why
    appeal_recorded = Signal(str)  # case id

    def __init__(
        self,
        session: Session,
        case_id: str,
        parent: QWidget | None = None,
        *,
        template: str | None = None,
        recipient: str | None = None,
        lang: str | None = None,
        service: LetterService | None = None,
        today: _dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letter_composer")
        # The title never carries case data (window lists, screen sharing, task bars).
        self.setWindowTitle(self.tr("Letter"))
        self.resize(980, 860)
        self.session = session
        self.case_id = case_id
        self.case: dict[str, Any] = session.store.cases.get(case_id)
        self.service = service or LetterService.for_store(session.store)
        self.today = today
        self.settings: LetterSettings = settings_from_store(session.store, today)
        self.prefs = preferences.load(session.store)
        self.composed: ComposedLetter | None = None
        self.problems: tuple[str, ...] = ()
        self.recorded = False
        self._seq = 0
        self._jobs: set[workers.Job] = set()
        self._lang_wanted = lang

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("template")
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("recipient")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.page_size_combo = QComboBox()
        self.page_size_combo.setObjectName("page_size")
        for size in PAGE_SIZES:
            self.page_size_combo.addItem(size, size)

        available = self.service.templates.available()
        for tid in available:
            self.template_combo.addItem(tid, tid)
        for r in self.service.directory.all():
            label = r.name_in("en") if r.verified else self.tr("{name} (address not verified)")
            if not r.verified:
                label = label.format(name=r.name_in("en"))
            self.recipient_combo.addItem(f"{r.id} — {label}", r.id)
        self._select(self.template_combo, template or DEFAULT_TEMPLATE)
        if recipient is not None:
            self._select(self.recipient_combo, recipient)

        self.warning = plain_label()
        self.warning.setObjectName("recipient_warning")
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.problems_label = plain_label()
        self.problems_label.setObjectName("problems")
        self.problems_label.setStyleSheet("color: #b00020")
        self.status = plain_label()
        self.status.setObjectName("composer_status")

        self.preview = PdfPreview(self)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.record_button = QPushButton(self.tr("Record as appeal"))
        self.record_button.setObjectName("record_appeal")
        self.record_button.setToolTip(
            self.tr("Add this letter to the case's appeal log as drafted (with its SHA-256)")
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_as)
        self.record_button.clicked.connect(self.record_appeal)

        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template_combo)
        form.addRow(self.tr("Recipient"), self.recipient_combo)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Paper"), self.page_size_combo)
        buttons = QHBoxLayout()
        for b in (self.print_button, self.save_button, self.record_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self._fill_languages()
        self.template_combo.currentIndexChanged.connect(self._choice_changed)
        self.recipient_combo.currentIndexChanged.connect(self._choice_changed)
        self.language_combo.currentIndexChanged.connect(lambda _i: self.compose())
        self.page_size_combo.currentIndexChanged.connect(lambda _i: self.compose())
        self._set_actions(False)
        self.compose()

    # ------------------------------------------------------------------ choices
    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def template_id(self) -> str:
        return str(self.template_combo.currentData() or DEFAULT_TEMPLATE)

    def recipient_id(self) -> str:
        return str(self.recipient_combo.currentData() or "")

    def language(self) -> str | None:
        data = self.language_combo.currentData()
        return str(data) if data else None

    def _fill_languages(self) -> None:
        """The languages the template exists in and the recipient accepts (the recipient's
        order); the default is the preference when it is one of them, else the language a
        consenting testimony was given in (as the CLI chooses)."""
        template_langs = self.service.templates.languages(self.template_id())
        rid = self.recipient_id()
        options: list[str] = list(template_langs)
        default: str | None = None
        if rid in self.service.directory:
            recipient = self.service.directory.get(rid)
            both = [lang for lang in recipient.languages if lang in template_langs]
            options = both or options
            default = choose_language(recipient, self.case, template_langs)
            verified = recipient.verified
        else:
            verified = True
        wanted = self._lang_wanted
        self._lang_wanted = None
        if wanted not in options:
            pref = self.prefs.default_letter_language
            wanted = pref if pref in options else default
        self.language_combo.blockSignals(True)
        try:
            self.language_combo.clear()
            for lang in options:
                self.language_combo.addItem(lang, lang)
            if wanted is not None:
                self._select(self.language_combo, wanted)
        finally:
            self.language_combo.blockSignals(False)
        if verified:
            self.warning.clear()
            self.warning.hide()
        else:
            self.warning.setText(
                self.tr(
                    "Warning: the postal address of this recipient is not verified. Check it "
                    "on the institution's own page before sending."
                )
            )
            self.warning.show()

    def _choice_changed(self, _index: int) -> None:
        self._fill_languages()
        self.compose()

    # ------------------------------------------------------------------ rendering
    def _set_actions(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.record_button.setEnabled(ready and not self.recorded)

    def compose(self) -> None:
        """Compose the letter off the GUI thread; a result for older choices is dropped."""
        self._seq += 1
        seq = self._seq
        self.composed = None
        self._set_actions(False)
        self.status.setText(self.tr("Composing the letter…"))
        case, service, settings, session = self.case, self.service, self.settings, self.session
        rid, template, lang = self.recipient_id(), self.template_id(), self.language()
        page_size = str(self.page_size_combo.currentData() or "A4")

        def images() -> dict[str, bytes]:
            if session.unlocked.is_locked:  # locked while composing: the store is closed
                return {}
            return attachment_images(session, case)

        def work() -> ComposedLetter:
            return service.compose(
                case, rid, template=template, lang=lang, settings=settings,
                page_size=page_size, images=images,
            )  # fmt: skip

        job: workers.Job

        def done(result: ComposedLetter) -> None:
            self._jobs.discard(job)
            if seq == self._seq:
                self._show(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(job)
            if seq == self._seq:
                self._show_refusal(exc)

        job = workers.start(work, done, failed)
        self._jobs.add(job)

    def _show(self, composed: ComposedLetter) -> None:
        self.composed = composed
        self.problems = ()
        self.problems_label.clear()
        self.problems_label.hide()
        self.preview.set_pdf(composed.pdf)
        self.status.setText(
            self.tr("Letter {reference}: {pages} pages").format(
                reference=composed.reference, pages=self.preview.page_count()
            )
        )
        self._set_actions(True)
        self.rendered.emit()

    def _show_refusal(self, exc: BaseException) -> None:
        self.preview.clear()
        if isinstance(exc, LetterRefused):
            self.problems = exc.problems
            lines = [self.tr("This letter cannot be written:")]
            lines += [f"• {p}" for p in exc.problems]
        else:
            self.problems = (describe_error(exc),)
            lines = [self.tr("This letter cannot be written:"), f"• {describe_error(exc)}"]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.show()
        self.status.clear()
        self.refused.emit()

    def is_busy(self) -> bool:
        return bool(self._jobs)

    # ------------------------------------------------------------------ actions
    def pdf_bytes(self) -> bytes:
        """The bytes in the preview (what Save, Print and Record use)."""
        return self.preview.pdf_bytes() if self.composed is not None else b""

    def save_as(self) -> Path | None:
        if self.composed is None:
            return None
        path = save_pdf(
            self, self.session, self.pdf_bytes(), letter_file_name(self.composed.reference)
        )
        if path is not None:
            self.status.setText(self.tr("Saved to {path}").format(path=path))
        return path

    def print_letter(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.composed is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print letter"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: Any) -> int:
        from desktop.ui.letters.printing import PrintFailed, print_pdf

        try:
            pages = print_pdf(self.pdf_bytes(), printer)
        except PrintFailed as exc:
            QMessageBox.warning(self, self.tr("Letters"), str(exc))
            return 0
        self.status.setText(self.tr("Printed {pages} pages").format(pages=pages))
        return pages

    def record_appeal(self) -> None:
        """Enter the previewed letter into the appeal log (status drafted), as the CLI does."""
        composed = self.composed
        if composed is None or self.recorded:
            return
        try:
            AppealLog(self.session.store.cases).record(
                self.case["reference"],
                recipient=composed.recipient,
                template=composed.template,
                language=composed.language,
                reference=composed.reference,
                pdf_sha256=composed.sha256,
                on=self.settings.today,
            )
        except Exception as exc:  # shown, never raised into Qt
            QMessageBox.warning(self, self.tr("Letters"), describe_error(exc))
            return
        self.recorded = True
        self.case = self.session.store.cases.get(self.case_id)
        self.record_button.setEnabled(False)
        self.status.setText(
            self.tr("Recorded as appeal {reference} (drafted)").format(reference=composed.reference)
        )
        self.appeal_recorded.emit(self.case_id)

    def done(self, result: int) -> None:  # closing: results still on their way are dropped
        self._seq += 1
        super().done(result)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
