"""Clear the clipboard on lock, but only when it holds case data.

Copying from a line edit or the narrative goes straight to the system clipboard; Qt has no
hook for "the application copied". So the guard watches the clipboard: whenever its text
changes and that text occurs in the case data shown at that moment (``case_texts``), a
SHA-256 digest of it is remembered (not the text). At lock the clipboard is cleared when
its text is one of those digests *or* occurs in the case data still shown. Anything else —
a link copied in the browser, a phone number from another program — is left alone.

Text shorter than ``MIN_CHARS`` is only cleared when it was seen being copied from the case
(a two-letter fragment found somewhere in a testimony says nothing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication

MIN_CHARS = 3


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.strip().encode("utf-8")).digest()


def strings_in(value: object) -> Iterable[str]:
    """Every string inside nested dicts/lists (a case document, a draft)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


class ClipboardGuard(QObject):
    def __init__(
        self, case_texts: Callable[[], Iterable[str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._case_texts = case_texts
        self._copied: set[bytes] = set()
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)
        self._attached = True

    def _shown(self, text: str) -> bool:
        needle = text.strip()
        if len(needle) < MIN_CHARS:
            return False
        return any(needle in haystack for haystack in self._case_texts())

    def _changed(self) -> None:
        """The clipboard changed: remember it (as a digest) if it is case text on screen."""
        needle = self._clipboard.text().strip()
        if needle and any(needle in haystack for haystack in self._case_texts()):
            self._copied.add(_digest(needle))

    def holds_case_data(self) -> bool:
        text = self._clipboard.text()
        if not text.strip():
            return False
        return _digest(text) in self._copied or self._shown(text)

    def clear_if_case_data(self) -> bool:
        """Called at lock, before the widgets are cleared. True when something was cleared."""
        cleared = False
        if self.holds_case_data():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            cleared = True
        if self._clipboard.supportsSelection():
            selection = self._clipboard.text(QClipboard.Mode.Selection)
            if selection.strip() and (_digest(selection) in self._copied or self._shown(selection)):
                self._clipboard.clear(QClipboard.Mode.Selection)
        self._copied.clear()
        return cleared

    def detach(self) -> None:
        """Stop watching (at lock); calling it again does nothing."""
        if self._attached:
            self._clipboard.dataChanged.disconnect(self._changed)
            self._attached = False
        self._copied.clear()
