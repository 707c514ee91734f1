"""A full check reads records a batch at a time: on a clinic server each query is a round
trip, so one query per record made ``records verify`` there ten times slower than on SQLite."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from engines import raw, tamper
from record_helpers import fill, real_pool

from counsel.core import audit_chain, clinic_signature, store_verify
from counsel.core.demo_records import demo_records, store_demo_records
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


class _CountedHash:
    """A SHA-256 that adds the bytes it is given to ``hashed``."""

    def __init__(self, hashed: list[int], inner: object) -> None:
        self._hashed, self._inner = hashed, inner

    def update(self, data: bytes) -> None:
        self._hashed[0] += len(data)
        self._inner.update(data)  # type: ignore[attr-defined]

    def copy(self) -> _CountedHash:
        return _CountedHash(self._hashed, self._inner.copy())  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


def test_a_full_check_hashes_each_stored_pdf_once(
    location: StoreLocation, content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record's seal and its PDF signature both cover the PDF: one pass serves both
    (each PDF its own, as in a clinic, so no PDF's verdict is remembered from another)."""
    with open_store(location) as store:
        records = demo_records(real_pool(content), 30, seed=11)
        store_demo_records(store, records, distinct_pdfs=True)
        with raw(store) as conn:
            sizes = conn.execute(
                "SELECT sum(length(CAST(data AS BLOB))), sum(length(pdf)) FROM records"
                " WHERE status <> 'in_progress'"
            ).fetchone()
        hashed = [0]

        def sha256(data: bytes = b"") -> _CountedHash:
            counted = _CountedHash(hashed, hashlib.sha256())
            counted.update(data)
            return counted

        counting = SimpleNamespace(sha256=sha256)
        for module in (audit_chain, clinic_signature):
            monkeypatch.setattr(module, "hashlib", counting)
        assert store.verify(full=True).ok
    data_bytes, pdf_bytes = (int(size) for size in sizes)
    assert pdf_bytes > 4 * data_bytes  # the PDFs are most of what is hashed
    assert hashed[0] < 1.1 * (data_bytes + pdf_bytes), (hashed[0], data_bytes, pdf_bytes)
