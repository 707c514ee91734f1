"""The clinic server stops in the middle of a visit (and at start-up): the window says so, the
visit goes on and is kept on this computer, and once the server is back the session is stored
there once, and the window says that too. Signing waits for the server. With the tests' real
PostgreSQL server, stopped and started as an administrator would."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from ink_helpers import sign
from PySide6.QtWidgets import QLabel, QWidget
from test_store_place import server_window
from ui_driver import (
    answer_next_confirmation,
    click,
    fill_details,
    rows_shown,
    type_into,
    typing_saved,
    walk_to_signatures,
)

from counsel.core.pending_sessions import PendingSessions
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import StoreLocation, open_store
from counsel.ui import reconnect
from counsel.ui import resume as resume_module
from counsel.ui.resume import offer_resume_from_server

UNREACHABLE = "The clinic server (127.0.0.1) cannot be reached."
BACK = "The clinic server (127.0.0.1) answers again: everything entered is stored there."


@pytest.fixture(autouse=True)
def quick_reconnect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counsel asks the server again every 20 s in the clinic; every 0.3 s here."""
    monkeypatch.setattr(reconnect, "RECONNECT_EVERY_MS", 300)


@pytest.fixture
def server_location(postgres_server, private_data_dir: Path):
    url = postgres_server.new_database()
    yield StoreLocation(private_data_dir, url)
    try:  # started again, if the test stopped before it did: the other tests share it
        postgres_server.admin().close()
    except psycopg.OperationalError:
        postgres_server.resume()
    postgres_server.drop_database(url)


def rows(location: StoreLocation, sql: str, *args: object) -> list[tuple]:
    with psycopg.connect(location.url) as conn:
        return conn.execute(sql, args).fetchall()


def banner_says(window, text: str) -> bool:
    return window.banner.isVisible() and window.banner.message.text().startswith(text)


