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


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> list[str]:
    """``QFileDialog.getOpenFileNames`` without a remembered folder afterwards."""
    try:
        paths, _chosen = QFileDialog.getOpenFileNames(parent, caption, directory, filters)
    finally:
        forget_history()
    return list(paths)


def save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """``QFileDialog.getSaveFileName`` without a remembered folder afterwards."""
    try:
        path, _chosen = QFileDialog.getSaveFileName(parent, caption, directory, filters)
    finally:
        forget_history()
    return str(path)


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filters: str = ""
) -> str:
    """``QFileDialog.getOpenFileName`` without a remembered folder afterwards."""
    try:
        path, _chosen = QFileDialog.getOpenFileName(parent, caption, directory, filters)
    finally:
        forget_history()
    return str(path)


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """``QFileDialog.getExistingDirectory`` without a remembered folder afterwards."""
    try:
        return str(QFileDialog.getExistingDirectory(parent, caption, directory))
    finally:
        forget_history()


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
