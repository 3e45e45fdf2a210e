# mypy: disallow-untyped-calls=False
"""Translations: catalogues load, are complete for Russian and Kazakh, match their .qm;
Qt's own buttons are translated; Uyghur runs right to left; the language is chosen from
the app configuration or the system locale."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import app, preferences
from desktop.app import Session
from desktop.tools import i18n as tools
from desktop.ui import app_config, i18n
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main import open_session, run_gui
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%[ns]")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    """Install a language for one test; English (no catalogue, left to right) afterwards."""

    def use(lang: str) -> list[str]:
        return i18n.install(qapp, lang)

    yield use
    i18n.install(qapp, "en")


@pytest.mark.parametrize(
    ("lang", "catalogues", "new_case"),
    [
        ("ru", ["qtbase_ru", "testimony_desk_ru"], "Новое дело"),
        ("kk", ["qtbase_kk", "testimony_desk_kk"], "Жаңа іс"),
        # Qt itself has no Uyghur catalogue: its few strings stay English.
        ("ug", ["testimony_desk_ug"], "يېڭى دېلو"),
    ],
)
def test_each_translation_loads(
    language: object, lang: str, catalogues: list[str], new_case: str
) -> None:
    assert language(lang) == catalogues  # type: ignore[operator]
    assert i18n.current_language() == lang
    assert QCoreApplication.translate("MainWindow", "New case") == new_case
    assert QLocale().name().startswith(lang)


def test_english_installs_no_catalogue(language: object) -> None:
    language("ru")  # type: ignore[operator]
    assert language("en") == []  # type: ignore[operator]
    assert QCoreApplication.translate("MainWindow", "New case") == "New case"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_russian_and_kazakh_are_complete(lang: str) -> None:
    found = tools.messages(tools.ts_path(lang))
    assert len(found) > 50
    unfinished = [f"{m.context}: {m.source}" for m in found if m.unfinished]
    assert unfinished == []


@pytest.mark.parametrize("lang", ["ru", "kk", "ug"])
def test_translations_keep_every_placeholder(lang: str) -> None:
    """A lost ``{count}`` would show a wrong message; a stray one would raise KeyError."""
    for m in tools.messages(tools.ts_path(lang)):
        if m.unfinished:
            continue
        for text in m.forms or (m.translation,):
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(m.source)), (
                f"{lang} {m.context}: {m.source!r} → {text!r}"
            )
        if m.source.startswith("&"):
            assert m.translation.startswith("&"), f"{lang}: keyboard accelerator lost"


@pytest.mark.parametrize("lang", ["ru", "kk", "ug"])
def test_committed_qm_is_built_from_the_ts(tmp_path: Path, lang: str) -> None:
    fresh = tmp_path / f"{lang}.qm"
    tools.compile_ts(tools.ts_path(lang), fresh)
    assert tools.qm_path(lang).read_bytes() == fresh.read_bytes(), (
        "run: python -m desktop.tools.i18n build"
    )


def test_qt_dialog_buttons_are_translated_in_russian(language: object, qtbot: QtBot) -> None:
    language("ru")  # type: ignore[operator]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Testimony Desk",
        "?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Сохранить"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Отмена"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Закрыть"


def test_uyghur_main_window_runs_right_to_left(
    language: object, qtbot: QtBot, session: Session
) -> None:
    language("ug")  # type: ignore[operator]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.editor is not None
        assert window.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.menus["case"].title() == "&دېلو"
        assert window.count_label.text() == "دېلولار: 0"
    finally:
        session.lock()


def test_english_main_window_runs_left_to_right(qtbot: QtBot, session: Session) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.menus["case"].title() == "&Case"
    finally:
        session.lock()


def test_russian_main_window_and_unlock_dialog(
    language: object, qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    language("ru")  # type: ignore[operator]
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        assert window.lang == "ru"
        assert window.menus["vault"].title() == "&Хранилище"
        assert window.count_label.text() == "Дел: 0"
        assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Задержанный"
        assert window.editor is not None
        # The form's own labels follow the UI language too.
        assert window.editor.groups["detained"].title() == "Задержанный"
    finally:
        session.lock()
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Разблокировка — Testimony Desk"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


# ---------------------------------------------------------------- choosing the language
def test_app_config_round_trip_and_location(tmp_path: Path) -> None:
    path = app_config.config_path()  # under the test's own XDG_CONFIG_HOME (conftest)
    assert path.is_relative_to(Path.home())
    assert app_config.load() == app_config.AppConfig()
    app_config.save(app_config.AppConfig(language="kk"))
    assert app_config.load().language == "kk"
    assert path.read_text(encoding="utf-8").strip() == '{"language": "kk"}'
    app_config.save(app_config.AppConfig())
    assert app_config.load().language is None


@pytest.mark.parametrize(
    "content", ["", "not json", "[1, 2]", '{"language": 5}', '{"language": "../../x"}', "\xff"]
)
def test_app_config_bad_file_gives_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "app.json"
    path.write_text(content, encoding="utf-8")
    assert app_config.load(path) == app_config.AppConfig()


@pytest.mark.parametrize(
    ("system", "expected"),
    [("kk_KZ", "kk"), ("ru_RU", "ru"), ("ug_CN", "ug"), ("de_DE", "en"), ("en_US", "en")],
)
def test_system_language(system: str, expected: str) -> None:
    assert i18n.system_language(QLocale(system)) == expected


def test_configured_language_wins_over_the_system() -> None:
    assert i18n.language_for_start(app_config.AppConfig(language="ug")) == "ug"
    unsupported = i18n.language_for_start(app_config.AppConfig(language="xx"))
    assert unsupported == i18n.system_language()


# ---------------------------------------------------------------- localized dates
@pytest.mark.parametrize(
    ("lang", "text", "shown"),
    [
        ("en", "2018-03-15", "15 Mar 2018"),
        ("ru", "2018-03-15", "15.03.2018"),
        ("kk", "2018-03-15", "15.03.2018"),
        ("ug", "2018-03-15", "2018-03-15"),
        ("en", "2018-03~", "Mar 2018~"),
        ("ru", "2018-03~", "март 2018~"),
        ("kk", "2018-12?", "желтоқсан 2018?"),
        ("ug", "2018-03", "2018-يىلى مارت"),
        ("ru", "2018%", "2018%"),
        ("ru", "2018-03/2019-01-02", "март 2018 – 02.01.2019"),
        ("ru", "/2019", "… – 2019"),
        ("ru", "2018-03/..", "март 2018 – .."),
        ("ru", "201X", "201X"),  # unspecified digits: the notation itself
        ("ru", "2018-02-30", "2018-02-30"),  # not a day: shown as typed, never invented
        ("ru", None, ""),
    ],
)
def test_edtf_dates_are_shown_in_the_ui_language(lang: str, text: str | None, shown: str) -> None:
    assert i18n.format_edtf(text, lang) == shown


def test_country_names_in_every_ui_language() -> None:
    from desktop.domain.countries import country_name

    assert [country_name("KZ", lang) for lang in ("en", "ru", "kk", "ug")] == [
        "Kazakhstan",
        "Казахстан",
        "Қазақстан",
        "قازاقىستان",
    ]


def test_language_combo_stores_the_choice_outside_the_vault(qtbot: QtBot) -> None:
    combo = i18n.LanguageCombo()
    qtbot.addWidget(combo)
    assert combo.currentIndex() == 0 and combo.chosen() is None  # follow the system
    assert [combo.itemText(i) for i in range(1, combo.count())] == list(i18n.LANGUAGES.values())
    combo.setCurrentIndex(combo.findData("kk"))
    assert combo.save() is True  # English is in use, Kazakh chosen
    assert app_config.load().language == "kk"
    again = i18n.LanguageCombo()
    qtbot.addWidget(again)
    assert again.chosen() == "kk"
    again.setCurrentIndex(0)
    assert again.save() is (i18n.system_language() != "en")
    assert app_config.load().language is None


# ---------------------------------------------------------------- switching by real keys
def _pick_language(qtbot: QtBot, combo: QComboBox, code: str) -> None:
    """Arrow keys on the focused combo box, as a user would; each step is "activated"."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == code:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{code} not reachable")


