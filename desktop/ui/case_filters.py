"""Compact filter bar above the case list: status, verification, country, last-event dates.

Each control narrows the list; together with the search text they make one ``CaseFilter``
that the store applies in SQL. The dates are typed (``2018``, ``2018-03`` or
``2018-03-15``, keyboard first) and compared with the date of each case's latest event: a
case is shown when that date (an EDTF date may be a whole month or a span) overlaps the
range. "From 2018" starts on 1 January, "to 2018" ends on 31 December.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.domain.countries import country_name
from desktop.domain.vocab import STATUS, VERIFICATION, Vocabulary
from desktop.store.cases import CaseFilter

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def search_text(typed: str) -> str:
    """The search text as it is searched: single letters are left out until a second follows.

    One typed letter ("а", "B") matches nearly every case of a large vault, and finding and
    ordering 100,000 matches cost about a second per keystroke (bench/bench_gui.py) for a
    list nobody reads; two letters already narrow it. A Chinese character is a syllable,
    not a letter, and searches on its own.
    """
    words = [w for w in typed.split() if len(w) > 1 or _is_han(w)]
    return " ".join(words)


def _is_han(word: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in word)


def parse_bound(text: str, *, end: bool) -> date | None:
    """``2018`` / ``2018-03`` / ``2018-03-15`` as the first (or, with ``end``, last) day.

    Raises ``ValueError`` for anything else; empty text is no bound (None).
    """
    if not text.strip():
        return None
    m = _DATE.match(text)
    if m is None:
        raise ValueError(text)
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return date(year, month, last if end else 1)
    return date(year, month, day)


def _narrow(combo: QComboBox) -> None:
    """Size a filter combo to a short text, not its longest item: Russian and Kazakh labels
    ("Содержание под стражей подтверждено") would otherwise widen the whole window."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


class CaseFilterBar(QWidget):
    """Emits ``changed`` whenever the filter it shows changes (not for the search text)."""

    changed = Signal()

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_filters")
        self._lang = lang
        self._quiet = True  # no signals while the combo boxes are filled
        self._last = CaseFilter()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.status = self._vocab_combo("filter_status", self.tr("Any status"), STATUS)
        self.verification = self._vocab_combo(
            "filter_verification", self.tr("Any verification"), VERIFICATION
        )
        self.country = QComboBox()
        self.country.setObjectName("filter_country")
        _narrow(self.country)
        self.country.setToolTip(self.tr("Country of detention"))
        self.country.addItem(self.tr("Any country"), None)
        self.country.currentIndexChanged.connect(self._emit)

        self.date_from = self._date_field("filter_from", self.tr("From"))
        self.date_to = self._date_field("filter_to", self.tr("To"))
        tip = self.tr(
            "Date of the latest event: YYYY, YYYY-MM or YYYY-MM-DD. A case is shown when "
            "its latest event's date overlaps the range."
        )
        self.date_from.setToolTip(tip)
        self.date_to.setToolTip(tip)

        self.reset_button = QToolButton()
        self.reset_button.setObjectName("filter_reset")
        self.reset_button.setText(self.tr("Clear filters"))
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset)

        for widget in (
            self.status,
            self.verification,
            self.country,
            self.date_from,
            self.date_to,
            self.reset_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._quiet = False

    def _vocab_combo(self, name: str, anything: str, vocab: Vocabulary) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        _narrow(combo)
        combo.addItem(anything, None)
        for key in vocab.keys:
            combo.addItem(vocab.label(key, self._lang), key)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _date_field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setMaxLength(10)
        field.setClearButtonEnabled(True)
        width = field.fontMetrics().horizontalAdvance("0000-00-00") + 36
        field.setFixedWidth(width)
        # A typed date applies when complete (Enter or leaving the field), not per digit.
        field.editingFinished.connect(self._emit)
        field.textChanged.connect(self._check_date)
        return field

    def set_countries(self, codes: list[str]) -> None:
        """Offer the countries that cases are filed under; keeps the current choice."""
        current = self.country.currentData()
        self._quiet = True
        try:
            self.country.clear()
            self.country.addItem(self.tr("Any country"), None)
            named = sorted((country_name(c, self._lang), c) for c in codes)
            for name, code in named:
                self.country.addItem(f"{name} ({code})", code)
            index = self.country.findData(current) if current else 0
            self.country.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False

    def _check_date(self) -> None:
        for field, end in ((self.date_from, False), (self.date_to, True)):
            try:
                parse_bound(field.text(), end=end)
                ok = True
            except ValueError:
                ok = False
            field.setProperty("invalid", not ok)
            field.setStyleSheet("" if ok else "QLineEdit { border: 1px solid #c62828; }")
            if field.text().strip() == "" and field.property("applied"):
                # The clear button empties the field without editingFinished.
                self._emit()

    def _bound(self, field: QLineEdit, *, end: bool) -> date | None:
        try:
            return parse_bound(field.text(), end=end)
        except ValueError:
            return None  # shown in red; an incomplete date does not filter

    def current(self, text: str = "") -> CaseFilter:
        status = self.status.currentData()
        verification = self.verification.currentData()
        country = self.country.currentData()
        return CaseFilter(
            text=text,
            statuses=(status,) if status else (),
            verifications=(verification,) if verification else (),
            countries=(country,) if country else (),
            date_from=self._bound(self.date_from, end=False),
            date_to=self._bound(self.date_to, end=True),
        )

    def is_active(self) -> bool:
        return self.current() != CaseFilter()

    def reset(self) -> None:
        self._quiet = True
        try:
            for combo in (self.status, self.verification, self.country):
                combo.setCurrentIndex(0)
            self.date_from.clear()
            self.date_to.clear()
        finally:
            self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if self._quiet:
            return
        active = self.current()
        self.date_from.setProperty("applied", active.date_from is not None)
        self.date_to.setProperty("applied", active.date_to is not None)
        self.reset_button.setEnabled(active != CaseFilter())
        if active == self._last:
            return
        self._last = active
        self.changed.emit()
