"""The letters feature in the GUI: composer, preview, save, print, appeal log, follow-ups,
batch letters and the vault recipients import — real widgets, real clicks, a real vault.

The case is the synthetic one of the letters tests (names in four scripts, consenting
testimony); letters go to the shipped recipients.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import wait_for_jobs
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "letters"))
from lettertools import NAME_KK, make_case, pdf_pages, pdf_text, squash

from desktop.app import Session
from desktop.ui.letters.batch_dialog import BatchLettersDialog
from desktop.ui.letters.composer import LetterComposer
from desktop.ui.letters.followups import FollowUpsDialog
from desktop.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes answered at once; their texts kept for the test to read."""
    seen: dict[str, list[str]] = {"warning": [], "information": []}
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *a, **k: seen["warning"].append(text)
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a, **k: seen["information"].append(text)
    )
    return seen


def _case(**changes: Any) -> dict[str, Any]:
    return make_case(**changes)


def _open(window: MainWindow, session: Session, *cases: dict[str, Any]) -> str:
    session.store.cases.save(list(cases))
    window.refresh()
    case_id = session.store.cases.resolve(cases[0]["reference"])
    window.open_case(case_id)
    window.letters.today = TODAY
    return case_id


def _composer(qtbot: QtBot, window: MainWindow, **kwargs: Any) -> LetterComposer:
    composer = window.letters.open_composer(**kwargs)
    assert composer is not None
    qtbot.addWidget(composer)
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
    return composer


def _choose(qtbot: QtBot, composer: LetterComposer, recipient: str, lang: str) -> None:
    with qtbot.waitSignal(composer.rendered, timeout=60_000):
        composer.recipient_combo.setCurrentIndex(composer.recipient_combo.findData(recipient))
        if composer.language() != lang:
            composer.language_combo.setCurrentIndex(composer.language_combo.findData(lang))
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
    assert composer.composed is not None
    assert composer.language() == lang


