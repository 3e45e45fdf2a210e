"""Load the UI translation (and Qt's own) for a language; right-to-left for Uyghur.

Translations are Qt Linguist files: sources ``resources/i18n/testimony_desk_<lang>.ts``,
compiled ``.qm`` beside them (``python -m desktop.tools.i18n update|build``). Qt's own
strings (dialog buttons such as Cancel/Save, the context menus of text fields) come from
the ``qtbase_<lang>.qm`` that ships with PySide6; Qt has Russian and Kazakh but no Uyghur,
so those few Qt strings stay English in the Uyghur UI.

The language is chosen once at start (``install``): from the app configuration when the
user picked one in Settings, else from the system locale, else English. A change in
Settings takes effect at the next start (widgets already built keep their texts).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

from desktop.resources import resource_path
from desktop.ui import app_config

__all__ = [
    "LANGUAGES",
    "RTL_LANGUAGES",
    "LanguageCombo",
    "current_language",
    "format_edtf",
    "format_timestamp",
    "install",
    "language_for_start",
    "language_switch",
    "language_was_changed",
    "system_language",
]

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "ug": "ئۇيغۇرچە",
}
"""UI language code → its own name (what the language menu shows)."""

RTL_LANGUAGES = frozenset({"ug"})
CATALOGUE = "testimony_desk"

_state: dict[str, object] = {"lang": "en", "translators": []}


def current_language() -> str:
    """The language installed by :func:`install` (``en`` before any)."""
    return str(_state["lang"])


def system_language(locale: QLocale | None = None) -> str:
    """The first supported language among the system's UI languages, else ``en``."""
    locale = locale or QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def language_for_start(config: app_config.AppConfig | None = None) -> str:
    """The configured language if it is supported, else the system's."""
    config = config or app_config.load()
    if config.language in LANGUAGES:
        return str(config.language)
    return system_language()


def translation_file(lang: str) -> str:
    return str(resource_path("i18n", f"{CATALOGUE}_{lang}.qm"))


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(app: QCoreApplication, lang: str) -> list[str]:
    """Make ``lang`` the UI language; return the catalogues loaded (for logs and tests).

    Replaces translators installed by an earlier call. English needs no catalogue. The
    default ``QLocale`` follows, so dates and numbers are formatted for the language, and
    the layout runs right to left for Uyghur.
    """
    if lang not in LANGUAGES:
        lang = "en"
    old = _state["translators"]
    assert isinstance(old, list)  # noqa: S101 - set only here
    for translator in old:
        app.removeTranslator(translator)
    loaded: list[str] = []
    translators: list[QTranslator] = []
    if lang != "en":
        candidates = [
            (f"qtbase_{lang}", qt_translations_dir()),
            (f"{CATALOGUE}_{lang}", str(resource_path("i18n"))),
        ]
        for name, folder in candidates:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                translators.append(translator)
                loaded.append(name)
            else:
                log.info("no translation catalogue %s for %s", name, lang)
    _state["translators"] = translators
    _state["lang"] = lang
    QLocale.setDefault(QLocale(lang))
    if isinstance(app, QApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft
            if lang in RTL_LANGUAGES
            else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)
    return loaded


# ---------------------------------------------------------------- dates for display
_DAY_PATTERN = {"en": "d MMM yyyy", "ru": "dd.MM.yyyy", "kk": "dd.MM.yyyy", "ug": "yyyy-MM-dd"}
_SINGLE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%]?)$")


