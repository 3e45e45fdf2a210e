"""First-run assistant: organisation, passphrase with a strength estimate, recovery key.

Modelled on KeePassXC's new-database wizard: three pages, the vault is created when the
user leaves the passphrase page ("Create vault" is a commit page: there is no way back to a
half-chosen passphrase once the keys exist), and the last page shows the recovery key once.

Passphrase rule (documented in docs/gui.md): at least ``MIN_PASSPHRASE_CHARS`` characters
(the vault's own rule) **and** a zxcvbn score of at least ``MIN_SCORE`` (3 of 4, "Good":
about 10^8 guesses or more). zxcvbn looks for dictionary words, names, keyboard patterns,
repeats and dates, so "aaaaaaaaaaaa" or "password1234" are refused although they are long
enough, while four unrelated words pass.

The recovery sheet is painted with QPainter, so one routine serves the printer and the PDF;
the PDF is rendered into memory (QPdfWriter on a QBuffer) and written only to the path the
user picks, atomically (temporary file in the same folder, fsync, rename). The file dialog
is Qt's own, not the desktop's, so the chosen path does not land in the desktop's
recent-files history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import app, preferences
from desktop.errors import TestimonyDeskError
from desktop.ui import file_dialogs, workers
from desktop.ui.i18n import language_switch
from desktop.ui.unlock_dialog import describe_error
from desktop.vault import keyring_slot
from desktop.vault.vault import MIN_PASSPHRASE_CHARS
from desktop.vault.vaultfile import atomic_write, is_inside

MIN_SCORE = 3  # zxcvbn score 0..4; 3 = "Good" (safely unguessable online, ~10^8 guesses)
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters decide the score
_SCORE_COLOURS = ("#b00020", "#d9480f", "#c99700", "#2b8a3e", "#1b5e20")


def strength(passphrase: str, hints: list[str] | None = None) -> int:
    """zxcvbn's score 0..4 for ``passphrase`` (words in ``hints`` count as known)."""
    if not passphrase:
        return 0
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=[h for h in hints or [] if h])
    return int(result["score"])


def acceptable(passphrase: str, score: int) -> bool:
    return len(passphrase) >= MIN_PASSPHRASE_CHARS and score >= MIN_SCORE


