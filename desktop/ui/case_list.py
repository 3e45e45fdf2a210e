"""Lazily fetched case list: rows are read from the store in pages as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.vocab import STATUS, VERIFICATION
from desktop.store.cases import CaseSummary

PAGE = 500
COLUMNS = (
    "Reference",
    "Detained person",
    "Last event",
    "Country",
    "Status",
    "Verification",
    "Appeals",
)

Index = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    """Holds plain ``CaseSummary`` values, never ORM objects (they outlive no session)."""

    def __init__(
        self,
        fetch: Callable[[int, int], list[CaseSummary]],
        total: Callable[[], int],
        lang: str = "en",
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._total = total
        self._rows: list[CaseSummary] = []
        self._count = 0
        self._lang = lang

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._count = self._total()
        self.endResetModel()

    def set_rows(self, rows: list[CaseSummary]) -> None:
        """Show a fixed list (search results) instead of the paged store."""
        self.beginResetModel()
        self._rows = list(rows)
        self._count = len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._count

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        # Qt may call this without asking canFetchMore first (QAbstractItemModelTester does);
        # search results must then not be extended with the store's next page.
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        page = self._fetch(start, PAGE)
        if not page:
            self._count = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def case_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        s = self._rows[index.row()]
        values = (
            s.reference,
            s.detained_name,
            s.last_event_date or "",
            s.country or "",
            STATUS.label(s.status, self._lang) if s.status in STATUS else s.status,
            VERIFICATION.label(s.verification, self._lang)
            if s.verification in VERIFICATION
            else s.verification,
            str(s.appeals),
        )
        return values[index.column()]

    def column_titles(self) -> tuple[str, ...]:
        """The column headings in the UI language (``COLUMNS`` holds the English ones)."""
        return (
            self.tr("Reference"),
            self.tr("Detained person"),
            self.tr("Last event"),
            self.tr("Country"),
            self.tr("Status"),
            self.tr("Verification"),
            self.tr("Appeals"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        return None
