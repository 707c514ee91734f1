"""The audit trail records each step without patient data, and tampering is found exactly."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
from engines import SQLITE_ONLY, tamper
from test_record_store import FAKE_PDF, make_session, open_at

from counsel.core.audit_chain import AuditEntry, Problem, sha256_hex
from counsel.core.content import Content
from counsel.core.record_store import RecordStore
from counsel.core.session import Session
from counsel.core.store_location import StoreLocation


@pytest.fixture
def store(location: StoreLocation, clock) -> Iterator[RecordStore]:
    """The test's store, on each engine in turn."""
    with open_at(location, clock) as opened:
        yield opened


def walk_and_sign(store: RecordStore, content: Content, clock) -> Session:
    """Entries 1-5 of the trail: started, viewed, discussed, quiz answered, signed."""
    session = make_session(
        content, clock, patient_name="Zoë Nguyễn-Øberg", record_number="MRN-4711"
    )
    store.save_draft(session)
    store.log(session.id, "screen_viewed", screen="risks")
    store.log(session.id, "discussed", screen="risks", discussed=True)
    store.log(session.id, "quiz_answered", question="q1", choice=2, correct=True)
    session.seal()
    store.seal(session, FAKE_PDF)
    return session


def problems(store: RecordStore, record_id: str | None = None) -> list[tuple[str, str]]:
    return [(p.where, p.what) for p in store.verify(record_id).problems]


def test_every_step_is_in_the_trail_and_no_patient_data_is(store, content, clock, tmp_path) -> None:
    session = walk_and_sign(store, content, clock)
    store.export_pdf(session.id, tmp_path / "copy.pdf")
    store.log(session.id, "pdf_printed", pdf_sha256=sha256_hex(FAKE_PDF))
    store.log(session.id, "record_opened")

    trail = store.audit_trail(session.id)
    assert [e.action for e in trail] == [
        "session_started",
        "screen_viewed",
        "discussed",
        "quiz_answered",
        "signed",
        "pdf_exported",
        "pdf_printed",
        "record_opened",
    ]
    assert {e.actor for e in trail} == {"nurse.kim"}
    text = " ".join(f"{e.actor} {e.detail}" for e in trail)
    assert not any(part in text for part in ("Zoë", "Nguy", "MRN-4711", "1950-01-02"))
    assert trail[4].details()["pdf_sha256"] == sha256_hex(store.pdf_bytes(session.id))
    assert store.verify().ok


def test_the_exported_trail_carries_every_hash_so_it_can_be_checked_elsewhere(
    store, content, clock, tmp_path
) -> None:
    session = walk_and_sign(store, content, clock)
    store.export_audit(session.id, tmp_path / "trail.json")
    store.export_audit(session.id, tmp_path / "trail.csv")

    from_json = json.loads((tmp_path / "trail.json").read_text())
    with (tmp_path / "trail.csv").open(newline="") as handle:
        from_csv = [{**row, "seq": int(row["seq"])} for row in csv.DictReader(handle)]
    assert from_json == from_csv and len(from_json) == 5
    for row in from_json:
        assert AuditEntry(**row).expected_hash() == row["hash"]
    assert (tmp_path / "trail.json").stat().st_mode & 0o777 == 0o600
    with pytest.raises(ValueError, match=r"\.csv or \.json"):
        store.export_audit(session.id, tmp_path / "trail.txt")


@pytest.mark.parametrize(
    ("statement", "what"),
    [
        ("UPDATE records SET data = replace(data, 'Nguyễn', 'Nguyen')", "session data"),
        ("UPDATE records SET pdf = pdf || x'00'", "PDF"),
        (f"UPDATE records SET content_sha256 = '{'0' * 64}'", "content hash"),
        (f"UPDATE records SET digest = '{'f' * 64}'", "digest"),
    ],
)
def test_a_changed_part_of_a_signed_record_is_named(store, content, clock, statement, what) -> None:
    session = walk_and_sign(store, content, clock)
    tamper(store, f"{statement} WHERE id = '{session.id}'")
    assert problems(store) == [(f"record {session.id}", what)]
    assert problems(store, session.id) == [(f"record {session.id}", what)]


