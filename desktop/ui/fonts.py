"""Register the shipped fonts so Kazakh, Uyghur and Chinese names never show as boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import font_files

log = logging.getLogger(__name__)

# Order matters: Latin/Cyrillic first, then Arabic script, then the CJK fallback.
FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "Droid Sans Fallback"]


def install_fonts(app: QApplication) -> list[str]:
    loaded: list[str] = []
    try:
        files = font_files()
    except FileNotFoundError:
        log.warning("shipped fonts not found; using system fonts")
        return loaded
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font file %s", path.name)
            continue
        loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(app.font())
    font.setFamilies([f for f in FAMILIES if f in loaded] or [font.family()])
    app.setFont(font)
    return loaded
