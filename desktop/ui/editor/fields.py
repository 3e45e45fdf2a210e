"""One widget class per form field type; each reads and writes plain values.

Why plain values: a field widget knows nothing about the store or the case's structure.
It shows a value (a string, a bool, a list of name dicts, a list of event dicts) and gives
one back; where the value lives in the case is the form's ``maps_to``, applied by the
editor. All case data is shown as plain text: ``QLineEdit``, ``QPlainTextEdit``, table items
and labels with ``Qt.PlainText``, never a rich-text widget.
"""

from __future__ import annotations

import copy
from typing import Any

import phonenumbers
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.countries import all_countries, country_name, is_country
from desktop.domain.edtf import MAX_YEAR, MIN_YEAR, EDTFError, parse_edtf
from desktop.domain.names import detect_script
from desktop.domain.vocab import EVENT_TYPE, RELATIONSHIP, VOCABULARIES
from desktop.intake.form import Field
from desktop.ui.i18n import format_timestamp

_URL_PREFIXES = ("http://", "https://")


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets its text as HTML (case data may contain markup)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def edtf_problem(text: str) -> str | None:
    """The parser's message for an invalid EDTF date, or None when valid or empty."""
    if not text:
        return None
    try:
        parse_edtf(text)
    except EDTFError as exc:
        return str(exc)
    return None


def phone_problem(text: str) -> str | None:
    """Why ``text`` is not a usable international phone number (None when it is)."""
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return QCoreApplication.translate(
            "fields", "not a phone number: use the international format, e.g. {example}"
        ).format(example="+7 701 123 4567")
    if not phonenumbers.is_valid_number(number):
        return QCoreApplication.translate("fields", "not a valid phone number for its country code")
    return None


class FieldWidget(QWidget):
    """Base: a value editor plus a red error line under it."""

    changed = Signal()

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__()
        self.field = field
        self.lang = lang
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.error_label = plain_label()
        self.error_label.setObjectName(f"error_{field.id}")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        help_text = field.help_text(lang)
        self.help_label: QLabel | None = None
        if help_text:
            self.setToolTip(help_text)
            self.help_label = plain_label(help_text)
            self.help_label.setStyleSheet("color: palette(mid);")

    def _finish(self, editor: QWidget) -> None:
        self._layout.addWidget(editor)
        if self.help_label is not None:
            self._layout.addWidget(self.help_label)
        self._layout.addWidget(self.error_label)

    # Subclasses implement these three.
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        """A fault the widget can see itself (bad date, bad phone), before any saving."""
        return None

    def is_empty(self) -> bool:
        value = self.value()
        return value is None or value == "" or value == []

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def error(self) -> str | None:
        return self.error_label.text() if self.error_label.isVisible() else None

    def _emit(self, *_args: object) -> None:
        self.changed.emit()


class TextField(FieldWidget):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{field.id}")
        self.edit.setReadOnly(field.readonly)
        self.edit.textChanged.connect(self._emit)
        self._finish(self.edit)

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class PhoneField(TextField):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.edit.setPlaceholderText("+7 701 123 4567")

    def problem(self) -> str | None:
        return phone_problem(self.edit.text().strip())


class MultilineField(FieldWidget):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.edit = QPlainTextEdit()  # plain text: a narrative's "<b>" stays "<b>"
        self.edit.setObjectName(f"field_{field.id}")
        self.edit.setReadOnly(field.readonly)
        self.edit.setTabChangesFocus(True)
        lines = field.lines or 4
        margins = self.edit.contentsMargins().top() + self.edit.contentsMargins().bottom()
        self.edit.setFixedHeight(
            self.edit.fontMetrics().lineSpacing() * lines + 2 * self.edit.frameWidth() + margins + 8
        )
        self.edit.textChanged.connect(self._emit)
        self._finish(self.edit)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class UrlsField(MultilineField):
    """One http(s) link per line; the value is the list of links."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)

    def value(self) -> Any:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("\n".join(value or []))

    def problem(self) -> str | None:
        for i, url in enumerate(self.value(), 1):
            if not url.lower().startswith(_URL_PREFIXES) or " " in url:
                return self.tr("line {line}: not an http(s) link").format(line=i)
        return None


class ChoiceField(FieldWidget):
    """A vocabulary as a combo box: the case holds the key, the user sees the label."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.combo = QComboBox()
        self.combo.setObjectName(f"field_{field.id}")
        if not field.required or field.default is None:
            self.combo.addItem("—", None)
        for key, label in self._choices():
            self.combo.addItem(label, key)
        self.combo.setEnabled(not field.readonly)
        self.combo.currentIndexChanged.connect(self._emit)
        self._finish(self.combo)

    def _choices(self) -> list[tuple[str, str]]:
        assert self.field.vocabulary is not None  # noqa: S101 - checked by the form loader
        return VOCABULARIES[self.field.vocabulary].choices(self.lang)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        if value is None:
            value = self.field.default
        pos = self.combo.findData(value)
        self.combo.setCurrentIndex(max(pos, 0))


