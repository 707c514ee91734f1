"""What a screen of each kind can still lack before signing, and which session fields say so.

Each kind's check is named by its entry in ``screen_kinds.SCREEN_KINDS`` (``gaps``);
``rules`` asks it through that table, so a new kind that can lack something adds its check
there and nowhere else.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from counsel.core.content import ChecklistScreen, QuestionsScreen, QuizScreen, Screen
from counsel.core.frozen import Frozen

if TYPE_CHECKING:
    from counsel.core.session import Session


class Gap(enum.Enum):
    """Something missing before signing; the interface words each one."""

    PATIENT_NAME = "patient_name"
    DATE_OF_BIRTH = "date_of_birth"
    CLINICIAN_NAME = "clinician_name"
    CLINICIAN_CREDENTIALS = "clinician_credentials"
    LEVELS = "levels"
    NOT_DISCUSSED = "not_discussed"
    CHECKLIST_UNANSWERED = "checklist_unanswered"
    QUIZ_UNANSWERED = "quiz_unanswered"
    QUIZ_NOT_CORRECT = "quiz_not_correct"
    QUESTION_UNANSWERED = "question_unanswered"
    SIGNATURE_MISSING = "signature_missing"
    SIGNATURE_TOO_SMALL = "signature_too_small"
    SIGNER_NAME_MISSING = "signer_name_missing"
    RELATIONSHIP_MISSING = "relationship_missing"


class GapCheck(Frozen, kw_only=False):
    """What a screen of one kind can still lack, and the session fields (``CHANGES``) that
    answer it, so a change to any other field cannot change the answer."""

    gaps: Callable[[Any, Session], list[Gap]]  # takes its kind's class (ScreenKind.content)
    reads: frozenset[str]


def _details_gaps(screen: Screen, session: Session) -> list[Gap]:
    details = session.details
    checks = [
        (Gap.PATIENT_NAME, bool(details.patient_name.strip())),
        (Gap.DATE_OF_BIRTH, details.date_of_birth is not None),
        (Gap.CLINICIAN_NAME, bool(details.clinician_name.strip())),
        (Gap.CLINICIAN_CREDENTIALS, bool(details.clinician_credentials.strip())),
        (Gap.LEVELS, bool(details.levels)),
    ]
    return [gap for gap, ok in checks if not ok]


def _checklist_gaps(screen: ChecklistScreen, session: Session) -> list[Gap]:
    unanswered = any(item.id not in session.checklist for item in screen.items)
    return [Gap.CHECKLIST_UNANSWERED] if unanswered else []


def _quiz_gaps(screen: QuizScreen, session: Session) -> list[Gap]:
    latest = [session.latest_quiz_choice(q.id) for q in screen.questions]
    if any(attempt is None for attempt in latest):
        return [Gap.QUIZ_UNANSWERED]
    if not all(attempt is not None and attempt.correct for attempt in latest):
        return [Gap.QUIZ_NOT_CORRECT]
    return []


def _questions_gaps(screen: QuestionsScreen, session: Session) -> list[Gap]:
    # The patient signs that their questions were answered: that must be true.
    unanswered = any(not entry.answer for entry in session.questions)
    return [Gap.QUESTION_UNANSWERED] if unanswered else []


DETAILS = GapCheck(_details_gaps, frozenset({"details"}))
CHECKLIST = GapCheck(_checklist_gaps, frozenset({"checklist"}))
QUIZ = GapCheck(_quiz_gaps, frozenset({"quiz"}))
QUESTIONS = GapCheck(_questions_gaps, frozenset({"questions"}))
