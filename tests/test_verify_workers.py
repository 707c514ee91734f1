"""A large check spreads its records over worker processes, each reading the rows itself:
they must find exactly what one process finds, in the same order, on both engines, in a
full check and in a routine one, and a cancelled check leaves no worker behind."""

from __future__ import annotations

import json
import multiprocessing
from typing import Any

import pytest
from engines import raw, tamper
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_helpers import real_pool

from counsel.core.audit_chain import VerifyReport
from counsel.core.demo_records import demo_records, store_demo_records
from counsel.core.record_store import RecordStore
from counsel.core.shown_fields import sealed_values
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_verify import Verification


def checked(store: RecordStore, *, in_workers: bool, full: bool = True) -> VerifyReport:
    return Verification(
        store.database, full=full, remember=None, keys=store.keys, in_workers=in_workers
    ).run()


def column(store: RecordStore, sql: str, *parameters: object) -> list[Any]:
    """The first column of ``sql``'s rows, read through a plain connection."""
    with raw(store) as conn:
        return [row[0] for row in conn.execute(sql, parameters)]


def signed_ids(store: RecordStore, status: str) -> list[str]:
    return column(store, "SELECT id FROM records WHERE status = ? ORDER BY id", status)


@pytest.fixture
def store(location: StoreLocation, content) -> RecordStore:
    """Thirty signed records whose PDFs all differ, some withdrawn or corrected."""
    with open_store(location) as store:
        records = demo_records(real_pool(content), 30, seed=3)
        store_demo_records(store, records, distinct_pdfs=True)
        yield store


def test_workers_find_what_one_process_finds_in_an_intact_store(store: RecordStore) -> None:
    alone, spread = checked(store, in_workers=False), checked(store, in_workers=True)
    assert alone.ok and alone.records_checked > 30
    assert spread == alone  # the same records, entries, head and signers' counts


def test_workers_find_every_tampering_one_process_finds(store: RecordStore) -> None:
    signed = signed_ids(store, "signed")
    withdrawn = signed_ids(store, "withdrawn")
    [signature_seq] = column(store, "SELECT max(seq) FROM audit WHERE action = 'signed'")
    tamper(
        store,
        f"UPDATE records SET patient_name = 'Someone Else' WHERE id = '{signed[0]}'",
        f"UPDATE records SET pdf = (SELECT pdf FROM records WHERE id = '{signed[2]}')"
        f" WHERE id = '{signed[1]}'",
        f"UPDATE records SET data = replace(data, 'e', 'a') WHERE id = '{signed[3]}'",
        f"DELETE FROM records WHERE id = '{withdrawn[0]}'",
        f"UPDATE audit_signatures SET signature = x'00' WHERE seq = {signature_seq}",
    )
    alone, spread = checked(store, in_workers=False), checked(store, in_workers=True)
    named = {problem.where for problem in alone.problems}
    assert {f"record {record_id}" for record_id in (*signed[:2], signed[3], withdrawn[0])} <= named
    assert f"audit entry {signature_seq}" in named
    assert spread == alone


def test_a_routine_check_in_workers_checks_what_is_new(store: RecordStore, content) -> None:
    assert store.verify(full=True).ok  # remembered: the next routine check starts there
    store_demo_records(store, demo_records(real_pool(content), 4, seed=8), distinct_pdfs=True)
    [newest] = column(
        store, "SELECT record_id FROM audit WHERE action = 'signed' ORDER BY seq DESC LIMIT 1"
    )
    tamper(store, f"UPDATE records SET clinician = 'Dr. Nobody' WHERE id = '{newest}'")
    alone = checked(store, in_workers=False, full=False)
    spread = checked(store, in_workers=True, full=False)
    assert alone.records_checked < 10 and [p.what for p in alone.problems] == ["shown clinician"]
    assert spread == alone


def test_a_cancelled_check_leaves_no_worker_running(store: RecordStore) -> None:
    check = Verification(store.database, full=True, remember=None, keys=store.keys, in_workers=True)
    steps = check.checking()
    next(steps)
    assert multiprocessing.active_children()  # the workers, checking
    steps.close()
    assert multiprocessing.active_children() == [] and check.report is None


A_THOUSAND_CASES = settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SEALED_KEYS = ["details", "patient_name", "date_of_birth", "record_number", "clinician_name"]
SEALED_KEYS += ["started_at", "content_version", "at", "ink"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(SEALED_KEYS) | st.text(max_size=3), inner, max_size=5)
    ),
    max_leaves=30,
)


def whole_session_values(data: bytes) -> list[Any] | None:
    """The sealed values as reading the whole session gives them (what verify did before it
    read only as far as them)."""
    try:
        session = json.loads(data)
    except ValueError:
        return None
    paths = [f"details.{key}" for key in SEALED_KEYS[1:5]]
    return [dig(session, path) for path in (*paths, "started_at", "content_version", "at")]


def dig(value: Any, path: str) -> Any:
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


@A_THOUSAND_CASES
@given(session=JSON_VALUES, cut=st.integers(min_value=0, max_value=3))
def test_the_sealed_values_are_those_reading_the_whole_session_gives(
    session: Any, cut: int
) -> None:
    """Verify reads only the few values the shown columns repeat: whatever
    the session (any JSON, or text cut short), they are those reading all of it gives."""
    data = json.dumps(session).encode()
    data = data[: len(data) - cut]
    assert sealed_values(data) == whole_session_values(data)
