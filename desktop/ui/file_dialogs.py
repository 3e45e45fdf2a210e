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

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

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
