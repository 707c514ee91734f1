"""Work is saved as it happens: closing the window mid-session loses nothing."""

from __future__ import annotations

from ui_driver import click, fill_details, sign_all, typing_saved, walk_to_signatures

from counsel.core.record_status import SIGNED


def test_a_closed_window_resumes_where_it_was_left(qtbot, open_window, store, content) -> None:
    first = open_window()
    fill_details(qtbot, first, "Test Resumé", "Test Clinician")
    click(qtbot, first, "nextButton")
    click(qtbot, first, "discussedButton")
    click(qtbot, first, "nextButton")
    session_id = first.session.id
    first.close()

    assert store.unfinished() == session_id
    second = open_window()
    second.resume(session_id)
    assert second.session.details.patient_name == "Test Resumé"
    assert second.session.is_discussed(content.screens[1].id)
    assert second.index == 2, "it reopens on the screen last shown"


def test_looking_around_leaves_no_record(qtbot, open_window, store) -> None:
    window = open_window()
    click(qtbot, window, "nextButton")
    click(qtbot, window, "nextButton")
    assert store.list_records() == []


def test_signing_stores_a_sealed_record_with_its_trail(qtbot, open_window, store, content) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)
    record = store.record(window.session.id)
    assert record.status == SIGNED
    assert store.verify(window.session.id).ok
    actions = [entry.action for entry in store.audit_trail(window.session.id)]
    assert actions[0] == "session_started" and actions[-1] == "signed"
    assert actions.count("discussed") == len(content.required_screens)
    assert "quiz_answered" in actions and "screen_viewed" in actions


def test_the_database_opens_only_when_something_is_worth_saving(
    qtbot, content, clinic, private_data_dir
) -> None:
    from counsel.core.record_store import RecordStore
    from counsel.core.store_location import store_location
    from counsel.ui.app import OpenedOnFirstUse, create_main_window, prepare_application

    opened = []

    def opener() -> RecordStore:
        opened.append(True)
        return RecordStore.in_folder(private_data_dir)

    prepare_application([])
    store = OpenedOnFirstUse(opener, store_location(clinic))
    window = create_main_window(content, clinic, store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "nextButton")
    assert opened == [], "looking around needs no database"
    fill_details(qtbot, window, "Test Lazy", "Test Clinician")
    typing_saved(qtbot, window)
    assert opened == [True] and store.unfinished() == window.session.id
    store.close()