def _format_single(text: str, lang: str, locale: QLocale) -> str:
    match = _SINGLE.match(text)
    if match is None:
        return text  # unspecified digits (201X), open ends (..): the EDTF text says it best
    year, month, day, qualifier = match.groups()
    if day:
        date = QDate(int(year), int(month), int(day))
        if not date.isValid():
            return text
        shown = locale.toString(date, _DAY_PATTERN.get(lang, "yyyy-MM-dd"))
    elif month:
        if not 1 <= int(month) <= 12:
            return text
        if lang == "en":
            name = locale.monthName(int(month), QLocale.FormatType.ShortFormat)
        else:  # the nominative ("март", not "марта"), lower case as inside a sentence
            name = locale.standaloneMonthName(int(month), QLocale.FormatType.LongFormat).lower()
        shown = f"{year}-يىلى {name}" if lang == "ug" else f"{name} {year}"
    else:
        shown = year
    return shown + qualifier


def format_timestamp(text: str | None, lang: str | None = None) -> str:
    """A stored UTC timestamp (``2026-11-27T21:40:16Z``) in local time, written the way the
    UI language writes dates (``27.11.2026 22:40`` in Russian); unparseable text unchanged."""
    if not text:
        return ""
    lang = lang or current_language()
    when = QDateTime.fromString(text, Qt.DateFormat.ISODateWithMs)
    if not when.isValid():
        return text
    pattern = _DAY_PATTERN.get(lang, "yyyy-MM-dd") + " HH:mm"
    return QLocale(lang).toString(when.toLocalTime(), pattern)


def format_edtf(text: str | None, lang: str | None = None) -> str:
    """An EDTF date as the UI language writes it: ``2018-03-15`` → ``15.03.2018`` (ru),
    ``2018-03~`` → ``март 2018~``, intervals ``A – B``. The qualifiers ``? ~ %`` stay as
    they are (they are the notation the editor uses); text that is not a simple date is
    shown unchanged. For display only: the case keeps the EDTF text."""
    if not text:
        return ""
    lang = lang or current_language()
    locale = QLocale(lang)
    if "/" in text:
        start, _, end = text.partition("/")
        return " – ".join(_format_single(p, lang, locale) if p else "…" for p in (start, end))
    return _format_single(text, lang, locale)


# ---------------------------------------------------------------- choosing the language
class LanguageCombo(QComboBox):
    """Interface-language picker for Settings and the unlock dialog.

    The first entry follows the system locale; the others name each language in itself
    (a user who cannot read the current language still finds their own). The choice is
    stored in the plain app configuration (``app_config``), never in the vault.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ui_language")
        system = LANGUAGES[system_language()]
        self.addItem(self.tr("System default ({language})").format(language=system), "")
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
        configured = app_config.load().language
        self.setCurrentIndex(max(0, self.findData(configured)) if configured in LANGUAGES else 0)

    def chosen(self) -> str | None:
        """The language code chosen, or None for "follow the system"."""
        return str(self.currentData()) or None

    def save(self) -> bool:
        """Store the choice; True when it differs from the language in use now."""
        choice = self.chosen()
        app_config.save(app_config.AppConfig(language=choice))
        return (choice or system_language()) != current_language()


LANGUAGE_CHANGED = "language_changed"
"""Property set on a dialog closed by :func:`language_switch`; its caller opens it again."""


def language_switch(dialog: QDialog, can_close: Callable[[], bool] = lambda: True) -> LanguageCombo:
    """A language picker for a dialog shown before the vault is open (unlock, first run).

    Choosing another language stores it and closes the dialog with the property
    ``language_changed`` set; the caller installs the language and shows the dialog again
    (widgets keep the texts they were made with, so a fresh dialog is the clean way).
    ``can_close`` says whether closing is safe now (not while a job runs).
    """
    combo = LanguageCombo(dialog)

    def chosen(_index: int) -> None:
        try:
            changed = combo.save()
        except OSError:
            return  # the config folder is not writable: keep the language in use
        if changed and can_close():
            dialog.setProperty(LANGUAGE_CHANGED, True)
            dialog.done(int(QDialog.DialogCode.Rejected))

    combo.activated.connect(chosen)
    return combo


def language_was_changed(dialog: QDialog) -> bool:
    return bool(dialog.property(LANGUAGE_CHANGED))
