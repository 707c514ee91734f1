"""Thousands of records: the command line finds the right ones, any search text is safe, and
checking the store takes no more memory for more records."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_helpers import fill

from counsel.core.record_query import RecordOrder
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_schema import fold

REPO = Path(__file__).resolve().parent.parent
PEAK_OF_CHILD = (  # runs argv; prints its exit code and peak memory (kB)
    "import resource, subprocess, sys;"
    "done = subprocess.run(sys.argv[1:], capture_output=True);"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def records_cli(location: StoreLocation, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "records", "--data-dir", str(location.folder),
         *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COUNSEL_DATABASE_URL": location.url},
    )  # fmt: skip


def filled(on_server: bool, request, folder: Path, content, count: int, seed: int) -> StoreLocation:
    """``count`` records in ``folder``'s SQLite file, or in a database on the test server."""
    url = request.getfixturevalue("postgres_server").new_database() if on_server else ""
    location = StoreLocation(folder, url)
    with open_store(location) as store:
        fill(store, content, count, seed=seed)
    return location


@pytest.fixture(scope="module", params=["", "postgresql"], ids=["sqlite", "postgresql"])
def big_store(request, tmp_path_factory, content) -> StoreLocation:
    folder = tmp_path_factory.mktemp("thousands")
    return filled(bool(request.param), request, folder, content, 2_000, seed=11)


def test_list_and_search_at_scale_return_the_right_rows_and_counts(big_store) -> None:
    with open_store(big_store) as store:
        everyone = store.list_records()
        assert len(everyone) == store.count_records() == 2_000
        family = everyone[1234].patient_name.split()[1]
        matching = [r.id for r in everyone if fold(family) in fold(r.patient_name)]
    newest = records_cli(big_store, "list")
    assert newest.returncode == 0
    lines = newest.stdout.splitlines()[1:]
    assert [line.split()[0] for line in lines] == [r.id for r in everyone[:100]]
    assert "The newest 100 of 2,000 records" in newest.stderr
    found = records_cli(big_store, "list", "--search", fold(family).upper(), "--limit", "0")
    assert [line.split()[0] for line in found.stdout.splitlines()[1:]] == matching
    assert found.stderr == ""
    number = everyone[7].record_number
    by_number = records_cli(big_store, "list", "--search", number.lower())
    assert [line.split()[0] for line in by_number.stdout.splitlines()[1:]] == [everyone[7].id]


def test_every_sort_pages_through_every_record_once(big_store) -> None:
    with open_store(big_store) as store:
        for key in ("patient", "date_of_birth", "record_number", "started", "clinician", "status"):
            order = RecordOrder(key, descending=key == "status")
            pages = [
                store.list_records(order=order, offset=start, limit=300)
                for start in range(0, 2_000, 300)
            ]
            ids = [record.id for page in pages for record in page]
            assert sorted(ids) == sorted(r.id for r in store.list_records()), key


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60))
def test_any_search_text_is_answered_and_never_raises(big_store, text: str) -> None:
    with open_store(big_store) as store:
        found = store.list_records(text, limit=20)
        total = store.count_records(text)
    assert len(found) == min(total, 20)
    words = fold(text).split()
    assert all(
        all(word in fold(f"{r.patient_name}\x1f{r.record_number}") for word in words) for r in found
    )


def peak_kb_of_verify(location: StoreLocation) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PEAK_OF_CHILD,
            sys.executable,
            str(REPO / "main.py"),
            "records",
            "--data-dir",
            str(location.folder),
            "verify",
            "--full",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, "COUNSEL_DATABASE_URL": location.url},
    )
    code, peak_kb = map(int, done.stdout.split())
    assert code == 0
    return peak_kb


def test_verify_memory_does_not_grow_with_the_store(request, tmp_path, content, big_store) -> None:
    small = filled(big_store.on_server, request, tmp_path / "small", content, 200, seed=3)
    # 1,800 more records hold about 250 MB of sessions and PDFs; reading them all at once
    # would show. Allow 30 MB for caches that settle at a bigger size.
    assert peak_kb_of_verify(big_store) < peak_kb_of_verify(small) + 30_000