def test_a_server_stopped_mid_visit_loses_nothing_duplicates_nothing_and_says_so_twice(
    qtbot, content, clinic, postgres_server, server_location: StoreLocation, private_data_dir
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Prueba", "Dr. Test")
    typing_saved(qtbot, window)
    session_id = window.session.id
    assert rows(server_location, "SELECT patient_name FROM records") == [("Ana Prueba",)]

    postgres_server.pause()
    type_into(qtbot, window.current_page(), "recordNumber", "R-77")
    qtbot.waitUntil(lambda: banner_says(window, UNREACHABLE), timeout=10_000)
    click(qtbot, window, "nextButton")
    click(qtbot, window, "discussedButton")  # the visit goes on
    kept = PendingSessions(private_data_dir).stored_form(session_id)
    assert kept == session_to_dict(window.session), "all of it is on this computer"

    postgres_server.resume()
    qtbot.waitUntil(lambda: banner_says(window, BACK), timeout=20_000)  # by itself, no Retry
    assert window.banner.message.text() == BACK
    assert PendingSessions(private_data_dir).waiting() == []
    assert rows(server_location, "SELECT id, record_number FROM records") == [(session_id, "R-77")]
    actions = [a for (a,) in rows(server_location, "SELECT action FROM audit ORDER BY seq")]
    assert actions.count("session_started") == 1
    assert actions.count("discussed") == 1, "what happened meanwhile is logged, once"
    with open_store(server_location) as store:
        stored = store.load(session_id, window.session.content)
        assert session_to_dict(stored) == session_to_dict(window.session)
        assert store.verify(full=True).ok
    window.store.close()


def test_a_server_down_at_start_up_is_said_and_the_visit_kept_for_the_next_start(
    qtbot, content, clinic, postgres_server, server_location, private_data_dir, monkeypatch
) -> None:
    postgres_server.pause()
    attempts = ConnectionAttempts(monkeypatch)
    attempts.server_away = True
    window = server_window(qtbot, content, clinic, server_location)
    offer_resume_from_server(window, window.store)
    qtbot.waitUntil(lambda: banner_says(window, UNREACHABLE), timeout=10_000)
    fill_details(qtbot, window, "Ana Inicio", "Dr. Test")
    typing_saved(qtbot, window)
    assert PendingSessions(private_data_dir).waiting() == [window.session.id]
    assert attempts.on_window_thread_while_away == 0, "the window never waited for the server"
    window.close()  # closed (or the computer stopped) before the server came back

    attempts.server_away = False
    postgres_server.resume()
    offered: list[str | None] = []
    monkeypatch.setattr(resume_module, "offer_resume", lambda w, s: offered.append(s.unfinished()))
    again = server_window(qtbot, content, clinic, server_location)
    offer_resume_from_server(again, again.store)
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
    assert offered == [window.session.id], "stored on the server, then offered to resume"
    assert PendingSessions(private_data_dir).waiting() == []
    assert not again.banner.isVisible()
    again.store.close()


def test_signing_waits_for_the_server_and_retry_signs_once_it_answers(
    qtbot, content, clinic, postgres_server, server_location
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    window.resize(1280, 820)
    walk_to_signatures(qtbot, window, content)
    page = window.current_page()
    for role in ("patient", "clinician"):
        sign(page.findChild(QWidget, f"signer-{role}"))

    postgres_server.pause()
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    done = window.current_page()
    qtbot.waitUntil(lambda: window.recorder.waiting_to_sign, timeout=20_000)
    assert not window.session.is_sealed, "never signed into a store that cannot hold it"
    assert done.status.text().startswith("Signing waits for the clinic server")
    assert done.retry_button.isVisible() and done.retry_button.text() == "Retry signing"
    postgres_server.resume()
    assert rows(server_location, "SELECT status FROM records") == [("in_progress",)]
    click(qtbot, done, "retrySeal")
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=30_000)
    assert rows(server_location, "SELECT status FROM records") == [("signed",)]
    window.store.close()


def test_the_records_list_says_the_server_is_away_instead_of_failing(
    qtbot, content, clinic, postgres_server, server_location
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Lista", "Dr. Test")
    typing_saved(qtbot, window)
    postgres_server.pause()
    records = window.show_records()
    assert records is not None
    count = records.findChild(QLabel, "recordCount")
    qtbot.waitUntil(lambda: count.text().startswith("The records server cannot be reached"))
    postgres_server.resume()
    records.apply_filter()  # searching again asks again
    rows_shown(qtbot, records)
    assert count.text() == "1 record" and records.model.rowCount() == 1
    records.close()
    window.store.close()


class ConnectionAttempts:
    """Every connection to the server, and whether the window's thread made it while the
    server was away (where a server that does not answer holds it for the connect timeout)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.server_away = False
        self.on_window_thread_while_away = 0
        self.elsewhere_while_away = 0
        connect = psycopg.connect

        def counted(*args, **kwargs):
            if self.server_away and threading.current_thread() is threading.main_thread():
                self.on_window_thread_while_away += 1
            elif self.server_away:
                self.elsewhere_while_away += 1
            return connect(*args, **kwargs)

        monkeypatch.setattr(psycopg, "connect", counted)


def test_while_the_server_is_away_the_window_never_waits_for_it(
    qtbot, content, clinic, postgres_server, server_location, private_data_dir, monkeypatch
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Espera", "Dr. Test")
    typing_saved(qtbot, window)
    attempts = ConnectionAttempts(monkeypatch)

    postgres_server.pause()
    attempts.server_away = True
    type_into(qtbot, window.current_page(), "recordNumber", "R-1")
    qtbot.waitUntil(lambda: banner_says(window, UNREACHABLE), timeout=10_000)
    qtbot.waitUntil(lambda: attempts.elsewhere_while_away >= 3, timeout=10_000)  # asked again
    for _ in range(3):  # the visit goes on: screens change, typing is kept
        click(qtbot, window, "nextButton")
        click(qtbot, window, "discussedButton")
    click(qtbot, window.banner, "retrySave")  # asked at once, on the worker thread too
    said = answer_next_confirmation()
    assert window.show_records() is None and said[0].startswith("The records are on the clinic")
    window.go_to(0)
    type_into(qtbot, window.current_page(), "recordNumber", "R-12")
    typing_saved(qtbot, window)
    kept = PendingSessions(private_data_dir).stored_form(window.session.id)
    assert kept == session_to_dict(window.session)
    assert attempts.on_window_thread_while_away == 0, "the window never waited for the server"

    attempts.server_away = False
    postgres_server.resume()
    qtbot.waitUntil(lambda: banner_says(window, BACK), timeout=20_000)
    assert rows(server_location, "SELECT record_number FROM records") == [("R-12",)]
    window.store.close()


def test_sessions_kept_here_are_stored_as_soon_as_the_server_is_back(
    qtbot, content, clinic, postgres_server, server_location, private_data_dir
) -> None:
    window = server_window(qtbot, content, clinic, server_location)
    fill_details(qtbot, window, "Ana Primera", "Dr. Test")
    typing_saved(qtbot, window)
    first = window.session.id

    postgres_server.pause()
    type_into(qtbot, window.current_page(), "recordNumber", "R-A")
    qtbot.waitUntil(lambda: banner_says(window, UNREACHABLE), timeout=10_000)
    window.start_new()  # the next patient, while the server is still away
    assert banner_says(window, UNREACHABLE), "still said for the next session"
    fill_details(qtbot, window, "Bea Segunda", "Dr. Test")
    typing_saved(qtbot, window)
    second = window.session.id
    assert sorted(PendingSessions(private_data_dir).waiting()) == sorted([first, second])

    postgres_server.resume()
    qtbot.waitUntil(lambda: banner_says(window, BACK), timeout=20_000)
    assert window.banner.message.text() == (
        f"{BACK} So is one other session that was kept on this computer."
    )
    assert PendingSessions(private_data_dir).waiting() == []
    stored = rows(server_location, "SELECT id, patient_name, record_number FROM records")
    assert sorted(stored) == sorted(
        [(first, "Ana Primera", "R-A"), (second, "Bea Segunda", "TEST-42")]
    )
    started = rows(server_location, "SELECT record_id FROM audit WHERE action = 'session_started'")
    assert sorted(started) == sorted([(first,), (second,)]), "each stored once"
    with open_store(server_location) as store:
        assert store.verify(full=True).ok
    window.store.close()
