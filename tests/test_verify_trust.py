"""A verify the records office can trust: no false alarm while another window signs, SQLite's
integrity check of the file first, a read-only backup checked without a byte changed, and an
exit code and message for each kind of trouble."""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pikepdf
from test_record_store import FAKE_PDF, make_session, open_at, open_store, stand_in_pdf
from test_records_cli import run

from counsel.core.record_store import RecordStore
from counsel.core.session_codec import session_to_dict
from counsel.core.store_schema import DB_NAME, PAGE_SIZE

SIGNER = """
import json, sys, uuid
from pathlib import Path
from counsel.core.store_location import StoreLocation, open_store
template = json.loads(sys.argv[2])
location = StoreLocation(Path(sys.argv[1]), sys.argv[5])
with open_store(location, actor="room-2") as store:
    for n in range(int(sys.argv[3])):
        store.seal_stored({**template, "id": uuid.uuid4().hex}, Path(sys.argv[4]).read_bytes())
        store.log(template["id"], "record_opened")
"""


def test_verify_while_another_process_signs_never_raises_a_false_alarm(
    location, tmp_path, content, clock
) -> None:
    """On both engines: each check reads one snapshot (SQLite's read transaction, the
    server's REPEATABLE READ), so a signing half-done in another room is never seen."""
    session = make_session(content, clock, seal=True, patient_name="Ilse Varga")
    with open_at(location, clock) as store:
        store.seal(session, FAKE_PDF)
        pdf = tmp_path / "room-2.pdf"
        pdf.write_bytes(stand_in_pdf("room 2"))
        signer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SIGNER,
                str(location.folder),
                json.dumps(session_to_dict(session)),
                "150",
                str(pdf),
                location.url,
            ]
        )
        runs = 0
        try:
            while signer.poll() is None or runs < 4:
                full = runs % 2 == 1
                report = store.verify(full=full)
                assert report.ok, report.problems
                assert store.verify(session.id).ok
                runs += 1
        finally:
            signer.wait(timeout=120)
        assert signer.returncode == 0
        assert runs >= 4
        assert store.verify(full=True).records_checked == 151


def signed_store(folder: Path, content, clock) -> str:
    with open_store(folder, clock) as store:
        for name in ("Ilse Varga", "Tomás Ferreira"):
            session = make_session(content, clock, seal=True, patient_name=name)
            store.seal(session, stand_in_pdf(name))
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return session.id


def test_a_read_only_copy_is_listed_and_verified_without_changing_it(
    tmp_path, content, clock
) -> None:
    signed_store(tmp_path / "data", content, clock)
    backup = tmp_path / "backup"  # the data folder as backed up: records and clinic key
    shutil.copytree(tmp_path / "data", backup)
    before_files = sorted(p.name for p in backup.iterdir())
    os.chmod(backup / DB_NAME, 0o444)
    os.chmod(backup, 0o555)
    before = (backup / DB_NAME).read_bytes(), os.stat(backup / DB_NAME).st_mtime_ns
    try:
        for args in (("verify", "--full"), ("verify",), ("list",)):
            done = run(backup, "records", *args)
            assert done.returncode == 0, done.stderr
        assert "Ilse Varga" in done.stdout
        with RecordStore.in_folder(backup) as store:
            assert store.read_only and store.verify(full=True).ok
        assert ((backup / DB_NAME).read_bytes(), os.stat(backup / DB_NAME).st_mtime_ns) == before
        assert sorted(p.name for p in backup.iterdir()) == before_files
        assert stat.S_IMODE(os.stat(backup).st_mode) == 0o555
    finally:
        os.chmod(backup, 0o755)


def test_a_damaged_file_is_reported_as_damaged_with_exit_4(tmp_path, content, clock) -> None:
    signed_store(tmp_path, content, clock)
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    page = 16_384
    for offset in range(len(data) - page + 8, len(data) - page + 4_000, 3):  # the last page
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    done = run(tmp_path, "records", "verify", "--full")
    assert done.returncode == 4, (done.stdout, done.stderr)
    assert "DAMAGED database file:" in done.stdout
    assert "restore the latest backup" in done.stderr


