"""``testimony-desk gui --self-test``: start the real GUI on a vault, paint it, quit.

For installers and CI (packaging/smoke.sh runs it on the frozen app with
``QT_QPA_PLATFORM=offscreen``): the same application set-up as a normal start (fonts,
translations), the vault unlocked with the given passphrase, the main window shown, and events
processed until the case list has been painted with every case in it; then a PDF made by
reportlab is loaded with QtPdf (the letter preview path) and keyring's backends are listed.
Prints one line without case data and returns 0; any failure raises (the CLI turns it into
one ``error:`` line and a non-zero exit code).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.errors import TestimonyDeskError


class SelfTestFailed(TestimonyDeskError):
    exit_code = 1


def check_pdf_preview() -> int:
    """Render a page with reportlab in memory and load it with QtPdf (the letter preview path).

    Returns the page count QtPdf saw; proves both libraries (and their plugins) are bundled.
    """
    from io import BytesIO

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Testimony Desk self-test")
    canvas.showPage()
    canvas.save()
    data = QByteArray(out.getvalue())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    owner = QObject()  # never the application: a document parented to it is never freed
    document = QPdfDocument(owner)
    document.load(buffer)
    pages = int(document.pageCount())
    document.close()
    buffer.close()
    owner.deleteLater()
    if pages != 1:
        raise SelfTestFailed(f"self-test: QtPdf read {pages} pages of a 1-page PDF")
    return pages


def keyring_backends() -> str:
    """The keyring backends registered (entry points) and those usable here.

    A frozen app without keyring's entry-point metadata registers none and silently falls
    back to no keyring at all: that is a build defect, so it fails the self-test.
    """
    from importlib.metadata import entry_points

    from keyring.backend import get_all_keyring

    registered = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    if "SecretService" not in registered or "Windows" not in registered:
        raise SelfTestFailed("self-test: keyring's backend metadata is missing")
    viable = sorted({type(k).__module__.rsplit(".", 1)[-1] for k in get_all_keyring()})
    return f"{len(registered)} registered, usable here: {', '.join(viable)}"


def _check_translations(qapp: QApplication) -> str:
    """The UI language chosen at start, and the catalogues found for it (bundled .qm files)."""
    from desktop.ui import i18n

    lang = i18n.current_language()
    if lang == "en":
        return "en"
    loaded = i18n.install(qapp, lang)  # the same language again: reports what it loads
    if f"{i18n.CATALOGUE}_{lang}" not in loaded:
        raise SelfTestFailed(f"self-test: no translation catalogue for {lang}")
    return f"{lang} ({', '.join(loaded)})"


class _PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def run_self_test(vault_dir: Path, passphrase: str, timeout_s: float = 60.0) -> int:
    from desktop.hardening import InstanceLock

    # Like the GUI: refuse a vault that another Testimony Desk process has open.
    with InstanceLock(vault_dir):
        return _run(vault_dir, passphrase, timeout_s)


def _run(vault_dir: Path, passphrase: str, timeout_s: float) -> int:
    from desktop.app import unlock
    from desktop.ui.main import application
    from desktop.ui.main_window import MainWindow

    started = time.monotonic()
    qapp = application()
    language = _check_translations(qapp)
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
        check_pdf_preview()
        print(
            f"self-test ok: {window.model.rowCount()} cases listed, main window painted "
            f"({QApplication.platformName()}) in {elapsed_ms:.0f} ms; UI {language}; QtPdf ok; "
            f"keyring backends {keyring_backends()}"
        )
        window.close()
        qapp.processEvents()
    finally:
        session.lock()
    return 0
