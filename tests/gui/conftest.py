"""Fixtures for the GUI tests: a main window on a fresh vault, and synthetic case files.

The window fixture waits for every worker job before the test ends and locks the session
itself, so that closing the window at teardown never calls ``QApplication.quit`` (which
would end pytest-qt's own event loops) and no pool thread outlives the vault it reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import wait_for_jobs
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desktop.app import Session
from desktop.ui.main_window import MainWindow


@pytest.fixture
def case_file(tmp_path: Path) -> Callable[[list[dict[str, Any]], str], Path]:
    """Write cases as a JSON array into a file outside the vault and return its path."""

    def write(cases: list[dict[str, Any]], name: str = "cases.json") -> Path:
        path = tmp_path / "import" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> Iterator[MainWindow]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    wait_for_jobs(qtbot, win)
    QThreadPool.globalInstance().waitForDone(30_000)
    if not session.unlocked.is_locked:
        session.lock()  # closing a still-unlocked window would quit the application
