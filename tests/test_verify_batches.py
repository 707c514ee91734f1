"""A full check reads records a batch at a time: on a clinic server each query is a round
trip, so one query per record made ``records verify`` there ten times slower than on SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from engines import raw, tamper
from record_helpers import fill

from counsel.core import store_verify
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_server import ServerConnection

RECORDS = 120


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement the check's own reading connection runs, as it runs them."""
    seen: list[str] = []
    opened = store_verify.open_reader

    def counted_reader(path: Path) -> object:
        conn = opened(path)
        if isinstance(conn, sqlite3.Connection):
            conn.set_trace_callback(seen.append)
        elif isinstance(conn, ServerConnection):
            execute = conn.execute

            def counted(sql: str, parameters: object = (), /, **options: object) -> object:
                seen.append(sql)
                return execute(sql, parameters, **options)

            monkeypatch.setattr(conn, "execute", counted)
        return conn

    monkeypatch.setattr(store_verify, "open_reader", counted_reader)
    return seen


def test_a_full_check_reads_many_records_per_query(
    location: StoreLocation, content, statements: list[str]
) -> None:
    with open_store(location) as store:
        fill(store, content, RECORDS, seed=5)
        report = store.verify(full=True)
    assert report.ok, report.problems
    assert report.records_checked > RECORDS  # every record, its withdrawals and corrections
    assert 0 < len(statements) < RECORDS / 4, statements


def test_an_edited_amendment_is_still_found_among_its_batch(
    location: StoreLocation, content, statements: list[str]
) -> None:
    """Rows and the records amendments are about come in a batch: each row still meets its
    own seal and its own original."""
    with open_store(location) as store:
        fill(store, content, RECORDS, seed=5)
        with raw(store) as conn:
            (amendment,) = conn.execute(
                "SELECT id FROM records WHERE links_to IS NOT NULL ORDER BY id LIMIT 1"
            ).fetchone()
        tamper(
            store,
            f"UPDATE records SET patient_name = 'Someone Else (DEMO)' WHERE id = '{amendment}'",
        )
        report = store.verify(full=True)
    assert [(p.where, p.what) for p in report.problems] == [
        (f"record {amendment}", "shown patient_name")
    ]
