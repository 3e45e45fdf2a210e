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


# Jobs between start and the delivery of their result. The pool does not keep the Python
# object alive; if the widget that started a job is deleted first, the job's signal object
# would go with it and the pool thread would fail with "Signal source has been deleted".
# Keyed by id so that the clean-up slots do not hold the job itself (a cycle through C++
# connections that Python's garbage collector cannot see).
_running: dict[int, Job] = {}


def start(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Job:
    job = Job(fn)
    key = id(job)
    # Callbacks first, connected directly: a deleted receiver is then simply not called.
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    job.signals.finished.connect(lambda _result: _running.pop(key, None))
    job.signals.failed.connect(lambda _exc: _running.pop(key, None))
    _running[key] = job
    QThreadPool.globalInstance().start(job)
    return job
