"""``records migrate --to postgresql://…`` moves a computer's records into the clinic server as
they are: every id, hash and signature, checked there record by record; run again, it copies
nothing twice. On the tests' real PostgreSQL server, with a store of a few hundred records."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from conftest import TickingClock
from record_helpers import fill
from test_record_store import FAKE_PDF, make_session

from counsel.core.store_location import DB_NAME, StoreLocation, open_store

MAIN = Path(__file__).resolve().parents[1] / "main.py"
RECORDS = 300


def migrate(folder: Path, url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNSEL_DATA_DIR": str(folder)}
    env.pop("COUNSEL_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(MAIN), "records", "migrate", "--to", url],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip


def listing(store) -> list[tuple]:
    return [(r.id, r.status, r.patient_name, r.started_at) for r in store.list_records()]


@pytest.fixture(scope="module")
def room_store(tmp_path_factory: pytest.TempPathFactory, content) -> tuple[Path, dict]:
    """A room's SQLite store: a few hundred signed records (some withdrawn or corrected), a
    draft in progress and one deleted, as years of use leave it (made once, copied for each
    test)."""
    folder, clock = tmp_path_factory.mktemp("room") / "data", TickingClock()
    with open_store(StoreLocation(folder), clock=clock) as store:
        fill(store, content, RECORDS)
        draft = make_session(content, clock, patient_name="Ana Borrador", record_number="D-1")
        store.save_draft(draft)
        gone = make_session(content, clock, patient_name="Gone Draft", record_number="D-2")
        store.save_draft(gone)
        store.delete_draft(gone.id)
        assert store.verify(full=True).ok  # and its checkpoint is the last entry
        records = listing(store)
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        (head,) = conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return folder, {"draft": draft.id, "listing": records, "head": head}


@pytest.fixture
def this_computer(room_store: tuple[Path, dict], private_data_dir: Path) -> dict:
    folder, facts = room_store
    shutil.copytree(folder, private_data_dir)
    return facts


@pytest.fixture
def server_url(postgres_server):
    url = postgres_server.new_database()
    yield url
    postgres_server.drop_database(url)


def table_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("records", "audit", "audit_signatures", "clinic_certificates")
        }


def test_the_copy_is_the_same_store_and_verifies_on_the_server(
    this_computer: dict, server_url: str, private_data_dir: Path
) -> None:
    password = "Pw-0f-the-0wner"  # given on the command line (the server here trusts anyone)
    done = migrate(private_data_dir, server_url.replace("postgres@", f"postgres:{password}@"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert password not in done.stdout + done.stderr
    assert "Copying" not in done.stdout, "progress goes to stderr"
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Copied to postgresql://127.0.0.1:{server_url.split(':')[2]}")
    assert "Read back from the server: every record, audit entry and signature is as here." in lines
    verdict = next(line for line in lines if line.startswith("OK: the copy verifies"))
    assert verdict.endswith(f"audit chain head {this_computer['head']}")
    with open_store(StoreLocation(private_data_dir, server_url)) as server:
        assert listing(server) == this_computer["listing"], "same ids, people, times, statuses"
        assert server.unfinished() == this_computer["draft"]
        assert server.verify(full=True).ok


def test_running_it_again_copies_nothing_twice_and_says_what_was_there(
    this_computer: dict, server_url: str, private_data_dir: Path, content, clock
) -> None:
    assert migrate(private_data_dir, server_url).returncode == 0
    first = table_counts(server_url)
    again = migrate(private_data_dir, server_url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert table_counts(server_url) == first
    copied, there = again.stdout.splitlines()[:2]
    assert copied.endswith(
        ": 0 records, 0 audit entries, 0 signatures, 0 clinic certificates,"
        " 0 time-stamp certificates."
    )
    assert first["clinic_certificates"] == 1, "the public part of the key that signed them"
    assert there == (
        f"Already there from an earlier copy: {first['records']} records,"
        f" {first['audit']} audit entries, {first['audit_signatures']} signatures,"
        " 1 clinic certificates, 0 time-stamp certificates."
    )


def test_a_draft_signed_here_after_the_first_copy_arrives_signed(
    this_computer: dict, server_url: str, private_data_dir: Path, content, clock
) -> None:
    assert migrate(private_data_dir, server_url).returncode == 0
    with open_store(StoreLocation(private_data_dir), clock=clock) as store:
        draft = store.load(this_computer["draft"], content)
        draft.seal()
        store.seal(draft, FAKE_PDF)
    again = migrate(private_data_dir, server_url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Unfinished sessions brought up to date: 1." in again.stdout
    with open_store(StoreLocation(private_data_dir, server_url)) as server:
        assert server.record(draft.id).status == "signed"
        assert server.unfinished() is None
        assert server.verify(full=True).ok


def test_a_server_already_in_use_is_refused_and_left_as_it_was(
    this_computer: dict, server_url: str, private_data_dir: Path, tmp_path: Path, content, clock
) -> None:
    """Another room's records on the server: two chains cannot be joined, so nothing moves."""
    with open_store(StoreLocation(tmp_path / "other-room", server_url), clock=clock) as other:
        other.save_draft(make_session(content, clock, patient_name="Other Room"))
    before = table_counts(server_url)
    refused = migrate(private_data_dir, server_url)
    assert refused.returncode == 5
    assert "Nothing copied to postgresql://127.0.0.1" in refused.stderr
    assert "holds other records" in refused.stderr
    assert table_counts(server_url) == before