@pytest.fixture
def watched_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$TMPDIR pointed at an empty folder: rendering and previewing must leave it empty."""
    folder = tmp_path / "watched-tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield folder
    tempfile.tempdir = None


def test_composer_previews_saves_and_prints_the_same_letter(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    tmp_path: Path,
    watched_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: dict[str, list[str]],
) -> None:
    _open(window, session, _case())
    window.findChild(type(window.letters.compose_action), "new_letter").trigger()
    composer = window.letters.dialogs[-1]
    assert isinstance(composer, LetterComposer)
    qtbot.addWidget(composer)
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
    _choose(qtbot, composer, "kz-mfa", "ru")

    # The preview shows every page of the composed letter.
    previewed = composer.pdf_bytes()
    assert previewed == composer.composed.pdf  # type: ignore[union-attr]
    pages = pdf_pages(previewed)
    assert pages >= 2
    assert composer.preview.page_count() == pages
    assert composer.preview.page_label.text() == f"Page 1 of {pages}"
    assert NAME_KK in squash(pdf_text(previewed)) or squash(NAME_KK) in squash(pdf_text(previewed))

    # Page navigation and zoom by clicks.
    qtbot.mouseClick(composer.preview.next_button, Qt.MouseButton.LeftButton)
    assert composer.preview.current_page() == 1
    assert not composer.preview.next_button.isEnabled() or pages > 2
    qtbot.mouseClick(composer.preview.prev_button, Qt.MouseButton.LeftButton)
    assert composer.preview.current_page() == 0
    before = composer.preview.zoom_factor()
    qtbot.mouseClick(composer.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert composer.preview.zoom_factor() > before

    # Nothing was written to $TMPDIR by composing and previewing.
    assert list(watched_tmp.iterdir()) == []

    # Save writes exactly the bytes previewed, where the user chose.
    target = tmp_path / "out" / "letter.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == previewed
    assert sorted(p.name for p in target.parent.iterdir()) == ["letter.pdf"]

    # Printing to a PDF printer gives a file of the same page count.
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setResolution(100)
    assert composer.print_to(printer) == pages
    assert pdf_pages(printed.read_bytes()) == pages
    assert list(watched_tmp.iterdir()) == []
    assert messages["warning"] == []


def test_save_refuses_the_vault_folder(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    messages: dict[str, list[str]],
) -> None:
    _open(window, session, _case())
    composer = _composer(qtbot, window)
    _choose(qtbot, composer, "kz-mfa", "kk")
    inside = session.vault.folder / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(inside), ""))
    qtbot.mouseClick(composer.save_button, Qt.MouseButton.LeftButton)
    assert not inside.exists()
    assert messages["warning"] and "vault folder" in messages["warning"][0]


def test_record_as_appeal_enters_the_previewed_letter_in_the_log(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    case_id = _open(window, session, _case())
    composer = _composer(qtbot, window)
    _choose(qtbot, composer, "kz-mfa", "ru")
    sha = hashlib.sha256(composer.pdf_bytes()).hexdigest()
    with qtbot.waitSignal(composer.appeal_recorded, timeout=10_000):
        qtbot.mouseClick(composer.record_button, Qt.MouseButton.LeftButton)
    assert not composer.record_button.isEnabled()
    appeals = session.store.cases.get(case_id)["appeals"]
    assert appeals[-1] == {
        "recipient": "kz-mfa",
        "template": "consular-inquiry",
        "language": "ru",
        "date": TODAY.isoformat(),
        "reference": "TD-2026-0042/KZ-MFA/2",
        "status": "drafted",
        "pdf_sha256": sha,
    }
    # The Appeals tab of the open case shows it.
    tab = window.letters.appeals_tab
    assert tab.table.rowCount() == 2
    assert tab.table.item(1, 5).text() == "TD-2026-0042/KZ-MFA/2"
    assert tab.table.item(1, 4).text() == "drafted"


def test_refusals_are_listed_and_nothing_can_be_saved(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    case = copy.deepcopy(_case())
    for t in case["testimonies"]:
        t["consent"]["use_in_appeals"] = False
    _open(window, session, case)
    composer = _composer(qtbot, window)
    with qtbot.waitSignal(composer.refused, timeout=60_000):
        composer.recipient_combo.setCurrentIndex(composer.recipient_combo.findData("un-wgad"))
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
    assert composer.composed is None
    assert composer.problems
    text = composer.problems_label.text()
    assert "cannot be written" in text
    assert "consent" in text or "appeals" in text
    assert composer.problems_label.isVisible()
    for button in (composer.save_button, composer.print_button, composer.record_button):
        assert not button.isEnabled()
    assert composer.preview.page_count() == 0


def test_unverified_recipient_shows_a_warning(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open(window, session, _case())
    composer = _composer(qtbot, window)
    directory = composer.service.directory
    unverified = next(r.id for r in directory.all() if not r.verified)
    verified = next((r.id for r in directory.all() if r.verified), None)
    composer.recipient_combo.setCurrentIndex(composer.recipient_combo.findData(unverified))
    assert composer.warning.isVisible()
    assert "not verified" in composer.warning.text()
    if verified is not None:
        composer.recipient_combo.setCurrentIndex(composer.recipient_combo.findData(verified))
        assert not composer.warning.isVisible()
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)


def test_default_language_comes_from_the_preferences(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from desktop import preferences

    prefs = preferences.load(session.store)
    preferences.save(session.store, preferences.Preferences(
        default_letter_language="en", letterhead=prefs.letterhead
    ))  # fmt: skip
    _open(window, session, _case())
    composer = _composer(qtbot, window, recipient="kz-mfa")
    assert composer.language() == "en"


def _case_with_appeal(status: str, follow_up: str | None = None) -> dict[str, Any]:
    appeal: dict[str, Any] = {
        "recipient": "kz-mfa", "template": "consular-inquiry", "language": "ru",
        "date": "2026-09-01", "reference": "TD-2026-0042/KZ-MFA/1", "status": status,
    }  # fmt: skip
    if follow_up:
        appeal["follow_up"] = follow_up
    return _case(appeals=[appeal])


def test_appeals_tab_moves_an_appeal_through_its_statuses(
    qtbot: QtBot, window: MainWindow, session: Session, messages: dict[str, list[str]]
) -> None:
    case_id = _open(window, session, _case_with_appeal("drafted"))
    tab = window.letters.appeals_tab
    window.tabs.setCurrentWidget(tab)
    buttons = tab.status_buttons

    def enabled() -> set[str]:
        return {s for s, b in buttons.items() if b.isEnabled()}

    def status() -> str:
        return str(session.store.cases.get(case_id)["appeals"][0]["status"])

    assert enabled() == {"sent"}
    qtbot.mouseClick(buttons["sent"], Qt.MouseButton.LeftButton)
    assert status() == "sent"
    assert session.store.cases.get(case_id)["appeals"][0]["follow_up"] == "2026-12-27"
    assert tab.table.item(0, 4).text() == "sent"
    assert enabled() == {"acknowledged", "answered", "no-answer"}
    assert tab.follow_up_button.isEnabled()

    qtbot.mouseClick(buttons["acknowledged"], Qt.MouseButton.LeftButton)
    assert status() == "acknowledged"
    assert enabled() == {"answered", "no-answer"}

    tab.response.setCurrentIndex(tab.response.findData("denial"))
    qtbot.mouseClick(buttons["answered"], Qt.MouseButton.LeftButton)
    appeal = session.store.cases.get(case_id)["appeals"][0]
    assert (appeal["status"], appeal["response"]) == ("answered", "denial")
    assert enabled() == set()
    assert not tab.follow_up_button.isEnabled()
    assert messages["warning"] == []
    # A disabled button does nothing when clicked.
    qtbot.mouseClick(buttons["sent"], Qt.MouseButton.LeftButton)
    assert status() == "answered"


def test_the_text_of_an_answer_is_recorded_with_it(
    qtbot: QtBot, window: MainWindow, session: Session, messages: dict[str, list[str]]
) -> None:
    case_id = _open(window, session, _case_with_appeal("sent", "2026-10-01"))
    tab = window.letters.appeals_tab
    window.tabs.setCurrentWidget(tab)
    # The vocabulary has no "other": the answer's own words go in the notes, as with the
    # CLI's --notes.
    assert tab.response.findData("release-confirmed") >= 0
    tab.response.setCurrentIndex(tab.response.findData("release-confirmed"))
    qtbot.keyClicks(tab.notes, "Reply: passed to the embassy")
    qtbot.mouseClick(tab.status_buttons["answered"], Qt.MouseButton.LeftButton)
    appeal = session.store.cases.get(case_id)["appeals"][0]
    assert messages["warning"] == []
    assert (appeal["status"], appeal.get("response")) == ("answered", "release-confirmed")
    assert appeal["notes"] == "Reply: passed to the embassy"
    assert tab.notes.text() == ""  # used once, not carried to the next change
    assert messages["warning"] == []


def test_follow_up_button_opens_the_composer_with_the_follow_up_template(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open(window, session, _case_with_appeal("sent", "2026-10-01"))
    tab = window.letters.appeals_tab
    qtbot.mouseClick(tab.follow_up_button, Qt.MouseButton.LeftButton)
    composer = window.letters.dialogs[-1]
    assert isinstance(composer, LetterComposer)
    qtbot.addWidget(composer)
    qtbot.waitUntil(lambda: not composer.is_busy(), timeout=60_000)
    assert composer.template_id() == "follow-up"
    assert composer.recipient_id() == "kz-mfa"
    assert composer.composed is not None, composer.problems
    text = squash(pdf_text(composer.pdf_bytes()))
    assert squash("TD-2026-0042/KZ-MFA/1") in text  # the earlier letter is cited


def test_follow_ups_due_view_lists_and_opens_cases(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    due = _case_with_appeal("sent", "2026-10-01")
    later = copy.deepcopy(_case_with_appeal("sent", "2027-01-01"))
    later["reference"] = "TD-2026-0043"
    later.pop("id", None)
    later["appeals"][0]["reference"] = "TD-2026-0043/KZ-MFA/1"
    _open(window, session, later, due)
    window.new_case()
    dialog = window.letters.open_follow_ups()
    assert isinstance(dialog, FollowUpsDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=30_000)
    assert [r.case_reference for r in dialog.rows] == ["TD-2026-0042"]
    assert dialog.table.item(0, 0).text() == "2026-10-01"
    rect = dialog.table.visualItemRect(dialog.table.item(0, 1))
    # A double-click is press, release, double-click (item views open only a pressed row).
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window._shown_id == session.store.cases.resolve("TD-2026-0042")
    assert window.tabs.currentWidget() is window.letters.appeals_tab


ORG_RECIPIENT = """\
id: org-ombudsman
verified: false
country: KZ
languages: [ru, en]
kind: other
name:
  ru: Уполномоченный по правам человека (тест)
  en: Human Rights Commissioner (test)
