"""A slow or hung record store never freezes the window: every write for the session is made
on the window's writer thread, one at a time, and while one hangs the changes made meanwhile
wait as one write of the session as it is then. With the tests' real PostgreSQL server hung
(SIGSTOP) as a silent network or a stuck server would leave it, and a real SQLite file locked
by another connection. Counted by thread, never timed."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from pathlib import Path

import psycopg
import pytest
import test_server_outage
from PySide6.QtWidgets import QLabel
from test_server_outage import rows
from test_store_place import server_window
from ui_driver import click, drafts_written, fill_details, type_into, typing_saved

from counsel.core.pending_sessions import PendingSessions
from counsel.core.record_store import RecordStore
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import StoreLocation
from counsel.ui import resume as resume_module
from counsel.ui import save_status
from counsel.ui.resume import offer_resume_from_server

server_location = test_server_outage.server_location  # a fixture: the server's database


def saying(window) -> str:
    label = window.findChild(QLabel, "saveIndicator")
    return label.text()


class StoreCalls:
    """Every statement sent to the server and every connection made, by thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.by_thread: Counter[str] = Counter()
        execute, connect = psycopg.Connection.execute, psycopg.connect

        def counted_execute(conn, *args, **kwargs):
            self._count()
            return execute(conn, *args, **kwargs)

        def counted_connect(*args, **kwargs):
            self._count()
            return connect(*args, **kwargs)

        monkeypatch.setattr(psycopg.Connection, "execute", counted_execute)
        monkeypatch.setattr(psycopg, "connect", counted_connect)

    def _count(self) -> None:
        on_window = threading.current_thread() is threading.main_thread()
        self.by_thread["window" if on_window else "writer"] += 1


@pytest.fixture
def hung(postgres_server):
    """Hang the server (``hung()``); it is woken at the end whatever happened."""
    yield postgres_server.hang
    postgres_server.wake()


def test_a_hung_server_never_freezes_the_window_and_gets_the_last_version_once(
    qtbot, content, clinic, postgres_server, server_location: StoreLocation, hung, monkeypatch
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Colgada", "Dr. Test")
    typing_saved(qtbot, window)
    calls = StoreCalls(monkeypatch)
    drafts = drafts_written(monkeypatch)

    hung()
    type_into(qtbot, window.current_page(), "recordNumber", "R-1")
    click(qtbot, window, "nextButton")  # saved at once: this write hangs
    qtbot.waitUntil(lambda: saying(window) == "Saving…")
    click(qtbot, window, "discussedButton")
    click(qtbot, window, "nextButton")
    window.go_to(0)
    type_into(qtbot, window.current_page(), "recordNumber", "R-123")
    window.saving.flush()
    assert window.session.details.record_number == "R-123", "the window went on working"
    assert saying(window) == "Saving…", "still true: nothing is stored yet"
    assert calls.by_thread["window"] == 0, "the window's thread never waited for the server"
    assert drafts == [], "one write hangs; the changes since wait as one"

    postgres_server.wake()
    qtbot.waitUntil(lambda: saying(window) == "Saved", timeout=30_000)
    assert calls.by_thread["window"] == 0
    assert [d["details"]["record_number"] for d in drafts] == ["R-1", "R-123"]
    assert rows(server_location, "SELECT record_number FROM records") == [("R-123",)]
    actions = [a for (a,) in rows(server_location, "SELECT action FROM audit ORDER BY seq")]
    assert actions.count("session_started") == 1 and actions.count("discussed") == 1
    assert PendingSessions(server_location.folder).waiting() == []
    window.store.close()


def test_quitting_during_a_hung_save_keeps_the_session_here_and_offers_it_next_time(
    qtbot, content, clinic, postgres_server, server_location, hung, monkeypatch
) -> None:
    monkeypatch.setattr(save_status, "QUIT_WAIT_MS", 300)
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Salida", "Dr. Test")
    typing_saved(qtbot, window)
    session_id = window.session.id

    hung()
    type_into(qtbot, window.current_page(), "recordNumber", "R-QUIT")
    window.saving.flush()
    qtbot.waitUntil(lambda: saying(window) == "Saving…")
    window.close()  # waits a little, then keeps the session here and closes
    assert not window.isVisible()
    kept = PendingSessions(server_location.folder)
    assert kept.stored_form(session_id) == session_to_dict(window.session)

    postgres_server.wake()  # the hung write may land or not: either way the copy stays
    qtbot.waitUntil(lambda: not window.recorder.writing, timeout=30_000)
    assert kept.waiting() == [session_id]
    offered: list[str | None] = []
    monkeypatch.setattr(resume_module, "offer_resume", lambda w, s: offered.append(s.unfinished()))
    again = server_window(qtbot, content, clinic, server_location)
    offer_resume_from_server(again, again.store)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    assert offered == [session_id], "found again at the next start"
    assert kept.waiting() == []
    assert rows(server_location, "SELECT record_number FROM records") == [("R-QUIT",)]
    window.store.close()
    again.store.close()


def test_a_locked_sqlite_file_never_freezes_the_window(
    qtbot, open_window, store: RecordStore, content, monkeypatch
) -> None:
    window = open_window()
    fill_details(qtbot, window, "Ana Bloqueada", "Dr. Test")
    typing_saved(qtbot, window)
    written: list[tuple[str, str]] = []  # the thread that wrote, and the record number
    store_it = RecordStore.save_stored_draft

    def by_thread(writer: RecordStore, data: dict) -> None:
        store_it(writer, data)
        written.append((threading.current_thread().name, data["details"]["record_number"]))

    monkeypatch.setattr(RecordStore, "save_stored_draft", by_thread)
    other = sqlite3.connect(Path(store.path), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file's write lock
    try:
        type_into(qtbot, window.current_page(), "recordNumber", "L-1")
        click(qtbot, window, "nextButton")
        qtbot.waitUntil(lambda: saying(window) == "Saving…")
        window.go_to(0)
        type_into(qtbot, window.current_page(), "recordNumber", "L-2")
        window.saving.flush()
        assert saying(window) == "Saving…" and written == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: saying(window) == "Saved", timeout=20_000)
    assert [number for _, number in written] == ["L-1", "L-2"], "the last version, once"
    window_thread = threading.main_thread().name
    assert all(thread != window_thread for thread, _ in written), "written on the writer's"
    assert store.load(window.session.id, content).details.record_number == "L-2"
