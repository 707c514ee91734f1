"""Signed records: drafts are kept after every change; what was signed can never change."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pytest
from conftest import TickingClock
from engines import REFUSED, SQLITE_ONLY, raw
from test_session_rules import complete_session, scrawl

from counsel.core import store_location
from counsel.core.content import Content
from counsel.core.record_store import RecordNotFoundError, RecordSealedError, RecordStore
from counsel.core.session import Session
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import StoreLocation
from counsel.core.store_schema import DB_NAME


def stand_in_pdf(marker: str = "MARKER-5b1d7e") -> bytes:
    """A one-page PDF in place of the acknowledgement: quick to build, and the store signs it
    with the clinic key as it would the real one."""
    document, out = pikepdf.new(), io.BytesIO()
    document.add_blank_page()
    document.docinfo["/Title"] = f"stand-in acknowledgement {marker}"
    document.save(out, static_id=True)
    return out.getvalue()


FAKE_PDF = stand_in_pdf()


def make_session(
    content: Content, clock: TickingClock, *, seal: bool = False, **details: object
) -> Session:
    """A session ready to sign (``complete_session``), with these details, signed if asked."""
    session = complete_session(content, clock)
    session.set_details(**details)
    if seal:
        session.seal()
    return session


def open_store(folder: Path, clock: TickingClock) -> RecordStore:
    return RecordStore.in_folder(folder, actor="nurse.kim", clock=clock)


def open_at(location: StoreLocation, clock: TickingClock) -> RecordStore:
    """The store at ``location``, on whichever engine it names, as the app opens it."""
    return store_location.open_store(location, actor="nurse.kim", clock=clock)


@pytest.fixture
def store(location: StoreLocation, clock: TickingClock) -> Iterator[RecordStore]:
    """The test's store, on each engine in turn."""
    with open_at(location, clock) as opened:
        yield opened


def test_only_the_room_that_worked_on_a_visit_is_offered_to_resume_it(
    store, location, content, clock
) -> None:
    """On a clinic server every room sees every draft: a visit open in one room is listed in
    another but offered to resume only where it was last worked on."""
    session = complete_session(content, clock)
    store.save_draft(session)
    with open_at(location, clock) as other_room:
        other_room.workstation = "exam-room-2"
        assert other_room.unfinished() is None
        assert [summary.id for summary in other_room.list_records()] == [session.id]
        other_room.log(session.id, "screen_viewed", screen="risks", language="en")
        assert other_room.unfinished() == session.id
    assert store.unfinished() is None


def test_a_draft_is_kept_after_every_change_and_comes_back_exactly(store, content, clock) -> None:
    session = complete_session(content, clock)
    store.save_draft(session)
    session.add_question("Zoë asks: how long is recovery?", "A day or two of soreness.")
    session.set_signature("patient", "Test Patient", scrawl())
    store.save_draft(session)

    again = store.load(session.id, content)
    assert session_to_dict(again) == session_to_dict(session)
    assert store.unfinished() == session.id
    [summary] = store.list_records()
    assert (summary.patient_name, summary.date_of_birth, summary.status) == (
        "Test Patient",
        date(1950, 1, 2),
        "in_progress",
    )
    assert [e.action for e in store.audit_trail(session.id)] == ["session_started"]


def test_saving_after_every_change_keeps_one_row_and_one_trail_entry(store, content, clock) -> None:
    """A draft is saved after each change: forty saves replace one row, they do not pile up
    (how long a save takes is measured by ``python -m bench`` against its target)."""
    session = complete_session(content, clock)
    for number in range(40):
        session.add_question(f"Question {number}?", "Answer.")
        store.save_draft(session)
    assert len(store.list_records()) == 1
    assert len(store.load(session.id, content).questions) == 40
    assert [e.action for e in store.audit_trail(session.id)] == ["session_started"]
    with raw(store) as db:
        assert db.execute("SELECT count(*) FROM records").fetchone() == (1,)


def test_a_signed_record_cannot_change_through_the_store(store, content, clock) -> None:
    session = make_session(content, clock, seal=True)
    digest = store.seal(session, FAKE_PDF)
    assert len(digest) == 64 and store.unfinished() is None
    with pytest.raises(RecordSealedError):
        store.save_draft(session)
    with pytest.raises(RecordSealedError):
        store.seal(session, FAKE_PDF + b" again")
    with pytest.raises(RecordSealedError):
        store.delete_draft(session.id)
    assert store.pdf_bytes(session.id).startswith(FAKE_PDF)  # and the signature
    again = store.load(session.id, content)
    assert again.is_sealed and session_to_dict(again) == session_to_dict(session)
    assert store.record(session.id).status == "signed"


