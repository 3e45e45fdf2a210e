"""Lazily fetched case list: filtered, searched and sorted in SQL, read in pages as it scrolls.

The model holds the current ``CaseFilter`` and sort and asks its source (the store's
``CaseRepository``: ``page``, ``count_matching``, and ``first_page`` for both at once
when a search changes) for one page of ``PAGE`` rows at a
time — only when the view needs them (``canFetchMore``/``fetchMore``). Column sorts page by
keyset (the next page starts after the last row held), so a page far down a 100,000-case
list costs what the first one does. Search text without a column sort is shown in
relevance order.

Sorting: a click on a header sorts by that column ascending, a second click descending, a
third returns to the default order (reference; relevance while searching). The "HQ"
column cannot be sorted.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.countries import country_name, is_country
from desktop.domain.vocab import APPEAL_STATUS, STATUS, VERIFICATION, Vocabulary
from desktop.store.cases import RELEVANCE, CaseFilter, CaseSort, CaseSummary
from desktop.ui.i18n import format_edtf

PAGE = 500
COLUMNS = (
    "Reference",
    "Detained person",
    "Last event",
    "Place",
    "Status",
    "Verification",
    "Appeals",
    "HQ",
)
# The store's sort key of each column (None: not sortable).
SORT_KEYS: tuple[str | None, ...] = (
    "reference",
    "detained",
    "last_event",
    "place",
    "status",
    "verification",
    "appeals",
    None,
)
HQ_COLUMN = 7
TICK = "✓"

Index = QModelIndex | QPersistentModelIndex
# The roles ``CaseListModel.data`` answers; None for every other one.
_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole}
)


class CaseSource(Protocol):
    """What the model reads from (``CaseRepository`` in the application)."""

    def page(
        self,
        filt: CaseFilter = ...,
        sort: CaseSort = ...,
        *,
        after: CaseSummary | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> list[CaseSummary]: ...

    def count_matching(self, filt: CaseFilter = ...) -> int: ...

    def first_page(
        self, filt: CaseFilter = ..., sort: CaseSort = ..., *, limit: int = 500
    ) -> tuple[int, list[CaseSummary]]: ...


def _label(vocab: Vocabulary, key: str, lang: str) -> str:
    # A key from a newer version of the app shows as it is.
    return vocab.label(key, lang) if key in vocab else key


class CaseListModel(QAbstractTableModel):
    """Holds plain ``CaseSummary`` values, never ORM objects (they outlive no session)."""

    def __init__(self, source: CaseSource, lang: str = "en") -> None:
        super().__init__()
        self._source = source
        self._lang = lang
        self._filter = CaseFilter()
        self._sort: CaseSort | None = None  # chosen by a header click; None: default order
        self._rows: list[CaseSummary] = []
        # The display texts of each row held, made on the first paint of the row (a paint
        # asks for every cell, often several times); dropped with the rows (_set_rows).
        self._texts: dict[int, tuple[str, ...]] = {}
        self._count = 0
        self.pages_fetched = 0  # for tests and the benchmark: pages read since the start

    # ------------------------------------------------------------------ state
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def matching(self) -> int:
        """How many cases match the filter (the rows held are a prefix of them)."""
        return self._count

    @property
    def user_sort(self) -> CaseSort | None:
        return self._sort

    def effective_sort(self, filt: CaseFilter | None = None) -> CaseSort:
        if self._sort is not None:
            return self._sort
        text = (filt or self._filter).text.strip()
        return CaseSort(RELEVANCE) if text else CaseSort()

    def sort_column(self) -> int:
        """The column the rows are sorted by, -1 for the default order."""
        if self._sort is None:
            return -1
        return SORT_KEYS.index(self._sort.key) if self._sort.key in SORT_KEYS else -1

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Count the matches again and drop the rows held; the view fetches what it shows."""
        count = self._source.count_matching(self._filter)
        self.beginResetModel()
        self._set_rows([])
        self._count = count
        self.endResetModel()

    def set_filter(self, filt: CaseFilter) -> None:
        """Show the cases matching ``filt`` (reads the count now, rows when asked)."""
        self._filter = filt
        self.reload()

    def show_result(self, filt: CaseFilter, count: int, first: list[CaseSummary]) -> None:
        """Show a filter whose count and first page were read elsewhere (a worker job)."""
        self.beginResetModel()
        self._filter = filt
        self._set_rows(list(first))
        self._count = count if first or count == 0 else 0
        self.endResetModel()

    def _set_rows(self, rows: list[CaseSummary]) -> None:
        self._rows = rows
        self._texts = {}

    def first_page(self, filt: CaseFilter) -> tuple[int, list[CaseSummary]]:
        """Count and first page for ``filt`` in the current sort; safe off the GUI thread."""
        return self._source.first_page(filt, self.effective_sort(filt), limit=PAGE)

    def clear(self) -> None:
        """Forget every row (lock): nothing of the cases stays in memory."""
        self.beginResetModel()
        self._set_rows([])
        self._count = 0
        self._filter = CaseFilter()
        self.endResetModel()

    def set_sort(self, sort: CaseSort | None) -> None:
        """Sort by ``sort`` (None: default order); the same cases, so no new count."""
        self.beginResetModel()
        self._sort = sort
        self._set_rows([])
        self.endResetModel()

    def next_sort(self, column: int) -> CaseSort | None:
        """The sort a click on ``column``'s header asks for: asc → desc → default."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return self._sort
        if self._sort is None or self._sort.key != key:
            return CaseSort(key)
        if not self._sort.descending:
            return CaseSort(key, descending=True)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort entry point: sort by ``column`` in ``order`` (ignored for "HQ")."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        self.set_sort(CaseSort(key, descending=order == Qt.SortOrder.DescendingOrder))

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._count

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        # Qt may call this without asking canFetchMore first (QAbstractItemModelTester does).
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        sort = self.effective_sort()
        if sort.key == RELEVANCE or not self._rows:
            page = self._source.page(self._filter, sort, offset=start, limit=PAGE)
        else:
            page = self._source.page(self._filter, sort, after=self._rows[-1], limit=PAGE)
        self.pages_fetched += 1
        if not page:
            self._count = start  # cases deleted elsewhere since the count: stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        if len(page) < PAGE:
            self._count = len(self._rows)

    def case_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int:
        """The row of a case among the rows held, -1 if it is not (yet) fetched."""
        for row, summary in enumerate(self._rows):
            if summary.id == case_id:
                return row
        return -1

    def place_text(self, s: CaseSummary) -> str:
        """The place with its country code (last part, as the store writes it) named in the
        UI language: "Ghulja, CN" → "Ghulja, Китай"."""
        head, sep, last = s.place.rpartition(", ")
        if is_country(last):
            return head + sep + country_name(last, self._lang)
        return s.place

    def appeals_text(self, s: CaseSummary) -> str:
        if not s.appeals:
            return "0"
        state = _label(APPEAL_STATUS, s.appeal_state, self._lang) if s.appeal_state else ""
        return f"{s.appeals} · {state}" if state else str(s.appeals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for about ten roles per cell (font, colours, icon…), fitting the column
        # widths alone for 100 rows: the roles answered below are checked first.
        if role not in _ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        s = self._rows[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self._texts.get(row)
            if values is None:
                values = self._texts[row] = (
                    s.reference,
                    s.detained_name,
                    format_edtf(s.last_event_date, self._lang),
                    self.place_text(s),
                    _label(STATUS, s.status, self._lang),
                    _label(VERIFICATION, s.verification, self._lang),
                    self.appeals_text(s),
                    TICK if s.received_by_hq else "",
                )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and s.place:
            return self.place_text(s)  # the whole place when the column is too narrow
        if role == Qt.ItemDataRole.ToolTipRole and column == HQ_COLUMN and s.received_by_hq:
            return self.tr("HQ acknowledged the current version of this case")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HQ_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def column_titles(self) -> tuple[str, ...]:
        """The column headings in the UI language (``COLUMNS`` holds the English ones)."""
        return (
            self.tr("Reference"),
            self.tr("Detained person"),
            self.tr("Last event"),
            self.tr("Place"),
            self.tr("Status"),
            self.tr("Verification"),
            self.tr("Appeals"),
            self.tr("HQ"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == HQ_COLUMN:
                return self.tr("Received by HQ: a tick when HQ acknowledged the current version")
            if section == 3:
                return self.tr("Where the person was detained (first detention event)")
            if section == 2:
                return self.tr("Date of the latest event")
        return None
