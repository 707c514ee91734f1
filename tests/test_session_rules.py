"""The session records what happened; the rules decide when signing is allowed."""

from __future__ import annotations

from datetime import date

import pytest

from counsel.core.content import ChecklistScreen, Content, QuizScreen
from counsel.core.gaps import Gap
from counsel.core.rules import NotReadyError, candidacy, missing_before_signing, readiness
from counsel.core.session import Session, SessionLockedError
from counsel.ink import Ink, InkPoint, Stroke


def scrawl(width: float = 600, height: float = 200) -> Ink:
    """A name-sized zig-zag across half the pad."""
    points = tuple(
        InkPoint(60 + i * 12, 120 + (25 if i % 2 else -25), 0.5, i * 15) for i in range(26)
    )
    return Ink((Stroke(points),), width, height)


def complete_session(content: Content, clock) -> Session:
    session = Session(content, clock=clock)
    session.set_details(
        patient_name="Test Patient",
        date_of_birth=date(1950, 1, 2),
        clinician_name="Test Clinician",
        clinician_credentials="NP",
        levels=("L4-L5",),
    )
    for screen in content.screens:
        session.view(screen.id)
        if isinstance(screen, ChecklistScreen):
            for item in screen.items:
                session.answer_checklist(item.id, item.favourable)
        if isinstance(screen, QuizScreen):
            for question in screen.questions:
                session.answer_quiz(question.id, question.answer, True)
        if screen.required:
            session.mark_discussed(screen.id)
    session.set_signature("patient", "Test Patient", scrawl())
    session.set_signature("clinician", "Test Clinician, NP", scrawl())
    return session


def checklist(content: Content) -> ChecklistScreen:
    return next(s for s in content.screens if isinstance(s, ChecklistScreen))


def test_a_complete_session_can_be_sealed_and_then_never_changes(content, clock) -> None:
    session = complete_session(content, clock)
    assert readiness(session) == []
    session.seal()
    signed = (session.details, dict(session.signatures), dict(session.checklist))
    with pytest.raises(SessionLockedError):
        session.set_details(patient_name="Someone Else")
    with pytest.raises(SessionLockedError):
        session.set_signature("patient", "Someone Else", scrawl())
    with pytest.raises(SessionLockedError):
        session.add_question("Late question?")
    with pytest.raises(SessionLockedError):
        session.mark_discussed("risks", False)
    session.view("risks")
    assert (session.details, dict(session.signatures), dict(session.checklist)) == signed


def test_a_fresh_session_lists_everything_missing_in_screen_order(content, clock) -> None:
    session = Session(content, clock=clock)
    gaps = [m.gap for m in readiness(session)]
    assert gaps[:5] == [
        Gap.PATIENT_NAME,
        Gap.DATE_OF_BIRTH,
        Gap.CLINICIAN_NAME,
        Gap.CLINICIAN_CREDENTIALS,
        Gap.LEVELS,
    ]
    discussed = [m.screen_id for m in readiness(session) if m.gap is Gap.NOT_DISCUSSED]
    assert discussed == [s.id for s in content.required_screens]
    with pytest.raises(NotReadyError):
        session.seal()


def test_sealing_is_refused_while_one_screen_is_not_discussed(content, clock) -> None:
    session = complete_session(content, clock)
    session.mark_discussed("risks", False)
    with pytest.raises(NotReadyError) as raised:
        session.seal()
    assert [(m.gap, m.screen_id) for m in raised.value.missing] == [(Gap.NOT_DISCUSSED, "risks")]
    assert not session.is_sealed


def test_signatures_required_and_checked(content, clock) -> None:
    session = complete_session(content, clock)
    dot = Ink((Stroke((InkPoint(10, 10, 0.5, 0),)),), 600, 200)
    session.set_signature("patient", "Test Patient", dot)
    session.set_signature("clinician", "", Ink.empty(600, 200))
    gaps = {(m.gap, m.role) for m in readiness(session)}
    assert gaps == {(Gap.SIGNATURE_TOO_SMALL, "patient"), (Gap.SIGNATURE_MISSING, "clinician")}


def test_a_representative_signs_instead_of_the_patient(content, clock) -> None:
    session = complete_session(content, clock)
    session.set_signature("patient", "", Ink.empty(600, 200))
    session.set_signature("representative", "Rep Resentative", scrawl())
    assert [(m.gap, m.role) for m in readiness(session)] == [
        (Gap.RELATIONSHIP_MISSING, "representative")
    ]
    session.set_signature("representative", "Rep Resentative", scrawl(), "daughter")
    assert readiness(session) == []


def test_quiz_needs_every_answer_right_in_the_end(content, clock) -> None:
    session = complete_session(content, clock)
    quiz = next(s for s in content.screens if isinstance(s, QuizScreen))
    first = quiz.questions[0]
    session.answer_quiz(first.id, (first.answer + 1) % len(first.choices), False)
    assert [m.gap for m in missing_before_signing(session)] == [Gap.QUIZ_NOT_CORRECT]
    session.answer_quiz(first.id, first.answer, True)
    assert missing_before_signing(session) == []
    assert [a.correct for a in session.quiz[first.id]] == [True, False, True]


def test_candidacy_verdicts(content) -> None:
    screen = checklist(content)
    favourable = {item.id: item.favourable for item in screen.items}
    assert candidacy(screen, {}) is None
    assert candidacy(screen, favourable) == "candidate"
    soft = next(item for item in screen.items if not item.exclusion)
    hard = next(item for item in screen.items if item.exclusion)
    flip = {"yes": "no", "no": "yes"}
    assert candidacy(screen, favourable | {soft.id: flip[soft.favourable]}) == "review"
    assert candidacy(screen, favourable | {hard.id: "unsure"}) == "review"
    assert candidacy(screen, favourable | {hard.id: flip[hard.favourable]}) == "not_candidate"


def test_visits_keep_first_and_last_view_and_discussion_time(content, clock) -> None:
    session = Session(content, clock=clock)
    session.view("risks")
    first = session.visits["risks"].first_viewed
    session.view("benefits")
    session.view("risks")
    session.mark_discussed("risks")
    visit = session.visits["risks"]
    assert visit.first_viewed == first < visit.last_viewed < visit.discussed_at


def test_listeners_hear_each_change(content, clock) -> None:
    session = Session(content, clock=clock)
    heard: list[str] = []
    unsubscribe = session.subscribe(heard.append)
    session.view("risks")
    session.answer_checklist(checklist(content).items[0].id, "yes")
    unsubscribe()
    session.add_question("Will it hurt?")
    assert heard == ["visits", "checklist"]


def test_counseling_in_another_language_needs_the_interpreter_to_sign(content, clock) -> None:
    from counsel.core.content_loader import load_content

    session = complete_session(content, clock)
    session.set_content(load_content("es"))
    assert session.needs_interpreter
    assert [(m.gap, m.role) for m in readiness(session)] == [(Gap.SIGNATURE_MISSING, "interpreter")]
    session.set_signature("interpreter", "Test Interpreter", scrawl())
    assert readiness(session) == []