def test_only_a_sealed_session_with_its_pdf_can_be_stored_as_signed(store, content, clock) -> None:
    with pytest.raises(ValueError, match="sealed"):
        store.seal(complete_session(content, clock), FAKE_PDF)
    with pytest.raises(ValueError, match="PDF"):
        store.seal(make_session(content, clock, seal=True), b"")


def test_a_session_signed_but_not_yet_stored_survives_as_a_draft(store, content, clock) -> None:
    """The app may stop between signing and building the PDF; resuming finds it signed."""
    session = make_session(content, clock, seal=True)
    store.save_draft(session)
    assert store.unfinished() == session.id and store.load(session.id, content).is_sealed
    store.seal(session, FAKE_PDF)
    assert store.record(session.id).status == "signed" and store.verify().ok


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE records SET patient_name = 'Someone Else' WHERE id = :id",
        "UPDATE records SET status = 'in_progress' WHERE id = :id",
        "DELETE FROM records WHERE id = :id",
        "INSERT OR REPLACE INTO records (id, data, patient_name, record_number, clinician,"
        " created_at, updated_at, content_version, content_sha256)"
        " VALUES (:id, '{}', 'X', '', '', '', '', '', '')",
        "UPDATE audit SET actor = 'someone' WHERE record_id = :id",
        "DELETE FROM audit WHERE record_id = :id",
        "INSERT OR REPLACE INTO audit (seq, record_id, at, actor, action, detail, prev_hash, hash)"
        " VALUES (1, :id, '', '', 'signed', '{}', '', '')",
        "TRUNCATE records",
        "TRUNCATE audit CASCADE",
        "TRUNCATE audit_signatures",
        "DELETE FROM audit_signatures",
    ],
)
def test_the_database_itself_refuses_to_change_a_signed_record_or_the_trail(
    store, content, clock, statement: str, store_engine: str
) -> None:
    """On both engines; each engine's own way around the guards is tried on it alone (SQLite's
    INSERT OR REPLACE, PostgreSQL's TRUNCATE)."""
    own = {"INSERT OR REPLACE": "sqlite", "TRUNCATE": "postgresql"}
    if any(statement.startswith(words) and own[words] != store_engine for words in own):
        pytest.skip("the other engine's statement")
    session = make_session(content, clock, seal=True)
    store.seal(session, FAKE_PDF)
    with raw(store) as conn, pytest.raises(REFUSED, match="read-only|append-only"):
        conn.execute(statement, {"id": session.id})
    assert store.verify().ok


def test_withdrawal_and_correction_are_new_linked_records(store, content, clock) -> None:
    session = make_session(content, clock, seal=True)
    store.seal(session, FAKE_PDF)
    row = "SELECT * FROM records WHERE id = ?"
    with raw(store) as conn:
        before = conn.execute(row, (session.id,)).fetchone()

    store.correct(session.id, "Record number is MRN-42, not blank.", "Dr. Wróbel")
    withdrawal = store.withdraw(session.id, "Patient wishes to think it over.", "Dr. Wróbel")

    with raw(store) as conn:
        assert conn.execute(row, (session.id,)).fetchone() == before
    summary = store.record(session.id)
    assert (summary.status, summary.corrections) == ("withdrawn", 1)
    assert [(a.kind, a.by) for a in store.amendments(session.id)] == [
        ("correction", "Dr. Wróbel"),
        ("withdrawn", "Dr. Wróbel"),
    ]
    assert store.amendments(session.id)[1].id == withdrawal
    assert [s.id for s in store.list_records()] == [session.id]
    assert [e.action for e in store.audit_trail(session.id)][-2:] == ["corrected", "withdrawn"]
    assert store.verify().ok and store.verify(session.id).records_checked == 3
    with pytest.raises(RecordSealedError, match="already withdrawn"):
        store.withdraw(session.id, "again", "Dr. Wróbel")


def test_only_a_signed_record_can_be_withdrawn(store, content, clock) -> None:
    draft = complete_session(content, clock)
    store.save_draft(draft)
    with pytest.raises(ValueError, match="not signed"):
        store.withdraw(draft.id, "changed mind", "Dr. Wróbel")
    with pytest.raises(ValueError, match="reason"):
        store.withdraw(draft.id, "  ", "Dr. Wróbel")
    with pytest.raises(RecordNotFoundError):
        store.withdraw("no-such-record", "changed mind", "Dr. Wróbel")


