"""What a session amounts to, in the few facts a reader looks for first.

The acknowledgement's first page, the patient's take-home copy and the checks that the
paper never contradicts the session all ask these questions, so they read them here, once.
The decision aid's leaning and SURE answers (``session.decisions``, by screen and item id, on
the screens of kind "leaning" and "sure") are read only through ``leaning`` and ``sure``: a
session or content without them gives None, and the first page leaves their rows out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from counsel.core.content import (
    LEANING,
    URGENCIES,
    ChecklistItem,
    ChecklistScreen,
    Content,
    QuizScreen,
)
from counsel.core.rules import candidacy, needs_a_closer_look
from counsel.core.session import QuestionAnswer, Session


@dataclass(frozen=True)
class QuizTally:
    total: int
    first_right: int  # right on the first try
    final_right: int  # right on the last try, after any review
    answered: int


@dataclass(frozen=True)
class Candidacy:
    verdict: str | None  # None until every item is answered
    closer_look: tuple[tuple[ChecklistItem, str], ...]  # items answered against MILD, answer


@dataclass(frozen=True)
class SureResult:
    yes: int
    total: int


@dataclass(frozen=True)
class WarningGroup:
    """Signs that need the same response: ``urgency`` is "emergency" (911) or "clinic"."""

    urgency: str
    heading: str
    note: str
    signs: tuple[str, ...]


def quiz_tally(session: Session) -> QuizTally | None:
    screen = session.content.first_of(QuizScreen)
    if screen is None:
        return None
    tries = [session.quiz.get(question.id, []) for question in screen.questions]
    return QuizTally(
        total=len(screen.questions),
        first_right=sum(1 for attempts in tries if attempts and attempts[0].correct),
        final_right=sum(1 for attempts in tries if attempts and attempts[-1].correct),
        answered=sum(1 for attempts in tries if attempts),
    )


def candidacy_facts(session: Session) -> Candidacy | None:
    screen = session.content.first_of(ChecklistScreen)
    if screen is None:
        return None
    answers = session.checklist
    closer = tuple((item, answers[item.id]) for item in needs_a_closer_look(screen, answers))
    return Candidacy(candidacy(screen, answers), closer)


def unanswered_questions(session: Session) -> list[QuestionAnswer]:
    return [entry for entry in session.questions if not entry.answer]


def leaning(session: Session) -> str | None:
    """The choice the patient is leaning toward, in its words; None when not recorded."""
    screen, answers = _decision_answers(session, "leaning")
    chosen = answers.get(LEANING)
    if chosen is None:
        return None
    return next((c.text for c in getattr(screen, "choices", ()) if c.id == chosen), chosen)


def sure(session: Session) -> SureResult | None:
    """The SURE test (yes/no questions on how sure the patient feels); None until every
    question is answered."""
    screen, answers = _decision_answers(session, "sure")
    questions = getattr(screen, "questions", ())
    if not questions or any(question.id not in answers for question in questions):
        return None
    return SureResult(sum(answers[q.id] == "yes" for q in questions), len(questions))


def _decision_answers(session: Session, kind: str) -> tuple[object, Mapping[str, str]]:
    """The first screen of a decision-aid ``kind`` and the answers the session holds for it
    (by item id); none where the content or the session has no decision aid."""
    screen = session.content.first_of_kind(kind)
    decisions: Mapping[str, Mapping[str, str]] = getattr(session, "decisions", {})
    return screen, (decisions.get(screen.id, {}) if screen is not None else {})


def languages_shown(session: Session, screen_id: str) -> tuple[str, ...]:
    visit = session.visits.get(screen_id)
    return visit.languages if visit is not None else ()


def session_languages(session: Session) -> set[str]:
    """Every language a screen was shown in, and the one the record is written in."""
    found = {session.content.language}
    for visit in session.visits.values():
        found.update(visit.languages)
    return found


def warning_groups(content: Content) -> list[WarningGroup]:
    """Every warning sign the screens list, one group per urgency, the most urgent first.

    The condition screen and the after-MILD screen both list signs; a patient at home
    needs them together, each sign once, under its urgency's heading, with what each
    screen said about them.
    """
    found: dict[str, tuple[str, list[str], dict[str, str]]] = {}
    for screen in content.screens:
        for section in getattr(screen, "sections", ()):
            if not section.urgency:
                continue
            heading, notes, signs = found.setdefault(section.urgency, (section.heading, [], {}))
            if section.text:
                notes.append(section.text)
            signs.update({sign.id: sign.text for sign in section.signs})
    return [
        WarningGroup(urgency, heading, " ".join(notes), tuple(signs.values()))
        for urgency in URGENCIES
        if urgency in found
        for heading, notes, signs in [found[urgency]]
    ]
