"""No file dialog of the app leaves the folders the user visited in Qt's plain-text config.

Qt's own QFileDialog writes ``FileDialog/lastVisited`` and ``FileDialog/history`` to
``~/.config/QtProject.conf`` when it is destroyed; those paths can name a detained person
(a folder of interviews). ``desktop.ui.file_dialogs`` removes them after every dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.ui import file_dialogs

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def _remembered() -> str:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    return f"{settings.value('FileDialog/lastVisited')} {settings.value('FileDialog/history')}"


def test_run_destroys_the_dialog_and_forgets_its_folder(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "Invented-Person-interviews"
    folder.mkdir()
    (folder / "scan.png").write_bytes(b"x")
    dialog = QFileDialog(None, "x", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)

    def choose() -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, QFileDialog)
        active.selectFile(str(folder / "scan.png"))
        active.accept()

    QTimer.singleShot(0, choose)
    chosen = file_dialogs.run(dialog)
    assert chosen == [str(folder / "scan.png")]
    assert "Invented-Person" not in _remembered()


def test_every_file_dialog_in_the_ui_goes_through_the_forgetting_wrappers() -> None:
    """Static QFileDialog calls and exec() of instances only where history is forgotten."""
    offenders = []
    for path in UI.rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        text = path.read_text("utf-8")
        for match in re.finditer(r"QFileDialog\.get\w+\(", text):
            # Allowed only inside a try whose finally forgets (checked by the nearby call).
            window = text[match.start() : match.start() + 600]
            if "forget_history()" not in window:
                offenders.append(f"{path.name}: {match.group(0)}")
        if re.search(r"=\s*QFileDialog\(", text) and "file_dialogs.run(" not in text:
            offenders.append(f"{path.name}: QFileDialog instance without file_dialogs.run")
    assert offenders == []
