"""The "Follow-ups due" view: appeals across all cases whose follow-up date has come and
that no later letter to the same recipient has followed up (``AppealLog.due``).

The list is computed in a worker job (it reads every case); a double-click opens the case.
Rows show references, recipients and dates only — no names.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Session
from desktop.letters.appeals import AppealLog, AppealRow
from desktop.ui import workers
from desktop.ui.editor.fields import plain_label
from desktop.ui.letters.appeals_tab import read_only_rows
from desktop.ui.unlock_dialog import describe_error


class FollowUpsDialog(QDialog):
    loaded = Signal()
    open_case = Signal(str)  # case reference

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, today: _dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("follow_ups")
        self.setWindowTitle(self.tr("Follow-ups due"))
        self.resize(820, 420)
        self.session = session
        self.today = today or _dt.date.today()
        self.rows: list[AppealRow] = []
        self._job: workers.Job | None = None
        self.status = plain_label(self.tr("Looking for follow-ups that are due…"))
        self.status.setObjectName("follow_ups_status")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("follow_ups_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Follow-up due"),
                self.tr("Case"),
                self.tr("Recipient"),
                self.tr("Template"),
                self.tr("Letter date"),
                self.tr("Status"),
            ]
        )
        read_only_rows(self.table)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        cases, today = self.session.store.cases, self.today
        self._job = workers.start(lambda: AppealLog(cases).due(today), self._show, self._failed)

    def is_loading(self) -> bool:
        return self._job is not None

    def _show(self, rows: list[AppealRow]) -> None:
        self._job = None
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = (
                row.follow_up or "",
                row.case_reference,
                row.recipient,
                row.template or "",
                row.date or "",
                row.status,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.case_reference)
                self.table.setItem(i, col, item)
        self.status.setText(
            self.tr("{count} follow-ups are due. Double-click one to open its case.").format(
                count=len(rows)
            )
            if rows
            else self.tr("No follow-up is due.")
        )
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.status.setText(describe_error(exc))
        self.loaded.emit()

    def _double_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_case.emit(self.rows[row].case_reference)
