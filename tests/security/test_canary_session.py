"""A full working session with canary names: nothing readable outside the encrypted vaults.

The session, through the real CLI (subprocesses) and the real GUI (widgets, in process):

* CLI: ``init`` (field and HQ), ``import`` of a case whose detained person carries the
  canaries, ``list``, ``search``, ``show``, ``letter`` (PDF saved where the user asked),
  ``export`` (plaintext where the user asked), sync: ``hq-key``, ``enroll``, ``export``,
  ``devices --approve``, ``import``, ``ack``, ``import-ack``;
* GUI: unlock, open the case, type a third canary into its notes and save, search for the
  canary, preview a letter in the composer, lock.

Then every regular file under $HOME (which holds $TMPDIR and the XDG folders in the tests),
``/dev/shm``, ``$XDG_RUNTIME_DIR`` and the system temp folder is scanned for every canary as
UTF-8, UTF-16 LE/BE and base64 (three alignments) — including the vault folders and the
sync bundles and acknowledgement, which must be ciphertext. Every log record emitted in the
process (root logger, any level) and the CLI's stderr are checked as well.

Positive controls: the files the user asked for (the export, outside the scanned folders)
must contain the canary, so a scanner that finds nothing cannot pass.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sectools import needles_for, scan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "letters"))
from lettertools import make_case

from desktop import app
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
PASSPHRASE = "correct horse battery staple"  # noqa: S105


def _suffix(alphabet_start: str) -> str:
    return "".join(chr(ord(alphabet_start) + int(c, 16)) for c in secrets.token_hex(5))


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a record that cannot be formatted still counts
            self.lines.append(repr(record.__dict__))


@pytest.fixture
def all_logs() -> Iterator[Records]:
    handler = Records()
    root = logging.getLogger()
    old = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(old)


def scan_roots(home: Path) -> list[Path]:
    roots = [home, Path(tempfile.gettempdir())]
    for extra in ("/dev/shm", os.environ.get("XDG_RUNTIME_DIR", "")):
        if extra and Path(extra).is_dir():
            roots.append(Path(extra))
    return roots


def readable_scan(roots: list[Path], needles: dict[str, bytes]) -> list[tuple[Path, str]]:
    hits: list[tuple[Path, str]] = []
    for root in roots:
        try:
            hits.extend(scan([root], needles))
        except (PermissionError, FileNotFoundError):
            # /dev/shm holds other processes' files; scan what we can read, file by file.
            for dirpath, _dirs, files in os.walk(root):
                for name in files:
                    path = Path(dirpath) / name
                    try:
                        hits.extend(scan([path], needles))
                    except (PermissionError, FileNotFoundError, IsADirectoryError):
                        continue
    return hits


def test_full_session_leaves_no_canary_outside_the_vaults(
    qtbot: QtBot,
    isolated_home: Path,
    tmp_path: Path,
    cli: Any,
    all_logs: Records,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", None)  # $TMPDIR of the isolated home
    latin = "Kanarbek Qyzyltas" + _suffix("a")
    cyrillic = "Канарбек Қызылтас" + _suffix("а")
    typed = "Typedcanary" + _suffix("a")
    canaries = [latin, cyrillic, typed, latin.lower(), cyrillic.lower()]
    needles: dict[str, bytes] = {}
    for c in canaries:
        needles.update(needles_for(c))

    outside = tmp_path / "chosen-by-user"  # what the user asked to be written: not scanned
    outside.mkdir()
    case = make_case()
    case["persons"][0]["names"] = [
        {"value": cyrillic, "script": "Cyrl", "lang": "kk"},
        {"value": latin, "script": "Latn"},
    ]
    case["reference"] = "TD-2026-0777"
    case_file = outside / "case.json"
    case_file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")

    # ------------------------------------------------------------------ CLI session
    stderr: list[str] = []

    def run(c: Any, *args: str) -> str:
        result = c(*args)
        stderr.append(result.err)
        assert result.code == 0, (args, result.err)
        return str(result.out)

    field = cli
    hq = type(cli)(isolated_home / "hq-vault", cli.passphrase_file)
    run(field, "init")
    run(hq, "init", "--hq", "--name", "Synthetic HQ")
    run(field, "import", str(case_file))
    assert "TD-2026-0777" in run(field, "list")
    assert "TD-2026-0777" in run(field, "search", latin.split()[1])
    run(field, "show", "TD-2026-0777")
    run(
        field,
        "letter",
        "TD-2026-0777",
        "--to",
        "kz-mfa",
        "--lang",
        "ru",
        "--no-record",
        "--out",
        str(outside / "letter.pdf"),
    )
    run(field, "export", "--out", str(outside / "export.json"))
    exchange = isolated_home / "usb-stick"  # bundles travel here: they must be ciphertext
    exchange.mkdir()
    run(hq, "sync", "hq-key", "--out", str(exchange / "hq-key.json"))
    run(field, "sync", "enroll", str(exchange / "hq-key.json"), "--yes")
    fingerprint = run(field, "sync", "whoami").strip().splitlines()[-1]
    run(field, "sync", "export", "--out", str(exchange))
    run(hq, "sync", "devices", "--approve", fingerprint)
    run(hq, "sync", "import", str(exchange))
    run(hq, "sync", "ack", "--device", fingerprint, "--out", str(exchange / "ack.tdack"))
    run(field, "sync", "import-ack", str(exchange / "ack.tdack"))

    # ------------------------------------------------------------------ GUI session
    session = app.unlock(field.vault, passphrase=PASSPHRASE)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        case_id = session.store.cases.resolve("TD-2026-0777")
        window.open_case(case_id)
        assert window.editor is not None
        notes = window.editor.widgets["notes"].findChild(QPlainTextEdit)
        assert notes is not None
        notes.setFocus()
        qtbot.keyClicks(notes, " " + typed)
        qtbot.waitUntil(lambda: window.save_action.isEnabled(), timeout=5000)
        window.save_action.trigger()
        qtbot.waitUntil(lambda: not window.editor.is_dirty(), timeout=60_000)  # type: ignore[union-attr]
        assert typed in json.dumps(session.store.cases.get(case_id), ensure_ascii=False)
        qtbot.keyClicks(window.search, latin.split()[1])
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)
        letters = getattr(window, "letters", None)
        if letters is not None:  # the letters feature (desktop/ui/letters) is on main
            composer = letters.open_composer()
            assert composer is not None
            qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
            index = composer.recipient_combo.findData("kz-mfa")
            if composer.recipient_combo.currentIndex() != index:
                with qtbot.waitSignal(composer.rendered, timeout=60_000):
                    composer.recipient_combo.setCurrentIndex(index)
            qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
            assert composer.composed is not None and composer.pdf_bytes()  # previewed
            composer.close()
        window.lock()
    finally:
        if not session.unlocked.is_locked:
            session.lock()

    # ------------------------------------------------------------------ the scan
    roots = scan_roots(isolated_home)
    hits = readable_scan(roots, needles)
    assert hits == [], [f"{p}: {label}" for p, label in hits]
    for line in all_logs.lines + stderr:
        for c in canaries:
            assert c not in line, line
    # Positive controls: the same scanner finds the canaries where the user wrote them.
    control = {label for _p, label in scan([outside / "export.json"], needles)}
    assert any(latin in label for label in control)
    assert any(cyrillic in label for label in control)
    assert (exchange / "ack.tdack").is_file() and list(exchange.glob("*.tdb"))
