"""A records database from any earlier Counsel opens, upgraded, with every record intact."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from test_record_store import FAKE_PDF, make_session, open_store

from counsel.core import store_schema
from counsel.core.audit_chain import GENESIS, AuditEntry
from counsel.core.clinic_key import KEY_FOLDER
from counsel.core.session_codec import session_to_dict
from counsel.core.store_schema import (
    DB_NAME,
    SCHEMA_VERSION,
    StoreVersionError,
    migrate,
    open_database,
    put_row,
    session_row,
    transaction,
)


def schema_of(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


@pytest.mark.parametrize("old_version", range(SCHEMA_VERSION))
def test_a_database_of_every_earlier_version_is_upgraded_with_its_drafts(
    tmp_path, content, clock, old_version: int
) -> None:
    path = tmp_path / "old" / DB_NAME
    draft = make_session(content, clock, patient_name="Zoë Nguyễn-Øberg")
    conn = open_database(path, target=old_version)
    if old_version >= 1:  # version 1 is the first that stored drafts
        with transaction(conn):
            row = session_row(draft, "2026-11-20T09:30:00.000000+00:00")
            columns = {column for _, column, *_ in conn.execute("PRAGMA table_info(records)")}
            put_row(conn, {k: v for k, v in row.items() if k in columns}, exists=False)
    conn.close()
    assert version_of(path) == old_version

    with open_store(path.parent, clock) as store:
        assert version_of(path) == SCHEMA_VERSION
        if old_version >= 1:
            assert session_to_dict(store.load(draft.id, content)) == session_to_dict(draft)
            assert store.unfinished() == draft.id
            assert [s.patient_name for s in store.list_records(search="zoe")] == [
                "Zoë Nguyễn-Øberg"
            ]
        draft.seal()
        store.seal(draft, FAKE_PDF)
        assert store.verify().ok
        with (
            closing(sqlite3.connect(path)) as conn,
            pytest.raises(sqlite3.IntegrityError, match="read-only"),
        ):
            conn.execute("DELETE FROM records")

    fresh = tmp_path / "fresh" / DB_NAME
    open_database(fresh).close()
    assert schema_of(path) == schema_of(fresh)


def test_a_database_from_a_newer_counsel_is_left_alone(tmp_path, clock) -> None:
    path = tmp_path / DB_NAME
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = schema_of(path)
    with pytest.raises(StoreVersionError, match="update Counsel"):
        open_store(tmp_path, clock)
    assert schema_of(path) == before and version_of(path) == SCHEMA_VERSION + 1


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch) -> None:
    path = tmp_path / DB_NAME
    open_database(path, target=1).close()
    before = schema_of(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_schema, "MIGRATIONS", (*store_schema.MIGRATIONS, broken))
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with (
        closing(sqlite3.connect(path, isolation_level=None)) as conn,
        pytest.raises(RuntimeError, match="disk full"),
    ):
        migrate(conn, target=SCHEMA_VERSION + 1)
    assert schema_of(path) == before and version_of(path) == 1


def test_signed_records_of_version_2_are_found_by_name_after_the_upgrade_and_stay_sealed(
    tmp_path, content, clock
) -> None:
    folder = tmp_path / "v2"
    with open_store(folder, clock) as store:  # build at version 2: the store's own writes
        signed = make_session(
            content, clock, seal=True, patient_name="Émile Dunmore", record_number="MRN-77"
        )
        store.seal(signed, FAKE_PDF)
    path = folder / DB_NAME
    downgrade_to_v2(path)
    shutil.rmtree(folder / KEY_FOLDER)  # version 2 had no clinic key
    assert version_of(path) == 2

    with open_store(folder, clock) as store:
        assert [s.id for s in store.list_records("emile dunmore")] == [signed.id]
        assert [s.id for s in store.list_records("mrn-77")] == [signed.id]
        report = store.verify(full=True)
        assert report.ok and report.before_keys == 1  # sealed before records were signed
    with (
        closing(sqlite3.connect(path)) as conn,
        pytest.raises(sqlite3.IntegrityError, match="read-only"),
    ):
        conn.execute("UPDATE records SET patient_name = 'x'")
    assert schema_of(path) == schema_of_fresh(tmp_path)


def downgrade_to_v2(path: Path) -> None:
    """Undo versions 3 to 9 by hand (indexes, search column, signatures, the audit's clinician
    and workstation, hashed as a version 2 Counsel hashed its entries, the certificates kept,
    the statuses kept for sorting), as a version 2 file was."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("DROP TABLE listed_status")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'records_listed_%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE time_stamp_certificates")  # its triggers go with it
        conn.execute("DROP TABLE clinic_certificates")
        conn.execute("DROP TABLE audit_signatures")
        conn.execute("DROP TABLE signed_from")
        guards = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        ).fetchall()
        for name, _ in guards:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("ALTER TABLE audit DROP COLUMN clinician")
        conn.execute("ALTER TABLE audit DROP COLUMN workstation")
        prev_hash = GENESIS
        for values in conn.execute(
            "SELECT seq, record_id, at, actor, action, detail FROM audit ORDER BY seq"
        ).fetchall():
            entry = AuditEntry(*values, prev_hash=prev_hash, hash="")
            prev_hash = entry.expected_hash()
            conn.execute(
                "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                (entry.prev_hash, prev_hash, entry.seq),
            )
        for _, sql in guards:
            conn.execute(sql)
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        ]
        for name in names:
            conn.execute(f"DROP INDEX {name}")
        (guard,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'records_no_update'"
        ).fetchone()
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("ALTER TABLE records DROP COLUMN search_key")
        conn.execute(guard)
        conn.execute("CREATE INDEX records_created ON records (created_at)")
        conn.execute("CREATE INDEX records_links ON records (links_to)")
        conn.execute("CREATE INDEX audit_record ON audit (record_id)")
        conn.execute("PRAGMA user_version = 2")


def schema_of_fresh(tmp_path: Path) -> list[tuple[str, str]]:
    fresh = tmp_path / "fresh" / DB_NAME
    open_database(fresh).close()
    return schema_of(fresh)
