"""An intruder with write access to the database file, over a small sealed store: every edit
of every column of every table (triggers dropped), byte flips across the whole file, deleted
audit entries, a cut file and swapped PDFs. Whatever changes what a user sees of a signed
record (the list, a search, the viewer, the PDF, the audit trail) makes ``records verify``
fail, and an edited listed column is named with what it should be."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from test_record_store import make_session, open_store

from counsel.core.audit_chain import Problem
from counsel.core.record_status import IN_PROGRESS
from counsel.core.record_store import RecordStore
from counsel.core.store_schema import DB_NAME, StoreVersionError

UNSEEN_COLUMNS = {("records", "updated_at")}  # shown nowhere for a signed record


@pytest.fixture(scope="module")
def sealed_store(tmp_path_factory, content) -> Path:
    """Two signed records (one withdrawn, one corrected) and a draft, in one file."""
    from conftest import TickingClock

    clock = TickingClock()
    folder = tmp_path_factory.mktemp("sealed")
    with open_store(folder, clock) as store:
        for n, name in enumerate(("Ilse Varga", "Tomás Ferreira")):
            session = make_session(
                content, clock, seal=True, patient_name=name, record_number=f"MRN-{n}"
            )
            store.seal(session, b"%PDF-1.4 " + name.encode() + b"\n%%EOF\n")
            store.log(session.id, "pdf_printed", pdf_sha256="0" * 64)
        first, second = (s.id for s in store.list_records())
        store.withdraw(first, "changed her mind", "Dr. Amara Quigley")
        store.correct(second, "date of birth typed wrong", "Dr. Amara Quigley")
        store.save_draft(make_session(content, clock, patient_name="Noor Haddad"))
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder


def copy_of(folder: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    copy.mkdir(parents=True)
    shutil.copy(folder / DB_NAME, copy / DB_NAME)
    return copy


def intrude(folder: Path, *statements: str, args: tuple[Any, ...] = ()) -> None:
    with closing(sqlite3.connect(folder / DB_NAME, isolation_level=None)) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement, args)


def what_users_see(folder: Path, content) -> object:
    """Everything shown or exported of the signed records, or why it cannot be shown."""
    try:
        with RecordStore(folder / DB_NAME) as store:
            signed = [r for r in store.list_records() if r.status != IN_PROGRESS]
            return (
                signed,
                [store.amendments(r.id) for r in signed],
                [store.pdf_bytes(r.id) for r in signed],
                [store.load(r.id, content).details for r in signed],
                [[r.id for r in store.list_records(r.record_number)] for r in signed],
                store.audit_trail(signed[0].id) + store.audit_trail(signed[1].id),
            )
    except Exception as error:  # an error is what the user sees then
        return repr(error)


def verify_problems(folder: Path) -> list[Problem]:
    try:
        with RecordStore(folder / DB_NAME) as store:
            return list(store.verify(full=True).problems)
    except (sqlite3.DatabaseError, StoreVersionError) as error:  # cannot even be opened
        return [Problem("database file", str(error))]


def changed(value: object) -> object:
    if value is None:
        return "x"
    if isinstance(value, int):
        return value + 1_000  # a number no other row has
    if isinstance(value, bytes):
        return value[:-1] + bytes([value[-1] ^ 1]) if value else b"x"
    return str(value)[:-1] + ("y" if str(value)[-1:] != "y" else "z") if value else "x"


def cells(folder: Path) -> list[tuple[str, str, int, object]]:
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        found = []
        for table in ("records", "audit"):
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for rowid, *values in conn.execute(f"SELECT rowid, * FROM {table}"):
                found += [(table, c, rowid, v) for c, v in zip(columns, values, strict=True)]
        return found


def test_every_column_of_every_row_edited_is_either_unseen_or_found(
    sealed_store, tmp_path, content
) -> None:
    before = what_users_see(sealed_store, content)
    assert verify_problems(sealed_store) == []
    missed, found = [], 0
    for n, (table, column, rowid, value) in enumerate(cells(sealed_store)):
        folder = copy_of(sealed_store, tmp_path / str(n))
        intrude(
            folder,
            f"UPDATE {table} SET {column} = ? WHERE rowid = {rowid}",
            args=(changed(value),),
        )
        if what_users_see(folder, content) == before and (table, column) in UNSEEN_COLUMNS:
            continue
        if verify_problems(folder):
            found += 1
        elif what_users_see(folder, content) != before:
            missed.append((table, column, rowid))
    assert missed == []
    assert found > 100


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("patient_name", "Someone Else"),
        ("date_of_birth", "1901-01-01"),
        ("record_number", "MRN-999"),
        ("clinician", "Dr. Nobody"),
        ("created_at", "2020-01-01T00:00:00.000000+00:00"),
        ("search_key", "hidden"),
    ],
)
def test_an_edited_listed_column_is_named_with_what_it_should_be(
    sealed_store, tmp_path, column, value
) -> None:
    folder = copy_of(sealed_store, tmp_path)
    with RecordStore(folder / DB_NAME) as store:
        record = next(r for r in store.list_records() if r.status == "signed")
    intrude(folder, f"UPDATE records SET {column} = ? WHERE id = '{record.id}'", args=(value,))
    problems = verify_problems(folder)
    [problem] = problems
    assert (problem.where, problem.what, problem.found) == (
        f"record {record.id}",
        f"shown {column}",
        value,
    )


def test_a_hidden_withdrawal_is_found(sealed_store, tmp_path) -> None:
    for statement in (
        "UPDATE records SET links_to = NULL WHERE status = 'withdrawn'",
        "UPDATE records SET status = 'correction' WHERE status = 'withdrawn'",
        "DELETE FROM records WHERE status = 'withdrawn'",
        "UPDATE records SET status = 'in_progress' WHERE status = 'signed'",
    ):
        folder = copy_of(sealed_store, tmp_path / str(hash(statement)))
        intrude(folder, statement)
        assert verify_problems(folder), statement


def test_deleted_audit_entries_and_swapped_pdfs_are_found(sealed_store, tmp_path) -> None:
    with closing(sqlite3.connect(sealed_store / DB_NAME)) as conn:
        last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        sealing = [s for (s,) in conn.execute("SELECT seq FROM audit WHERE action = 'signed'")]
    for n, statement in enumerate(
        [
            *(f"DELETE FROM audit WHERE seq = {seq}" for seq in range(1, last)),
            f"DELETE FROM audit WHERE seq >= {sealing[-1]}",  # the tail, from a signing on
            "UPDATE records SET pdf = (SELECT pdf FROM records r WHERE r.id <> records.id"
            " AND r.pdf IS NOT NULL) WHERE pdf IS NOT NULL",
        ]
    ):
        folder = copy_of(sealed_store, tmp_path / str(n))
        intrude(folder, statement)
        assert verify_problems(folder), statement


def test_byte_flips_anywhere_in_the_file_are_found_when_they_change_what_is_seen(
    sealed_store, tmp_path, content
) -> None:
    before = what_users_see(sealed_store, content)
    data = (sealed_store / DB_NAME).read_bytes()
    offsets = random.Random(15).sample(range(len(data)), 250) + list(range(0, 100, 7))
    missed, found = [], 0
    for offset in offsets:
        folder = copy_of(sealed_store, tmp_path / str(offset))
        flipped = bytearray(data)
        flipped[offset] ^= 0x10
        (folder / DB_NAME).write_bytes(bytes(flipped))
        if verify_problems(folder):
            found += 1
        elif what_users_see(folder, content) != before:
            missed.append(offset)
    assert missed == []
    assert found > 20


def test_a_cut_file_is_found(sealed_store, tmp_path) -> None:
    data = (sealed_store / DB_NAME).read_bytes()
    for size in (len(data) // 2, len(data) - 16_384, 100):
        folder = copy_of(sealed_store, tmp_path / str(size))
        (folder / DB_NAME).write_bytes(data[:size])
        assert verify_problems(folder), size
