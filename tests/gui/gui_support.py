# mypy: disallow-untyped-calls=False
"""Helpers shared by the GUI tests: synthetic cases and waiting for worker jobs.

A module of its own (not the conftest) so that test modules can import it by name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = DATA / "case-example.json"

# Invented people: none of these names belongs to a real case.
_GIVEN = ("Dana", "Marat", "Aliya", "Nurlan", "Saule", "Timur", "Gulnar", "Askar")
_FAMILY = ("Testova", "Primerov", "Obraztsova", "Vymyshlen", "Sinteva", "Maketov")


def simple_case(
    index: int, *, narrative: str = "Invented testimony for a GUI test."
) -> dict[str, Any]:
    """A small valid case in the JSON case format, with a predictable reference.

    Deterministic (no random, no clock) so that a failing test can be replayed exactly;
    references are zero-padded so that the store's reference order is the index order.
    """
    given = _GIVEN[index % len(_GIVEN)]
    family = _FAMILY[index % len(_FAMILY)]
    return {
        "format": "testimony-desk.case/1",
        "reference": f"TD-2020-{index + 1:05d}",
        "status": "open",
        "confidentiality": "restricted",
        "verification": "reported",
        "persons": [
            {
                "key": "p1",
                "role": "detained",
                "names": [{"value": f"{given} {family} {index}", "script": "Latn"}],
            },
            {
                "key": "p2",
                "role": "testifier",
                "names": [{"value": f"Witness {family}", "script": "Latn"}],
                "relationship": {"to": "p1", "kind": "sibling"},
            },
        ],
        "events": [
            {
                "type": "detained",
                "date": f"{2017 + index % 4}-0{1 + index % 9}",
                "persons": ["p1"],
                "place": {"locality": "Ghulja", "country": "CN"},
            }
        ],
        "testimonies": [{"by": "p2", "narrative": narrative}],
    }


def wait_for_jobs(qtbot: QtBot, window: MainWindow, timeout: int = 30_000) -> None:
    """Wait until every worker job has run *and* its result was delivered to the window."""
    qtbot.waitUntil(lambda: not window._jobs, timeout=timeout)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type text key by key, including Cyrillic and Chinese characters.

    ``QTest.keyClicks`` maps characters to key codes and aborts the process on anything
    outside Latin-1; an input method delivers such characters as key events that carry only
    text, which is what this sends.
    """
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (its centre may lie beyond the clickable label)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())


class ModalDriver:
    """Runs steps in order from a timer, each as soon as the widget it needs is there.

    A failing step or a deadline closes every dialog and quits the application's event
    loop, so a broken flow fails the test instead of hanging it.
    """

    def __init__(self, steps: list[Callable[[], bool]], deadline_s: float = 60.0) -> None:
        self.steps = list(steps)
        self.error: BaseException | None = None
        self._deadline = time.monotonic() + deadline_s
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        if not self.steps:
            self._timer.stop()
            return
        try:
            if time.monotonic() > self._deadline:
                raise TimeoutError(f"{len(self.steps)} step(s) never found their dialog")
            if self.steps[0]():
                self.steps.pop(0)
        except BaseException as exc:
            self.error = exc
            self._abort()

    def _abort(self) -> None:
        self._timer.stop()
        self.steps.clear()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)
        QApplication.quit()

    def check(self) -> None:
        self._timer.stop()
        if self.error is not None:
            raise self.error
        assert not self.steps, f"{len(self.steps)} step(s) were not reached"
