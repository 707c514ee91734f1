"""Finding, reopening and reprinting stored consent records, and checking they are intact."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counsel.core.formatting import DocumentWords
from counsel.core.record_store import IN_PROGRESS, SIGNED, RecordStore, RecordSummary
from counsel.ui.record_viewer import RecordViewer

SORT_KEY = Qt.ItemDataRole.UserRole + 1


class SortableItem(QTableWidgetItem):
    """Sorts dates by date, not by their text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_KEY), other.data(SORT_KEY)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return super().__lt__(other)


PERIODS = (
    (None, QT_TRANSLATE_NOOP("RecordsWindow", "Any date")),
    (0, QT_TRANSLATE_NOOP("RecordsWindow", "Today")),
    (7, QT_TRANSLATE_NOOP("RecordsWindow", "Last 7 days")),
    (30, QT_TRANSLATE_NOOP("RecordsWindow", "Last 30 days")),
    (365, QT_TRANSLATE_NOOP("RecordsWindow", "Last 12 months")),
)


class RecordsWindow(QDialog):
    """The clinic's records: search, sort, open, reprint, export, withdraw, verify."""

    resumeRequested = Signal(str)

    def __init__(
        self, store: RecordStore, words: DocumentWords, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordsWindow")
        self.setWindowTitle(self.tr("Consent records"))
        self.resize(1100, 640)
        self.store = store
        self.words = words  # dates in the language in use
        self.records: list[RecordSummary] = []
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText(self.tr("Search by name or record number"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.search.textChanged.connect(self.reload)
        self.period = QComboBox()
        self.period.setObjectName("recordPeriod")
        self.period.setAccessibleName(self.tr("Date"))
        for days, text in PERIODS:
            self.period.addItem(self.tr(str(text)), days)
        self.period.currentIndexChanged.connect(self.reload)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.period)
        layout.addLayout(filters)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("recordsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Patient"), self.tr("Date of birth"), self.tr("Record number"),
            self.tr("Started"), self.tr("Clinician"), self.tr("Status"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 4):  # names share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("openRecord", self.tr("Open"), self.open_selected),
            ("exportAudit", self.tr("Export audit trail…"), self.export_audit),
            ("withdraw", self.tr("Record withdrawal…"), self.withdraw),
            ("deleteDraft", self.tr("Delete draft"), self.delete_draft),
            ("verify", self.tr("Verify all records"), self.verify),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(buttons)
        self.reload()

    def _status_text(self, status: str) -> str:
        texts = {IN_PROGRESS: self.tr("In progress"), SIGNED: self.tr("Signed"),
                 "withdrawn": self.tr("Withdrawn")}
        return texts.get(status, status)

    def reload(self) -> None:
        days = self.period.currentData()
        since = date.today() - timedelta(days=days) if days is not None else None
        self.records = self.store.list_records(self.search.text(), since=since)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            birth = self.words.format_date(record.date_of_birth) if record.date_of_birth else ""
            cells = (record.patient_name, birth, record.record_number,
                     self.words.format_date(record.started_at.astimezone().date()),
                     record.clinician,
                     self._status_text(record.status))
            sort_keys = (None, record.date_of_birth, None, record.started_at, None, None)
            for column, (text, key) in enumerate(zip(cells, sort_keys, strict=True)):
                item = SortableItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                if key is not None:
                    item.setData(SORT_KEY, key.isoformat())
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self._update_buttons()

    def selected(self) -> RecordSummary | None:
        items = self.table.selectedItems()
        if not items:
            return None
        record_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next(r for r in self.records if r.id == record_id)

    def select(self, record_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        record = self.selected()
        status = record.status if record else None
        self.buttons["openRecord"].setEnabled(record is not None)
        self.buttons["openRecord"].setText(
            self.tr("Resume") if status == IN_PROGRESS else self.tr("Open")
        )
        self.buttons["exportAudit"].setEnabled(record is not None)
        self.buttons["withdraw"].setEnabled(status == SIGNED)
        self.buttons["deleteDraft"].setEnabled(status == IN_PROGRESS)

    def open_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if record.status == IN_PROGRESS:
            self.resumeRequested.emit(record.id)
            self.accept()
            return
        RecordViewer(self.store, record.id, self).exec()

    def export_audit(self) -> None:
        record = self.selected()
        if record is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit trail"), "audit-trail.csv",
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.store.export_audit(record.id, Path(path))

    def withdraw(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Record withdrawal of consent"),
            self.tr("Why, and who said so? The signed record stays unchanged; this is added "
                    "to it as a new, linked record."),
        )
        if ok and reason.strip():
            self.store.withdraw(record.id, reason.strip(), self.store.actor)
            self.reload()

    def delete_draft(self) -> None:
        record = self.selected()
        if record is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete this unfinished session and everything entered in it? "
                    "This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.store.delete_draft(record.id)
            self.reload()

    def verify(self) -> None:
        report = self.store.verify()
        if report.ok:
            QMessageBox.information(
                self, self.tr("Records verified"),
                self.tr("All %1 signed records and %2 audit entries are intact.")
                .replace("%1", str(report.records_checked))
                .replace("%2", str(report.entries_checked)),
            )
        else:
            QMessageBox.critical(
                self, self.tr("Records do not match"),
                "\n".join(str(problem) for problem in report.problems),
            )
