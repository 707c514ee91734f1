"""Exports that cannot destroy: never into the data folder or onto a database (known by its
first bytes), never over a file unless asked (``--force``; the window asks), all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import test_records_cli
from PySide6.QtWidgets import QFileDialog
from test_records_cli import run
from test_records_window import window_over_a_signed_record
from ui_driver import answer_next_confirmation

from counsel.core.store_schema import DB_NAME

stored = pytest.fixture(test_records_cli.records.__wrapped__)  # the same three records


def test_export_refuses_the_database_the_data_folder_and_any_database_copy(
    stored, tmp_path
) -> None:
    records = stored
    folder = Path(records["dir"])
    database = folder / DB_NAME
    before = database.read_bytes()
    backup = tmp_path / "looks-like.pdf"
    shutil.copy(database, backup)
    for target, force in (
        (database, True),
        (folder / "new.pdf", False),
        (folder / f"{DB_NAME}-wal", True),
        (backup, True),
    ):
        done = run(folder, "records", "export", records["signed"], "--pdf", str(target))
        forced = run(
            folder, "records", "export", records["signed"], "--pdf", str(target), "--force"
        )
        for attempt in (done, forced) if force else (done,):
            assert attempt.returncode == 1, attempt.stdout
            assert "Could not write" in attempt.stderr
            assert "data folder" in attempt.stderr or "database file" in attempt.stderr
    assert not (folder / "new.pdf").exists()
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert run(folder, "records", "verify", "--full").returncode == 0
    assert database.read_bytes()[:100] == before[:100]


def test_an_existing_file_is_replaced_only_with_force(stored, tmp_path) -> None:
    records = stored
    folder = Path(records["dir"])
    for option, name in (("--pdf", "copy.pdf"), ("--audit", "trail.json")):
        target = tmp_path / name
        target.write_text("keep me")
        refused = run(folder, "records", "export", records["signed"], option, str(target))
        assert refused.returncode == 1
        assert "already exists; --force replaces it" in refused.stderr
        assert target.read_text() == "keep me"
        forced = run(folder, "records", "export", records["signed"], option, str(target), "--force")
        assert forced.returncode == 0, forced.stderr
        assert target.read_bytes() != b"keep me"
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_window_asks_before_replacing_a_file_and_keeps_it_on_no(
    qtbot, store, content, clinic, tmp_path, monkeypatch
) -> None:
    window, record_id = window_over_a_signed_record(qtbot, store, content, clinic)
    window.table.selectRow(0)
    existing = tmp_path / "trail.csv"
    existing.write_text("keep me")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "trail"), "CSV (*.csv)")
    )
    asked = answer_next_confirmation(button="No")
    window.export_audit()
    assert asked and "already exists. Replace it?" in asked[0]
    assert existing.read_text() == "keep me"
    asked = answer_next_confirmation(button="Yes")
    window.export_audit()
    qtbot.waitUntil(lambda: existing.read_text() != "keep me")
    assert asked and existing.read_text().startswith("seq,record_id")


def test_the_window_explains_a_refused_export_into_the_data_folder(
    qtbot, store, content, clinic, monkeypatch
) -> None:
    window, record_id = window_over_a_signed_record(qtbot, store, content, clinic)
    seen = answer_next_confirmation()
    window.write_audit(record_id, store.path.parent / "trail.csv")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen and "data folder" in seen[0]
    assert not (store.path.parent / "trail.csv").exists()
