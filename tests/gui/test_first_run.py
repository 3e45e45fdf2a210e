# mypy: disallow-untyped-calls=False
"""The first-run assistant: strength meter and minimum, vault creation, the recovery key
(shown once, printed, saved as PDF only where chosen), the confirmation and "remember".

Driven by real clicks and key presses on a shown wizard; vault creation runs in a worker,
so the tests wait for the page change rather than sleeping.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from gui_support import tick, type_text
from keyring.backends import null
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from desktop import app, preferences
from desktop.app import Session
from desktop.ui.first_run import (
    MIN_SCORE,
    FirstRunWizard,
    print_recovery_sheet,
    recovery_sheet_pdf,
    strength,
)
from desktop.vault.vault import MIN_PASSPHRASE_CHARS

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
RECOVERY_KEY = re.compile(r"^[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}$")
Button = QWizard.WizardButton


@pytest.fixture
def wizard(qtbot: QtBot, vault_dir: Path) -> Iterator[FirstRunWizard]:
    w = FirstRunWizard(vault_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.session is not None and not w.session.unlocked.is_locked:
        w.session.lock()


def _click(qtbot: QtBot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled() and button.isVisible(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    type_text(qtbot, field, text)


def _create(qtbot: QtBot, wizard: FirstRunWizard, organisation: str = "") -> None:
    """Organisation page → passphrase page → "Create vault" → wait for the recovery page."""
    if organisation:
        type_text(qtbot, wizard.organisation_page.organisation, organisation)
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.passphrase_page
    page = wizard.passphrase_page
    type_text(qtbot, page.passphrase, PASSPHRASE)
    type_text(qtbot, page.repeat, PASSPHRASE)
    assert wizard.button(Button.CommitButton).text() == "Create vault"
    _click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)


# ---------------------------------------------------------------------- strength
def test_strength_meter_words_and_the_minimum(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _click(qtbot, wizard, Button.NextButton)
    page = wizard.passphrase_page
    commit = wizard.button(Button.CommitButton)
    assert page.meter.value() == 0 and page.verdict.text() == "" and not commit.isEnabled()

    type_text(qtbot, page.passphrase, "tiger")
    assert page.hint.text() == f"Too short: {MIN_PASSPHRASE_CHARS - 5} more characters needed."
    assert not commit.isEnabled()

    # Long enough but guessable: refused by the estimate, not by the length.
    for weak in ("passwordpassword", "aaaaaaaaaaaaaaaa", "123456789012345"):
        _retype(qtbot, page.passphrase, weak)
        _retype(qtbot, page.repeat, weak)
        assert page.score < MIN_SCORE, weak
        assert page.verdict.text() in ("Very weak", "Weak", "Fair")
        assert page.hint.text() == "Too easy to guess. Add another unrelated word or two."
        assert not commit.isEnabled(), weak

    # The organisation's own name counts as a known word.
    assert strength("AlmatyRightsGroup", ["Almaty", "Rights", "Group"]) < strength(
        "AlmatyRightsGroup"
    )

    _retype(qtbot, page.passphrase, PASSPHRASE)
    assert page.meter.value() == 4 and page.verdict.text() == "Strong"
    _retype(qtbot, page.repeat, PASSPHRASE + "!")
    assert page.hint.text() == "The two passphrases differ."
    assert not commit.isEnabled()
    _retype(qtbot, page.repeat, PASSPHRASE)
    assert page.hint.text() == "The passphrase is good."
    assert commit.isEnabled()
    assert not wizard.vault_dir.exists()  # nothing is created before "Create vault"


# ---------------------------------------------------------------------- creation
def test_the_assistant_creates_the_vault_and_shows_the_key_once(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    _create(qtbot, wizard, "Almaty Rights Group")
    session = wizard.session
    assert isinstance(session, Session) and not session.unlocked.is_locked
    key = wizard.recovery_page.key.text()
    assert RECOVERY_KEY.match(key), key
    # The passphrase does not stay in the widgets once the vault exists.
    assert wizard.passphrase_page.passphrase.text() == ""
    # No way back, no cancel, no finish before the confirmation; Escape does nothing.
    assert not wizard.button(Button.BackButton).isEnabled()
    assert not wizard.button(Button.CancelButton).isVisible()
    finish = wizard.button(Button.FinishButton)
    assert finish.text() == "Start" and not finish.isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    tick(qtbot, wizard.recovery_page.confirm)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.accepted, timeout=5_000):
        _click(qtbot, wizard, Button.FinishButton)
    assert wizard.recovery_page.key.text() == ""  # not left in the hidden wizard

    # The organisation becomes the letterhead's name and the store's organisation name.
    assert preferences.load(session.store).letterhead.name == "Almaty Rights Group"
    assert session.store.setting("organisation_name") == "Almaty Rights Group"
    assert "keyring" not in session.vault.slot_types()  # not remembered unless asked
    session.lock()
    app.unlock(wizard.vault_dir, passphrase=PASSPHRASE).lock()
    app.unlock(wizard.vault_dir, recovery_key=key).lock()


def test_cancel_before_creation_creates_nothing(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _click(qtbot, wizard, Button.NextButton)
    type_text(qtbot, wizard.passphrase_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(wizard.rejected, timeout=5_000):
        _click(qtbot, wizard, Button.CancelButton)
    assert wizard.session is None
    assert not wizard.vault_dir.exists()
    assert wizard.passphrase_page.passphrase.text() == ""


def test_a_failure_while_creating_is_one_calm_line(
    qtbot: QtBot, wizard: FirstRunWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(folder: Path, passphrase: str, **kw: Any) -> tuple[Session, str]:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(app, "create_vault", refused)
    _click(qtbot, wizard, Button.NextButton)
    page = wizard.passphrase_page
    type_text(qtbot, page.passphrase, PASSPHRASE)
    type_text(qtbot, page.repeat, PASSPHRASE)
    _click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=30_000)
    assert page.error.text() == "The vault could not be written or read (Permission denied)."
    assert wizard.currentPage() is page and wizard.session is None
    assert wizard.button(Button.CommitButton).isEnabled()  # the user can try again


# ---------------------------------------------------------------------- recovery sheet
def _pdf_text(data_or_path: Any) -> str:
    """The PDF's text with runs of white space made one space (extraction uses tabs)."""
    reader = PdfReader(data_or_path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def _holds_code(text: str, code: str) -> bool:
    """The code's 32 characters in order (extraction may split a group with a space)."""
    compact = re.sub(r"[\s-]", "", text)
    return code.replace("-", "") in compact


def _choose_in_file_dialog(path: Path) -> list[str]:
    """Type ``path`` into the (Qt, non-native) file dialog when it opens, then accept."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.windowTitle())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(path))
        dialog.accept()

    QTimer.singleShot(0, poll)
    return seen


def test_save_as_pdf_writes_only_the_chosen_file_and_it_holds_the_key(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    _create(qtbot, wizard)
    key = wizard.recovery_page.key.text()
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    target = usb / "sheet"  # no suffix typed: ".pdf" is added
    titles = _choose_in_file_dialog(target)
    qtbot.mouseClick(wizard.recovery_page.pdf_button, Qt.MouseButton.LeftButton)
    assert titles == ["Save the recovery key as PDF"]
    written = usb / "sheet.pdf"
    assert sorted(p.name for p in usb.iterdir()) == ["sheet.pdf"]  # no temporary file left
    assert written.read_bytes().startswith(b"%PDF")
    text = _pdf_text(written)
    assert _holds_code(text, key)
    assert "Testimony Desk — recovery key" in text
    assert wizard.recovery_page.status.text() == f"Saved to {written}"


def test_the_pdf_is_refused_inside_the_vault_folder(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _create(qtbot, wizard)
    inside = wizard.vault_dir / "recovery.pdf"
    assert not wizard.recovery_page.write_pdf(inside)
    assert not inside.exists()
    assert "outside the vault folder" in wizard.recovery_page.status.text()


def test_the_sheet_renders_in_memory_and_prints_through_qprinter(tmp_path: Path) -> None:
    code = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    data = recovery_sheet_pdf(code, "2026-11-27")
    assert data.startswith(b"%PDF")
    text = _pdf_text(io.BytesIO(data))
    assert _holds_code(text, code)
    assert "Vault created: 2026-11-27" in text
    # The same painter serves the printer (a PDF printer here, as "Print to file" would be).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_recovery_sheet(printer, code, "2026-11-27")
    assert _holds_code(_pdf_text(tmp_path / "printed.pdf"), code)
    assert not _holds_code(text, "AAAA-" + code[5:])  # the check can fail


# ---------------------------------------------------------------------- remember
def test_remember_on_this_computer_adds_a_keyring_slot(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    """The tests' in-memory keyring counts as secure: the box is offered and works."""
    _create(qtbot, wizard)
    page = wizard.recovery_page
    assert page.remember.isVisible() and page.remember.isEnabled()
    assert "system keyring" in page.remember_note.text()
    tick(qtbot, page.confirm)
    tick(qtbot, page.remember)
    with qtbot.waitSignal(wizard.accepted, timeout=5_000):
        _click(qtbot, wizard, Button.FinishButton)
    session = wizard.session
    assert session is not None
    assert "keyring" in session.vault.slot_types()
    session.lock()
    app.unlock(wizard.vault_dir, use_keyring=True).lock()


def test_remember_is_not_offered_without_a_secure_keyring(qtbot: QtBot, vault_dir: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        wizard = FirstRunWizard(vault_dir)
        qtbot.addWidget(wizard)
        wizard.show()
        page = wizard.recovery_page
        assert not page.remember.isEnabled() and page.remember.isHidden()
        assert "no secure system keyring" in page.remember_note.text()
    finally:
        keyring.set_keyring(previous)
