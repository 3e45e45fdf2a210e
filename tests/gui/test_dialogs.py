# mypy: disallow-untyped-calls=False
"""The unlock dialog, driven with real key presses and button clicks (first run: test_first_run).

Key derivation runs in a worker thread, so every check after OK waits for the dialog's
``finished`` signal or for the error line to change; nothing sleeps.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QStyle,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.app import Session
from desktop.errors import AuthError, IntegrityError
from desktop.ui.unlock_dialog import UnlockDialog, describe_error
from desktop.vault.backoff import Backoff

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
RECOVERY_KEY = re.compile(r"^[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}$")
Dialog = UnlockDialog


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
    assert _wait_for_error(qtbot, dialog) == "Wrong passphrase."
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
    assert _wait_for_error(qtbot, dialog) == "Wrong recovery key."

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


# ---------------------------------------------------------------------- back-off, keyring
def test_after_repeated_failures_the_dialog_counts_down_before_the_next_try(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    """The 3rd wrong attempt earns a 1 s wait: said plainly, OK disabled until it is over."""
    backoff = Backoff(vault_dir)
    for _ in range(2):
        backoff.record_failure()  # two earlier typos (free attempts)
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.error.text() == ""
    _type(qtbot, dialog.passphrase, "still not the passphrase")
    _click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "try again in" in dialog.error.text(), timeout=30_000)
    message = dialog.error.text()
    assert message == ("Wrong passphrase. Too many failed attempts: you can try again in 1 s."), (
        message
    )
    assert "Traceback" not in message
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # refused while waiting
    assert dialog.session is None and not dialog._busy
    qtbot.waitUntil(ok.isEnabled, timeout=5_000)
    assert dialog.error.text() == "Wrong passphrase."
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _click_ok(qtbot, dialog)
    _close_session(dialog)
    assert Backoff(vault_dir).failures == 0  # success resets the counter


def test_a_dialog_opened_during_a_wait_shows_the_countdown(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    backoff = Backoff(vault_dir)
    for _ in range(6):
        backoff.record_failure()  # 2**(6-3) = 8 s to wait
    dialog = UnlockDialog(vault_dir)
    _show(qtbot, dialog)
    assert dialog.error.text().startswith("Too many failed attempts: you can try again in ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_remembered_vault_opens_from_the_keyring_only_when_asked(
    qtbot: QtBot, vault_dir: Path, existing_vault: str
) -> None:
    session = app.unlock(vault_dir, passphrase=PASSPHRASE)
    session.vault.remember(session.unlocked)
    session.lock()
    # After Lock: the keyring is not used, or locking would be pointless.
    plain = UnlockDialog(vault_dir)
    _show(qtbot, plain)
    assert plain.session is None and plain.buttons.isEnabled()
    # At start: the remembered secret opens the vault without typing anything.
    dialog = UnlockDialog(vault_dir, try_keyring=True)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _show(qtbot, dialog)
    try:
        assert isinstance(dialog.session, Session) and not dialog.session.unlocked.is_locked
    finally:
        _close_session(dialog)
