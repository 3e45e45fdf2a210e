# mypy: disallow-untyped-calls=False
"""The Attachments section of the editor by real clicks, drops and dialogs (pytest-qt).

Covers: Add… with the file dialog, drag and drop of files onto the section and onto the
editor (real QDragEnterEvent/QDropEvent with file URLs), the "original still outside"
notice, the image preview from memory, Export… writing only where the user chose, Remove,
the size-limit error, Cancel in the progress dialog (nothing kept), the unsaved case, and
that an editor save keeps the attachments.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from gui_support import simple_case, wait_for_jobs
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import preferences
from desktop.app import Session
from desktop.attachments import AttachmentService
from desktop.ui.editor.attachments import AttachmentsField
from desktop.ui.main_window import MainWindow
from desktop.vault.blobs import BlobStore, BlobWriter

pytestmark = pytest.mark.timeout(120, method="thread")
CaseFile = Callable[..., Path]


def _png(width: int = 64, height: int = 48, color: str = "#cc2200") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture(autouse=True)
def _no_guard_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing test can leave unsaved edits; closing the window must not wait on a box."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the vault holding the user's original files."""
    folder = tmp_path / "originals"
    folder.mkdir()
    return folder


@pytest.fixture
def case_window(qtbot: QtBot, window: MainWindow, case_file: CaseFile) -> Iterator[MainWindow]:
    window.import_files([case_file([simple_case(0)])])
    qtbot.waitUntil(lambda: window.count_label.text() == "1 cases", timeout=60_000)
    wait_for_jobs(qtbot, window)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.is_open)
    yield window
    field = _field(window)
    qtbot.waitUntil(lambda: not field.jobs, timeout=30_000)


def _field(window: MainWindow) -> AttachmentsField:
    assert window.editor is not None
    field = window.editor.attachments
    assert field is not None
    return field


def _wait_idle(qtbot: QtBot, field: AttachmentsField) -> None:
    qtbot.waitUntil(lambda: not field.jobs, timeout=60_000)


def _box(qtbot: QtBot, parent: QWidget, name: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def visible() -> bool:
        found[:] = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=30_000)
    return found[0]


def _blobs(session: Session) -> list[Path]:
    folder = session.unlocked.blob_dir
    return sorted(folder.iterdir()) if folder.exists() else []


