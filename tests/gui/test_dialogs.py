# mypy: disallow-untyped-calls=False
"""First-run and unlock dialogs, driven with real key presses and button clicks.

Key derivation runs in a worker thread, so every check after OK waits for the dialog's
``finished`` signal or for the error line to change; nothing sleeps.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QStyle,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.app import Session
from desktop.errors import AuthError, IntegrityError
from desktop.ui.unlock_dialog import (
    CreateVaultDialog,
    RecoveryKeyDialog,
    UnlockDialog,
    describe_error,
)
from desktop.vault.vault import MIN_PASSPHRASE_CHARS

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
RECOVERY_KEY = re.compile(r"^[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}$")
Dialog = CreateVaultDialog | UnlockDialog


def _show(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def _click_ok(qtbot: QtBot, dialog: Dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the check box's indicator (its centre may lie beyond the label's clickable area)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())


def _type(qtbot: QtBot, field: Any, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _opened(dialog: Dialog) -> Session | None:
    """The dialog's session, read afresh (after a wait it may have changed)."""
    return dialog.session


def _close_session(dialog: Dialog) -> None:
    if dialog.session is not None:
        dialog.session.lock()


def _wait_for_error(qtbot: QtBot, dialog: Dialog) -> str:
    """Wait until the worker reported a failure (the error line is set, buttons are back)."""
    qtbot.waitUntil(
        lambda: bool(dialog.error.text()) and dialog.buttons.isEnabled(), timeout=30_000
    )
    return str(dialog.error.text())


# ---------------------------------------------------------------------- create
def test_create_refuses_a_short_passphrase_without_creating_anything(
    qtbot: QtBot, vault_dir: Path
) -> None:
    dialog = CreateVaultDialog(vault_dir)
    _show(qtbot, dialog)
    short = "x" * (MIN_PASSPHRASE_CHARS - 1)
    _type(qtbot, dialog.passphrase, short)
    _type(qtbot, dialog.repeat, short)
    _click_ok(qtbot, dialog)
    assert f"at least {MIN_PASSPHRASE_CHARS} characters" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.session is None
    assert not vault_dir.exists()


def test_create_refuses_two_different_passphrases(qtbot: QtBot, vault_dir: Path) -> None:
    dialog = CreateVaultDialog(vault_dir)
    _show(qtbot, dialog)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _type(qtbot, dialog.repeat, PASSPHRASE + "!")
    _click_ok(qtbot, dialog)
    assert "differ" in dialog.error.text()
    assert dialog.isVisible()
    assert not vault_dir.exists()


