"""The records list as a Qt model over the store, one page at a time, however many records.

The store searches and sorts (in SQL, on its indexes); this model only holds the pages the
view has asked for, and loads the next as the list is scrolled. A change to one record
changes or removes just its row, so the view keeps its place, selection and speed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from counsel.core.formatting import DocumentWords
from counsel.core.record_query import NEWEST_FIRST, RecordFilter, RecordOrder, RecordSummary
from counsel.core.record_status import IN_PROGRESS, SIGNED, WITHDRAWN
from counsel.core.record_store import RecordStore

#: Sort key (``record_query.SORT_KEYS``) and heading of each column, in order.
COLUMNS = (
    ("patient", QT_TRANSLATE_NOOP("RecordsModel", "Patient")),
    ("date_of_birth", QT_TRANSLATE_NOOP("RecordsModel", "Date of birth")),
    ("record_number", QT_TRANSLATE_NOOP("RecordsModel", "Record number")),
    ("started", QT_TRANSLATE_NOOP("RecordsModel", "Started")),
    ("clinician", QT_TRANSLATE_NOOP("RecordsModel", "Clinician")),
    ("status", QT_TRANSLATE_NOOP("RecordsModel", "Status")),
)
STATUS_COLUMN = len(COLUMNS) - 1
RECORD_ID = Qt.ItemDataRole.UserRole
PAGE_SIZE = 100  # a few screens of rows; the next page loads as the list nears its end

Parent = QModelIndex | QPersistentModelIndex


class RecordsModel(QAbstractTableModel):
    """Matching records in the chosen order; ``total`` counts all matches, loaded or not."""

    totalChanged = Signal(int)

    def __init__(self, store: RecordStore, words: DocumentWords) -> None:
        super().__init__()
        self.store = store
        self.words = words  # dates in the language in use
        self.matching = RecordFilter()
        self.order = NEWEST_FIRST
        self.total = 0
        self._rows: list[RecordSummary] = []
        self._loaded = False  # nothing asked of the store yet

    # -- what the view asks ------------------------------------------------------------------

    def rowCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(COLUMNS[section][1]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == RECORD_ID:
            return record.id
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):  # the tip shows a name cut short
            return self._cell(record, index.column())
        return None

    def _cell(self, record: RecordSummary, column: int) -> str:
        born = record.date_of_birth
        cells = (
            lambda: record.patient_name,
            lambda: self.words.format_date(born) if born else "",
            lambda: record.record_number,
            lambda: self.words.format_date(record.started_at.astimezone().date()),
            lambda: record.clinician,
            lambda: self.status_text(record.status),
        )
        return cells[column]()

    def status_text(self, status: str) -> str:
        texts = {
            IN_PROGRESS: self.tr("In progress"),
            SIGNED: self.tr("Signed"),
            WITHDRAWN: self.tr("Withdrawn"),
        }
        return texts.get(status, status)

    def canFetchMore(self, parent: Parent) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Parent) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._page(len(self._rows))
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows += page
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = RecordOrder(COLUMNS[column][0], descending)
        if wanted != self.order or not self._loaded:
            self.order = wanted
            self.reload()

    # -- what the window asks ----------------------------------------------------------------

    def set_filter(self, matching: RecordFilter) -> None:
        if matching != self.matching or not self._loaded:
            self.matching = matching
            self.reload()

    def reload(self) -> None:
        """A new question (search, dates or order): the count and the first page again."""
        self.beginResetModel()
        self.total = self.store.count_records(
            self.matching.search, self.matching.since, self.matching.until
        )
        self._rows = self._page(0)
        self._loaded = True
        self.endResetModel()
        self.totalChanged.emit(self.total)

    def record_at(self, row: int) -> RecordSummary:
        return self._rows[row]

    def row_of(self, record_id: str) -> int | None:
        return next((row for row, r in enumerate(self._rows) if r.id == record_id), None)

    def record_changed(self, record_id: str) -> None:
        """Show one record as stored now (after a withdrawal, say), in the row it is in."""
        row = self.row_of(record_id)
        if row is None:
            return
        self._rows[row] = self.store.record(record_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def record_removed(self, record_id: str) -> None:
        """Drop one record's row (a deleted draft); the rows after it move up."""
        row = self.row_of(record_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.total -= 1
        self.totalChanged.emit(self.total)

    def _page(self, offset: int) -> list[RecordSummary]:
        m = self.matching
        return self.store.list_records(
            m.search, m.since, m.until, order=self.order, offset=offset, limit=PAGE_SIZE
        )
