"""The Appeals tab of the case editor: the case's appeal log and its status changes.

Only the transitions the log allows are offered (``desktop.letters.appeals.TRANSITIONS``):
each status button is enabled for the selected appeal when it may move there. A change is
written through ``AppealLog`` (one case save, one history entry), then the case is reloaded
by the main window. "Follow-up letter" opens the composer with the follow-up template to the
same recipient.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import vocab
from desktop.letters.appeals import OPEN_STATUSES, TRANSITIONS, AppealRow, rows_of

COLUMNS = ("date", "recipient", "template", "language", "status", "reference", "follow_up")


class AppealsTab(QWidget):
    """Shows one case's appeals; asks its owner (``change``) to apply a status change."""

    follow_up_requested = Signal(str)  # recipient id
    new_letter_requested = Signal()

    def __init__(
        self,
        change: Callable[[int, str, str | None, str | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appeals_tab")
        self._change = change
        self.rows: list[AppealRow] = []
        self.status_labels = {
            "drafted": self.tr("drafted"),
            "sent": self.tr("sent"),
            "acknowledged": self.tr("acknowledged"),
            "answered": self.tr("answered"),
            "no-answer": self.tr("no answer"),
        }
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("appeals_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Recipient"),
                self.tr("Template"),
                self.tr("Language"),
                self.tr("Status"),
                self.tr("Reference"),
                self.tr("Follow-up"),
            ]
        )
        read_only_rows(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status_buttons: dict[str, QPushButton] = {}
        texts = {
            "sent": self.tr("Mark sent"),
            "acknowledged": self.tr("Acknowledged"),
            "no-answer": self.tr("No answer"),
            "answered": self.tr("Answered"),
        }
        for status, text in texts.items():
            button = QPushButton(text, self)
            button.setObjectName(f"appeal_{status.replace('-', '_')}")
            button.clicked.connect(lambda _c=False, s=status: self._apply(s))
            self.status_buttons[status] = button
        self.response = QComboBox(self)
        self.response.setObjectName("appeal_response")
        self.response.setToolTip(self.tr("The official response, recorded with Answered"))
        response_labels = {
            "none": self.tr("no response"),
            "denial": self.tr("denial"),
            "confirmation-of-detention": self.tr("confirmation of detention"),
            "release-confirmed": self.tr("release confirmed"),
        }
        for key in vocab.OFFICIAL_RESPONSE.keys:
            self.response.addItem(response_labels.get(key, key), key)
        # Free text recorded with the next status change: the official answer when the
        # response is "other", or anything else worth keeping (as the CLI's --notes).
        self.notes = QLineEdit(self)
        self.notes.setObjectName("appeal_notes")
        self.notes.setPlaceholderText(
            self.tr("Notes or the text of the answer (saved with the next status change)")
        )
        self.follow_up_button = QPushButton(self.tr("Follow-up letter…"), self)
        self.follow_up_button.setObjectName("appeal_follow_up")
        self.follow_up_button.clicked.connect(self._follow_up)
        self.new_button = QPushButton(self.tr("New letter…"), self)
        self.new_button.setObjectName("appeal_new_letter")
        self.new_button.clicked.connect(self.new_letter_requested.emit)
        self.empty = QLabel(self.tr("No letter has been recorded for this case yet."), self)
        self.empty.setObjectName("appeals_empty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)

        # Two rows: in Russian or Kazakh one row of these buttons is wider than the editor.
        buttons = QHBoxLayout()
        for status in ("sent", "acknowledged", "no-answer"):
            buttons.addWidget(self.status_buttons[status])
        buttons.addStretch(1)
        letters = QHBoxLayout()
        letters.addWidget(self.status_buttons["answered"])
        letters.addWidget(self.response)
        letters.addStretch(1)
        letters.addWidget(self.follow_up_button)
        letters.addWidget(self.new_button)
        self.response.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.response.setMinimumContentsLength(12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addLayout(letters)
        self.set_case(None)

    # ------------------------------------------------------------------ content
    def set_case(self, case: dict[str, Any] | None) -> None:
        """Show the appeals of ``case`` (None: no saved case open)."""
        keep = self.selected_number()
        self.rows = rows_of(case) if case is not None else []
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            values = (
                row.date or "",
                row.recipient,
                row.template or "",
                row.language or "",
                self._status_text(row),
                row.reference or "",
                row.follow_up or "" if row.status in OPEN_STATUSES else "",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text items: never interpreted
                item.setData(Qt.ItemDataRole.UserRole, row.number)
                self.table.setItem(i, col, item)
        self.empty.setVisible(case is not None and not self.rows)
        self.new_button.setEnabled(case is not None)
        # setCurrentCell, not selectRow: in the right-to-left (Uyghur) layout Qt's selectRow
        # selects nothing.
        if keep is not None and 0 < keep <= len(self.rows):
            self.table.setCurrentCell(keep - 1, 0)
        elif self.rows:
            self.table.setCurrentCell(len(self.rows) - 1, 0)
        self._update_buttons()

    def _status_text(self, row: AppealRow) -> str:
        text = self.status_labels.get(row.status, row.status)
        if row.status == "answered" and row.response:
            text = f"{text} ({self.response.itemText(self.response.findData(row.response))})"
        return text

    def selected_number(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return rows[0].row() + 1

    def selected(self) -> AppealRow | None:
        number = self.selected_number()
        if number is None or number > len(self.rows):
            return None
        return self.rows[number - 1]

    def _update_buttons(self) -> None:
        row = self.selected()
        allowed = TRANSITIONS.get(row.status, ()) if row is not None else ()
        for status, button in self.status_buttons.items():
            button.setEnabled(status in allowed)
        self.response.setEnabled("answered" in allowed)
        self.follow_up_button.setEnabled(row is not None and row.status in OPEN_STATUSES)

    # ------------------------------------------------------------------ actions
    def _apply(self, status: str) -> None:
        row = self.selected()
        if row is None or status not in TRANSITIONS.get(row.status, ()):
            return
        response = str(self.response.currentData()) if status == "answered" else None
        notes = self.notes.text().strip() or None
        self._change(row.number, status, response, notes)
        self.notes.clear()

    def _follow_up(self) -> None:
        row = self.selected()
        if row is not None:
            self.follow_up_requested.emit(row.recipient)


def read_only_rows(table: QTableWidget) -> None:
    """One row selected at a time, nothing edited in place, columns fitted, last one filling."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)


def today() -> _dt.date:
    return _dt.date.today()
