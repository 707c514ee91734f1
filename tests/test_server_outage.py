"""The clinic server stops in the middle of a visit (and at start-up): the window says so, the
visit goes on and is kept on this computer, and once the server is back the session is stored
there once, and the window says that too. Signing waits for the server. With the tests' real
PostgreSQL server, stopped and started as an administrator would."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from ink_helpers import sign
from PySide6.QtWidgets import QWidget
from test_store_place import server_window
from ui_driver import (
    answer_next_confirmation,
    click,
    fill_details,
    type_into,
    typing_saved,
    walk_to_signatures,
)

from counsel.core.pending_sessions import PendingSessions
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import StoreLocation, open_store
from counsel.ui import failure_banner
from counsel.ui import resume as resume_module
from counsel.ui.resume import offer_resume_from_server

UNREACHABLE = "The clinic server (127.0.0.1) cannot be reached."
BACK = "The clinic server (127.0.0.1) answers again: everything entered is stored there."


@pytest.fixture(autouse=True)
def quick_reconnect(monkeypatch: pytest.MonkeyPatch) -> None:
    """The banner tries again every 20 s in the clinic; every 0.3 s here."""
    monkeypatch.setattr(failure_banner, "RECONNECT_EVERY_MS", 300)


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
    window = server_window(qtbot, content, clinic, server_location)
    offer_resume_from_server(window, window.store)
    assert banner_says(window, UNREACHABLE)
    fill_details(qtbot, window, "Ana Inicio", "Dr. Test")
    typing_saved(qtbot, window)
    assert PendingSessions(private_data_dir).waiting() == [window.session.id]
    window.close()  # closed (or the computer stopped) before the server came back

    postgres_server.resume()
    offered: list[str | None] = []
    monkeypatch.setattr(resume_module, "offer_resume", lambda w, s: offered.append(s.unfinished()))
    again = server_window(qtbot, content, clinic, server_location)
    offer_resume_from_server(again, again.store)
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
    postgres_server.pause()
    seen = answer_next_confirmation()
    assert window.show_records() is None
    assert seen == [
        "The records are on the clinic server (127.0.0.1), which cannot be reached. "
        "Try again once it answers."
    ]
    postgres_server.resume()
    records = window.show_records()
    assert records is not None
    records.close()
    window.store.close()
