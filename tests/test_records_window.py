"""Staff find a record by name, reopen it read-only, reprint the identical PDF, verify."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton
from ui_driver import answer_next_confirmation, fill_details, rows_shown, type_into

from counsel.core.audit_chain import sha256_hex
from counsel.core.demo import demo_session
from counsel.core.session_recorder import SessionRecorder
from counsel.pdf import build_pdf
from counsel.ui.record_viewer import RecordViewer
from counsel.ui.records_window import RecordsWindow, audit_file


def signed_demo(store, content, clinic) -> str:
    session = demo_session(content)
    SessionRecorder(store, session, clinic, build_pdf).close()
    return session.id


def test_find_a_signed_record_by_name_and_reprint_it(
    qtbot, store, content, clinic, monkeypatch, tmp_path
) -> None:
    record_id = signed_demo(store, content, clinic)
    window = RecordsWindow(store, content.document)
    qtbot.addWidget(window)
    model = window.table.model()
    type_into(qtbot, window, "recordSearch", "zoe oberg")
    qtbot.waitUntil(lambda: window.search_pause.remainingTime() < 0)
    rows_shown(qtbot, window)
    assert model.rowCount() == 1
    assert model.index(0, 5).data() == "Signed"
    type_into(qtbot, window, "recordSearch", "nobody")
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    type_into(qtbot, window, "recordSearch", "DEMO-0001")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    window.table.selectRow(0)
    shown: list[RecordViewer] = []
    monkeypatch.setattr(RecordViewer, "exec", lambda viewer: shown.append(viewer))
    window.buttons["openRecord"].click()
    qtbot.waitUntil(lambda: bool(shown))
    viewer = shown[0]
    assert viewer.pdf == store.pdf_bytes(record_id)
    assert viewer.preview.page_count() > 1
    assert "record_opened" in [e.action for e in store.audit_trail(record_id)]

    copy = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(copy), "PDF"))
    answer_next_confirmation(button="Close")  # "Saved"
    viewer.export_pdf()
    assert copy.read_bytes() == store.pdf_bytes(record_id)
    qtbot.waitUntil(lambda: bool(noted(store, record_id, "pdf_exported")))
    (entry,) = noted(store, record_id, "pdf_exported")
    assert json.loads(entry.detail)["pdf_sha256"] == sha256_hex(copy.read_bytes())


def noted(store, record_id: str, action: str) -> list:
    return [entry for entry in store.audit_trail(record_id) if entry.action == action]


def test_an_unfinished_session_is_resumed_from_the_list(qtbot, open_window, store) -> None:
    window = open_window()
    fill_details(qtbot, window, "Test Draft", "Test Clinician")
    draft_id = window.session.id
    window.start_new()
    records = window.show_records()
    rows_shown(qtbot, records)
    records.select(draft_id)
    button = records.findChild(QPushButton, "openRecord")
    assert button.text() == "Resume"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.id == draft_id
    assert window.session.details.patient_name == "Test Draft"


def test_verify_reports_a_changed_byte(qtbot, store, content, clinic, monkeypatch) -> None:
    signed_demo(store, content, clinic)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: shown.append(f"ok: {text}")
    )
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    window = RecordsWindow(store, content.document)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.findChild(QPushButton, "verify"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].startswith("ok: All 1 signed records and ")
    with sqlite3.connect(store.path) as conn:  # someone edits the file behind Counsel's back
        triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in triggers.fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        (pdf,) = conn.execute("SELECT pdf FROM records WHERE pdf IS NOT NULL").fetchone()
        changed = bytearray(pdf)
        changed[len(changed) // 2] ^= 0x01
        conn.execute("UPDATE records SET pdf = ? WHERE pdf IS NOT NULL", (bytes(changed),))
    qtbot.mouseClick(window.findChild(QPushButton, "verifyNew"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2)
    # the routine check reads only what is new since the first, and says there was none
    assert shown[-1].startswith("ok: No signed records were added since the last check.")
    qtbot.mouseClick(window.findChild(QPushButton, "verify"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 3)
    assert "PDF" in shown[-1]


def test_the_records_window_fits_a_small_screen_in_spanish(qtbot, store, content) -> None:
    from PySide6.QtWidgets import QLabel

    from counsel.core.content_loader import load_content
    from counsel.ui.translations import Translations

    translations = Translations()
    translations.use("es")
    try:
        window = RecordsWindow(store, load_content("es").document)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        assert window.minimumSizeHint().width() <= 1024
        assert window.findChild(QLabel, "recordCount").text() == "Cargando…"
        rows_shown(qtbot, window)
        assert window.findChild(QLabel, "recordCount").text() == "0 registros"
        assert window.findChild(QPushButton, "verify").text() == "Verificar todos"
        assert window.findChild(QPushButton, "verifyFull").text() == "Validación completa"
    finally:
        translations.use("en")


def window_over_a_signed_record(qtbot, store, content, clinic) -> tuple[RecordsWindow, str]:
    record_id = signed_demo(store, content, clinic)
    window = RecordsWindow(store, content.document)
    qtbot.addWidget(window)
    rows_shown(qtbot, window)
    return window, record_id


def test_an_audit_trail_saved_without_an_extension_gets_the_chosen_kind(
    qtbot, store, content, clinic, tmp_path
) -> None:
    window, record_id = window_over_a_signed_record(qtbot, store, content, clinic)
    target = audit_file(tmp_path / "trail", "JSON (*.json)")
    window.write_audit(record_id, target)
    qtbot.waitUntil(target.exists)
    assert target.name == "trail.json"
    entries = json.loads(target.read_text(encoding="utf-8"))
    assert entries[0]["action"] == "session_started"
    assert audit_file(tmp_path / "trail.CSV", "JSON (*.json)").name == "trail.CSV"


def test_an_audit_trail_that_cannot_be_written_is_explained(
    qtbot, store, content, clinic, tmp_path
) -> None:
    window, record_id = window_over_a_signed_record(qtbot, store, content, clinic)
    missing = tmp_path / "no such folder" / "trail.csv"
    seen = answer_next_confirmation()
    window.write_audit(record_id, missing)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen and "could not be saved" in seen[0] and str(missing) in seen[0]
    assert not missing.parent.exists()


def test_a_withdrawal_shows_its_status_whole_in_a_list_of_signed_records(
    qtbot, store, content, clinic, monkeypatch
) -> None:
    signed_demo(store, content, clinic)
    window = RecordsWindow(store, content.document)
    qtbot.addWidget(window)
    window.show()
    rows_shown(qtbot, window)
    window.table.selectRow(0)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *args: ("Chose physical therapy first.", True)
    )
    window.buttons["withdraw"].click()
    model = window.table.model()
    qtbot.waitUntil(lambda: model.index(0, 5).data() == "Withdrawn")
    assert window.table.columnWidth(5) >= window.table.sizeHintForColumn(5), (
        "the column was fitted to the first rows, all signed, and still shows the new status"
    )