def _plain(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def _mono(size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(size)
    return font


# ---------------------------------------------------------------------- recovery sheet
def _sheet_texts() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("RecoverySheet", "Testimony Desk — recovery key"),
        "intro": QCoreApplication.translate(
            "RecoverySheet",
            "This key opens your Testimony Desk vault if the passphrase is forgotten. "
            "Anyone who has it and a copy of the vault can read everything in it.",
        ),
        "keep": QCoreApplication.translate(
            "RecoverySheet",
            "Keep this sheet somewhere safe and away from the computer, for example in a "
            "sealed envelope with a person you trust. Do not photograph it.",
        ),
        "created": QCoreApplication.translate("RecoverySheet", "Vault created: {date}"),
    }


def paint_recovery_sheet(painter: QPainter, page: QRect, code: str, created: str) -> None:
    """Draw the recovery sheet into ``page`` (device pixels) of any paint device."""
    texts = _sheet_texts()
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    gap = int(dpi * 0.25)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    y = page.top()

    def block(text: str, font: QFont, align: int = flags) -> None:
        nonlocal y
        painter.setFont(font)
        rect = QRect(page.left(), y, page.width(), page.bottom() - y)
        used = painter.boundingRect(rect, align, text)
        painter.drawText(rect, align, text)
        y += used.height() + gap

    title = QFont(painter.font())
    title.setPointSize(18)
    title.setBold(True)
    body = QFont(painter.font())
    body.setPointSize(11)
    block(texts["title"], title)
    block(texts["intro"], body)
    centred = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
    groups = code.split("-")
    lines = ["-".join(groups[:4]), "-".join(groups[4:])] if len(groups) == 8 else [code]
    y += gap
    block("\n".join(lines), _mono(22), centred)
    y += gap
    block(texts["keep"], body)
    block(texts["created"].format(date=created), body)


def recovery_sheet_pdf(code: str, created: str) -> bytes:
    """The recovery sheet as PDF bytes, rendered in memory (no file is touched)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    writer.setTitle(_sheet_texts()["title"])
    writer.setCreator("Testimony Desk")
    painter = QPainter(writer)
    try:
        paint_recovery_sheet(painter, painter.viewport(), code, created)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def print_recovery_sheet(printer: QPrinter, code: str, created: str) -> None:
    painter = QPainter(printer)
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        rect.moveTo(0, 0)
        paint_recovery_sheet(painter, rect, code, created)
    finally:
        painter.end()


# ---------------------------------------------------------------------- pages
class OrganisationPage(QWizardPage):
    def __init__(self, wizard: QWizard | None = None) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Testimony Desk"))
        self.setSubTitle(self.tr("Your records stay encrypted on this computer."))
        self.organisation = QLineEdit()
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText(self.tr("Optional"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain(
                self.tr(
                    "Testimony Desk keeps testimonies, case files and letters in an encrypted "
                    "vault. This assistant creates the vault: you choose a passphrase, then "
                    "you receive a recovery key to keep on paper."
                )
            )
        )
        form = QFormLayout()
        if wizard is not None:
            # Changing it closes the wizard (nothing is created yet on this page) and
            # desktop.ui.main opens it again in that language.
            self.language = language_switch(wizard)
            form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Organisation name:"), self.organisation)
        layout.addLayout(form)
        layout.addWidget(
            _plain(
                self.tr(
                    "The organisation name is printed on letters and stored inside the vault "
                    "only. You can change it later under Vault › Settings."
                )
            )
        )
        layout.addStretch(1)


class PassphrasePage(QWizardPage):
    """Passphrase typed twice with a live strength bar; leaving the page creates the vault."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr("Without the passphrase or the recovery key nobody can open the vault.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        self.meter = QProgressBar()
        self.meter.setObjectName("strength_meter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.verdict = _plain()
        self.verdict.setObjectName("strength_words")
        self.hint = _plain()
        self.hint.setObjectName("hint")
        self.error = _plain()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.busy_label = _plain(self.tr("Creating the vault… this takes a few seconds."))
        self.busy_label.hide()
        self.score = 0
        self.working = False
        self.created = False

        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain(
                self.tr(
                    "Use at least {n} characters. Several unrelated words are easy to remember "
                    "and hard to guess; avoid names, dates and phrases from songs or books."
                ).format(n=MIN_PASSPHRASE_CHARS)
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.meter, 1)
        strength_row.addWidget(self.verdict)
        form.addRow(self.tr("Strength:"), strength_row)
        form.addRow(self.tr("Repeat:"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def _words(self, score: int) -> str:
        return (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )[score]

    def _update(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        self.score = strength(first, self._wizard.hints())
        self.meter.setValue(self.score if first else 0)
        colour = _SCORE_COLOURS[self.score]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colour}; }}")
        self.verdict.setText(self._words(self.score) if first else "")
        if not first:
            self.hint.setText("")
        elif len(first) < MIN_PASSPHRASE_CHARS:
            self.hint.setText(
                self.tr("Too short: {n} more characters needed.").format(
                    n=MIN_PASSPHRASE_CHARS - len(first)
                )
            )
        elif self.score < MIN_SCORE:
            self.hint.setText(self.tr("Too easy to guess. Add another unrelated word or two."))
        elif second and first != second:
            self.hint.setText(self.tr("The two passphrases differ."))
        elif not second:
            self.hint.setText(self.tr("Type the passphrase again below."))
        else:
            self.hint.setText(self.tr("The passphrase is good."))
        self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        first = self.passphrase.text()
        return not self.working and acceptable(first, self.score) and first == self.repeat.text()

    def validatePage(self) -> bool:
        """Start creating the vault; the page is left when the worker reports success."""
        if self.created:
            return True
        if self.working or not self.isComplete():
            return False
        self._set_working(True)
        folder = self._wizard.vault_dir
        passphrase = self.passphrase.text()
        organisation = self._wizard.organisation()
        workers.start(
            lambda: _create(folder, passphrase, organisation), self._created, self._failed
        )
        return False

    def _set_working(self, on: bool) -> None:
        self.working = on
        self.busy.setVisible(on)
        self.busy_label.setVisible(on)
        self.passphrase.setEnabled(not on)
        self.repeat.setEnabled(not on)
        self._wizard.set_busy(on)
        self.completeChanged.emit()

    def _created(self, result: tuple[app.Session, str]) -> None:
        self._wizard.session, self._wizard.recovery_key = result
        self.created = True
        self.passphrase.clear()
        self.repeat.clear()
        self._set_working(False)
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self.error.setText(describe_error(exc))


class RecoveryPage(QWizardPage):
    """The recovery key, shown once: print it, save it as PDF, confirm, optionally remember."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("It is shown only now."))
        self.key = QLineEdit()
        self.key.setObjectName("recovery_key")
        self.key.setReadOnly(True)
        self.key.setFont(_mono(15))
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("save_pdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.status = _plain()
        self.status.setObjectName("status")
        self.confirm = QCheckBox(self.tr("I have stored the recovery key"))
        self.confirm.setObjectName("confirm")
        self.confirm.toggled.connect(lambda _on: self.completeChanged.emit())
        self.remember = QCheckBox(self.tr("Remember on this computer"))
        self.remember.setObjectName("remember")
        self.remember_note = _plain()
        self.remember_note.setObjectName("remember_note")
        self.keyring_ok = keyring_slot.is_secure_backend()
        if self.keyring_ok:
            self.remember_note.setText(
                self.tr(
                    "Opens the vault without the passphrase when you start Testimony Desk, "
                    "using the system keyring. Anyone who can log in as you can then open it: "
                    "leave this off on a computer that may be taken."
                )
            )
        else:
            self.remember.setEnabled(False)
            self.remember.hide()
            self.remember_note.setText(
                self.tr(
                    "“Remember on this computer” is not offered: no secure system keyring "
                    "is available here, so the vault always asks for the passphrase."
                )
            )

        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain(
                self.tr(
                    "This recovery key opens the vault if the passphrase is forgotten. Print "
                    "it or write it on paper and keep it away from this computer. Testimony "
                    "Desk cannot show it again."
                )
            )
        )
        layout.addWidget(self.key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addSpacing(8)
        layout.addWidget(self.confirm)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.key.setText(self._wizard.recovery_key)
        self.confirm.setChecked(False)
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def _created_text(self) -> str:
        return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_recovery_sheet(printer, self._wizard.recovery_key, self._created_text())
        self.status.setText(self.tr("Sent to the printer."))

    def save_pdf(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the recovery key as PDF"))
        dialog.setObjectName("recovery_pdf_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile("testimony-desk-recovery-key.pdf")
        chosen = file_dialogs.run(dialog)
        if chosen:
            self.write_pdf(Path(chosen[0]))

    def write_pdf(self, path: Path) -> bool:
        if is_inside(path, self._wizard.vault_dir):
            self.status.setText(
                self.tr("Choose a place outside the vault folder (a USB stick, for example).")
            )
            return False
        try:
            data = recovery_sheet_pdf(self._wizard.recovery_key, self._created_text())
            atomic_write(path, data)
        except OSError as exc:
            self.status.setText(describe_error(exc))
            return False
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        return True


def _create(folder: Path, passphrase: str, organisation: str) -> tuple[app.Session, str]:
    """Worker: create the vault; the organisation also becomes the letterhead's name."""
    session, recovery = app.create_vault(folder, passphrase, name=organisation or None)
    if organisation:
        try:
            prefs = preferences.load(session.store)
            preferences.save(
                session.store,
                replace(prefs, letterhead=replace(prefs.letterhead, name=organisation)),
            )
        except BaseException:
            session.lock()
            raise
    return session, recovery


class FirstRunWizard(QWizard):
    """Creates the vault; ``session`` and ``recovery_key`` are set once it exists."""

    busy_changed = Signal(bool)

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.session: app.Session | None = None
        self.recovery_key = ""
        self._busy = False
        self.setWindowTitle(self.tr("Create your vault — Testimony Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(640, 480)
        self.organisation_page = OrganisationPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.organisation_page, self.passphrase_page, self.recovery_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))

    def organisation(self) -> str:
        return self.organisation_page.organisation.text().strip()

    def hints(self) -> list[str]:
        """Words an attacker would try first: the program's and the organisation's names."""
        return ["testimony", "desk", "vault", *self.organisation().split()]

    def set_busy(self, on: bool) -> None:
        self._busy = on
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not on)
        self.busy_changed.emit(on)

    def reject(self) -> None:
        """Cancel works until the vault exists; after that the recovery key must be seen.

        While the vault is being made the job cannot be stopped halfway (the vault would exist
        with its recovery key never shown), so Escape and the close button wait.
        """
        if self._busy or self.session is not None:
            return
        super().reject()

    def accept(self) -> None:
        if self.session is None or not self.recovery_page.confirm.isChecked():
            return
        if self.recovery_page.remember.isChecked():
            self._remember(self.session)
        super().accept()

    def _remember(self, session: app.Session) -> None:
        try:
            session.vault.remember(session.unlocked)
        except (TestimonyDeskError, OSError, RuntimeError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Testimony Desk"),
                self.tr("The vault could not be remembered on this computer: {reason}").format(
                    reason=describe_error(exc)
                ),
            )

    def done(self, result: int) -> None:
        # Never leave the typed passphrase in a widget, whatever way the wizard ends.
        self.passphrase_page.passphrase.clear()
        self.passphrase_page.repeat.clear()
        self.recovery_page.key.clear()
        super().done(result)
