"""The Records window over hundreds of signed records, used as a clinic would use it."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QTableView
from record_helpers import fill
from test_session_rules import complete_session
from ui_driver import click, rows_shown, type_text

from counsel.core.record_query import RecordSummary
from counsel.core.record_store import RecordStore
from counsel.core.store_schema import fold
from counsel.ui.record_viewer import RecordViewer

RECORDS = 300
ID_ROLE = Qt.ItemDataRole.UserRole
# What each column, left to right, orders the records by.
SORT_KEYS = (
    lambda r: fold(r.patient_name),
    lambda r: r.date_of_birth or date.min,
    lambda r: r.record_number,
    lambda r: r.started_at,
    lambda r: r.clinician,
    lambda r: r.status,
)


@pytest.fixture(scope="module")
def signed_folder(tmp_path_factory: pytest.TempPathFactory, content) -> Path:
    """A records folder holding 300 signed records, made once and copied for each test."""
    folder = tmp_path_factory.mktemp("signed") / "data"
    with RecordStore.in_folder(folder) as store:
        fill(store, content, RECORDS)
    return folder


@pytest.fixture
def store(signed_folder: Path, private_data_dir: Path):
    """The test's own copy of the 300 signed records (its clinic key with it)."""
    shutil.copytree(signed_folder, private_data_dir)
    with RecordStore.in_folder(private_data_dir) as opened:
        yield opened


@pytest.fixture
def records(qtbot, open_window, store, content, clock):
    """A main window over a store of 300 signed records and two drafts; its Records window."""
    for name in ("Draft Abernathy (DEMO)", "Draft Brightwater (DEMO)"):
        draft = complete_session(content, clock)
        draft.set_details(patient_name=name)
        store.save_draft(draft)
    window = open_window()
    records = window.show_records()
    rows_shown(qtbot, records)
    return records


def table_of(records) -> QTableView:
    table = records.findChild(QTableView, "recordsTable")
    assert table is not None
    return table


def shown_ids(table: QTableView) -> list[str]:
    model = table.model()
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def click_header(qtbot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    rows_shown(qtbot, table.parentWidget())


def scroll_to_end(qtbot, table: QTableView) -> None:
    """Scroll down as a user would until no more rows arrive."""
    model = table.model()
    while True:
        before = model.rowCount()
        table.scrollToBottom()
        qtbot.wait(1)
        rows_shown(qtbot, table.parentWidget())
        if model.rowCount() == before:
            return


def search(qtbot, records, text: str) -> None:
    box = records.findChild(type(records.search), "recordSearch")
    box.selectAll()
    box.del_()
    type_text(box, text)
    model = table_of(records).model()
    with qtbot.waitSignal(model.modelReset, timeout=2000):
        pass  # the search runs once typing pauses
    rows_shown(qtbot, records)


def count_text(records) -> str:
    return records.findChild(QLabel, "recordCount").text()


def test_every_column_sorts_both_ways_over_hundreds_of_records(qtbot, records, store) -> None:
    table = table_of(records)
    summaries: dict[str, RecordSummary] = {}
    for column, key in enumerate(SORT_KEYS):
        for _ in range(2):
            click_header(qtbot, table, column)
            order = table.horizontalHeader().sortIndicatorOrder()
            descending = order == Qt.SortOrder.DescendingOrder
            scroll_to_end(qtbot, table)
            ids = shown_ids(table)
            assert len(ids) == len(set(ids)) == RECORDS + 2, column
            for record_id in ids:
                summaries.setdefault(record_id, store.record(record_id))
            keys = [key(summaries[record_id]) for record_id in ids]
            assert keys == sorted(keys, reverse=descending), (column, descending)


def test_search_filters_and_says_how_many_match(qtbot, records, store) -> None:
    assert re.fullmatch(r"302 records", count_text(records).replace(",", ""))
    first = store.list_records(limit=1)[0]
    family = first.patient_name.split()[1]
    search(qtbot, records, fold(family).upper())
    expected = store.count_records(family)
    assert 0 < expected < RECORDS
    assert count_text(records).replace(",", "") == f"{expected} records"
    table = table_of(records)
    scroll_to_end(qtbot, table)
    assert all(
        family in table.model().index(row, 0).data() for row in range(table.model().rowCount())
    )
    search(qtbot, records, first.record_number.lower())
    assert count_text(records) == "1 record"
    assert shown_ids(table) == [first.id]
    search(qtbot, records, "nobody by this name")
    assert count_text(records) == "0 records"
    assert records.findChild(QLabel, "noRecords").isVisible() and not table.isVisible()


def test_open_withdraw_and_delete_touch_only_their_rows(qtbot, records, store, monkeypatch) -> None:
    table = table_of(records)
    model = table.model()
    opened: list[str] = []
    monkeypatch.setattr(RecordViewer, "exec", lambda viewer: opened.append(viewer.record_id))
    signed = next(row for row in range(model.rowCount()) if model.index(row, 5).data() == "Signed")
    record_id = model.index(signed, 0).data(ID_ROLE)
    table.selectRow(signed)
    click(qtbot, records, "openRecord")
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [record_id]
    assert "record_opened" in [e.action for e in store.audit_trail(record_id)]

    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        lambda *args: ("Patient chose physical therapy first.", True),
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        click(qtbot, records, "withdraw")
    assert model.index(signed, 5).data() == "Withdrawn"
    assert store.record(record_id).status == "withdrawn"
    assert not records.buttons["withdraw"].isEnabled()

    search(qtbot, records, "draft brightwater")
    table.selectRow(0)
    assert records.buttons["openRecord"].text() == "Resume"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        click(qtbot, records, "deleteDraft")
    assert model.rowCount() == 0 and count_text(records) == "0 records"
    assert store.count_records() == RECORDS + 1


def test_rows_load_a_page_at_a_time_as_the_list_scrolls(qtbot, records) -> None:
    table = table_of(records)
    model = table.model()
    first_page = model.rowCount()
    assert 0 < first_page < RECORDS
    inserted: list[int] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(last - first + 1))
    scroll_to_end(qtbot, table)
    assert model.rowCount() == RECORDS + 2 and sum(inserted) == RECORDS + 2 - first_page
    assert not model.canFetchMore(QModelIndex())


def test_a_search_matching_many_counts_up_to_a_limit_and_says_so(
    qtbot, records, store, monkeypatch
) -> None:
    """A search that matches thousands counts only so far, and says "more than" plainly."""
    from counsel.ui import records_model

    monkeypatch.setattr(records_model, "COUNT_UP_TO", 50)
    search(qtbot, records, "demo")
    assert store.count_records("demo") > 50
    assert count_text(records) == "More than 50 records"
    table = table_of(records)
    scroll_to_end(qtbot, table)  # every match is still listed
    assert len(shown_ids(table)) == store.count_records("demo")
    search(qtbot, records, store.list_records(limit=1)[0].record_number)
    assert count_text(records) == "1 record"
