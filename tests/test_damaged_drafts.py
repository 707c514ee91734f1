"""A damaged draft (its stored session no longer JSON, or no longer a session) is set aside
with a message; the rest of the store stays usable: start-up, resume, the list, the CLI. A
broken clinic.toml does not lock the records office out either."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_record_store import FAKE_PDF, make_session, open_store
from test_records_cli import run
from ui_driver import answer_next_confirmation, fill_details, rows_shown

from counsel.core.session_codec import SessionFormatError
from counsel.ui.resume import offer_resume


def damage(store, record_id: str, data: str) -> None:
    store._conn.execute("UPDATE records SET data = ? WHERE id = ?", (data, record_id))


@pytest.mark.parametrize("data", ['{"id": "cut off', '{"format": 99}', "[]"])
def test_a_damaged_draft_is_set_aside_when_resumed_and_not_offered_again(
    qtbot, open_window, store, content, clock, data
) -> None:
    draft = make_session(content, clock, patient_name="Noor Haddad")
    store.save_draft(draft)
    damage(store, draft.id, data)
    window = open_window()
    if data.startswith('{"id"'):  # not even JSON: never offered
        assert store.unfinished() is None
        return
    assert store.unfinished() == draft.id
    answer_next_confirmation(button="Resume")
    warned = answer_next_confirmation()
    offer_resume(window, store)  # asked of the store on the reads' thread
    qtbot.waitUntil(lambda: bool(warned))
    assert "could not be read back" in warned[0] and "Noor Haddad" in warned[0]
    assert store.unfinished() is None
    assert [r.patient_name for r in store.list_records()] == ["Noor Haddad"]
    assert window.session.details.patient_name == ""


def test_the_list_and_the_command_line_work_around_a_damaged_draft(tmp_path, content, clock):
    with open_store(tmp_path, clock) as store:
        signed = make_session(content, clock, seal=True, patient_name="Ilse Varga")
        store.seal(signed, FAKE_PDF)
        draft = make_session(content, clock, patient_name="Noor Haddad")
        store.save_draft(draft)
        damage(store, draft.id, "not json")
        store._conn.execute(
            "UPDATE records SET date_of_birth = 'soon', created_at = 'yesterday' WHERE id = ?",
            (draft.id,),
        )
        assert {r.patient_name for r in store.list_records()} == {"Ilse Varga", "Noor Haddad"}
        with pytest.raises(SessionFormatError):
            store.stored_language(draft.id)
    listed = run(tmp_path, "records", "list")
    assert listed.returncode == 0 and "Noor Haddad" in listed.stdout
    assert run(tmp_path, "records", "verify", "--full").returncode == 0  # drafts are not sealed


def test_a_broken_clinic_file_falls_back_to_the_default_folder_with_a_warning(
    tmp_path, resources_copy, content, clock, monkeypatch
) -> None:
    (resources_copy / "clinic.toml").write_bytes(b'name = "Clinic\n\xff\xfe [[[')
    with open_store(tmp_path, clock) as store:
        store.seal(make_session(content, clock, seal=True, patient_name="Ilse Varga"), FAKE_PDF)
    monkeypatch.setenv("COUNSEL_RESOURCES", str(resources_copy))
    listed = run(tmp_path, "records", "list")
    assert listed.returncode == 0 and "Ilse Varga" in listed.stdout
    assert listed.stderr.startswith("Warning: the clinic settings cannot be read (")
    assert "clinic.toml" in listed.stderr


def test_a_damaged_draft_opened_from_the_records_list_is_set_aside_with_a_message(
    qtbot, open_window, store, content, clock
) -> None:
    draft = make_session(content, clock, patient_name="Noor Haddad")
    store.save_draft(draft)
    damage(store, draft.id, '{"format": 99}')
    window = open_window()
    fill_details(qtbot, window, "Ilse Varga", "Dr. Amara Quigley")  # the session in hand
    records = window.show_records()
    rows_shown(qtbot, records)
    records.select(draft.id)
    warned = answer_next_confirmation()
    qtbot.mouseClick(records.findChild(QPushButton, "openRecord"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warned))
    assert "could not be read back" in warned[0] and "Noor Haddad" in warned[0]
    assert window.session.details.patient_name == "Ilse Varga"  # kept as it was
    assert store.unfinished() == window.session.id  # the damaged one is no longer offered
    assert {r.patient_name for r in store.list_records()} == {"Noor Haddad", "Ilse Varga"}