class _Steps:
    """Acts on the active modal dialog from a timer (``exec`` blocks the test)."""

    def __init__(self, steps: list[Callable[[QWidget | None], bool]]) -> None:
        self.steps = steps
        self.error: BaseException | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.deadline = time.monotonic() + 30
        self.timer.start()

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        try:
            if time.monotonic() > self.deadline:
                raise TimeoutError(f"{len(self.steps)} step(s) left")
            if self.steps and self.steps[0](modal):
                self.steps.pop(0)
        except BaseException as exc:
            self.error = exc
            self.steps.clear()
            if isinstance(modal, QDialog):
                modal.done(0)
        if not self.steps:
            self.timer.stop()

    def check(self) -> None:
        self.timer.stop()
        if self.error is not None:
            raise self.error
        assert not self.steps


def test_unlock_dialog_switches_language_and_opens_again(
    language: object, qtbot: QtBot, session: Session, vault_dir: Path
) -> None:
    session.lock()
    titles: list[str] = []

    def switch(modal: QWidget | None) -> bool:
        if not isinstance(modal, UnlockDialog):
            return False
        titles.append(modal.windowTitle())
        _pick_language(qtbot, modal.language, "ru")
        return True

    def cancel(modal: QWidget | None) -> bool:
        if not isinstance(modal, UnlockDialog) or modal.windowTitle() == titles[0]:
            return False
        titles.append(modal.windowTitle())
        button = modal.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        titles.append(button.text())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return True

    steps = _Steps([switch, cancel])
    assert open_session(vault_dir) is None
    steps.check()
    assert titles == ["Unlock — Testimony Desk", "Разблокировка — Testimony Desk", "Отмена"]
    assert app_config.load().language == "ru"
    assert i18n.current_language() == "ru"