address:
  ru: ["ул. Примерная, 1", "010000, г. Астана"]
  en: ["1 Example Street", "010000 Astana"]
salutation:
  ru: Уважаемый господин Уполномоченный!
  en: Dear Commissioner,
"""


def test_recipients_import_from_the_letters_menu(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    tmp_path: Path,
    messages: dict[str, list[str]],
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(ORG_RECIPIENT.replace("kind: other", "kind: embassy"), encoding="utf-8")
    assert window.letters.import_recipients_file(bad) == []
    assert "kind" in messages["warning"][-1] and "bad.yaml" in messages["warning"][-1]

    good = tmp_path / "org.yaml"
    good.write_text(ORG_RECIPIENT, encoding="utf-8")
    assert window.letters.import_recipients_file(good) == ["org-ombudsman"]
    assert "org-ombudsman" in messages["information"][-1]

    _open(window, session, _case())
    composer = _composer(qtbot, window)
    _choose(qtbot, composer, "org-ombudsman", "ru")
    assert composer.warning.isVisible()  # imported unverified: warned like a shipped one
    text = squash(pdf_text(composer.pdf_bytes()))
    assert squash("ул. Примерная, 1") in text


def _batch(qtbot: QtBot, window: MainWindow, ids: list[str] | None) -> BatchLettersDialog:
    window.letters.today = TODAY
    dialog = BatchLettersDialog(window.session, ids, window, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findData("kz-mfa"))
    return dialog


def _many(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        case = copy.deepcopy(_case(appeals=[]))
        case.pop("id", None)
        case["reference"] = f"TD-2026-{100 + i:04d}"
        out.append(case)
    return out


def test_batch_letters_one_pdf_per_case_and_refusals_skipped(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    cases = _many(3)
    for t in cases[1]["testimonies"]:
        t["consent"]["use_in_appeals"] = False
    session.store.cases.save(cases)
    ids = [session.store.cases.resolve(c["reference"]) for c in cases]
    dialog = _batch(qtbot, window, ids)
    out = tmp_path / "letters"
    dialog.set_folder(out)
    with qtbot.waitSignal(dialog.batch_done, timeout=120_000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert [ref for ref, _p in result.written] == ["TD-2026-0100", "TD-2026-0102"]
    assert [ref for ref, _r in result.skipped] == ["TD-2026-0101"]
    assert sorted(p.name for p in out.iterdir()) == [
        "TD-2026-0100_KZ-MFA_1.pdf",
        "TD-2026-0102_KZ-MFA_1.pdf",
    ]
    for _ref, path in result.written:
        assert pdf_pages(path.read_bytes()) >= 1
    appeals = session.store.cases.get("TD-2026-0100")["appeals"]
    assert (
        appeals[0]["pdf_sha256"]
        == hashlib.sha256((out / "TD-2026-0100_KZ-MFA_1.pdf").read_bytes()).hexdigest()
    )
    assert session.store.cases.get("TD-2026-0101").get("appeals", []) == []
    assert "TD-2026-0101" in dialog.summary(result)


def test_batch_letters_cancel_stops_and_keeps_what_was_written(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    cases = _many(12)
    session.store.cases.save(cases)
    dialog = _batch(qtbot, window, None)  # None: every case
    out = tmp_path / "letters"
    dialog.set_folder(out)
    steps: list[int] = []

    def cancel_on_first(done: int, _total: int, _ref: str) -> None:
        steps.append(done)
        if len(steps) == 1 and dialog.progress_dialog is not None:
            qtbot.mouseClick(
                dialog.progress_dialog.findChild(type(dialog.start_button)),
                Qt.MouseButton.LeftButton,
            )

    dialog._signals.step.connect(cancel_on_first)
    with qtbot.waitSignal(dialog.batch_done, timeout=120_000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.cancelled
    assert 1 <= len(result.written) < 12
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for _r, p in result.written)
    recorded = [c for c in session.store.cases.documents() if c.get("appeals")]
    assert len(recorded) == len(result.written) == result.recorded
    assert os.listdir(out)


def test_batch_takes_the_cases_the_search_shows(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    cases = _many(3)
    cases[1]["persons"][0]["names"].append({"value": "Zebulon Uniquename", "script": "Latn"})
    session.store.cases.save(cases)
    window.refresh()
    assert window.letters.batch_case_ids() is None  # no search, no filter: every case
    window.search.setText("Uniquename")
    window._run_search()
    wait_for_jobs(qtbot, window)
    assert window.letters.batch_case_ids() == [session.store.cases.resolve("TD-2026-0101")]


def test_lock_closes_the_letters_dialogs(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open(window, session, _case())
    composer = _composer(qtbot, window)
    follow_ups = window.letters.open_follow_ups()
    assert follow_ups is not None
    qtbot.addWidget(follow_ups)
    qtbot.waitUntil(lambda: not follow_ups.is_loading(), timeout=30_000)
    assert composer.isVisible() and follow_ups.isVisible()
    window.lock()
    assert not composer.isVisible() and not follow_ups.isVisible()
    assert window.letters.dialogs == []
    assert window.letters.appeals_tab.table.rowCount() == 0
    assert not window.letters.compose_action.isEnabled()


def test_new_letter_needs_a_saved_case(qtbot: QtBot, window: MainWindow, session: Session) -> None:
    window.new_case()
    assert not window.letters.compose_action.isEnabled()
    assert window.letters.open_composer() is None
