"""The store on a PostgreSQL server: chosen by one setting, upgraded like SQLite's, and a
server that cannot be reached or goes away mid-session is said in plain words, with no
password, and the store carries on once it is back."""

from __future__ import annotations

import psycopg
import pytest
from postgres_server import PostgresServer, ServerNotStarted
from test_record_store import FAKE_PDF, make_session, open_at

from counsel.core import store_server_schema
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_location import StoreLocation, open_store, store_location
from counsel.core.store_schema import SCHEMA_VERSION, StoreVersionError


def test_the_environment_wins_over_the_clinic_settings(clinic, monkeypatch, tmp_path) -> None:
    from dataclasses import replace

    at_clinic = replace(clinic, database_url="postgresql://records.clinic.example/counsel")
    monkeypatch.delenv("COUNSEL_DATABASE_URL", raising=False)
    assert store_location(clinic).on_server is False  # the shipped settings: this computer
    assert store_location(at_clinic).host == "records.clinic.example"
    monkeypatch.setenv("COUNSEL_DATABASE_URL", "postgresql://db.example:5433/rooms")
    assert str(store_location(at_clinic)) == "postgresql://db.example:5433/rooms"


def test_a_password_in_the_address_is_never_shown(tmp_path) -> None:
    location = StoreLocation(tmp_path, "postgresql://counsel:s3cret-Pw@db.example/records")
    shown = [str(location), repr(location), str(location.database), repr(location.database)]
    assert location.host == "db.example"
    assert not any("s3cret" in text for text in shown)
    with pytest.raises(ValueError, match="postgresql://"):
        StoreLocation(tmp_path, "mysql://db.example/records")


def test_a_server_that_cannot_be_reached_is_said_plainly(tmp_path) -> None:
    from postgres_server import _free_port

    url = f"postgresql://counsel:s3cret-Pw@127.0.0.1:{_free_port()}/records"
    with pytest.raises(StoreUnavailable) as raised:
        open_store(StoreLocation(tmp_path, url))
    message = str(raised.value)
    assert "records server 127.0.0.1 cannot be reached" in message
    assert "s3cret" not in message


def test_the_server_stopped_mid_session_and_started_again_loses_and_duplicates_nothing(
    tmp_path, content, clock
) -> None:
    """Its own server, stopped as an administrator would while a window saves."""
    try:
        server = PostgresServer().start()
    except ServerNotStarted as error:
        pytest.skip(str(error))
    try:
        location = StoreLocation(tmp_path / "data", server.new_database())
        with open_at(location, clock) as store:
            session = make_session(content, clock, patient_name="Ilse Varga")
            store.save_draft(session)
            server.pause()
            session.add_question("Will it hurt?", "A little.")
            with pytest.raises(StoreUnavailable, match="cannot be reached"):
                store.save_draft(session)
            with pytest.raises(StoreUnavailable):  # still away: said again, not hung
                store.save_draft(session)
            server.resume()
            store.save_draft(session)  # the same store carries on: it connects again
            session.seal()
            store.seal(session, FAKE_PDF)
            assert [r.id for r in store.list_records()] == [session.id]
            assert len(store.load(session.id, content).questions) == 1
            actions = [e.action for e in store.audit_trail(session.id)]
            assert actions == ["session_started", "signed"]
            assert store.verify(full=True).ok
    finally:
        server.stop()


def test_a_restart_between_two_uses_goes_unnoticed(postgres_server, tmp_path, content, clock):
    """The server restarted while the store sat idle (its connection ended, nothing half
    done): the next read, and the next write, answer at once rather than fail once."""
    location = StoreLocation(tmp_path / "data", postgres_server.new_database())
    with open_at(location, clock) as store:
        session = make_session(content, clock, patient_name="Ilse Varga")
        store.save_draft(session)
        postgres_server.pause()
        postgres_server.resume()
        assert store.record(session.id).patient_name == "Ilse Varga"
        postgres_server.pause()
        postgres_server.resume()
        session.add_question("Will it hurt?", "A little.")
        store.save_draft(session)
        assert len(store.load(session.id, content).questions) == 1


def test_both_engines_count_the_same_schema_versions() -> None:
    assert store_server_schema.FIRST_VERSION + len(store_server_schema.MIGRATIONS) == (
        SCHEMA_VERSION
    )


def test_a_store_written_by_a_newer_counsel_is_not_opened(postgres_server, tmp_path) -> None:
    url = postgres_server.new_database()
    location = StoreLocation(tmp_path, url)
    open_store(location).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE store_version SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreVersionError, match="Please update Counsel"):
        open_store(location)
    postgres_server.drop_database(url)