def test_a_changed_audit_entry_is_named_with_expected_and_found_hash(store, content, clock) -> None:
    walk_and_sign(store, content, clock)
    stored = store.audit_trail(store.list_records()[0].id)[2]
    tamper(
        store, 'UPDATE audit SET detail = \'{"discussed":false,"screen":"risks"}\' WHERE seq = 3'
    )
    [problem] = store.verify().problems
    changed = replace(stored, detail='{"discussed":false,"screen":"risks"}')
    assert problem == Problem(
        "audit entry 3", "entry changed", changed.expected_hash(), stored.hash
    )


def test_a_removed_entry_is_found(store, content, clock) -> None:
    walk_and_sign(store, content, clock)
    tamper(store, "DELETE FROM audit WHERE seq = 2")
    assert problems(store) == [
        ("audit entry 2", "missing"),
        ("audit entry 3", "does not follow the entry before it (missing or reordered entries)"),
    ]


def test_reordered_entries_are_found(store, content, clock) -> None:
    walk_and_sign(store, content, clock)
    tamper(
        store,
        "UPDATE audit SET seq = -2 WHERE seq = 2",
        "UPDATE audit SET seq = 2 WHERE seq = 3",
        "UPDATE audit SET seq = 3 WHERE seq = -2",
    )
    assert {where for where, _ in problems(store)} == {
        "audit entry 2",
        "audit entry 3",
        "audit entry 4",
    }


def test_the_seal_entry_cannot_be_dropped_and_the_row_turned_back_into_a_draft(
    store, content, clock
) -> None:
    session = walk_and_sign(store, content, clock)
    tamper(store, f"UPDATE records SET status = 'in_progress' WHERE id = '{session.id}'")
    assert problems(store) == [
        (f"record {session.id}", "sealed in the audit trail but no longer a sealed record")
    ]


@SQLITE_ONLY
def test_bytes_edited_in_the_database_file_are_found(store, content, clock) -> None:
    session = walk_and_sign(store, content, clock)
    path = store.path
    store.close()  # the last connection checkpoints the WAL into the file and removes it
    data = path.read_bytes()
    assert data.count(b"MARKER-5b1d7e") == 1
    path.write_bytes(data.replace(b"MARKER-5b1d7e", b"MARKER-5b1d7f"))
    with RecordStore.in_folder(path.parent, clock=clock) as reopened:
        assert problems(reopened) == [(f"record {session.id}", "PDF")]


def test_verifying_one_record_checks_only_its_rows_and_the_whole_chain(
    store, content, clock
) -> None:
    first = walk_and_sign(store, content, clock)
    second = walk_and_sign(store, content, clock)
    withdrawal = store.withdraw(second.id, "Patient changed their mind.", "Dr. Wróbel")
    tamper(
        store,
        f"UPDATE records SET pdf = x'00' WHERE id = '{first.id}'",
        f"UPDATE records SET data = '{{}}' WHERE id = '{withdrawal}'",
    )
    assert problems(store, second.id) == [(f"record {withdrawal}", "session data")]
    assert problems(store, first.id) == [(f"record {first.id}", "PDF")]
    assert len(problems(store)) == 2
    report = store.verify(second.id)
    assert (report.records_checked, report.entries_checked) == (2, 6)  # its rows, its entries
    assert report.head == store.audit_trail(second.id)[-1].hash


def test_a_routine_check_reads_only_what_is_new_and_a_full_check_everything(
    store, content, clock
) -> None:
    first = walk_and_sign(store, content, clock)
    assert store.verify().entries_checked == 5  # no check before: everything
    second = walk_and_sign(store, content, clock)
    report = store.verify()
    assert (report.records_checked, report.entries_checked) == (1, 6)  # checkpoint + 5 new
    tamper(store, f"UPDATE records SET pdf = x'00' WHERE id = '{first.id}'")
    assert store.verify().ok  # sealed before the last check: left to the full check
    assert problems(store, first.id) == [(f"record {first.id}", "PDF")]
    full = store.verify(full=True)
    assert [(p.where, p.what) for p in full.problems] == [(f"record {first.id}", "PDF")]
    assert full.records_checked == 2 and second.id


def test_a_routine_check_notices_a_changed_checkpoint_or_an_unaudited_row(
    store, content, clock
) -> None:
    walk_and_sign(store, content, clock)
    store.verify()
    tamper(store, "UPDATE audit SET hash = 'x' WHERE seq = 5")
    assert ("audit entry 5", "changed since the last check") in problems(store)
    assert (
        "sealed records",
        "more or fewer than the audit trail sealed; a full check names them",
    ) not in problems(store)