def test_a_difference_on_the_server_is_named_record_by_record(
    this_computer: dict, server_url: str, private_data_dir: Path, postgres_server
) -> None:
    """Someone changes a copied record behind the guards: the next run says which, and what."""
    assert migrate(private_data_dir, server_url).returncode == 0
    record_id = this_computer["listing"][5][0]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE records DISABLE TRIGGER USER")
        conn.execute("UPDATE records SET patient_name = 'Someone Else' WHERE id = %s", (record_id,))
        conn.execute("ALTER TABLE records ENABLE TRIGGER USER")
    again = migrate(private_data_dir, server_url)
    assert again.returncode == 5
    assert f"records {record_id} on the server differs" in again.stderr


def test_no_records_here_is_said_plainly(tmp_path: Path, server_url: str) -> None:
    done = migrate(tmp_path / "empty", server_url)
    assert done.returncode == 1
    assert "No records on this computer to copy" in done.stderr


def test_a_copy_killed_halfway_leaves_nothing_and_the_next_run_copies_it_all_once(
    this_computer: dict, server_url: str, private_data_dir: Path
) -> None:
    """Killed once the records and the trail are sent (held up, by a lock, at the trail's
    signatures): the server is left as it was, and running it again copies everything once."""
    open_store(StoreLocation(private_data_dir / "tables-only", server_url)).close()
    empty = table_counts(server_url)
    env = {**os.environ, "COUNSEL_DATA_DIR": str(private_data_dir)}
    with (
        psycopg.connect(server_url) as holder,
        psycopg.connect(server_url, autocommit=True) as watcher,
    ):
        holder.execute("LOCK TABLE audit_signatures IN ACCESS EXCLUSIVE MODE")
        run = subprocess.Popen(
            [sys.executable, str(MAIN), "records", "migrate", "--to", server_url],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            waiting = (
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Counsel'"
                " AND wait_event_type = 'Lock' AND query LIKE '%audit_signatures%'"
            )
            for _ in range(600):
                if watcher.execute(waiting).fetchone()[0] == 1:
                    break
                time.sleep(0.1)
            else:
                pytest.fail("the copy never reached the trail's signatures")
        finally:
            run.kill()
            run.wait()
    assert table_counts(server_url) == empty, "nothing of the cut-off copy was kept"

    again = migrate(private_data_dir, server_url)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "OK: the copy verifies" in again.stdout
    counts = table_counts(server_url)
    with closing(sqlite3.connect(private_data_dir / DB_NAME)) as here:
        for table in ("records", "audit", "audit_signatures"):
            assert counts[table] == here.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with open_store(StoreLocation(private_data_dir, server_url)) as server:
        assert listing(server) == this_computer["listing"]
