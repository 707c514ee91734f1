"""The demo session is a complete, signed, reproducible visit, good enough to print."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counsel.core.content import Content, QuizScreen
from counsel.core.demo import DEMO_START, demo_session, long_session
from counsel.core.rules import readiness
from counsel.core.session import Session
from counsel.ink import ink_problem


@pytest.fixture(scope="module")
def demo(content: Content) -> Session:
    return demo_session(content)


def test_demo_session_is_sealed_with_nothing_missing(demo: Session) -> None:
    assert demo.is_sealed
    assert readiness(demo) == []


def test_every_screen_is_shown_then_discussed_in_order_from_the_demo_start(
    demo: Session, content: Content
) -> None:
    assert demo.started_at is not None and demo.started_at >= DEMO_START
    moments = [demo.started_at]
    for screen in content.screens:
        visit = demo.visits[screen.id]
        assert visit.discussed_at is not None, screen.id
        moments += [visit.first_viewed, visit.discussed_at]
    assert demo.sealed_at is not None
    moments.append(demo.sealed_at)
    assert moments == sorted(moments) and len(set(moments)) == len(moments)
    assert timedelta(minutes=30) < demo.sealed_at - demo.started_at < timedelta(hours=3)


def test_demo_is_the_same_every_time(content: Content, demo: Session) -> None:
    again = demo_session(content)
    for field in (
        "id",
        "started_at",
        "details",
        "visits",
        "checklist",
        "questions",
        "quiz",
        "signatures",
        "sealed_at",
    ):
        assert getattr(again, field) == getattr(demo, field), field


def test_everyone_in_the_demo_is_clearly_fictional(demo: Session) -> None:
    names = [demo.details.patient_name, demo.details.clinician_name]
    names += [signature.name for signature in demo.signatures.values()]
    assert all(name.endswith("(DEMO)") for name in names)
    assert demo.details.record_number.startswith("DEMO")


def test_quiz_shows_teach_back_once(demo: Session, content: Content) -> None:
    quiz = next(s for s in content.screens if isinstance(s, QuizScreen))
    corrections = [q.id for q in quiz.questions if len(demo.quiz[q.id]) > 1]
    assert corrections == [quiz.questions[0].id]
    assert [a.correct for a in demo.quiz[quiz.questions[0].id]] == [False, True]
    assert all(demo.quiz[q.id][-1].correct for q in quiz.questions)


def test_demo_ink_looks_hand_drawn(demo: Session) -> None:
    assert set(demo.signatures) == {"patient", "clinician", "interpreter"}
    inks = [signature.ink for signature in demo.signatures.values()]
    for ink in inks:
        assert ink_problem(ink) is None
        points = [p for stroke in ink.strokes for p in stroke.points]
        assert len(points) > 150
        assert len({round(p.pressure, 2) for p in points}) > 10, "pressure should vary"
        times = [p.t_ms for p in points]
        assert times == sorted(times) and times[-1] > 1000, "a signature takes seconds"
        assert ink.strokes[0].points[0].t_ms == 0
    assert len({repr(ink.to_dict()) for ink in inks}) == 3, "each signer writes differently"


def test_an_unsealed_demo_can_still_be_changed_and_sealed(content: Content) -> None:
    session = demo_session(content, seal=False)
    assert not session.is_sealed and readiness(session) == []
    session.add_question("One more?", "Yes.")
    session.seal()
    assert session.is_sealed


def test_long_session_is_a_worst_case(content: Content) -> None:
    session = long_session(content)
    assert session.is_sealed
    assert len(session.questions) == 30
    assert all(len(qa.answer) > 300 for qa in session.questions)
    for signature in session.signatures.values():
        assert len(signature.ink.strokes) >= 40
        assert ink_problem(signature.ink) is None
