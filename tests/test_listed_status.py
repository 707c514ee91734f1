"""Sorting the list by status: drafts, then signed, then withdrawn records, as each is now,
on both engines, also in a store made before the status was kept for sorting."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest
from engines import raw
from test_record_store import FAKE_PDF, make_session, open_at

from counsel.core.record_query import RecordOrder
from counsel.core.record_store import RecordStore
from counsel.core.store_location import ServerDatabase

BY_STATUS = RecordOrder("status", descending=False)


@pytest.fixture
def store(location, clock) -> Iterator[RecordStore]:
    """The test's store, on each engine in turn."""
    with open_at(location, clock) as opened:
        yield opened


def statuses_by_status(store: RecordStore) -> list[tuple[str, str]]:
    """(status, patient) of every record, sorted by status, a page of two at a time."""
    total = store.count_records()
    pages = [
        store.list_records(order=BY_STATUS, offset=start, limit=2) for start in range(0, total, 2)
    ]
    return [(r.status, r.patient_name) for page in pages for r in page]


def clinic_day(store: RecordStore, content, clock) -> dict[str, str]:
    """Five visits: two drafts (one then deleted, one then signed), three signed (one then
    withdrawn, one corrected)."""
    ids = {}
    for name in ("Ann Draft", "Bea Gone", "Cal Later", "Dee Signed", "Eve Withdrawn", "Fay Fixed"):
        session = make_session(content, clock, patient_name=name)
        ids[name] = session.id
        store.save_draft(session)
        if name not in ("Ann Draft", "Bea Gone", "Cal Later"):
            session.seal()
            store.seal(session, FAKE_PDF)
    store.delete_draft(ids["Bea Gone"])
    later = store.load(ids["Cal Later"], content)
    later.seal()
    store.seal(later, FAKE_PDF)
    store.withdraw(ids["Eve Withdrawn"], "Changed her mind (test)", "nurse.kim")
    store.correct(ids["Fay Fixed"], "Record number typed wrong (test)", "nurse.kim")
    return ids


EXPECTED = [
    ("in_progress", "Ann Draft"),
    *sorted([("signed", "Cal Later"), ("signed", "Dee Signed"), ("signed", "Fay Fixed")]),
    ("withdrawn", "Eve Withdrawn"),
]


def by_status_then_id(store: RecordStore) -> list[tuple[str, str]]:
    """What the sort must give: each record's listed status, ties in id order."""
    records = sorted(store.list_records(), key=lambda r: (r.status, r.id))
    return [(r.status, r.patient_name) for r in records]


def test_the_status_sort_follows_drafts_signing_withdrawals_and_deletions(
    store, content, clock
) -> None:
    clinic_day(store, content, clock)
    shown = statuses_by_status(store)
    assert shown == by_status_then_id(store)
    assert sorted(shown) == EXPECTED
    newest_status_first = store.list_records(order=RecordOrder("status", descending=True))
    assert [r.patient_name for r in newest_status_first] == [name for _, name in shown][::-1]


def _as_before_version_9(store: RecordStore) -> None:
    """Take the store back to schema version 8, as a Counsel before this one left it."""
    with raw(store) as conn:
        if isinstance(store.database, ServerDatabase):
            for statement in (
                "DROP TRIGGER records_listed_status ON records",
                "DROP TRIGGER records_listed_changed ON records",
                "DROP FUNCTION counsel_list_status",
                "DROP TABLE listed_status",
                "UPDATE store_version SET version = 8",
            ):
                conn.execute(statement)
            return
        assert isinstance(conn, sqlite3.Connection)
        names = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE name LIKE 'records_listed_%'"
            " OR name IN ('listed_status', 'records_by_id')"
        ).fetchall()
        for kind, name in names:
            if kind != "index" or name == "records_by_id":
                conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
        conn.execute("PRAGMA user_version = 8")


def test_a_store_from_before_the_kept_status_sorts_by_status_once_upgraded(
    location, content, clock
) -> None:
    with open_at(location, clock) as store:
        clinic_day(store, content, clock)
        _as_before_version_9(store)
    with open_at(location, clock) as store:
        assert sorted(statuses_by_status(store)) == EXPECTED
        assert statuses_by_status(store) == by_status_then_id(store)
        later = make_session(content, clock, patient_name="Gil After", seal=True)
        store.seal(later, FAKE_PDF)  # kept from now on by the triggers
        assert ("signed", "Gil After") in statuses_by_status(store)


def test_the_kept_statuses_are_the_records_own_after_a_bulk_load(store, content) -> None:
    """Records stored thousands at a time (COPY on the server) are kept there too."""
    from record_helpers import fill

    fill(store, content, 60, seed=5)
    assert statuses_by_status(store) == by_status_then_id(store)
    assert {status for status, _ in statuses_by_status(store)} == {"signed", "withdrawn"}


def test_a_sqlite_file_lists_by_status_without_reading_any_record(tmp_path, content, clock) -> None:
    """The page sorted by status reads the kept status and the listing index, no record."""
    from counsel.core.record_query import RecordFilter, page_query

    with RecordStore.in_folder(tmp_path, clock=clock) as store:
        sql, args = page_query(RecordFilter(), BY_STATUS)
        with closing(sqlite3.connect(store.path)) as conn:
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", [*args, 100, 0])]
    assert plan[:2] == [
        "SCAN s USING COVERING INDEX listed_status_order",
        "SEARCH r USING COVERING INDEX records_by_id (id=?)",
    ]