def test_create_with_a_good_passphrase_opens_a_session_and_gives_a_recovery_key(
    qtbot: QtBot, vault_dir: Path
) -> None:
    dialog = CreateVaultDialog(vault_dir)
    _show(qtbot, dialog)
    # A previous mistake is shown first, then corrected: the error must go away.
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _type(qtbot, dialog.repeat, "something else entirely")
    _click_ok(qtbot, dialog)
    assert dialog.error.text()
    _type(qtbot, dialog.repeat, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _click_ok(qtbot, dialog)
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert isinstance(dialog.session, Session)
        assert not dialog.session.unlocked.is_locked
        assert dialog.session.store.cases.count() == 0
        assert RECOVERY_KEY.match(dialog.recovery_key), dialog.recovery_key
        assert len(dialog.recovery_key.split("-")) == 8
        # The typed secrets do not stay in the widgets once they were used.
        assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""
        assert (vault_dir / "vault.json").is_file() and (vault_dir / "cases.db").is_file()
    finally:
        _close_session(dialog)
    # The vault really opens with what was typed.
    app.unlock(vault_dir, passphrase=PASSPHRASE).lock()
    app.unlock(vault_dir, recovery_key=dialog.recovery_key).lock()


def test_create_cannot_be_cancelled_while_the_vault_is_being_made(
    qtbot: QtBot, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelling mid-creation would make a vault whose recovery key is never shown."""
    release = threading.Event()
    real_create = app.create_vault

    def slow_create(folder: Path, passphrase: str, **kw: Any) -> tuple[Session, str]:
        release.wait(30)
        return real_create(folder, passphrase, **kw)

    monkeypatch.setattr(app, "create_vault", slow_create)
    dialog = CreateVaultDialog(vault_dir)
    _show(qtbot, dialog)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _type(qtbot, dialog.repeat, PASSPHRASE)
    _click_ok(qtbot, dialog)
    assert not dialog.buttons.isEnabled()  # busy: the job is blocked on ``release``
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()  # the window manager's close button ends up here too
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        release.set()
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert RECOVERY_KEY.match(dialog.recovery_key)
    finally:
        _close_session(dialog)


def test_create_reports_a_failure_in_one_calm_line(
    qtbot: QtBot, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(folder: Path, passphrase: str, **kw: Any) -> tuple[Session, str]:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(app, "create_vault", broken)
    dialog = CreateVaultDialog(vault_dir)
    _show(qtbot, dialog)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _type(qtbot, dialog.repeat, PASSPHRASE)
    _click_ok(qtbot, dialog)
    message = _wait_for_error(qtbot, dialog)
    assert message == "The vault could not be written or read (Permission denied)."
    assert dialog.isVisible() and dialog.session is None


# ---------------------------------------------------------------------- recovery key
def test_recovery_key_dialog_needs_the_confirmation_before_ok(qtbot: QtBot) -> None:
    code = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    dialog = RecoveryKeyDialog(code)
    _show(qtbot, dialog)
    shown = dialog.findChild(QPlainTextEdit, "recovery_key")
    assert shown is not None and shown.toPlainText() == code and shown.isReadOnly()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # a click on the disabled button does nothing

    _tick(qtbot, dialog.confirm)
    assert dialog.confirm.isChecked() and ok.isEnabled()
    _tick(qtbot, dialog.confirm)
    assert not ok.isEnabled()  # unticking takes the permission back

    _tick(qtbot, dialog.confirm)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


# ---------------------------------------------------------------------- unlock
@pytest.fixture
def existing_vault(vault_dir: Path) -> str:
    """A vault on disk (created in-process, then locked); returns its recovery key."""
    session, recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    return recovery


def test_unlock_with_a_wrong_passphrase_says_so_and_stays_open(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    _type(qtbot, dialog.passphrase, "not the passphrase at all")
    _click_ok(qtbot, dialog)
    assert "wrong passphrase" in _wait_for_error(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.session is None
    # The mistyped text is selected so that typing again replaces it.
    assert dialog.passphrase.selectedText() == "not the passphrase at all"

    # A second try with the right passphrase in the same dialog works.
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _click_ok(qtbot, dialog)
    try:
        opened = _opened(dialog)
        assert opened is not None and not opened.unlocked.is_locked
    finally:
        _close_session(dialog)


def test_unlock_with_an_empty_passphrase_asks_for_one(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    _click_ok(qtbot, dialog)
    assert dialog.error.text() == "Type the passphrase first."
    assert dialog.buttons.isEnabled() and dialog.isVisible()


def test_unlock_with_the_passphrase_accepts_with_a_working_session(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter presses the default OK
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert isinstance(dialog.session, Session)
        assert dialog.session.store.cases.count() == 0
        assert dialog.passphrase.text() == ""
    finally:
        _close_session(dialog)


def test_unlock_with_the_recovery_key(qtbot: QtBot, vault_dir: Path, existing_vault: str) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    _tick(qtbot, dialog.use_recovery)
    assert dialog.use_recovery.isChecked()
    assert dialog.prompt.text() == "Recovery key:"
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Normal

    # A wrong key is refused like a wrong passphrase.
    _type(qtbot, dialog.passphrase, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    _click_ok(qtbot, dialog)
    assert "wrong recovery key" in _wait_for_error(qtbot, dialog)

    # Typed by hand: lower case, spaces instead of dashes.
    _type(qtbot, dialog.passphrase, existing_vault.lower().replace("-", " "))
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _click_ok(qtbot, dialog)
    try:
        assert isinstance(dialog.session, Session)
        assert not dialog.session.unlocked.is_locked
    finally:
        _close_session(dialog)


def test_the_passphrase_does_not_work_as_a_recovery_key(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    _tick(qtbot, dialog.use_recovery)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _click_ok(qtbot, dialog)
    assert "32 characters" in _wait_for_error(qtbot, dialog)
    assert dialog.session is None
    # Switching back clears the field: a recovery key is never left in a password box.
    _tick(qtbot, dialog.use_recovery)
    assert dialog.passphrase.text() == "" and dialog.prompt.text() == "Passphrase:"


def test_unlock_of_a_missing_vault_explains(qtbot: QtBot, vault_dir: Path) -> None:
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    _click_ok(qtbot, dialog)
    assert "no vault in" in _wait_for_error(qtbot, dialog)


# ---------------------------------------------------------------------- describe_error
def test_describe_error_never_shows_an_unexpected_message() -> None:
    """Unexpected exceptions may quote case data: only their type is shown."""
    assert describe_error(AuthError("wrong passphrase")) == "wrong passphrase"
    assert describe_error(IntegrityError("the vault header was altered")) == (
        "the vault header was altered"
    )
    name = "Ерлан Сапарұлы"
    text = describe_error(RuntimeError(f"UNIQUE constraint failed: {name}"))
    assert text == "Unexpected failure (RuntimeError)."
    assert name not in describe_error(OSError(5, "Input/output error", name))
