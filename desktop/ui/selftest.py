"""``testimony-desk gui --self-test``: start the real GUI on a vault, paint it, quit.

For installers and CI (packaging/smoke.sh runs it on the frozen app with
``QT_QPA_PLATFORM=offscreen``): the same application set-up as a normal start (fonts,
translations), the vault unlocked with the given passphrase, the main window shown, and events
processed until the case list has been painted with every case in it. Prints one line without
case data and returns 0; any failure raises (the CLI turns it into one ``error:`` line and a
non-zero exit code).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.errors import TestimonyDeskError


class SelfTestFailed(TestimonyDeskError):
    exit_code = 1


class _PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def run_self_test(vault_dir: Path, passphrase: str, timeout_s: float = 60.0) -> int:
    from desktop.app import unlock
    from desktop.ui.main import application
    from desktop.ui.main_window import MainWindow

    started = time.monotonic()
    qapp = application()
    session = unlock(vault_dir, passphrase=passphrase)
    try:
        expected = session.store.cases.count()
        window = MainWindow(session)
        watch = _PaintWatch()
        window.table.viewport().installEventFilter(watch)
        window.show()
        deadline = started + timeout_s
        while not (watch.painted and window.model.rowCount() >= expected):
            if time.monotonic() > deadline:
                raise SelfTestFailed(
                    f"self-test: the case list was not painted within {timeout_s:.0f} s"
                )
            qapp.processEvents()
            time.sleep(0.01)
        if window.grab().isNull():
            raise SelfTestFailed("self-test: the main window could not be rendered")
        session.store.verify()  # every page of the database decrypts and authenticates
        elapsed_ms = (time.monotonic() - started) * 1000
        print(
            f"self-test ok: {window.model.rowCount()} cases listed, main window painted "
            f"({QApplication.platformName()}) in {elapsed_ms:.0f} ms"
        )
        window.close()
        qapp.processEvents()
    finally:
        session.lock()
    return 0
