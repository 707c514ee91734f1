"""The exam rooms' role on the clinic server can do a whole visit, and nothing more: no
changing or deleting a signed record or an audit entry, no emptying a table, no taking the
guards off. Run on the tests' real PostgreSQL server with the repository's own scripts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from server_roles import ClinicDatabase, new_clinic_database
from test_record_store import FAKE_PDF, make_session

from counsel.core.store_location import StoreLocation, open_store


@pytest.fixture
def clinic_database(postgres_server, private_data_dir: Path) -> Iterator[ClinicDatabase]:
    database = new_clinic_database(postgres_server).set_up(private_data_dir)
    yield database
    database.drop()


@pytest.fixture
def visit(clinic_database: ClinicDatabase, private_data_dir: Path, content, clock) -> dict:
    """A full visit as an exam room does it, signed in as the app role: a draft saved after
    each change, signed, then withdrawn; another draft deleted; the records checked."""
    location = StoreLocation(private_data_dir, clinic_database.url(clinic_database.app))
    with open_store(location, clock=clock) as store:
        session = make_session(content, clock, patient_name="Ana Prueba", record_number="R-1")
        store.save_draft(session)
        session.add_question("How long is recovery?", "A day or two.")
        store.save_draft(session)
        store.log(session.id, "screen_viewed", screen="welcome")
        session.seal()
        store.seal(session, FAKE_PDF)
        withdrawal = store.withdraw(session.id, "Chose physiotherapy first.", "Dr. Test")
        scrap = make_session(content, clock, patient_name="Borrador Prueba", record_number="R-2")
        store.save_draft(scrap)
        store.delete_draft(scrap.id)
        report = store.verify(full=True)
        assert report.ok, report.problems
        assert [r.status for r in store.list_records()] == ["withdrawn"]
    return {"signed": session.id, "withdrawal": withdrawal}


def test_the_app_role_does_a_whole_visit_from_draft_to_withdrawal(visit) -> None:
    assert visit["signed"] and visit["withdrawal"]


@pytest.fixture
def as_app(clinic_database: ClinicDatabase, visit) -> Iterator[psycopg.Connection]:
    """A plain connection as the app role: what anyone on an exam-room computer could do
    with its password, past Counsel."""
    with psycopg.connect(clinic_database.url(clinic_database.app), autocommit=True) as conn:
        yield conn


DENIED = (psycopg.errors.InsufficientPrivilege, psycopg.errors.IntegrityConstraintViolation)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET actor = 'someone else'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "UPDATE audit_signatures SET certificate = 'forged'",
        "DELETE FROM audit_signatures",
        "TRUNCATE audit_signatures",
        "TRUNCATE records",
        "TRUNCATE records CASCADE",
        "UPDATE signed_from SET seq = 1000",
        "INSERT INTO signed_from VALUES (1000)",
        "UPDATE store_version SET version = 99",
        "UPDATE listed_status SET status = 'signed'",  # kept by the store's triggers alone
        "UPDATE listed_status SET search_key = 'someone else'",  # what a search finds
        "INSERT INTO listed_status VALUES ('made-up', 'signed', '2026-01-01', 'made up')",
        "DELETE FROM listed_status",
        "ALTER TABLE records DISABLE TRIGGER ALL",
        "DROP TRIGGER records_no_update ON records",
        "ALTER TABLE records DISABLE ROW LEVEL SECURITY",
        "DROP POLICY counsel_change_drafts ON records",
        "CREATE TABLE records_copy (id text)",
        "CREATE TEMPORARY TABLE scratch (id text)",
        "SET session_replication_role = replica",
    ],
)
def test_the_app_role_cannot_change_the_trail_or_take_the_guards_off(
    as_app: psycopg.Connection, statement: str
) -> None:
    with pytest.raises(DENIED):
        as_app.execute(statement)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE records SET patient_name = 'Someone Else' WHERE id = %(id)s",
        "UPDATE records SET status = 'in_progress' WHERE id = %(id)s",
        "DELETE FROM records WHERE id = %(id)s",
    ],
)
@pytest.mark.parametrize("record", ["signed", "withdrawal"])
def test_the_app_role_cannot_change_or_delete_a_sealed_record(
    as_app: psycopg.Connection, visit: dict, statement: str, record: str
) -> None:
    """Out of its reach row by row: the statement finds no row it may change (for the
    owner and the administrator, the store's triggers refuse it: ``test_record_store``)."""
    query = sql.SQL("SELECT row_to_json(r)::text FROM records r WHERE id = %(id)s")
    before = as_app.execute(query, {"id": visit[record]}).fetchone()
    changed = as_app.execute(statement, {"id": visit[record]})
    assert changed.rowcount == 0
    assert before is not None
    assert as_app.execute(query, {"id": visit[record]}).fetchone() == before


def test_the_app_role_reads_every_record_and_entry(as_app: psycopg.Connection, visit) -> None:
    assert as_app.execute("SELECT count(*) FROM records").fetchone() == (2,)
    assert as_app.execute("SELECT count(*) FROM audit").fetchone()[0] >= 6


def test_the_scripts_can_be_run_again(clinic_database: ClinicDatabase, visit) -> None:
    """After an update of Counsel, IT runs them again: nothing breaks, nothing is lost."""
    database = clinic_database
    database.psql("postgres", "postgresql-setup.sql", db=database.name, owner=database.owner,
                  app=database.app)  # fmt: skip
    database.psql(database.owner, "postgresql-grants.sql", database.name, app=database.app)
    with psycopg.connect(database.url(database.app)) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone() == (2,)
