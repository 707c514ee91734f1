"""A session as plain JSON-able data, and back, without losing or changing anything.

Used by the record store; the round trip is exact (tested), so a resumed or reopened session
is the one that was saved. Times are ISO 8601 with their offset.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from counsel.core.content import Content
from counsel.core.session import (
    Details,
    QuestionAnswer,
    QuizAttempt,
    ScreenVisit,
    Session,
    Signature,
)
from counsel.ink import Ink

FORMAT_VERSION = 1


class SessionFormatError(ValueError):
    """Stored session data is not in a form this version of Counsel can read."""


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def session_to_dict(session: Session) -> dict[str, Any]:
    details = session.details
    return {
        "format": FORMAT_VERSION,
        "id": session.id,
        "language": session.content.language,
        "clinic_language": session.clinic_language,
        "content_version": session.content.version,
        "content_sha256": session.content.sha256,
        "started_at": _time(session.started_at),
        "sealed_at": _time(session.sealed_at),
        "details": {
            "patient_name": details.patient_name,
            "date_of_birth": details.date_of_birth.isoformat() if details.date_of_birth else None,
            "record_number": details.record_number,
            "clinician_name": details.clinician_name,
            "clinician_credentials": details.clinician_credentials,
            "levels": list(details.levels),
        },
        "visits": {
            screen_id: [_time(v.first_viewed), _time(v.last_viewed), _time(v.discussed_at)]
            + ([list(v.languages)] if v.languages else [])
            for screen_id, v in session.visits.items()
        },
        "checklist": dict(session.checklist),
        "questions": [[q.question, q.answer, _time(q.asked_at)] for q in session.questions],
        "quiz": {
            question_id: [[a.choice, a.correct, _time(a.at)] for a in attempts]
            for question_id, attempts in session.quiz.items()
        },
        "signatures": {
            role: {
                "name": s.name,
                "relationship": s.relationship,
                "signed_at": _time(s.signed_at),
                "ink": s.ink.to_dict(),
            }
            for role, s in session.signatures.items()
        },
        "drafts": dict(session.drafts),
        "present": sorted(session.present),
        "decisions": {screen_id: dict(answers) for screen_id, answers in session.decisions.items()},
    }


def session_from_dict(data: dict[str, Any], content: Content) -> Session:
    """Rebuild a session on ``content``; a sealed session comes back sealed."""
    if data.get("format") != FORMAT_VERSION:
        raise SessionFormatError(f"unknown session format {data.get('format')!r}")
    try:
        raw = data["details"]
        birth = raw["date_of_birth"]
        session = Session(
            content,
            id=data["id"],
            clinic_language=data["clinic_language"],
            started_at=_parse_time(data["started_at"]),
            details=Details(
                patient_name=raw["patient_name"],
                date_of_birth=date.fromisoformat(birth) if birth else None,
                record_number=raw["record_number"],
                clinician_name=raw["clinician_name"],
                clinician_credentials=raw["clinician_credentials"],
                levels=tuple(raw["levels"]),
            ),
            visits={
                screen_id: ScreenVisit(
                    datetime.fromisoformat(first),
                    datetime.fromisoformat(last),
                    _parse_time(discussed),
                    tuple(languages[0]) if languages else (),
                )
                # Records from before languages were kept have three entries.
                for screen_id, (first, last, discussed, *languages) in data["visits"].items()
            },
            checklist=dict(data["checklist"]),
            questions=[
                QuestionAnswer(question, answer, datetime.fromisoformat(at))
                for question, answer, at in data["questions"]
            ],
            quiz={
                question_id: [
                    QuizAttempt(choice, correct, datetime.fromisoformat(at))
                    for choice, correct, at in attempts
                ]
                for question_id, attempts in data["quiz"].items()
            },
            signatures={
                role: Signature(
                    role,
                    s["name"],
                    Ink.from_dict(s["ink"]),
                    datetime.fromisoformat(s["signed_at"]),
                    s["relationship"],
                )
                for role, s in data["signatures"].items()
            },
            # Sessions stored before the decision aid had its screens have no answers.
            decisions={
                screen_id: dict(answers) for screen_id, answers in data.get("decisions", {}).items()
            },
            sealed_at=_parse_time(data["sealed_at"]),
            drafts=dict(data.get("drafts", {})),  # absent from records saved before drafts
            present=frozenset(data.get("present", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # e.g. a list for a table
        raise SessionFormatError(f"stored session is incomplete or malformed: {error}") from None
    return session
