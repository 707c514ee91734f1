"""The records list as a Qt model over the store, one page at a time, however many records.

The store searches and sorts (in SQL, on its indexes); this model only holds the pages the
view has asked for, and loads the next as the list is scrolled. Every question goes to the
store on a thread of its own, through a connection of its own (``StoreReads``), and its answer
comes back here: a server that does not answer leaves the list "Loading…", never the window
frozen. An answer to a question since replaced (typing went on) is dropped. A change to one
record changes or removes just its row, so the view keeps its place, selection and speed.
"""

from __future__ import annotations

from collections.abc import Callable
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
from counsel.core.record_store import RecordNotFoundError, RecordStore
from counsel.core.store_writer import StoreWriter
from counsel.ui.background import run_in_background

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
#: A search counts its matches up to this many; past it, the window says "more than".
COUNT_UP_TO = 1_000

Parent = QModelIndex | QPersistentModelIndex


def read_on_own_thread(work: Callable[[], object], done: Callable[[object], None]) -> None:
    """Where the window's reads run: a lane of their own, never behind a write or a PDF."""
    run_in_background(work, done, lane="reads")


class StoreReads(StoreWriter):
    """The list's questions to the store, asked in order on the reads' thread, through a
    connection opened there (as the window's writer writes through its own)."""

    def __init__(self, store: RecordStore) -> None:
        super().__init__(store.another_connection, read_on_own_thread)

    def close(self) -> None:
        """Close the connection on its thread, after the questions asked before (whether
        or not the first of them has opened it yet)."""

        def close_there() -> None:
            opened, self._store = self._store, None
            if opened is not None:
                opened.close()

        self.run(close_there, lambda result: None)


class RecordsModel(QAbstractTableModel):
    """Matching records in the chosen order; ``total`` counts the matches, loaded or not
    (a search counts up to ``COUNT_UP_TO``: ``total_is_more_than``). ``loading`` while a
    question is out; ``answered`` as each answer is shown, ``failed`` with what went wrong."""

    totalChanged = Signal(int)
    loadingChanged = Signal(bool)
    answered = Signal()
    failed = Signal(object)

    def __init__(self, store: RecordStore, words: DocumentWords) -> None:
        super().__init__()
        self.reads = StoreReads(store)
        self.words = words  # dates in the language in use
        self.matching = RecordFilter()
        self.order = NEWEST_FIRST
        self.total = 0
        self._rows: list[RecordSummary] = []
        self._loaded = False  # nothing asked of the store yet
        self._question = 0  # the question the answers shown belong to
        self._out = 0  # answers awaited
        self._fetching = False
        self._all_fetched = True
        self._counted_for: RecordFilter | None = None  # what ``total`` counts

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
        return not parent.isValid() and not self._all_fetched and not self._fetching

    def fetchMore(self, parent: Parent) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        m, order, offset = self.matching, self.order, len(self._rows)
        self._ask(lambda store: _page(store, m, order, offset), self._more_rows)

    def _more_rows(self, page: list[RecordSummary]) -> None:
        self._fetching = False
        self._all_fetched = len(page) < PAGE_SIZE
        if page:
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

    @property
    def loading(self) -> bool:
        return self._out > 0

    @property
    def total_is_more_than(self) -> int | None:
        """``COUNT_UP_TO`` when a search matches more than that (``total`` is then one more)."""
        return COUNT_UP_TO if self.matching.search.strip() and self.total > COUNT_UP_TO else None

    def reload(self) -> None:
        """A new question (search, dates or order): the first page, then the count unless
        only the order changed. Answers to the questions before it are dropped as they come."""
        self._question += 1
        self._fetching = False
        m, order = self.matching, self.order
        self._ask(lambda store: _page(store, m, order, 0), self._first_rows)
        if self._counted_for != m:
            at_most = COUNT_UP_TO if m.search.strip() else None
            self._ask(
                lambda store: (m, store.count_records(m.search, m.since, m.until, at_most=at_most)),
                self._counted,
            )

    def _first_rows(self, page: list[RecordSummary]) -> None:
        self.beginResetModel()
        self._rows = page
        self._all_fetched = len(page) < PAGE_SIZE
        self._loaded = True
        self.endResetModel()

    def _counted(self, counted: tuple[RecordFilter, int]) -> None:
        self._counted_for, self.total = counted
        self.totalChanged.emit(self.total)

    def _ask(self, question: Callable[[RecordStore], Any], answer: Callable[[Any], None]) -> None:
        """``question(store)`` on the reads' thread; ``answer(its result)`` here, unless a
        newer question was asked meanwhile."""
        asked = self._question
        self._out += 1
        if self._out == 1:
            self.loadingChanged.emit(True)

        def answered(result: object) -> None:
            self._out -= 1
            if asked == self._question:
                if isinstance(result, Exception):
                    self._fetching = False
                    self.failed.emit(result)
                else:
                    answer(result)
                    self.answered.emit()
            if self._out == 0:
                self.loadingChanged.emit(False)

        self.reads.submit(question, answered)

    def close(self) -> None:
        """Stop the question under way (a server that does not answer would hold it for
        good) and close the reads' connection."""
        self.reads.interrupt()
        self.reads.close()

    def record_at(self, row: int) -> RecordSummary:
        return self._rows[row]

    def row_of(self, record_id: str) -> int | None:
        return next((row for row, r in enumerate(self._rows) if r.id == record_id), None)

    def change(
        self,
        record_id: str,
        change: Callable[[RecordStore], object],
        done: Callable[[Exception | None], None],
    ) -> None:
        """Make ``change(store)`` (a withdrawal, a deleted draft) on the reads' thread, after
        the questions asked before it, then show that record as stored now in its row, or
        drop the row if it is gone; ``done(None)``, or ``done(error)`` with the row as it was.
        A server that does not answer leaves the window live meanwhile."""

        def make(store: RecordStore) -> RecordSummary | None:
            change(store)
            try:
                return store.record(record_id)
            except RecordNotFoundError:
                return None

        def made(result: object) -> None:
            if isinstance(result, Exception):
                done(result)
                return
            if isinstance(result, RecordSummary):
                self._replace_row(record_id, result)
            else:  # gone: a deleted draft
                self._remove_row(record_id)
            done(None)

        self.reads.submit(make, made)

    def _replace_row(self, record_id: str, record: RecordSummary) -> None:
        row = self.row_of(record_id)
        if row is None:
            return
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _remove_row(self, record_id: str) -> None:
        """The rows after it move up; the view keeps its place."""
        row = self.row_of(record_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.total -= 1
        self.totalChanged.emit(self.total)


def _page(
    store: RecordStore, matching: RecordFilter, order: RecordOrder, offset: int
) -> list[RecordSummary]:
    """A page of the list (read on the reads' thread)."""
    m = matching
    return store.list_records(
        m.search, m.since, m.until, order=order, offset=offset, limit=PAGE_SIZE
    )
