"""The Records window and the start-up offer to resume read the store on a thread of their
own: with the tests' real PostgreSQL server hung (SIGSTOP), opening the list, scrolling and
searching leave the window live and say "Loading…", and the rows come once the server goes
on. Counted by thread (the window's thread sends the server nothing), never timed."""

from __future__ import annotations

import pytest
import test_saves_never_freeze
import test_server_outage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel
from record_helpers import fill
from test_saves_never_freeze import StoreCalls
from test_store_place import server_window
from ui_driver import answer_next_confirmation, fill_details, rows_shown, type_into, typing_saved

from counsel.core.store_location import StoreLocation, open_store
from counsel.ui.record_viewer import RecordViewer
from counsel.ui.records_model import PAGE_SIZE
from counsel.ui.resume import offer_resume

server_location = test_server_outage.server_location  # a fixture: the server's database
hung = test_saves_never_freeze.hung  # a fixture: hangs the server, wakes it at the end
RECORDS = 2 * PAGE_SIZE + 30


@pytest.fixture
def filled(server_location: StoreLocation, content) -> StoreLocation:
    with open_store(server_location) as store:
        fill(store, content, RECORDS, seed=3)
    return server_location


def window_with_a_draft(qtbot, content, clinic, location: StoreLocation, patient: str):
    """A window on the server whose session is stored, as a draft of ``patient``."""
    window = server_window(qtbot, content, clinic, location)
    fill_details(qtbot, window, patient, "Dr. Test")
    typing_saved(qtbot, window)
    return window


def count_text(records) -> str:
    return records.findChild(QLabel, "recordCount").text()


def test_a_hung_server_leaves_the_records_window_live_and_loading(
    qtbot, content, clinic, postgres_server, filled, hung, monkeypatch
) -> None:
    window = server_window(qtbot, content, clinic, filled)
    records = window.show_records()
    assert records is not None
    rows_shown(qtbot, records)
    assert records.model.rowCount() == PAGE_SIZE
    wanted = records.model.record_at(PAGE_SIZE - 1)
    calls = StoreCalls(monkeypatch)

    hung()
    records.table.scrollToBottom()  # the next page is asked for, and waits
    qtbot.waitUntil(lambda: records.model.loading)
    type_into(qtbot, records, "recordSearch", wanted.record_number[:-1])
    records.apply_filter()
    assert count_text(records) == "Loading…"
    assert records.model.rowCount() == PAGE_SIZE, "the rows shown stay while it waits"
    type_into(qtbot, records, "recordSearch", wanted.record_number)  # typing goes on
    records.apply_filter()  # another question, asked after the others
    assert calls.by_thread["window"] == 0, "the window's thread never waited for the server"

    postgres_server.wake()
    rows_shown(qtbot, records)
    assert count_text(records) == "1 record", "the last question's answer, not the others'"
    assert [records.model.record_at(0).id] == [wanted.id]
    assert calls.by_thread["window"] == 0
    records.close()


def test_a_records_window_opened_while_the_server_hangs_shows_its_rows_when_it_goes_on(
    qtbot, content, clinic, postgres_server, filled, hung, monkeypatch
) -> None:
    window = window_with_a_draft(qtbot, content, clinic, filled, "Ana Colgada")
    calls = StoreCalls(monkeypatch)
    hung()
    records = window.show_records()
    assert records is not None and records.isVisible()
    qtbot.wait(200)
    assert count_text(records) == "Loading…" and records.model.rowCount() == 0
    assert calls.by_thread["window"] == 0

    postgres_server.wake()
    rows_shown(qtbot, records)
    assert count_text(records) == f"{RECORDS + 1} records"
    assert records.model.rowCount() == PAGE_SIZE
    records.close()


def test_a_withdrawal_made_while_the_server_hangs_waits_without_freezing_the_window(
    qtbot, content, clinic, postgres_server, filled, hung, monkeypatch
) -> None:
    window = server_window(qtbot, content, clinic, filled)
    records = window.show_records()
    rows_shown(qtbot, records)
    model = records.model
    row = next(r for r in range(model.rowCount()) if model.record_at(r).status == "signed")
    records.table.selectRow(row)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *args: ("Chose physical therapy first.", True)
    )
    calls = StoreCalls(monkeypatch)

    hung()
    records.buttons["withdraw"].click()
    qtbot.wait(300)
    assert calls.by_thread["window"] == 0, "the window's thread never waited for the server"
    assert not records.buttons["withdraw"].isEnabled(), "not asked twice while it waits"
    assert model.record_at(row).status == "signed"

    postgres_server.wake()
    qtbot.waitUntil(lambda: model.record_at(row).status == "withdrawn", timeout=20_000)
    assert not records.buttons["withdraw"].isEnabled()
    assert calls.by_thread["window"] == 0
    records.close()


def signed_rows(records) -> list[int]:
    model = records.model
    return [r for r in range(model.rowCount()) if model.record_at(r).status == "signed"]


def test_opening_a_record_and_exporting_its_trail_wait_for_a_hung_server_without_freezing(
    qtbot, content, clinic, postgres_server, filled, hung, monkeypatch, tmp_path
) -> None:
    window = server_window(qtbot, content, clinic, filled)
    records = window.show_records()
    rows_shown(qtbot, records)
    first, second = signed_rows(records)[:2]
    shown: list[RecordViewer] = []
    monkeypatch.setattr(RecordViewer, "exec", lambda viewer: shown.append(viewer))
    trail = tmp_path / "trail.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(trail), "CSV (*.csv)"))
    calls = StoreCalls(monkeypatch)
    opening, exporting = records.buttons["openRecord"], records.buttons["exportAudit"]

    records.table.selectRow(first)
    hung()
    opening.click()
    qtbot.wait(300)
    assert calls.by_thread["window"] == 0, "the window's thread never waited for the server"
    assert opening.text() == "Opening…" and not opening.isEnabled()
    assert not exporting.isEnabled(), "the row's buttons wait"
    postgres_server.wake()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown[0].record_id == records.model.record_at(first).id and shown[0].pdf
    assert opening.text() == "Open" and opening.isEnabled()

    records.table.selectRow(second)
    hung()
    exporting.click()
    qtbot.wait(300)
    assert calls.by_thread["window"] == 0
    assert exporting.text() == "Exporting…" and not exporting.isEnabled()
    assert not trail.exists()
    postgres_server.wake()
    qtbot.waitUntil(trail.exists, timeout=20_000)
    assert records.model.record_at(second).id in trail.read_text()
    assert exporting.isEnabled() and calls.by_thread["window"] == 0
    records.close()


def test_the_offer_to_resume_waits_for_a_hung_server_without_freezing(
    qtbot, content, clinic, postgres_server, server_location, hung, monkeypatch
) -> None:
    window_with_a_draft(qtbot, content, clinic, server_location, "Ana Pendiente")
    again = server_window(qtbot, content, clinic, server_location)  # the next start
    calls = StoreCalls(monkeypatch)
    hung()
    asked = answer_next_confirmation(button="Start a new session")
    offer_resume(again, again.store)
    qtbot.wait(300)
    assert asked == [] and calls.by_thread["window"] == 0, "asked once the store answers"

    postgres_server.wake()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "Ana Pendiente" in asked[0]
