"""Which language each screen was shown in is kept in the session, its record and its trail."""

from __future__ import annotations

import json

from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_content
from counsel.core.demo import DemoClock
from counsel.core.session import Session
from counsel.core.session_codec import session_from_dict, session_to_dict
from counsel.core.session_recorder import SessionRecorder
from counsel.pdf import build_pdf


def test_a_language_change_shows_the_screen_in_view_again(content: Content) -> None:
    spanish = load_content("es")
    session = Session(content, clock=DemoClock())
    session.view("welcome")
    session.view("stenosis")
    session.set_content(spanish)
    session.view("candidacy")
    assert session.visits["welcome"].languages == ("en",)
    assert session.visits["stenosis"].languages == ("en", "es")
    assert session.visits["candidacy"].languages == ("es",)


def test_languages_survive_the_record_and_older_records_still_open(content: Content) -> None:
    session = Session(content, clock=DemoClock())
    session.view("welcome")
    session.set_content(load_content("es"))
    data = session_to_dict(session)
    assert session_from_dict(data, session.content).visits == session.visits
    data["visits"]["welcome"] = data["visits"]["welcome"][:3]  # as stored before
    assert session_from_dict(data, session.content).visits["welcome"].languages == ()


def test_the_trail_says_which_language_each_screen_was_shown_in(
    content: Content, clinic: ClinicSettings, store
) -> None:
    session = Session(content, clock=DemoClock())
    recorder = SessionRecorder(store, session, clinic, build_pdf)
    session.set_details(patient_name="Ana Ruiz (TEST)")
    session.view("welcome")
    session.set_content(load_content("es"))
    recorder.close()
    details = [
        json.loads(entry.detail)
        for entry in store.audit_trail(session.id)
        if entry.action == "screen_viewed"
    ]
    viewed = [(detail["screen"], detail["language"]) for detail in details]
    assert viewed == [("welcome", "en"), ("welcome", "es")]
