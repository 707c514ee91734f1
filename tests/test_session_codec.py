"""Saving and reading back a session changes nothing, sealed or not."""

from __future__ import annotations

import json

import pytest
from test_session_rules import complete_session

from counsel.core.session_codec import SessionFormatError, session_from_dict, session_to_dict


def round_trip(session, content):
    return session_from_dict(json.loads(json.dumps(session_to_dict(session))), content)


def test_a_sealed_session_survives_json_exactly(content, clock) -> None:
    session = complete_session(content, clock)
    session.add_question("Zoë asks: will it hurt?", "Some soreness for a few days.")
    session.seal()
    again = round_trip(session, content)
    assert again.is_sealed and again.sealed_at == session.sealed_at
    for field in (
        "id",
        "started_at",
        "details",
        "visits",
        "checklist",
        "questions",
        "quiz",
        "signatures",
    ):
        assert getattr(again, field) == getattr(session, field), field
    assert session_to_dict(again) == session_to_dict(session)


def test_an_unfinished_session_stays_unsealed(content, clock) -> None:
    session = complete_session(content, clock)
    session.set_draft("question", "Half a question typed, not added")
    session.set_present("witness", True)
    again = round_trip(session, content)
    assert not again.is_sealed
    assert again.drafts == session.drafts and again.present == {"witness"}
    again.add_question("Can I still ask?")
    assert len(again.questions) == 1


def test_malformed_data_is_refused_clearly(content, clock) -> None:
    data = session_to_dict(complete_session(content, clock))
    del data["details"]["levels"]
    with pytest.raises(SessionFormatError, match="levels"):
        session_from_dict(data, content)
    with pytest.raises(SessionFormatError, match="format"):
        session_from_dict({"format": 99}, content)
