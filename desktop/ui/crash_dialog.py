"""The GUI side of ``desktop.hardening``: calm dialogs for a crash, a busy vault, loose modes.

``install`` routes uncaught exceptions (any thread) and Qt's own messages to the crash log
(exception type and ``file:line:function`` frames only; for Qt messages only their type and
category, because their text can quote a file name or a widget's contents), and shows one
calm, non-blocking dialog on the GUI thread. It returns a function that puts the previous
handlers back (``run_gui`` calls it on the way out, so tests are left as they were).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import hardening

TITLE_CONTEXT = "CrashDialog"


class _Notifier(QObject):
    """Carries a crash from any thread to the GUI thread (queued signal)."""

    crashed = Signal(str)


def crash_message(path: Path | None) -> str:
    text = QCoreApplication.translate(
        "CrashDialog",
        "Something went wrong inside Testimony Desk.\n\n"
        "Your saved cases are safe in the encrypted vault. Anything not saved yet may be "
        "lost: save your work, then close and restart the program.\n\n",
    )
    if path is not None:
        text += QCoreApplication.translate(
            "CrashDialog",
            "A technical report without any case data was written to:\n{path}\n"
            "You can send it to your organisation's technical contact.",
        ).format(path=path)
    return text


def show_crash_notice(path: Path | None, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CrashDialog", "Testimony Desk"),
        crash_message(path),
    )
    box.setObjectName("crash_notice")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    box.show()  # not exec(): a crash inside a modal loop must not stack loops
    return box


def show_vault_in_use(parent: QWidget | None = None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("CrashDialog", "Testimony Desk"),
        QCoreApplication.translate(
            "CrashDialog",
            "Testimony Desk is already running with this vault.\n\n"
            "Switch to the window that is open (it may be minimised or on another desktop), "
            "or close it before starting the program again.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("vault_in_use")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_permission_fixes(fixes: list[str], parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CrashDialog", "Testimony Desk"),
        QCoreApplication.translate(
            "CrashDialog",
            "Other users of this computer could read the vault's files (a copy tool, an "
            "archive or a synced folder may have changed their permissions). They are now "
            "private to you again:\n\n{details}",
        ).format(details="\n".join(fixes)),
    )
    box.setObjectName("permission_notice")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    box.show()
    return box


def _qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Log Qt's warnings by type and category only; their text may quote user data."""
    category = getattr(context, "category", None) or "default"
    if mode == QtMsgType.QtFatalMsg:
        hardening.write_crash_report(
            hardening.crash_report(RuntimeError, None, where=f"Qt ({category})")
        )
        return
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtWarningMsg):
        hardening.log.warning("Qt %s message in category %s", mode.name, category)


def install(parent: Callable[[], QWidget | None] | None = None) -> Callable[[], None]:
    """Install the crash handlers for the GUI; return a function that removes them."""
    previous = (sys.excepthook, threading.excepthook)
    notifier = _Notifier()
    shown: list[QMessageBox] = []

    def on_gui_thread(path_text: str) -> None:
        if any(box.isVisible() for box in shown):
            return  # one notice at a time: a crash loop must not bury the screen
        shown.clear()
        shown.append(show_crash_notice(Path(path_text) if path_text else None, parent and parent()))

    notifier.crashed.connect(on_gui_thread, Qt.ConnectionType.QueuedConnection)

    def notify(path: Path | None) -> None:
        notifier.crashed.emit(str(path) if path else "")

    hardening.install_crash_handler(notify)
    previous_qt: Any = qInstallMessageHandler(_qt_message_handler)

    def remove() -> None:
        sys.excepthook, threading.excepthook = previous
        qInstallMessageHandler(previous_qt)
        notifier.deleteLater()

    return remove
