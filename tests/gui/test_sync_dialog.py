# mypy: disallow-untyped-calls=False
"""The Sync dialog by clicks, on real field and HQ vaults (the sync tests' two-vault setup).

File dialogs are the only thing replaced (a native dialog cannot be clicked offscreen):
``QFileDialog.get…`` returns the path a user would pick; everything behind it — export,
import, approval, conflicts, acknowledgements — is the real service on real vaults.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.sync import service
from desktop.sync.received import received_case_ids
from desktop.ui.sync_dialog import SyncDialog

_SYNC = Path(__file__).resolve().parents[1] / "sync" / "conftest.py"
_NAME = "td_sync_fixtures"
if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_NAME, _SYNC)
    assert _spec is not None and _spec.loader is not None
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
_fx = sys.modules[_NAME]
make_pair, synth_cases, attach = _fx.make_pair, _fx.synth_cases, _fx.attach


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Any]:
    p = make_pair(tmp_path)
    yield p
    p.field.lock()
    p.hq.lock()


@pytest.fixture
def unapproved(tmp_path: Path) -> Iterator[Any]:
    p = make_pair(tmp_path, approve=False)
    yield p
    p.field.lock()
    p.hq.lock()


def _dialog(qtbot: QtBot, session: Any) -> SyncDialog:
    dialog = SyncDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait(qtbot: QtBot, dialog: SyncDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def _select_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row


def _visible_text(dialog: SyncDialog) -> str:
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    parts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    parts += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit) if w.isVisible()]
    return "\n".join(parts)


def _field_cases(pair: Any, n: int = 3, private: int = 1) -> list[dict[str, Any]]:
    docs = synth_cases(n, seed=31)
    for doc in docs[n - private :]:
        doc["testimonies"][0]["consent"]["share_with_hq"] = False
    pair.field.store.cases.save(docs)
    return docs


def _names(docs: list[dict[str, Any]]) -> list[str]:
    return [n["value"] for d in docs for p in d["persons"] for n in p["names"]]


# ---------------------------------------------------------------------- field
def test_field_export_by_clicks_imports_at_hq(
    qtbot: QtBot, pair: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _field_cases(pair)
    attach(pair.field, docs[0]["id"], "паспорт.jpg", os.urandom(100_000))
    dialog = _dialog(qtbot, pair.field)
    assert dialog.whoami.text() == service.whoami(pair.field)
    assert "Synthetic HQ" in dialog.enrolment.text()
    summary = dialog.summary.text()
    assert "Bundle #1 will carry 2 changed case(s) and 1 attachment(s)" in summary
    assert "1 changed case(s) are left out" in summary
    shown = _visible_text(dialog)
    assert not any(name in shown for name in _names(docs))  # counts only, no names

    # Names only when asked, and only of the cases that are sent.
    _click(qtbot, dialog.show_cases_button)
    listed = dialog.cases_list.toPlainText()
    assert docs[0]["reference"] in listed and docs[2]["reference"] not in listed
    _click(qtbot, dialog.show_cases_button)
    assert not dialog.cases_list.isVisible() and dialog.cases_list.toPlainText() == ""

    target = tmp_path / "usb"
    target.mkdir()
    assert not dialog.export_button.isEnabled()  # no target chosen yet
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    _click(qtbot, dialog.choose_button)
    assert dialog.target.currentData() == str(target)
    _click(qtbot, dialog.export_button)
    _wait(qtbot, dialog)
    files = list(target.iterdir())
    assert [f.name for f in files] == [
        service.bundle_file_name(dialog.whoami.text().replace(" ", ""), 1)
    ]
    assert "Bundle #1 written: 2 case(s), 1 attachment(s)" in dialog.result_label.text()
    assert "1 case(s) left out" in dialog.result_label.text()
    assert "Nothing to send" in dialog.summary.text()  # refreshed after the export
    assert "Last bundle written: #1." in dialog.summary.text()
    assert not dialog.export_button.isEnabled()

    (result,) = service.import_bundles(pair.hq, files)
    assert (result.created, result.attachments) == (2, 1)


def test_case_list_closes_when_nothing_is_left_to_send(
    qtbot: QtBot, pair: Any, tmp_path: Path
) -> None:
    _field_cases(pair, 2, private=0)
    dialog = _dialog(qtbot, pair.field)
    _click(qtbot, dialog.show_cases_button)
    assert dialog.cases_list.isVisible() and dialog.cases_list.toPlainText()
    dialog.set_target(tmp_path)
    _click(qtbot, dialog.export_button)
    _wait(qtbot, dialog)
    assert not dialog.show_cases_button.isChecked()
    assert not dialog.cases_list.isVisible() and dialog.cases_list.toPlainText() == ""


def test_cancel_leaves_no_partial_bundle(
    qtbot: QtBot, pair: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _field_cases(pair, 2, private=0)
    attach(pair.field, docs[0]["id"], "video.bin", os.urandom(24 * 1024 * 1024))
    dialog = _dialog(qtbot, pair.field)
    target = tmp_path / "usb"
    target.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    _click(qtbot, dialog.choose_button)
    _click(qtbot, dialog.export_button)
    assert dialog.busy and dialog.progress.isVisible()
    _click(qtbot, dialog.cancel_button)
    _wait(qtbot, dialog)
    assert list(target.iterdir()) == []
    assert dialog.result_label.text() == "Export cancelled: no bundle was written."
    assert not dialog.progress.isVisible() and not dialog.cancel_button.isVisible()
    assert "Bundle #1 will carry 2 changed case(s)" in dialog.summary.text()  # still to send

    _click(qtbot, dialog.export_button)
    _wait(qtbot, dialog)
    assert len(list(target.iterdir())) == 1
    assert "Bundle #1 written" in dialog.result_label.text()


def test_close_while_exporting_cancels_first(qtbot: QtBot, pair: Any, tmp_path: Path) -> None:
    docs = _field_cases(pair, 1, private=0)
    attach(pair.field, docs[0]["id"], "video.bin", os.urandom(24 * 1024 * 1024))
    dialog = _dialog(qtbot, pair.field)
    dialog.set_target(tmp_path)
    _click(qtbot, dialog.export_button)
    dialog.close()
    assert dialog.isVisible()  # waits for the job to stop
    _wait(qtbot, dialog)
    assert [p for p in tmp_path.iterdir() if p.suffix in (".tdb", ".part")] == []


# ---------------------------------------------------------------------- HQ
def test_unknown_device_shows_fingerprint_then_approve_and_import(
    qtbot: QtBot, unapproved: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = unapproved
    docs = _field_cases(pair, 3, private=0)
    bundle = pair.export()
    fingerprint = service.whoami(pair.field)
    dialog = _dialog(qtbot, pair.hq)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bundle)], ""))
    _click(qtbot, dialog.import_files_button)
    _wait(qtbot, dialog)
    assert fingerprint in dialog.error.text()
    assert "REFUSED" in dialog.import_log.toPlainText()
    assert pair.hq.store.cases.count() == 0  # nothing half imported
    assert dialog.devices_table.rowCount() == 1
    assert dialog.devices_table.item(0, 0).text() == fingerprint
    assert dialog.devices_table.item(0, 1).text() == "waiting for approval"

    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert fingerprint in dialog.approve_pending_button.text()
    _click(qtbot, dialog.approve_pending_button)
    assert fingerprint in asked[0]
    assert not dialog.approve_pending_button.isVisible()
    assert dialog.devices_table.item(0, 1).text() == "approved"

    changed: list[list[str]] = []
    dialog.changed.connect(changed.append)
    _click(qtbot, dialog.import_files_button)
    _wait(qtbot, dialog)
    assert "3 new" in dialog.import_log.toPlainText()
    assert [sorted(ids) for ids in changed] == [sorted(d["id"] for d in docs)]
    assert not dialog.error.isVisible()
    assert {d["id"] for d in docs} <= {s.id for s in pair.hq.store.cases.summaries()}


def test_tampered_bundle_is_refused_with_a_clear_message(
    qtbot: QtBot, pair: Any, tmp_path: Path
) -> None:
    _field_cases(pair, 2, private=0)
    bundle = pair.export()
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    dialog = _dialog(qtbot, pair.hq)
    dialog.import_bundles([bundle.parent])  # a folder, as the folder button does
    _wait(qtbot, dialog)
    log = dialog.import_log.toPlainText()
    assert "REFUSED" in log and "damaged, truncated or was altered" in log
    assert "1 bundle(s) were refused" in dialog.error.text()
    assert pair.hq.store.cases.count() == 0


def test_conflict_listed_and_resolved_by_clicks(qtbot: QtBot, pair: Any) -> None:
    (doc,) = _field_cases(pair, 1, private=0)
    pair.import_(pair.export())
    at_hq = pair.hq.store.cases.get(doc["id"])
    at_hq["notes"] = "HQ: verified with a second source"
    pair.hq.store.cases.save([at_hq])
    in_field = pair.field.store.cases.get(doc["id"])
    in_field["notes"] = "field: moved to another facility"
    pair.field.store.cases.save([in_field])
    (result,) = pair.import_(pair.export())
    assert result.conflicts == 1

    dialog = _dialog(qtbot, pair.hq)
    dialog.tabs.setCurrentIndex(2)
    table = dialog.conflicts_table
    assert dialog.tabs.tabText(2) == "Conflicts (1)"
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == doc["reference"]
    changed: list[list[str]] = []
    dialog.changed.connect(changed.append)
    _select_row(qtbot, table, 0)
    _click(qtbot, dialog.keep_field_button)
    assert changed == [[doc["id"]]]
    assert table.rowCount() == 0 and dialog.tabs.tabText(2) == "Conflicts (0)"
    assert service.conflicts(pair.hq) == []
    assert pair.hq.store.cases.get(doc["id"])["notes"] == "field: moved to another facility"


def test_ack_written_at_hq_marks_cases_received_in_the_field(
    qtbot: QtBot, pair: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _field_cases(pair, 3, private=0)
    pair.import_(pair.export())
    hq_dialog = _dialog(qtbot, pair.hq)
    hq_dialog.tabs.setCurrentIndex(1)
    _select_row(qtbot, hq_dialog.devices_table, 0)
    ack = tmp_path / "ack-for-field.tda"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ack), ""))
    _click(qtbot, hq_dialog.ack_button)
    assert ack.is_file()

    field_dialog = _dialog(qtbot, pair.field)
    assert field_dialog.ack_state.text() == "No acknowledgement from HQ imported yet."
    changed: list[list[str]] = []
    field_dialog.changed.connect(changed.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ack), ""))
    _click(qtbot, field_dialog.import_ack_button)
    _wait(qtbot, field_dialog)
    assert "bundle(s) #1: 3 case(s) newly marked as received by HQ" in field_dialog.ack_state.text()
    assert changed == [[]]  # no case content changed, only the marks
    assert received_case_ids(pair.field.store.engine) == {d["id"] for d in docs}


def test_ack_for_another_device_is_refused(qtbot: QtBot, pair: Any, tmp_path: Path) -> None:
    other = make_pair(tmp_path / "other")
    try:
        other.field.store.cases.save(synth_cases(1, seed=40))
        other.import_(other.export())
        ack = tmp_path / "other.tda"
        service.write_ack(other.hq, service.whoami(other.field), ack)
    finally:
        other.field.lock()
        other.hq.lock()
    dialog = _dialog(qtbot, pair.field)
    dialog.import_ack(ack)
    _wait(qtbot, dialog)
    assert dialog.error.isVisible()
    assert "The acknowledgement was not accepted" in dialog.error.text()


# ---------------------------------------------------------------------- main window hook
def test_sync_menu_opens_the_dialog(qtbot: QtBot, window: Any) -> None:
    action = window.findChild(type(window.sync_action), "sync")
    assert action.shortcut().toString() == "Ctrl+Shift+S"
    assert action in window.menus["sync"].actions()
    action.trigger()
    dialog = window.sync_dialog
    assert isinstance(dialog, SyncDialog) and dialog.isVisible()
    assert dialog.whoami.text() == service.whoami(window.session)
    assert "Not enrolled" in dialog.enrolment.text()
    assert not dialog.export_button.isEnabled() and not dialog.import_ack_button.isEnabled()
    window.lock()
    assert not dialog.isVisible() and dialog.whoami.text() == ""


def test_enrol_by_clicks_after_confirming_the_fingerprint(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.app import create_vault

    p = make_pair(tmp_path)
    field, _ = create_vault(tmp_path / "new-field", _fx.PASSPHRASE)
    try:
        dialog = _dialog(qtbot, field)
        assert "Not enrolled" in dialog.enrolment.text()
        key_file = tmp_path / "hq-key.json"
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), ""))
        asked: list[str] = []
        answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

        def question(_parent: Any, _title: str, text: str, *a: Any) -> Any:
            asked.append(text)
            return answers[len(asked) - 1]

        monkeypatch.setattr(QMessageBox, "question", question)
        _click(qtbot, dialog.enroll_button)  # No: nothing changes
        assert service.enrolled_hq(field) is None and "Not enrolled" in dialog.enrolment.text()
        _click(qtbot, dialog.enroll_button)  # Yes
        hq_fp = service.whoami(p.hq)
        assert hq_fp in asked[0] and hq_fp in dialog.enrolment.text()
        assert service.enrolled_hq(field) is not None
    finally:
        field.lock()
        p.field.lock()
        p.hq.lock()


def test_wrong_hq_and_duplicate_bundles_are_reported(
    qtbot: QtBot, pair: Any, tmp_path: Path
) -> None:
    other = make_pair(tmp_path / "other")
    try:
        other.field.store.cases.save(synth_cases(1, seed=41))
        foreign = other.export()
    finally:
        other.field.lock()
        other.hq.lock()
    _field_cases(pair, 2, private=0)
    ours = pair.export()
    dialog = _dialog(qtbot, pair.hq)
    dialog.import_bundles([ours, foreign])
    _wait(qtbot, dialog)
    log = dialog.import_log.toPlainText()
    assert f"[1/2] {ours.name}: bundle #1 — 2 new" in log
    assert f"[2/2] {foreign.name}: REFUSED" in log and "not addressed to this HQ" in log
    assert "1 bundle(s) were refused" in dialog.error.text()
    dialog.import_bundles([ours])
    _wait(qtbot, dialog)
    assert (
        f"[1/1] {ours.name}: already imported, nothing changed" in dialog.import_log.toPlainText()
    )
    assert pair.hq.store.cases.count() == 2


def test_cancel_hq_import_by_click_imports_nothing(qtbot: QtBot, pair: Any) -> None:
    docs = _field_cases(pair, 2, private=0)
    attach(pair.field, docs[0]["id"], "video.bin", os.urandom(48 * 1024 * 1024))
    bundle = pair.export()
    dialog = _dialog(qtbot, pair.hq)
    dialog.import_bundles([bundle])
    assert dialog.busy and dialog.cancel_button.isVisible()
    _click(qtbot, dialog.cancel_button)
    _wait(qtbot, dialog)
    assert "Cancelled: the bundle being read was not imported" in dialog.import_log.toPlainText()
    assert pair.hq.store.cases.count() == 0
    assert list(pair.hq.unlocked.blob_dir.glob("*")) == []


def test_two_devices_numbering_alike_are_both_imported(
    qtbot: QtBot, pair: Any, tmp_path: Path
) -> None:
    """Both laptops have a TD-…-0001: the log says which suffix HQ gave (no names)."""
    from desktop.app import create_vault

    second, _ = create_vault(tmp_path / "field-b", _fx.PASSPHRASE)
    try:
        service.enroll(second, service.read_hq_key(pair.folder / "hq-key.json"))
        service.approve(pair.hq, service.whoami(second))
        bundles = []
        for session, seed in ((pair.field, 51), (second, 52)):
            (doc,) = synth_cases(1, seed=seed)
            del doc["reference"]  # numbered by the vault
            session.store.cases.save([doc])
            result = service.export_bundle(session, tmp_path / "usb")
            bundles.append(result.path)
        (ref_b,) = (d["reference"] for d in second.store.cases.documents())
        fp_b = service.whoami(second).strip().splitlines()[-1].replace(" ", "")
    finally:
        second.lock()
    dialog = _dialog(qtbot, pair.hq)
    dialog.import_bundles(bundles)
    _wait(qtbot, dialog)
    log = dialog.import_log.toPlainText()
    assert f"[2/2] {bundles[1].name}: bundle #1 — 1 new" in log, log
    assert "REFUSED" not in log and dialog.error.text() == ""
    assert (
        "2 reference(s) also used by another device, now shown with the device's suffix "
        f"(e.g. {ref_b} → {ref_b}-{fp_b[:4]})"
    ) in log
    assert pair.hq.store.cases.count() == 2
