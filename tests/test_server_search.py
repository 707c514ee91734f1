"""A search finds the same records, in the same order and pages, on both engines, as the
list's rows say it should: on the server it reads its matches from ``listed_status`` (schema
version 10), which the triggers keep as drafts are typed, signed, withdrawn and deleted, and
a server store upgraded to version 10 keeps every record verifiable and findable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engines import raw
from record_helpers import fill
from test_record_store import FAKE_PDF, make_session, open_at

from counsel.core import record_query
from counsel.core.record_query import (
    FIRST_LOOKED_AT,
    NEWEST_FIRST,
    SORT_KEYS,
    RecordOrder,
    RecordSummary,
)
from counsel.core.record_store import RecordStore
from counsel.core.store_location import ServerDatabase, StoreLocation
from counsel.core.store_schema import fold
from counsel.core.store_server_schema import _LIST_STATUS

SEARCHES = ("z", "zo", "zoë w", "demo-00", "DEMO-0001", "øberg", "renamed", "no such name")
#: Every order the list can be in: each column either way.
ORDERS = tuple(RecordOrder(key, descending) for key in SORT_KEYS for descending in (True, False))
PAGE = 7


@pytest.fixture
def store(location: StoreLocation, clock) -> Iterator[RecordStore]:
    with open_at(location, clock) as opened:
        yield opened


def a_clinic_years(store: RecordStore, content, clock) -> None:
    """Signed demo records (some withdrawn, some corrected), a draft renamed as it was typed,
    a draft deleted, and a record signed today."""
    fill(store, content, 40, seed=11)
    draft = make_session(content, clock, patient_name="Zoë Typing", record_number="TMP-1")
    store.save_draft(draft)
    draft.set_details(patient_name="Zoë Renamed")
    store.save_draft(draft)
    gone = make_session(content, clock, patient_name="Zoë Deleted")
    store.save_draft(gone)
    store.delete_draft(gone.id)
    store.seal(make_session(content, clock, patient_name="Zoë Øberg", seal=True), FAKE_PDF)


def expected(store: RecordStore, search: str, order: RecordOrder) -> list[RecordSummary]:
    """What the list should show: the rows of the whole list in the order asked (each
    column's order is the window's tests'), less those whose name or number lacks a word
    (ignoring case and accents)."""
    words = fold(search).split()
    return [
        r
        for r in store.list_records(order=order)
        if all(word in f"{fold(r.patient_name)}\x1f{fold(r.record_number)}" for word in words)
    ]


def paged(store: RecordStore, search: str, order: RecordOrder) -> list[RecordSummary]:
    pages = []
    for offset in range(0, store.count_records(search) + PAGE, PAGE):
        pages += store.list_records(search, order=order, offset=offset, limit=PAGE)
    return pages


@pytest.mark.parametrize("first_looked_at", [10, FIRST_LOOKED_AT])
def test_a_search_finds_what_the_list_holds_a_page_at_a_time(
    store, content, clock, monkeypatch, first_looked_at
) -> None:
    """Pages found among the first records, or past them in the table (on the server), in
    every order (those the table does not keep looking as far first as the others)."""
    monkeypatch.setattr(record_query, "FIRST_LOOKED_AT", first_looked_at)
    monkeypatch.setattr(record_query, "FURTHER", 1)
    a_clinic_years(store, content, clock)
    for search in SEARCHES:
        for order in ORDERS:
            wanted = expected(store, search, order)
            assert paged(store, search, order) == wanted, (search, order)
            assert store.count_records(search) == len(wanted)
            assert store.count_records(search, at_most=3) == min(len(wanted), 4)
    assert [r.patient_name for r in store.list_records("renamed")] == ["Zoë Renamed"]
    assert store.list_records("typing") == [] and store.list_records("deleted") == []
    since = store.list_records("renamed")[0].started_at.astimezone().date()
    on_or_after = [
        r for r in expected(store, "zoe", NEWEST_FIRST) if r.started_at.astimezone().date() >= since
    ]
    assert store.list_records("zoe", since=since) == on_or_after
    assert "Zoë Øberg" in [r.patient_name for r in on_or_after]


def _as_before_version_10(store: RecordStore) -> None:
    """Take a server store back to schema version 9, as a Counsel before this one left it."""
    with raw(store) as conn:
        for statement in (
            "DROP TRIGGER records_listed_changed ON records",
            "DROP TRIGGER records_listed_status ON records",
            "DROP FUNCTION counsel_list_status",
            "ALTER TABLE listed_status DROP COLUMN created_at, DROP COLUMN search_key",
            _LIST_STATUS,
            "CREATE TRIGGER records_listed_status AFTER INSERT OR DELETE ON records"
            " FOR EACH ROW EXECUTE FUNCTION counsel_list_status()",
            "CREATE TRIGGER records_listed_signed AFTER UPDATE OF status ON records"
            " FOR EACH ROW EXECUTE FUNCTION counsel_list_status()",
            "UPDATE store_version SET version = 9",
        ):
            conn.execute(statement)


@pytest.mark.parametrize("store_engine", ["postgresql"], indirect=True)
def test_a_server_store_upgraded_to_version_10_stays_verifiable_and_findable(
    location, content, clock
) -> None:
    with open_at(location, clock) as store:
        a_clinic_years(store, content, clock)
        before = {search: expected(store, search, NEWEST_FIRST) for search in SEARCHES}
        _as_before_version_10(store)
    with open_at(location, clock) as store:
        assert isinstance(store.database, ServerDatabase)
        report = store.verify(full=True)
        assert report.ok and report.records_checked > 40, report.problems
        for search, wanted in before.items():
            assert paged(store, search, NEWEST_FIRST) == wanted, search
        later = make_session(content, clock, patient_name="Ana Later", record_number="L-9")
        store.save_draft(later)  # kept from now on by the triggers
        assert [r.id for r in store.list_records("ana later")] == [later.id]
        later.set_details(patient_name="Ana Signed")
        later.seal()
        store.seal(later, FAKE_PDF)
        assert store.list_records("ana later") == []
        assert [r.status for r in store.list_records("ana signed")] == ["signed"]
        assert store.verify(full=True).ok