def test_first_run_switches_language_before_anything_is_created(
    language: object, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "new-vault"
    titles: list[str] = []

    def switch(modal: QWidget | None) -> bool:
        if not isinstance(modal, FirstRunWizard):
            return False
        titles.append(modal.windowTitle())
        _pick_language(qtbot, modal.organisation_page.language, "kk")
        return True

    def cancel(modal: QWidget | None) -> bool:
        if not isinstance(modal, FirstRunWizard) or modal.windowTitle() == titles[0]:
            return False
        titles.append(modal.windowTitle())
        assert modal.organisation_page.language.currentData() == "kk"
        modal.reject()
        return True

    steps = _Steps([switch, cancel])
    assert open_session(folder) is None
    steps.check()
    assert titles == ["Create your vault — Testimony Desk", "Қойманы құру — Testimony Desk"]
    assert not folder.exists() or not any(folder.iterdir())


def test_settings_stores_the_interface_language_outside_the_vault(
    qtbot: QtBot, session: Session
) -> None:
    dialog = SettingsDialog(session.store, preferences.load(session.store))
    qtbot.addWidget(dialog)
    assert dialog.language is not None
    _pick_language(qtbot, dialog.language, "ug")
    noticed: list[str] = []

    def close_notice() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            noticed.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_notice)

    QTimer.singleShot(20, close_notice)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert noticed and "next unlock" in noticed[0]
    assert app_config.load().language == "ug"
    assert i18n.current_language() == "en"  # applied from the next unlock, not half-way


def test_russian_plural_forms(language: object) -> None:
    language("ru")  # type: ignore[operator]
    source = "Seconds before the vault is erased: %n"
    said = [QCoreApplication.translate("CountdownDialog", source, "", n) for n in (1, 3, 5, 21)]
    assert said == [
        "До уничтожения хранилища осталась 1 секунда",
        "До уничтожения хранилища осталось 3 секунды",
        "До уничтожения хранилища осталось 5 секунд",
        "До уничтожения хранилища осталась 21 секунда",
    ]


def test_history_timestamps_are_shown_in_the_ui_language() -> None:
    at = "2026-11-27T12:40:16.123456Z"
    assert re.fullmatch(r"2[67]\.11\.2026 \d\d:\d\d", i18n.format_timestamp(at, "ru"))
    assert re.fullmatch(r"2[67] Nov 2026 \d\d:\d\d", i18n.format_timestamp(at, "en"))
    assert re.fullmatch(r"2026-11-2[67] \d\d:\d\d", i18n.format_timestamp(at, "ug"))
    assert i18n.format_timestamp("not a time", "ru") == "not a time"
    assert i18n.format_timestamp(None) == ""


