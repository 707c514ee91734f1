"""Finding, reopening and reprinting signed acknowledgements, and checking they are intact.

The list is a view on ``RecordsModel``: years of records open as fast as a few, a search
waits for a pause in typing, and an action on one record changes only its row. The list is
read on a thread of its own: the window says "Loading…" until the rows come, and stays live
however long the store takes (a server that does not answer).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counsel.core.audit_chain import VerifyReport
from counsel.core.formatting import DocumentWords
from counsel.core.record_query import RecordFilter, RecordSummary
from counsel.core.record_status import IN_PROGRESS, SIGNED
from counsel.core.record_store import RecordStore
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_writer import as_error
from counsel.ui.record_viewer import OpenedRecord, RecordViewer, open_record
from counsel.ui.records_model import COLUMNS, STATUS_COLUMN, RecordsModel
from counsel.ui.saving import may_replace
from counsel.ui.store_place import store_place
from counsel.ui.verify_progress import VerifyProgress

PERIODS = (
    (None, QT_TRANSLATE_NOOP("RecordsWindow", "Any date")),
    (0, QT_TRANSLATE_NOOP("RecordsWindow", "Today")),
    (7, QT_TRANSLATE_NOOP("RecordsWindow", "Last 7 days")),
    (30, QT_TRANSLATE_NOOP("RecordsWindow", "Last 30 days")),
    (365, QT_TRANSLATE_NOOP("RecordsWindow", "Last 12 months")),
)
SEARCH_PAUSE_MS = 250  # search once typing pauses, not on every key
RESIZE_SAMPLE_ROWS = 30  # columns fit the first rows; reading every loaded row costs more
STARTED_COLUMN = next(n for n, (key, _) in enumerate(COLUMNS) if key == "started")
OPENING, EXPORTING, CHANGING = "opening", "exporting", "changing"  # under way for a record
DATE_COLUMNS = [n for n, (key, _) in enumerate(COLUMNS) if key in ("date_of_birth", "started")]


def audit_file(path: Path, chosen_filter: str) -> Path:
    """``path`` with the kind the user picked (.csv or .json) when its name has neither."""
    if path.suffix.lower() in (".csv", ".json"):
        return path
    return path.with_name(path.name + (".json" if "json" in chosen_filter.lower() else ".csv"))


class RecordsWindow(QDialog):
    """The clinic's records: search, sort, open, reprint, export, withdraw, verify."""

    resumeRequested = Signal(str)

    def __init__(
        self, store: RecordStore, words: DocumentWords, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordsWindow")
        self.setWindowTitle(self.tr("Signed records"))
        self.resize(1100, 640)
        self.store = store
        self.progress: VerifyProgress | None = None  # the check under way or last run
        self._failure_shown = False  # the count line says why the list could not be read
        #: What is under way for a record on the reads' thread (``OPENING``, ``EXPORTING``,
        #: ``CHANGING``): its row's buttons wait until it is done.
        self._under_way: dict[str, str] = {}
        self.model = RecordsModel(store, words)
        layout = QVBoxLayout(self)
        layout.addWidget(store_place(store))
        layout.addLayout(self._filters())
        self.count = QLabel()
        self.count.setObjectName("recordCount")
        summary = QHBoxLayout()
        summary.addWidget(self.count, 1)
        layout.addLayout(summary)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No records match this search."))
        self.empty.setObjectName("noRecords")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()  # until a search is counted and matches nothing
        layout.addWidget(self.empty, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("verifyNew", self.tr("Verify new"), self.verify_new),
            ("verify", self.tr("Verify all"), self.verify_all),
            ("verifyFull", self.tr("Full validation"), self.validate_fully),
        ):
            summary.addWidget(self._button(name, text, slot))
        self.buttons["verifyFull"].setToolTip(
            self.tr(
                "Check every signed record and the whole audit trail, and validate each PDF's"
                " signature in full with its certificate and time stamp (slower)"
            )
        )
        self.buttons["verifyNew"].setToolTip(
            self.tr("Check the records and audit entries added since the last check")
        )
        self.buttons["verify"].setToolTip(
            self.tr("Check every signed record and the whole audit trail")
        )
        layout.addLayout(self._buttons())
        self.model.totalChanged.connect(self._show_total)
        self.model.loadingChanged.connect(self._show_loading)
        self.model.failed.connect(self._show_failure)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._fit_columns, Qt.ConnectionType.SingleShotConnection)
        self.model.dataChanged.connect(self._widen_status)
        self.finished.connect(self.model.close)
        widest_date = words.format_date(date(2000, 9, 28))  # longest month name, two digits
        self._date_room = self.table.fontMetrics().horizontalAdvance(widest_date) + 24
        self._fit_columns()  # to the headings while the rows load
        self.table.setSortingEnabled(True)  # newest first (the indicator): asks the first page

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText(self.tr("Search by name or record number"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.search.setClearButtonEnabled(True)
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(SEARCH_PAUSE_MS)
        self.search_pause.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self.search_pause.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.period = QComboBox()
        self.period.setObjectName("recordPeriod")
        self.period.setAccessibleName(self.tr("Date"))
        for days, text in PERIODS:
            self.period.addItem(self.tr(str(text)), days)
        self.period.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.period)
        return filters

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("recordsTable")
        table.setAccessibleName(self.tr("Records"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSortIndicator(STARTED_COLUMN, Qt.SortOrder.DescendingOrder)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 4):  # names share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self.open_selected)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("openRecord", self.tr("Open"), self.open_selected),
            ("exportAudit", self.tr("Export audit trail…"), self.export_audit),
            ("withdraw", self.tr("Record withdrawal…"), self.withdraw),
            ("deleteDraft", self.tr("Delete draft"), self.delete_draft),
        ):
            buttons.addWidget(self._button(name, text, slot))
        return buttons

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons[name] = button
        return button

    # -- finding -----------------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Ask the store again for what the search box and the period now say."""
        self.search_pause.stop()
        days = self.period.currentData()
        since = date.today() - timedelta(days=days) if days is not None else None
        self.model.set_filter(RecordFilter(self.search.text(), since))

    def _fit_columns(self) -> None:
        """Columns as wide as the first rows need, once they have come."""
        self.table.resizeColumnsToContents()
        for column in DATE_COLUMNS:  # dates further down may be wider than the first page's
            width = max(self.table.columnWidth(column), self._date_room)
            self.table.setColumnWidth(column, width)

    def _widen_status(self) -> None:
        """A status changed on screen (a withdrawal) shows whole, though the column was
        fitted to the first rows."""
        needed = self.table.sizeHintForColumn(STATUS_COLUMN)
        if needed > self.table.columnWidth(STATUS_COLUMN):
            self.table.setColumnWidth(STATUS_COLUMN, needed)

    def _show_loading(self, loading: bool) -> None:
        """ "Loading…" while the store is asked; then the count again, or why it failed."""
        if loading:
            self._failure_shown = False
            self.count.setText(self.tr("Loading…"))
        elif not self._failure_shown:
            self._show_total(self.model.total)

    def _show_total(self, total: int) -> None:
        more_than = self.model.total_is_more_than
        if more_than is not None:
            self.count.setText(self.tr("More than %Ln record(s)", "", more_than))
        else:
            self.count.setText(self.tr("%Ln record(s)", "", total))
        self.table.setVisible(total > 0)
        self.empty.setVisible(total == 0)

    def _show_failure(self, error: Exception) -> None:
        """What kept the list from coming, in plain words; searching again asks again."""
        if isinstance(error, StoreUnavailable):
            text = self.tr("The records server cannot be reached. Search again to try again.")
        else:
            text = self.tr("The records could not be read: %1").replace("%1", str(error))
        self._failure_shown = True
        self.count.setText(text)

    def _why(self, error: Exception) -> str:
        if isinstance(error, StoreUnavailable):
            return self.tr("the records server cannot be reached. Nothing was changed.")
        return str(error)

    def selected(self) -> RecordSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.selected()
        status = record.status if record else None
        doing = self._under_way.get(record.id) if record else None
        settled = record is not None and doing is None
        opening = self.tr("Opening…") if doing == OPENING else None
        resume_or_open = self.tr("Resume") if status == IN_PROGRESS else self.tr("Open")
        self.buttons["openRecord"].setEnabled(settled)
        self.buttons["openRecord"].setText(opening or resume_or_open)
        self.buttons["exportAudit"].setEnabled(settled)
        self.buttons["exportAudit"].setText(
            self.tr("Exporting…") if doing == EXPORTING else self.tr("Export audit trail…")
        )
        self.buttons["withdraw"].setEnabled(settled and status == SIGNED)
        self.buttons["deleteDraft"].setEnabled(settled and status == IN_PROGRESS)

    # -- acting on the selected record -------------------------------------------------------

    def open_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if record.status == IN_PROGRESS:
            self.resumeRequested.emit(record.id)
            self.accept()
            return
        record_id, reads = record.id, self.model.reads
        self._start(record_id, OPENING)

        def opened(result: object) -> None:
            self._done(record_id)
            if isinstance(result, OpenedRecord):
                RecordViewer(result, reads, self).exec()
            else:
                failed = self.tr("The record could not be opened: %1")
                self._say(failed.replace("%1", self._why(as_error(result))))

        reads.submit(lambda store: open_record(store, record_id), opened)

    def export_audit(self) -> None:
        record = self.selected()
        if record is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export audit trail"),
            "audit-trail.csv",
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            named = audit_file(Path(path), chosen)
            if may_replace(self, named, Path(path)):
                self.write_audit(record.id, named)

    def write_audit(self, record_id: str, path: Path) -> None:
        """Write the trail on the reads' thread (replacing a file only once the user agreed:
        ``may_replace``), or say plainly why it could not be written (nothing half-written)."""
        self._start(record_id, EXPORTING)

        def written(result: object) -> None:
            self._done(record_id)
            if isinstance(result, Exception):
                QMessageBox.warning(
                    self,
                    self.tr("Export audit trail"),
                    self.tr("The audit trail could not be saved as %1: %2")
                    .replace("%1", str(path))
                    .replace("%2", self._why(result)),
                )

        self.model.reads.submit(
            lambda store: store.export_audit(record_id, path, overwrite=True), written
        )

    def withdraw(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Record a withdrawal"),
            self.tr(
                "Why, and who said so? The signed record stays unchanged; this is added "
                "to it as a new, linked record."
            ),
        )
        if ok and reason.strip():
            why = reason.strip()
            self._change(
                record.id,
                lambda store: store.withdraw(record.id, why, store.actor),
                self.tr("The withdrawal could not be recorded: %1"),
            )

    def delete_draft(self) -> None:
        record = self.selected()
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete draft"),
            self.tr(
                "Delete this unfinished session and everything entered in it? "
                "This cannot be undone."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(
                record.id,
                lambda store: store.delete_draft(record.id),
                self.tr("The draft could not be deleted: %1"),
            )

    def _change(self, record_id: str, change: Callable[[RecordStore], object], failed: str) -> None:
        """``change`` made off the window's thread, its row shown as it is then; the row's
        buttons wait meanwhile, and a failure is said (``failed``, %1 the reason)."""
        self._start(record_id, CHANGING)

        def done(error: Exception | None) -> None:
            self._done(record_id)
            if error is not None:
                self._say(failed.replace("%1", self._why(error)))

        self.model.change(record_id, change, done)

    def _start(self, record_id: str, doing: str) -> None:
        self._under_way[record_id] = doing
        self._update_buttons()

    def _done(self, record_id: str) -> None:
        self._under_way.pop(record_id, None)
        self._update_buttons()

    def _say(self, failure: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), failure)

    def verify_new(self) -> None:
        """The routine check: what was added since the last check found everything intact."""
        self._verify(full=False)

    def verify_all(self) -> None:
        self._verify(full=True)

    def validate_fully(self) -> None:
        """``records verify --full --pdf-validation``: every record, and pyHanko's complete
        validation of each PDF (about 11 ms a PDF)."""
        self._verify(full=True, pdf_validation=True)

    def _verify(self, full: bool, pdf_validation: bool = False) -> None:
        verification = self.store.verification(full=full, pdf_validation=pdf_validation)
        self.progress = VerifyProgress(verification, self)
        self.progress.verified.connect(self._show_report)
        self.progress.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A check still running stops with the window: its thread must end before it."""
        if self.progress is not None and self.progress.running:
            self.progress.reject()
        super().closeEvent(event)

    def _intact(self, report: VerifyReport) -> str:
        """What a check that found everything intact read: a routine check after a recent
        one may have read no signed record at all ("All 0 signed records" said nothing)."""
        if not report.records_checked:
            return self.tr(
                "No signed records were added since the last check. "
                "Audit entries checked: %1, all intact."
            ).replace("%1", QLocale().toString(report.entries_checked))
        return (
            self.tr("All %1 signed records and %2 audit entries checked are intact.")
            .replace("%1", QLocale().toString(report.records_checked))
            .replace("%2", QLocale().toString(report.entries_checked))
        )

    def _show_report(self, report: VerifyReport) -> None:
        if report.ok:
            QMessageBox.information(
                self,
                self.tr("Records verified"),
                "\n\n".join(
                    [
                        self._intact(report),
                        *(
                            self.tr("Signed with the clinic key %1: %2 records.")
                            .replace("%1", certificate)
                            .replace("%2", QLocale().toString(count))
                            for certificate, count in report.signed_by
                        ),
                        *(
                            [
                                self.tr(
                                    "No clinic key on this computer, so this check is not"
                                    " remembered: the next routine check starts from the last"
                                    " checkpoint the clinic key signed."
                                )
                            ]
                            if report.unremembered
                            else []
                        ),
                    ]
                ),
            )
        else:
            QMessageBox.critical(
                self,
                self.tr("Records do not match"),
                "\n".join(str(problem) for problem in report.problems),
            )
