"""File dialogs that leave no trace of where the user's files are.

Why: Qt's own (non-native) ``QFileDialog`` writes the last folder and the folder history to
``~/.config/QtProject.conf`` (``FileDialog/lastVisited``, ``FileDialog/history``) when it is
destroyed. Those are plain-text paths such as ``/home/me/Interviews/<a detained person's
name>/``: exactly the case data that must not sit outside the vault (DESIGN §4, "QSettings
hold no names or paths of cases"). These wrappers call the usual static dialogs and then
remove those two keys. The dialog then opens in the current folder each time: the price of
not remembering where the files were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

_KEYS = ("FileDialog/history", "FileDialog/lastVisited")


def forget_history() -> None:
    """Remove the folders Qt's file dialog remembered (call after a dialog is destroyed)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in _KEYS:
        settings.remove(key)
    settings.sync()


def _forgetting(choose: Callable[[], Any]) -> Any:
    """Run one static dialog, then forget the folders Qt wrote (even when it raised)."""
    try:
        return choose()
    finally:
        forget_history()


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> list[str]:
    """``QFileDialog.getOpenFileNames`` without a remembered folder afterwards."""
    paths, _chosen = _forgetting(
        lambda: QFileDialog.getOpenFileNames(parent, caption, directory, filters)
    )
    return [str(p) for p in paths]


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """``QFileDialog.getOpenFileName`` without a remembered folder afterwards."""
    path, _chosen = _forgetting(
        lambda: QFileDialog.getOpenFileName(parent, caption, directory, filters)
    )
    return str(path)


def save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """``QFileDialog.getSaveFileName`` without a remembered folder afterwards."""
    path, _chosen = _forgetting(
        lambda: QFileDialog.getSaveFileName(parent, caption, directory, filters)
    )
    return str(path)


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """``QFileDialog.getExistingDirectory`` without a remembered folder afterwards."""
    return str(_forgetting(lambda: QFileDialog.getExistingDirectory(parent, caption, directory)))


def run(dialog: QFileDialog) -> list[str]:
    """Show a configured dialog; return the chosen files ([] on cancel), then leave no trace.

    Qt saves the history when the dialog object is destroyed, which for a dialog with a
    parent happens much later; so the dialog is destroyed here, then the keys removed.
    """
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        files = [str(f) for f in dialog.selectedFiles()] if accepted else []
    finally:
        shiboken6.delete(dialog)
        forget_history()
    return files
