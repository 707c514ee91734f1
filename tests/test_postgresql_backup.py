"""The README's backup of the clinic server, restored and checked, as IT would do it: pg_dump
as the owner, pg_restore into a new database, ``records verify --full`` on the copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from server_roles import new_clinic_database
from test_record_store import FAKE_PDF, make_session

from counsel.core.store_location import StoreLocation, open_store

MAIN = Path(__file__).resolve().parents[1] / "main.py"


def run(tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool), *args], capture_output=True, text=True, timeout=120, check=False
    )


def verify_full(records_folder: Path, url: str) -> subprocess.CompletedProcess[str]:
    """``records verify --full`` on the records at ``url``, from this computer (its key)."""
    env = {**os.environ, "COUNSEL_DATA_DIR": str(records_folder), "COUNSEL_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, str(MAIN), "records", "verify", "--full"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_a_restored_backup_of_the_clinic_server_verifies(
    postgres_server, private_data_dir: Path, tmp_path: Path, content, clock
) -> None:
    database = new_clinic_database(postgres_server).set_up(private_data_dir)
    restored = f"{database.name}_restored"
    try:
        with open_store(StoreLocation(private_data_dir, database.url(database.app))) as store:
            for number in range(3):
                session = make_session(content, clock, record_number=f"B-{number}", seal=True)
                store.seal(session, FAKE_PDF)
            store.withdraw(session.id, "Changed their mind.", "Dr. Test")
        dump = tmp_path / "counsel.dump"
        bin_ = postgres_server.bin
        done = run(
            bin_ / "pg_dump", "--format=custom", f"--file={dump}", database.url(database.owner)
        )
        assert done.returncode == 0, done.stderr
        database.psql("postgres", "postgresql-setup.sql", db=restored, owner=database.owner,
                      app=database.app)  # fmt: skip
        done = run(
            bin_ / "pg_restore", "--no-owner", f"--role={database.owner}",
            "-d", database.url(database.owner, restored), str(dump),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

        checked = verify_full(private_data_dir, database.url(database.owner, restored))
        assert checked.returncode == 0, checked.stdout + checked.stderr
        first_line = checked.stdout.splitlines()[0]
        assert first_line.startswith("OK: sealed records checked 4, audit entries checked 7")
        original = verify_full(private_data_dir, database.url(database.owner))
        assert original.stdout.splitlines()[0] == first_line, "the same chain, to its head"
    finally:
        with postgres_server.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
        database.drop()