def test_a_routine_check_finds_a_damaged_page_and_a_full_one_also_an_edited_index(
    tmp_path, content, clock
) -> None:
    """Every check has SQLite read every page of the file; matching each index to its table
    reads every record again, so only a full check does that."""
    signed_store(tmp_path / "page", content, clock)
    path = tmp_path / "page" / DB_NAME
    data = bytearray(path.read_bytes())
    data[-PAGE_SIZE : -PAGE_SIZE + 8] = b"\xff" * 8  # the last page's header
    path.write_bytes(bytes(data))
    assert run(tmp_path / "page", "records", "verify").returncode == 4
    signed_store(tmp_path / "index", content, clock)
    path = tmp_path / "index" / DB_NAME
    with closing(sqlite3.connect(path)) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'records_by_name'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    at = data.index(b"Ilse Varga", (root - 1) * PAGE_SIZE, root * PAGE_SIZE)
    data[at] = ord("J")  # a name the list would show, now in the index only
    path.write_bytes(bytes(data))
    assert run(tmp_path / "index", "records", "verify").returncode == 0
    full = run(tmp_path / "index", "records", "verify", "--full")
    assert full.returncode == 4, (full.stdout, full.stderr)
    assert "DAMAGED database file: damaged:" in full.stdout
    assert "records_by_name" in full.stdout


def clinic_sized_pdf(name: str) -> bytes:
    """A stand-in PDF as large as a clinic's (about 200 KB that do not compress), so that its
    record spans a chain of a dozen overflow pages."""
    document, out = pikepdf.new(), io.BytesIO()
    document.add_blank_page()
    document.docinfo["/Title"] = f"stand-in acknowledgement {name}"
    document.Root.Filler = pikepdf.Stream(document, random.Random(name).randbytes(200_000))
    document.save(out, static_id=True)
    return out.getvalue()


def test_a_new_store_maps_its_overflow_pages_and_a_full_check_still_matches_every_index(
    tmp_path, content, clock
) -> None:
    """SQLite follows a record's overflow pages by the file's pointer map, reading only the
    last one (which holds the search key, stored after the PDF), when it matches each index
    to its table: an index edited, or the key edited in the record, is still found."""
    for case in ("index", "record"):
        with open_store(tmp_path / case, clock) as store:
            for name in ("Ilse Varga", "Tomás Ferreira"):
                session = make_session(content, clock, seal=True, patient_name=name)
                store.seal(session, clinic_sized_pdf(name))
            store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path = tmp_path / case / DB_NAME
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA auto_vacuum").fetchone() == (2,)  # incremental
            (root,) = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'records_by_name'"
            ).fetchone()
        assert run(tmp_path / case, "records", "verify", "--full").returncode == 0
        data = bytearray(path.read_bytes())
        if case == "index":
            at = data.index(b"ilse varga", (root - 1) * PAGE_SIZE, root * PAGE_SIZE)
        else:  # the record's own key, after its PDF and its digest's 64 hexadecimal digits
            key = re.search(rb"[0-9a-f]{64}(ilse varga)\x1f", data)
            assert key is not None
            at = key.start(1)
        data[at] = ord("j")  # the folded name a search looks in, in one place only
        path.write_bytes(bytes(data))
        full = run(tmp_path / case, "records", "verify", "--full")
        assert full.returncode == 4, (full.stdout, full.stderr)
        assert "damaged: row 1 missing from index records_by_name" in full.stdout
        if case == "record":
            assert "shown search_key (expected ilse varga" in full.stdout  # against the seal


def test_changed_records_exit_3_and_a_file_that_is_no_database_exits_5(
    tmp_path, content, clock
) -> None:
    signed_store(tmp_path / "a", content, clock)
    with RecordStore.in_folder(tmp_path / "a") as store:
        store._conn.execute("DROP TRIGGER records_no_update")
        store._conn.execute("UPDATE records SET clinician = 'Dr. Nobody'")
    changed = run(tmp_path / "a", "records", "verify", "--full")
    assert changed.returncode == 3
    assert "MISMATCH record " in changed.stdout and "shown clinician" in changed.stdout
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / DB_NAME).write_text("these are not records\n" * 100)
    garbage = run(tmp_path / "b", "records", "verify")
    assert garbage.returncode == 5
    assert "Cannot use the records database: file is not a database" in garbage.stderr
