# mypy: disallow-untyped-calls=False
"""Vault › Settings… (Ctrl+,): every field saved into the vault and shown again, the logo
kept as PNG bytes, bad input refused with a message, and the auto-lock applied at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import tick, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop import app, preferences
from desktop.app import Session
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.timeout(120, method="thread")
PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)


def _when_modal(kind: type, act: Callable[[object], None]) -> list[object]:
    """Run ``act`` on the next modal widget of type ``kind`` (opened inside a click).

    A failure inside ``act`` closes the dialog (so the test does not hang in its event
    loop) and is put into the returned list, which the test checks.
    """
    seen: list[object] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            try:
                act(widget)
            except BaseException as exc:
                seen.append(exc)
                widget.reject()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _logo(tmp_path: Path, width: int = 2400, height: int = 600) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1b5e20"))
    path = tmp_path / "logo.jpg"
    assert image.save(str(path), "JPG")
    return path


def test_settings_round_trip_through_the_dialog(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    logo = _logo(tmp_path)
    changed: list[object] = []
    window.preferences_changed.connect(changed.append)

    def fill(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.org_name.text() == ""  # a fresh vault: defaults
        assert dialog.auto_lock.value() == 10
        type_text(qtbot, dialog.org_name, "Қазақ құқық қорғау тобы")
        dialog.address.setFocus()
        type_text(qtbot, dialog.address, "Абай даңғылы 1")
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
        type_text(qtbot, dialog.address, "Almaty 050000")
        type_text(qtbot, dialog.contact, "+7 700 000 0000, office@example.org")
        type_text(qtbot, dialog.place, "Almaty")
        tick(qtbot, dialog.co_sign)
        dialog.auto_lock.selectAll()
        qtbot.keyClicks(dialog.auto_lock, "3")
        dialog.letter_language.setCurrentIndex(dialog.letter_language.findData("kk"))
        dialog.attachment_limit.selectAll()
        qtbot.keyClicks(dialog.attachment_limit, "512")
        tick(qtbot, dialog.quick_delete)

        def choose(file_dialog: object) -> None:
            assert isinstance(file_dialog, QFileDialog)
            name = file_dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText(str(logo))
            file_dialog.accept()

        _when_modal(QFileDialog, choose)
        qtbot.mouseClick(dialog.choose_logo, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == ""
        assert dialog.logo_preview.pixmap() is not None
        assert not dialog.logo_preview.pixmap().isNull()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    seen = _when_modal(SettingsDialog, fill)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, seen

    prefs = preferences.load(session.store)
    head = prefs.letterhead
    assert head.name == "Қазақ құқық қорғау тобы"
    assert head.address_lines == ("Абай даңғылы 1", "Almaty 050000")
    assert head.contact == "+7 700 000 0000, office@example.org"
    assert head.place == "Almaty" and head.co_sign
    assert prefs.auto_lock_minutes == 3
    assert prefs.default_letter_language == "kk"
    assert prefs.attachment_limit_bytes == 512 * 1024**2
    assert prefs.quick_delete_in_toolbar
    # The logo is a PNG in the vault, scaled down from the 2400-pixel JPEG.
    assert head.logo_png is not None and head.logo_png.startswith(b"\x89PNG")
    stored = QImage.fromData(head.logo_png)
    assert (stored.width(), stored.height()) == (1200, 300)
    # Applied at once and announced to the other features.
    assert window.autolock.timeout_ms() == 3 * 60_000
    assert window.lock_label.text() in ("Locks in 3:00", "Locks in 2:59")
    assert changed == [prefs]

    # After lock and unlock the dialog shows the same values.
    window.lock()
    again = app.unlock(session.vault.folder, passphrase=PASSPHRASE)
    try:
        dialog = SettingsDialog(again.store, preferences.load(again.store))
        qtbot.addWidget(dialog)
        assert dialog.org_name.text() == "Қазақ құқық қорғау тобы"
        assert dialog.address.toPlainText() == "Абай даңғылы 1\nAlmaty 050000"
        assert dialog.co_sign.isChecked() and dialog.quick_delete.isChecked()
        assert dialog.auto_lock.value() == 3 and dialog.attachment_limit.value() == 512
        assert dialog.letter_language.currentData() == "kk"
        assert dialog.remove_logo.isEnabled()
        # Remove the logo; Cancel keeps the stored one.
        qtbot.mouseClick(dialog.remove_logo, Qt.MouseButton.LeftButton)
        assert dialog.logo_preview.text() == "No logo"
        dialog.reject()
        assert preferences.load(again.store).letterhead.logo_png == head.logo_png
    finally:
        again.lock()


def test_a_file_that_is_not_an_image_is_refused(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"not an image at all")
    dialog = SettingsDialog(session.store, preferences.load(session.store))
    qtbot.addWidget(dialog)
    assert not dialog.load_logo(fake)
    assert dialog.error.text() == "letterhead logo: the file is not an image Qt can read"
    assert not dialog.remove_logo.isEnabled()


def test_cancel_saves_nothing(qtbot: QtBot, session: Session) -> None:
    before = preferences.load(session.store)
    dialog = SettingsDialog(session.store, before)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.org_name, "Not saved")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert preferences.load(session.store) == before


def test_the_language_row_slot_exists_for_the_i18n_feature(qtbot: QtBot, session: Session) -> None:
    dialog = SettingsDialog(session.store, preferences.load(session.store))
    qtbot.addWidget(dialog)
    assert hasattr(dialog, "language")  # set by _add_language_row (None until i18n fills it)