def test_uyghur_is_complete_and_covers_the_main_window_and_the_editor() -> None:
    found = tools.messages(tools.ts_path("ug"))
    contexts = {m.context for m in found}
    assert {"MainWindow", "CaseEditor", "CaseListModel", "EventsField", "UnlockDialog"} <= contexts
    assert [f"{m.context}: {m.source}" for m in found if m.unfinished] == []


def test_a_language_chosen_in_settings_applies_from_the_next_unlock(
    language: object, qtbot: QtBot, vault_dir: Path, qapp: QApplication
) -> None:
    """The real loop (``run_gui``): unlock, Settings › Interface language, Lock, and the
    unlock dialog that follows speaks the new language."""
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    quit_on_close, font = qapp.quitOnLastWindowClosed(), qapp.font()
    seen: list[str] = []

    def unlock(modal: QWidget | None) -> bool:
        if not isinstance(modal, UnlockDialog) or not modal.buttons.isEnabled():
            return False
        seen.append(modal.windowTitle())
        qtbot.keyClicks(modal.passphrase, PASSPHRASE)
        ok = modal.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return True

    def open_settings(modal: QWidget | None) -> bool:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if modal is not None or not shown:
            return False
        seen.append(shown[0].menus["case"].title())
        QTimer.singleShot(0, shown[0].settings_action.trigger)  # exec() inside: not here
        return True

    def choose_russian(modal: QWidget | None) -> bool:
        if not isinstance(modal, SettingsDialog) or modal.language is None:
            return False
        _pick_language(qtbot, modal.language, "ru")
        ok = modal.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTimer.singleShot(0, lambda: qtbot.mouseClick(ok, Qt.MouseButton.LeftButton))
        return True

    def notice_then_lock(modal: QWidget | None) -> bool:
        if not isinstance(modal, QMessageBox):
            return False
        seen.append(modal.text())
        modal.accept()
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen.append(window.menus["case"].title())  # still English: nothing changed half-way
        QTimer.singleShot(50, window.lock_action.trigger)
        return True

    def cancel(modal: QWidget | None) -> bool:
        if not isinstance(modal, UnlockDialog) or modal.windowTitle() == seen[0]:
            return False
        seen.append(modal.windowTitle())
        cancel = modal.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        return True

    steps = _Steps([unlock, open_settings, choose_russian, notice_then_lock, cancel])
    try:
        assert run_gui(vault_dir) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        qapp.setFont(font)
    steps.check()
    assert seen[0] == "Unlock — Testimony Desk"
    assert seen[1] == "&Case"
    assert "next unlock" in seen[2]
    assert seen[3] == "&Case"
    assert seen[4] == "Разблокировка — Testimony Desk"
    assert app_config.load().language == "ru"


def test_summary_tab_speaks_the_ui_language(language: object) -> None:
    """The Summary tab: headings, vocabularies, countries and dates in Russian; the case's
    own text exactly as stored (the CLI's ``show`` stays English)."""
    import json

    from gui_support import EXAMPLE

    from desktop.case_text import render_case_text
    from desktop.interchange.case_format import normalize_case
    from desktop.ui.case_summary import summary_text

    doc = normalize_case(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    language("ru")  # type: ignore[operator]
    text = summary_text(doc)
    assert "Открыто" in text and "Задержанное лицо: Ерлан Сапарұлы" in text
    assert "События:" in text and "Китай" in text
    assert "қауіпсіздік бюросына" in text  # the Kazakh narrative, untouched
    assert "events:" not in text and "detained:" not in text
    assert "events:" in render_case_text(doc)  # the command line's text is unchanged


def test_appeals_tab_selects_the_last_appeal_right_to_left(
    language: object, qtbot: QtBot, session: Session
) -> None:
    """Qt's ``selectRow`` selects nothing in a right-to-left table; the tab must not use it."""
    import json

    from gui_support import EXAMPLE

    from desktop.interchange.case_format import normalize_case

    language("ug")  # type: ignore[operator]
    session.store.cases.save([normalize_case(json.loads(EXAMPLE.read_text(encoding="utf-8")))])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)
    try:
        window.open_case(str(window.model.case_id(0)))
        table = window.findChild(QTableWidget, "appeals_table")
        assert table is not None and table.rowCount() == 1
        assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    finally:
        session.lock()
