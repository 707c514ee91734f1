"""An older records database is upgraded once, with its progress shown: in the window on a
dialog while the upgrade runs on another thread, and step by step on the command line."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from test_record_store import FAKE_PDF, make_session, open_store
from test_records_cli import run
from test_store_migrations import downgrade_to_v2, version_of

from counsel.core.store_location import store_location
from counsel.core.store_schema import DB_NAME, SCHEMA_VERSION, migrate, open_database
from counsel.ui import resume
from counsel.ui.app import (
    OpenedOnFirstUse,
    create_main_window,
    offer_resume_once_ready,
    open_clinic_store,
    prepare_application,
)
from counsel.ui.store_upgrade import StoreUpgrade


def old_store_with_a_draft(folder: Path, content, clock) -> str:
    with open_store(folder, clock) as store:
        signed = make_session(content, clock, seal=True, patient_name="Ilse Varga")
        store.seal(signed, FAKE_PDF)
        draft = make_session(content, clock, patient_name="Tomás Ferreira")
        store.save_draft(draft)
    downgrade_to_v2(folder / DB_NAME)
    return draft.id


def test_each_step_of_an_upgrade_is_reported_in_order_up_to_the_total(tmp_path, clock) -> None:
    path = tmp_path / DB_NAME
    open_database(path, target=1).close()
    seen: list[tuple[int, int]] = []
    conn = open_database(path, target=1)
    migrate(conn, on_progress=lambda done, total: seen.append((done, total)))
    conn.close()
    total = seen[-1][1]
    assert total > SCHEMA_VERSION  # one report per statement, not per version
    assert [done for done, _ in seen] == list(range(total + 1))
    assert {t for _, t in seen} == {total}
    assert version_of(path) == SCHEMA_VERSION


def test_the_window_shows_the_upgrade_then_offers_to_resume(
    qtbot, content, clinic, clock, private_data_dir, monkeypatch
) -> None:
    draft_id = old_store_with_a_draft(private_data_dir, content, clock)
    offered: list[str | None] = []
    monkeypatch.setattr(
        resume, "offer_resume", lambda window, store: offered.append(store.unfinished())
    )
    prepare_application([])
    store = OpenedOnFirstUse(lambda: open_clinic_store(clinic), store_location(clinic))
    window = create_main_window(content, clinic, store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    upgrade_threads: set[int] = set()
    offer_resume_once_ready(window, store, clinic)  # type: ignore[arg-type]
    dialog = window.findChild(StoreUpgrade, "storeUpgrade")
    assert dialog is not None and dialog.isVisible()
    shown: list[int] = []
    dialog.bar.valueChanged.connect(shown.append)
    dialog.stepped.connect(
        lambda *_: upgrade_threads.add(threading.get_ident()),
        type=Qt.ConnectionType.DirectConnection,  # on the thread that emits
    )
    dialog.reject()  # Escape does nothing while the upgrade runs
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: bool(offered), timeout=30_000)
    assert offered == [draft_id]
    assert not dialog.isVisible()
    assert shown and shown[-1] == dialog.bar.maximum() > 1
    assert threading.get_ident() not in upgrade_threads
    assert version_of(private_data_dir / DB_NAME) == SCHEMA_VERSION
    store.close()


def opened_without_the_upgrade_dialog(qtbot, content, clinic, monkeypatch) -> bool:
    """Start the app on the clinic's store: whether it went on to offer to resume with no
    upgrade dialog shown."""
    offered: list[bool] = []
    monkeypatch.setattr(resume, "offer_resume", lambda window, store: offered.append(True))
    prepare_application([])
    store = OpenedOnFirstUse(lambda: open_clinic_store(clinic), store_location(clinic))
    window = create_main_window(content, clinic, store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    offer_resume_once_ready(window, store, clinic)  # type: ignore[arg-type]
    store.close()
    return offered == [True] and window.findChild(StoreUpgrade) is None


def test_a_current_store_opens_without_the_upgrade_dialog(
    qtbot, content, clinic, clock, private_data_dir, monkeypatch
) -> None:
    open_store(private_data_dir, clock).close()
    assert opened_without_the_upgrade_dialog(qtbot, content, clinic, monkeypatch)


def test_a_file_at_version_9_is_renumbered_without_the_upgrade_dialog(
    qtbot, content, clinic, clock, private_data_dir, monkeypatch
) -> None:
    """Version 10 changes nothing in a file (it is the server's): no dialog to show."""
    with open_store(private_data_dir, clock) as store:
        store.seal(make_session(content, clock, seal=True, patient_name="Ilse Varga"), FAKE_PDF)
    with closing(sqlite3.connect(private_data_dir / DB_NAME)) as conn:
        conn.execute("PRAGMA user_version = 9")  # as a version 9 Counsel left it
    assert opened_without_the_upgrade_dialog(qtbot, content, clinic, monkeypatch)
    with open_store(private_data_dir, clock) as store:
        assert version_of(private_data_dir / DB_NAME) == SCHEMA_VERSION == 10
        assert store.verify(full=True).ok
        assert [r.patient_name for r in store.list_records("varga")] == ["Ilse Varga"]


def test_the_command_line_reports_the_upgrade_on_stderr(tmp_path, content, clock) -> None:
    assert run(tmp_path / "new", "records", "list").stderr == ""  # creating one is no upgrade
    old_store_with_a_draft(tmp_path, content, clock)
    done = run(tmp_path, "records", "list")
    assert done.returncode == 0, done.stderr
    assert "Ilse Varga" in done.stdout
    last = done.stderr.splitlines()[-1].split("\r")[-1]
    assert last.startswith("Upgrading the records database (once): step ")
    steps = last.removeprefix("Upgrading the records database (once): step ").split(" of ")
    assert steps[0] == steps[1] and int(steps[0]) > 1
    again = run(tmp_path, "records", "list")
    assert again.stderr == ""