@SQLITE_ONLY
def test_deleting_a_draft_leaves_no_patient_data_in_the_files(store, content, clock) -> None:
    name = "Ximena Quartzfeld"
    draft = complete_session(content, clock)
    for number in range(5):  # several versions of the row pass through the WAL
        draft.set_details(patient_name=name, record_number=f"MRN-QZ-{number}")
        store.save_draft(draft)
    store.delete_draft(draft.id)

    assert store.list_records() == [] and store.unfinished() is None
    assert [e.action for e in store.audit_trail(draft.id)] == ["session_started", "draft_deleted"]
    files = [p for p in store.path.parent.iterdir() if p.name.startswith(DB_NAME)]
    assert files and all(b"Quartzfeld" not in p.read_bytes() for p in files)
    with pytest.raises(RecordNotFoundError):
        store.delete_draft(draft.id)
    assert store.verify().ok


def test_records_are_found_by_name_or_number_ignoring_case_and_accents(store, content) -> None:
    people = [
        ("Zoë Nguyễn-Øberg", "MRN-1001", 3),
        ("Łukasz Wróbel", "MRN-2002", 10),
        ("Zoe Smith", "A-77", 20),
    ]
    for name, number, day in people:
        clock = TickingClock(datetime(2026, 11, day, 12, 0, tzinfo=UTC))
        store.save_draft(make_session(content, clock, patient_name=name, record_number=number))

    def names(**query: object) -> list[str]:
        return [s.patient_name for s in store.list_records(**query)]

    assert names() == ["Zoe Smith", "Łukasz Wróbel", "Zoë Nguyễn-Øberg"]
    assert names(search="zoe oberg") == ["Zoë Nguyễn-Øberg"]
    assert names(search="ZOË") == ["Zoe Smith", "Zoë Nguyễn-Øberg"]
    assert names(search="lukasz wrobel") == ["Łukasz Wróbel"]
    assert names(search="mrn-2002") == ["Łukasz Wróbel"]
    assert names(search="nobody") == []
    assert names(since=date(2026, 11, 10), until=date(2026, 11, 10)) == ["Łukasz Wróbel"]
    assert names(since=date(2026, 11, 4)) == ["Zoe Smith", "Łukasz Wróbel"]


@SQLITE_ONLY
def test_the_folder_and_every_database_file_are_private(store, content, clock, tmp_path) -> None:
    session = make_session(content, clock, seal=True)
    store.seal(session, FAKE_PDF)
    store.export_pdf(session.id, tmp_path / "out.pdf")

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert mode(store.path.parent) == 0o700
    for suffix in ("", "-wal", "-shm"):
        assert mode(store.path.with_name(DB_NAME + suffix)) == 0o600, suffix
    assert mode(tmp_path / "out.pdf") == 0o600
    assert (tmp_path / "out.pdf").read_bytes() == store.pdf_bytes(session.id)


def test_audit_details_refuse_anything_but_ids_and_flags(store, content, clock) -> None:
    session = complete_session(content, clock)
    store.save_draft(session)
    store.log(session.id, "discussed", screen="risks", discussed=True)
    with pytest.raises(ValueError, match="patient data"):
        store.log(session.id, "screen_viewed", screen="risks", patient="Test Patient")
    with pytest.raises(ValueError, match="unknown"):
        store.log(session.id, "gossip")
    with pytest.raises(ValueError, match="written by the store"):
        store.log(session.id, "signed")
    with pytest.raises(RecordNotFoundError):
        store.log("no-such-record", "record_opened")


@SQLITE_ONLY
def test_a_page_of_the_list_reads_indexes_and_no_record(store) -> None:
    """However it is sorted or searched, the list never reads a record's session or PDF."""
    from counsel.core.record_query import SORT_KEYS, RecordFilter, RecordOrder, page_query

    plans = []
    with raw(store) as conn:
        for key in SORT_KEYS:
            for matching in (RecordFilter(), RecordFilter("zoë w", date(2020, 1, 1))):
                sql, args = page_query(matching, RecordOrder(key))
                plans.append(
                    (
                        key,
                        [
                            row[3]
                            for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", [*args, 100, 0])
                        ],
                    )
                )
        drafts = [
            row[3]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM records WHERE status = 'in_progress'"
                " ORDER BY updated_at DESC LIMIT 1"
            )
        ]
    for key, plan in plans:
        reads = [step for step in plan if step.startswith(("SCAN", "SEARCH"))]
        assert all("USING COVERING INDEX" in step for step in reads), (key, plan)
        assert not any("TEMP B-TREE" in step for step in plan), (key, plan)
    assert drafts == ["SCAN records USING INDEX records_drafts"]