class RelationshipField(ChoiceField):
    """Kind of relationship to the detained person; the editor links the person key."""

    def _choices(self) -> list[tuple[str, str]]:
        return RELATIONSHIP.choices(self.lang)

    def value(self) -> Any:
        kind = self.combo.currentData()
        return {"kind": kind} if kind else None

    def set_value(self, value: Any) -> None:
        kind = value.get("kind") if isinstance(value, dict) else None
        self.combo.setCurrentIndex(max(self.combo.findData(kind), 0))


def country_choices(lang: str) -> list[tuple[str, str]]:
    """``(code, "Localised name (CODE)")`` sorted by the localised name."""
    rows = [(code, country_name(code, lang)) for code in all_countries()]
    rows.sort(key=lambda r: r[1].casefold())
    return [(code, f"{name} ({code})") for code, name in rows]


class CountryField(FieldWidget):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.combo = QComboBox()
        self.combo.setObjectName(f"field_{field.id}")
        self.combo.addItem("—", None)
        for code, text in country_choices(lang):
            self.combo.addItem(text, code)
        self.combo.setMaxVisibleItems(20)
        self.combo.currentIndexChanged.connect(self._emit)
        self._finish(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))


class CheckboxField(FieldWidget):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.box = QCheckBox()
        self.box.setObjectName(f"field_{field.id}")
        self.box.setEnabled(not field.readonly)
        self.box.toggled.connect(self._emit)
        self._finish(self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        if value is None:
            value = bool(self.field.default)
        self.box.setChecked(bool(value))

    def is_empty(self) -> bool:
        return not self.box.isChecked()


class EdtfHelper(QDialog):
    """Year / month / day plus approximate / uncertain → an EDTF date, for those who do not
    want to learn the notation."""

    def __init__(self, parent: QWidget | None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date"))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.month = QSpinBox()
        self.month.setRange(0, 12)
        self.month.setSpecialValueText("—")
        self.day = QSpinBox()
        self.day.setRange(0, 31)
        self.day.setSpecialValueText("—")
        self.approximate = QCheckBox(self.tr("approximate (~)"))
        self.uncertain = QCheckBox(self.tr("uncertain (?)"))
        self.error = plain_label()
        self.error.setStyleSheet("color: #b00020;")
        layout = QFormLayout(self)
        layout.addRow(self.tr("Year"), self.year)
        layout.addRow(self.tr("Month"), self.month)
        layout.addRow(self.tr("Day"), self.day)
        layout.addRow(self.approximate)
        layout.addRow(self.uncertain)
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self._prefill(text)

    def _prefill(self, text: str) -> None:
        self.year.setValue(2018)
        try:
            date = parse_edtf(text) if text else None
        except EDTFError:
            date = None
        if date is None or date.is_interval:
            return
        body = text.rstrip("?~%")
        parts = body.split("-")
        if parts[0].isdigit():
            self.year.setValue(int(parts[0]))
        if len(parts) > 1 and parts[1].isdigit():
            self.month.setValue(int(parts[1]))
        if len(parts) > 2 and parts[2].isdigit():
            self.day.setValue(int(parts[2]))
        self.approximate.setChecked(date.approximate)
        self.uncertain.setChecked(date.uncertain)

    def text(self) -> str:
        out = f"{self.year.value():04d}"
        if self.month.value():
            out += f"-{self.month.value():02d}"
            if self.day.value():
                out += f"-{self.day.value():02d}"
        if self.approximate.isChecked() and self.uncertain.isChecked():
            out += "%"
        elif self.approximate.isChecked():
            out += "~"
        elif self.uncertain.isChecked():
            out += "?"
        return out

    def _accept(self) -> None:
        problem = edtf_problem(self.text())
        if problem:
            self.error.setText(problem)
            return
        self.accept()


class EdtfField(TextField):
    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.edit.setPlaceholderText("2018-03-15, 2018-03, 2018~, 2018-03/2018-05")
        # The helper button sits beside the line edit.
        self._layout.removeWidget(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.edit)
        self.helper_button = QToolButton()
        self.helper_button.setText("…")
        self.helper_button.setToolTip(self.tr("Year / month / day helper"))
        self.helper_button.clicked.connect(self.open_helper)
        row.addWidget(self.helper_button)
        self._layout.insertLayout(0, row)

    def open_helper(self) -> None:
        dialog = EdtfHelper(self, self.edit.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit.setText(dialog.text())

    def problem(self) -> str | None:
        return edtf_problem(self.edit.text().strip())


class _NameRow(QWidget):
    def __init__(self, owner: NamesField, name: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.original = dict(name or {})
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.value = QLineEdit(str(self.original.get("value", "")))
        self.value.setObjectName("name_value")
        self.script = plain_label()
        self.script.setObjectName("name_script")
        self.script.setMinimumWidth(36)
        self.script.setToolTip(self.tr("Script, detected from the letters (ISO 15924)"))
        self.lang = QLineEdit(str(self.original.get("lang", "")))
        self.lang.setObjectName("name_lang")
        self.lang.setPlaceholderText(self.tr("lang"))
        self.lang.setToolTip(self.tr("Language of this name (BCP 47: kk, ru, ug, zh, en)"))
        self.lang.setMaximumWidth(56)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this name"))
        remove.clicked.connect(lambda: owner.remove_row(self))
        for widget in (self.value, self.script, self.lang, remove):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.value.textChanged.connect(self._update_script)
        self.value.textChanged.connect(owner._emit)
        self.lang.textChanged.connect(owner._emit)
        self._update_script()

    def script_code(self) -> str:
        text = self.value.text().strip()
        if text == self.original.get("value") and self.original.get("script"):
            return str(self.original["script"])  # keep what the source said for unchanged text
        return detect_script(text)

    def _update_script(self) -> None:
        self.script.setText(self.script_code() if self.value.text().strip() else "")

    def name(self) -> dict[str, Any] | None:
        text = self.value.text().strip()
        if not text:
            return None
        out: dict[str, Any] = {"value": text, "script": self.script_code()}
        if self.lang.text().strip():
            out["lang"] = self.lang.text().strip()
        return out


class NamesField(FieldWidget):
    """Names in several scripts: value, detected script, language; rows can be added."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        box = QWidget()
        self.rows_layout = QVBoxLayout(box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[_NameRow] = []
        self.add_button = QPushButton(self.tr("Add name"))
        self.add_button.setObjectName(f"add_{field.id}")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.rows_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.setObjectName(f"field_{field.id}")
        self._finish(box)

    def add_row(self, name: dict[str, Any] | None = None, *, focus: bool = False) -> _NameRow:
        row = _NameRow(self, name)
        self.rows.append(row)
        self.rows_layout.insertWidget(len(self.rows) - 1, row)
        if focus:
            row.value.setFocus()
            self.changed.emit()
        return row

    def remove_row(self, row: _NameRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        if not self.rows:
            self.add_row()
        self.changed.emit()

    def value(self) -> Any:
        return [n for n in (r.name() for r in self.rows) if n is not None]

    def set_value(self, value: Any) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for name in value or []:
            self.add_row(name)
        if not self.rows:
            self.add_row()  # always one empty line to type into


EVENT_COLUMNS = ("type", "date", "facility", "locality", "country", "authority", "charges")
EVENT_HEADERS = ("Type", "Date", "Facility", "Place", "Country", "Authority", "Charges")
"""English column headings; the table shows :meth:`EventsField.headers` (translated)."""
_PLACE_COLUMNS = ("facility", "locality", "country")


class EventsField(FieldWidget):
    """The ordered timeline: one row per event; other event keys are kept as they were."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.table = QTableWidget(0, len(EVENT_COLUMNS))
        self.table.setObjectName(f"field_{field.id}")
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._originals: list[dict[str, Any]] = []
        self.table.itemChanged.connect(self._emit)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add event"))
        self.add_button.setObjectName("add_event")
        self.add_button.clicked.connect(lambda: self.add_event({"type": "detained"}))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.date_button = QPushButton(self.tr("Date…"))
        self.date_button.setToolTip(
            self.tr("Year / month / day helper for the selected event's date")
        )
        self.date_button.clicked.connect(self.date_helper)
        for b in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.date_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        container = QWidget()
        inner = QVBoxLayout(container)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table)
        inner.addLayout(buttons)
        self._finish(container)

    def headers(self) -> list[str]:
        return [
            self.tr("Type"),
            self.tr("Date"),
            self.tr("Facility"),
            self.tr("Place"),
            self.tr("Country"),
            self.tr("Authority"),
            self.tr("Charges"),
        ]

    def _type_combo(self, key: str) -> QComboBox:
        combo = QComboBox()
        for k, label in EVENT_TYPE.choices(self.lang):
            combo.addItem(label, k)
        combo.setCurrentIndex(max(combo.findData(key), 0))
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def add_event(self, event: dict[str, Any], *, emit: bool = True) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self._originals.append(copy.deepcopy(event))
        self.table.setCellWidget(row, 0, self._type_combo(str(event.get("type", "other"))))
        place = event.get("place") or {}
        for col, key in enumerate(EVENT_COLUMNS[1:], 1):
            source = place if key in _PLACE_COLUMNS else event
            self.table.setItem(row, col, QTableWidgetItem(str(source.get(key) or "")))
        self.table.blockSignals(False)
        if emit:
            self.table.setCurrentCell(row, 1)
            self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self._originals[row]
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        events = self.value()
        events[row], events[target] = events[target], events[row]
        self.set_value(events)
        self.table.setCurrentCell(target, 1)
        self.changed.emit()

    def date_helper(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 1)
        dialog = EdtfHelper(self, item.text().strip() if item else "")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.table.setItem(row, 1, QTableWidgetItem(dialog.text()))

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def value(self) -> Any:
        events = []
        for row in range(self.table.rowCount()):
            event = copy.deepcopy(self._originals[row])
            combo = self.table.cellWidget(row, 0)
            assert isinstance(combo, QComboBox)  # noqa: S101 - set by add_event
            event["type"] = combo.currentData()
            place = dict(event.get("place") or {})
            for col, key in enumerate(EVENT_COLUMNS[1:], 1):
                text = self._cell(row, col)
                target = place if key in _PLACE_COLUMNS else event
                if text:
                    target[key] = text
                else:
                    target.pop(key, None)
            if place:
                event["place"] = place
            else:
                event.pop("place", None)
            events.append(event)
        return events

    def set_value(self, value: Any) -> None:
        self.table.setRowCount(0)
        self._originals = []
        for event in value or []:
            self.add_event(event, emit=False)
        self.table.resizeColumnsToContents()

    def problem(self) -> str | None:
        for row in range(self.table.rowCount()):
            date_problem = edtf_problem(self._cell(row, 1))
            if date_problem:
                return self.tr("row {row}: date: {problem}").format(
                    row=row + 1, problem=date_problem
                )
            country = self._cell(row, 4)
            if country and not is_country(country):
                return self.tr("row {row}: country: use a two-letter code such as KZ or CN").format(
                    row=row + 1
                )
        return None


class AppealsField(FieldWidget):
    """Read-only list of the case's appeals (letters are written in the Letters window)."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.view = QPlainTextEdit()
        self.view.setObjectName(f"field_{field.id}")
        self.view.setReadOnly(True)
        self.view.setPlaceholderText("—")
        self.view.setMaximumHeight(90)
        self._value: Any = None
        self._finish(self.view)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = copy.deepcopy(value)
        lines = []
        for appeal in value or []:
            parts = [
                appeal.get("date", "—"),
                appeal.get("recipient", ""),
                appeal.get("status", ""),
                f"({appeal['language']})" if appeal.get("language") else "",
            ]
            lines.append("  ".join(p for p in parts if p))
        self.view.setPlainText("\n".join(lines))


class HistoryField(FieldWidget):
    """Read-only: the store's history entries of this case, oldest first."""

    def __init__(self, field: Field, lang: str = "en") -> None:
        super().__init__(field, lang)
        self.view = QPlainTextEdit()
        self.view.setObjectName(f"field_{field.id}")
        self.view.setReadOnly(True)
        self.view.setPlaceholderText("—")
        self.view.setMaximumHeight(110)
        self._finish(self.view)

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        lines = []
        for entry in value or []:
            detail = entry.get("detail") or {}
            revision = detail.get("revision") if isinstance(detail, dict) else None
            action = str(entry.get("action", ""))
            action = {
                "create": self.tr("create"),
                "update": self.tr("update"),
                "delete": self.tr("delete"),
            }.get(action, action)
            text = f"{format_timestamp(entry.get('at'), self.lang)}  {action}"
            if revision is not None:
                text += "  " + self.tr("revision {number}").format(number=revision)
            text += "  " + self.tr("device {device}").format(
                device=str(entry.get("device", ""))[:12]
            )
            lines.append(text)
        self.view.setPlainText("\n".join(lines))


WIDGETS: dict[str, type[FieldWidget]] = {
    "text": TextField,
    "multiline": MultilineField,
    "names": NamesField,
    "edtf-date": EdtfField,
    "country": CountryField,
    "choice": ChoiceField,
    "phone": PhoneField,
    "relationship": RelationshipField,
    "checkbox": CheckboxField,
    "events-table": EventsField,
    "list-of-urls": UrlsField,
    "appeals": AppealsField,
    "history": HistoryField,
}


def make_field(field: Field, lang: str = "en") -> FieldWidget:
    return WIDGETS[field.type](field, lang)