def _case_id(session: Session) -> str:
    return session.store.cases.resolve("TD-2020-00001")


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(widget: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """Send a real drag-enter and drop to ``widget``; return whether each was accepted."""
    pos = widget.rect().center()
    enter = QDragEnterEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop.setAccepted(False)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# ---------------------------------------------------------------------- adding
def test_add_with_the_file_dialog_encrypts_and_says_the_original_is_outside(
    qtbot: QtBot,
    case_window: MainWindow,
    session: Session,
    outside: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    field = _field(case_window)
    assert field.hint.isVisible() and "Drop files" in field.hint.text()
    original = outside / "statement-scan.pdf"
    plaintext = b"%PDF-1.4 CANARY-ATTACHMENT-TEXT " * 2000
    original.write_bytes(plaintext)
    asked: list[Any] = []

    def fake_open(*args: Any, **kwargs: Any) -> tuple[list[str], str]:
        asked.append(args)
        return [str(original)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    _click(qtbot, field.add_button)
    notice = _box(qtbot, field, "attachment_notice")
    _wait_idle(qtbot, field)

    assert asked
    assert str(original) in notice.text()
    assert "still outside the vault" in notice.text()
    assert "delete it securely" in notice.text()
    assert notice.textFormat() == Qt.TextFormat.PlainText
    notice.accept()
    assert original.read_bytes() == plaintext  # never deleted or changed
    assert field.table.rowCount() == 1
    assert field.table.item(0, 0).text() == "statement-scan.pdf"
    assert field.table.item(0, 1).text() == "application/pdf"
    stored = session.store.cases.get(_case_id(session))["attachments"]
    assert [a["filename"] for a in stored] == ["statement-scan.pdf"]
    # The window's copy moved on too: an import of another change is still noticed, this
    # one is not mistaken for one.
    assert case_window._shown_doc is not None
    assert case_window._shown_doc["attachments"] == stored
    blobs = _blobs(session)
    assert len(blobs) == 1 and b"CANARY-ATTACHMENT-TEXT" not in blobs[0].read_bytes()
    assert case_window.editor is not None and not case_window.editor.is_dirty()
    # The history shown in the editor has the new entry.
    history = case_window.editor.widgets["history"]
    assert "update" in history.view.toPlainText()  # type: ignore[attr-defined]


def test_an_editor_save_keeps_the_attachments(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    field = _field(case_window)
    editor = case_window.editor
    assert editor is not None
    # Unsaved edits first, then a file: the add does not save the edits, the save keeps both.
    notes = editor.widgets["notes"]
    notes.edit.setPlainText("edited before adding")  # type: ignore[attr-defined]
    assert editor.is_dirty()
    photo = outside / "photo.png"
    photo.write_bytes(_png())
    assert field.add_paths([photo])
    _box(qtbot, field, "attachment_notice").accept()
    _wait_idle(qtbot, field)
    case_id = _case_id(session)
    assert session.store.cases.get(case_id)["notes"] == ""
    assert editor.is_dirty()

    assert case_window.save_action.isEnabled()
    case_window.save_action.trigger()  # the toolbar's Save (Ctrl+S)
    wait_for_jobs(qtbot, case_window)
    doc = session.store.cases.get(case_id)
    assert doc["notes"] == "edited before adding"
    assert [a["filename"] for a in doc["attachments"]] == ["photo.png"]
    service = AttachmentService.for_session(session)
    assert [a.stored for a in service.list_attachments(case_id)] == [True]
    assert _field(case_window).table.rowCount() == 1
    assert len(_blobs(session)) == 1


def test_drop_files_on_the_section_and_on_the_editor(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    field = _field(case_window)
    editor = case_window.editor
    assert editor is not None
    first = outside / "letter-1.txt"
    first.write_text("first invented letter", encoding="utf-8")
    second = outside / "letter-2.txt"
    second.write_text("second invented letter", encoding="utf-8")

    assert _drop(field, _mime(first)) == (True, True)
    _box(qtbot, field, "attachment_notice").accept()
    _wait_idle(qtbot, field)
    assert _drop(editor, _mime(second)) == (True, True)
    notice = _box(qtbot, field, "attachment_notice")
    assert str(second) in notice.text()
    notice.accept()
    _wait_idle(qtbot, field)
    names = [a["filename"] for a in session.store.cases.get(_case_id(session))["attachments"]]
    assert names == ["letter-1.txt", "letter-2.txt"]

    # Anything but local files is refused.
    text_only = QMimeData()
    text_only.setText("not a file")
    assert _drop(field, text_only) == (False, False)
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/x.png")])
    assert _drop(editor, web) == (False, False)
    assert len(_blobs(session)) == 2


def test_a_new_unsaved_case_cannot_take_files_yet(
    qtbot: QtBot, case_window: MainWindow, outside: Path
) -> None:
    case_window.new_case()
    field = _field(case_window)
    assert not field.add_button.isEnabled()
    assert "Save the case first" in field.hint.text()
    path = outside / "a.txt"
    path.write_text("x", encoding="utf-8")
    assert _drop(field, _mime(path)) == (False, False)


# ---------------------------------------------------------------------- preview / export / remove
def _add(qtbot: QtBot, field: AttachmentsField, path: Path) -> None:
    assert field.add_paths([path])
    _box(qtbot, field, "attachment_notice").accept()
    _wait_idle(qtbot, field)


def test_the_preview_shows_the_image_from_memory(
    qtbot: QtBot, case_window: MainWindow, outside: Path
) -> None:
    field = _field(case_window)
    photo = outside / "photo.jpg.png"
    photo.write_bytes(_png(800, 600))
    _add(qtbot, field, photo)
    tmpdir = Path(os.environ["TMPDIR"])
    before = _files_under(tmpdir)

    field.table.selectRow(0)
    qtbot.waitUntil(lambda: not field.preview.pixmap().isNull(), timeout=30_000)
    pixmap = field.preview.pixmap()
    assert (pixmap.width(), pixmap.height()) == (400, 300)  # scaled to fit, aspect kept
    assert pixmap.toImage().pixelColor(200, 150) == QColor("#cc2200")
    assert field.preview.isVisible()
    assert _files_under(tmpdir) == before  # decoded in memory, no temp file
    case_window.grab().save(str(Path(os.environ["HOME"]) / "shot.png"))

    # Another case (or Lock) takes the image away.
    case_window.new_case()
    assert field.preview.pixmap().isNull()
    assert not field.preview.isVisible()


def test_export_writes_only_to_the_chosen_path(
    qtbot: QtBot,
    case_window: MainWindow,
    outside: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    field = _field(case_window)
    data = os.urandom(300_000)
    original = outside / "recording.bin"
    original.write_bytes(data)
    _add(qtbot, field, original)
    chosen_dir = tmp_path / "chosen"
    chosen_dir.mkdir()
    target = chosen_dir / "copy.bin"
    proposed: list[str] = []

    def fake_save(_parent: Any, _title: str, name: str = "", *_a: Any) -> tuple[str, str]:
        proposed.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    watched = [Path(os.environ["TMPDIR"]), Path(os.environ["HOME"]), outside]
    before = {folder: _files_under(folder) for folder in watched}
    field.table.selectRow(0)
    _click(qtbot, field.export_button)
    notice = _box(qtbot, field, "attachment_export_notice")
    _wait_idle(qtbot, field)
    assert str(target) in notice.text()
    notice.accept()
    assert proposed == ["recording.bin"]  # the file's own name, nothing from the case
    assert target.read_bytes() == data
    assert sorted(p.name for p in chosen_dir.iterdir()) == ["copy.bin"]
    for folder in watched:
        assert _files_under(folder) == before[folder]


def test_remove_asks_then_deletes_the_blob(
    qtbot: QtBot,
    case_window: MainWindow,
    session: Session,
    outside: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    field = _field(case_window)
    path = outside / "to-remove.txt"
    path.write_text("remove me", encoding="utf-8")
    _add(qtbot, field, path)
    assert len(_blobs(session)) == 1
    field.table.selectRow(0)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(next(answers).value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    _click(qtbot, field.remove_button)  # Cancel: nothing happens
    _wait_idle(qtbot, field)
    assert field.table.rowCount() == 1 and len(_blobs(session)) == 1
    _click(qtbot, field.remove_button)  # Yes
    _wait_idle(qtbot, field)
    assert asked and "to-remove.txt" in asked[0]
    assert field.table.rowCount() == 0
    assert _blobs(session) == []
    assert session.store.cases.get(_case_id(session))["attachments"] == []
    actions = [h["action"] for h in session.store.cases.history_of(_case_id(session))]
    assert actions == ["create", "update", "update"]


def test_caption_is_edited_in_the_table(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    field = _field(case_window)
    path = outside / "a.txt"
    path.write_text("a", encoding="utf-8")
    _add(qtbot, field, path)
    field.table.item(0, 4).setText("Паспорт <b>стр. 2</b>")
    _wait_idle(qtbot, field)
    stored = session.store.cases.get(_case_id(session))["attachments"][0]
    assert stored["caption"] == "Паспорт <b>стр. 2</b>"
    assert field.table.item(0, 4).text() == "Паспорт <b>стр. 2</b>"


# ---------------------------------------------------------------------- refusals
def test_the_size_limit_is_a_clear_error(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    prefs = preferences.load(session.store)
    preferences.save(session.store, replace(prefs, attachment_limit_bytes=1024))
    field = _field(case_window)
    big = outside / "too-big.bin"
    big.write_bytes(b"x" * 4096)
    assert field.add_paths([big])
    box = _box(qtbot, field, "attachment_error")
    _wait_idle(qtbot, field)
    assert "too-big.bin" in box.text()
    assert "4.0 KiB" in box.text() and "1.0 KiB" in box.text() and "Settings" in box.text()
    box.accept()
    assert field.table.rowCount() == 0
    assert _blobs(session) == []
    assert field.findChild(QMessageBox, "attachment_notice") is None


class _GatedStore(BlobStore):
    """Blob writes wait for a gate: the test can press Cancel while a file is encrypted."""

    def __init__(self, folder: Path, key: bytes) -> None:
        super().__init__(folder, key)
        self.gate = threading.Event()
        self.started = threading.Event()

    def writer(self) -> BlobWriter:
        w = super().writer()
        inner = w._fh
        assert inner is not None
        gate, started = self.gate, self.started

        class Gated:
            def write(self, data: bytes) -> int:
                started.set()
                gate.wait(30)
                return inner.write(data)

            def __getattr__(self, name: str) -> Any:
                return getattr(inner, name)

        w._fh = Gated()  # type: ignore[assignment]
        return w


def test_cancel_in_the_progress_dialog_keeps_nothing(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    gated = _GatedStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    service = AttachmentService(session.store.cases, gated, session.store, session.vault.folder)
    assert case_window.editor is not None
    case_window.editor.set_attachment_service(service)
    field = _field(case_window)
    big = outside / "video.mp4"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    assert field.add_paths([big])
    qtbot.waitUntil(gated.started.is_set, timeout=30_000)
    dialog = field.findChild(QProgressDialog, "attachment_progress")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=30_000)  # shown for a job that takes long
    assert not field.add_button.isEnabled()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gated.gate.set()
    box = _box(qtbot, field, "attachment_cancelled")
    _wait_idle(qtbot, field)
    assert "Nothing" in box.text()
    box.accept()
    assert _blobs(session) == []
    assert session.store.cases.get(_case_id(session))["attachments"] == []
    assert field.table.rowCount() == 0
    assert field.findChild(QProgressDialog, "attachment_progress") is None or not dialog.isVisible()


def test_screenshot_of_the_section(
    qtbot: QtBot, case_window: MainWindow, outside: Path, tmp_path: Path
) -> None:
    field = _field(case_window)
    for name, data in (
        ("passport-scan.png", _png(640, 420, "#2a6fb0")),
        ("statement.pdf", b"%PDF-1.4 invented"),
        ("call-recording.ogg", b"OggS" + bytes(200)),
    ):
        path = outside / name
        path.write_bytes(data)
        _add(qtbot, field, path)
    field.table.selectRow(0)
    qtbot.waitUntil(lambda: not field.preview.pixmap().isNull(), timeout=30_000)
    assert case_window.editor is not None
    case_window.editor.scroller.ensureWidgetVisible(field)
    group = case_window.editor.groups["attachments"]
    shot = os.environ.get("ATTACHMENTS_SCREENSHOT") or str(tmp_path / "attachments.png")
    assert group.grab().save(shot)
    assert QPoint(0, 0) == group.rect().topLeft()


def test_lock_during_an_add_cancels_it_and_keeps_nothing(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    gated = _GatedStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    service = AttachmentService(session.store.cases, gated, session.store, session.vault.folder)
    assert case_window.editor is not None
    case_window.editor.set_attachment_service(service)
    field = _field(case_window)
    big = outside / "video.mp4"
    big.write_bytes(os.urandom(2 * 1024 * 1024))
    assert field.add_paths([big])
    qtbot.waitUntil(gated.started.is_set, timeout=30_000)
    blob_dir = session.unlocked.blob_dir
    with qtbot.waitSignal(case_window.locked, timeout=30_000):
        case_window.lock()
    gated.gate.set()
    _wait_idle(qtbot, field)
    assert sorted(blob_dir.iterdir()) == []  # the partial blob went with the cancel
    assert field.table.rowCount() == 0
    assert field.findChild(QMessageBox, "attachment_notice") is None


def test_file_dialogs_forget_the_folders_they_visited(
    qtbot: QtBot,
    case_window: MainWindow,
    outside: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt's own file dialog writes the last folder to QtProject.conf; ours must not keep it."""
    import shiboken6
    from PySide6.QtCore import QSettings

    folder = tmp_path / "Invented-Person-interviews"
    folder.mkdir()
    original = folder / "scan.png"
    original.write_bytes(_png())

    def real_dialog(*_args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        # What the static function does inside: a QFileDialog on the stack, destroyed on return.
        dialog = QFileDialog(None, "x", str(folder))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.show()
        dialog.selectFile(str(original))
        dialog.accept()
        shiboken6.delete(dialog)
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        assert "Invented-Person" in str(settings.value("FileDialog/lastVisited"))  # Qt did
        return [str(original)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(real_dialog))
    field = _field(case_window)
    _click(qtbot, field.add_button)
    _box(qtbot, field, "attachment_notice").accept()
    _wait_idle(qtbot, field)
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    for key in ("FileDialog/lastVisited", "FileDialog/history"):
        assert "Invented-Person" not in str(settings.value(key))


def test_a_file_dropped_on_a_text_field_is_attached_not_pasted(
    qtbot: QtBot, case_window: MainWindow, session: Session, outside: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    editor = case_window.editor
    assert editor is not None
    field = _field(case_window)
    narrative = editor.findChild(QPlainTextEdit, "field_narrative")
    assert narrative is not None
    before = narrative.toPlainText()
    photo = outside / "dropped-on-narrative.png"
    photo.write_bytes(_png())
    mime = _mime(photo)
    mime.setText(str(photo))  # file managers send the path as text too
    for target in (narrative.viewport(), narrative):
        accepted = _drop(target, mime)
        if accepted[1]:
            break
    assert accepted == (True, True)
    _box(qtbot, field, "attachment_notice").accept()
    _wait_idle(qtbot, field)
    assert narrative.toPlainText() == before
    assert not editor.is_dirty()
    names = [a["filename"] for a in session.store.cases.get(_case_id(session))["attachments"]]
    assert names == ["dropped-on-narrative.png"]
    # Plain text dropped on a line edit is still the line edit's business.
    line = editor.findChild(QLineEdit, "field_detained_ethnicity")
    assert line is not None
    text = QMimeData()
    text.setText("Invented")
    _drop(line, text)
    assert len(_blobs(session)) == 1
