"""Run slow service calls (Argon2 unlock, imports, searches) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """A function call on the global thread pool; results come back as queued signals."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported to the GUI, never raised in a pool thread
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


def start(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Job:
    job = Job(fn)
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(job)
    return job
