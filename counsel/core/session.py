"""The counseling session: who is in the room, what was covered, what was answered and signed.

The one copy of a session's state. Screens write to it, and the sidebar, the PDF and the
store read from it; listeners hear about every change. Once sealed (signed), every
mutator refuses, so nothing that was signed can change afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from counsel.core.content import Content
from counsel.core.frozen import Frozen
from counsel.core.rules import NotReadyError, readiness
from counsel.core.text_limits import checked_text

if TYPE_CHECKING:
    from counsel.ink import Ink  # its model loads with the first signature, not at start-up

Clock = Callable[[], datetime]
Listener = Callable[[str], None]

CHECKLIST_ANSWERS = ("yes", "no", "unsure")
SIGNER_ROLES = ("patient", "representative", "clinician", "interpreter", "witness")
#: Signers who are there only sometimes; the clinician says who is (and then they must sign).
OPTIONAL_SIGNERS = ("representative", "interpreter", "witness")
#: What a listener hears changed: each names the one field that changed (``sealed`` and
#: ``unsealed`` the seal), so a widget redraws only for the fields it shows.
CHANGES = frozenset(
    {
        "content",
        "details",
        "visits",
        "checklist",
        "questions",
        "quiz",
        "decisions",
        "drafts",
        "present",
        "signatures",
        "sealed",
        "unsealed",
    }
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _checked_question(question: str, answer: str) -> tuple[str, str]:
    return checked_text("question", question.strip()), checked_text("answer", answer.strip())


class SessionLockedError(RuntimeError):
    """The session was signed; what was signed cannot change."""


class Details(Frozen, kw_only=False):
    """Who is in the room and what is planned."""

    patient_name: str = ""
    date_of_birth: date | None = None
    record_number: str = ""
    clinician_name: str = ""
    clinician_credentials: str = ""
    levels: tuple[str, ...] = ()


class ScreenVisit(Frozen, kw_only=False):
    first_viewed: datetime
    last_viewed: datetime
    discussed_at: datetime | None = None
    languages: tuple[str, ...] = ()  # every language the screen was shown in, first first


class QuestionAnswer(Frozen, kw_only=False):
    question: str
    answer: str
    asked_at: datetime


class QuizAttempt(Frozen, kw_only=False):
    choice: int
    correct: bool
    at: datetime


class Signature(Frozen, kw_only=False):
    """A signer's typed name and their ink, as drawn, with the time it was last touched."""

    role: str
    name: str
    ink: Ink
    signed_at: datetime
    relationship: str = ""


@dataclass
class Session:
    content: Content
    clock: Clock = utc_now
    clinic_language: str = "en"  # counseling in another language needs an interpreter
    #: 32 random hex digits, like ``uuid4().hex`` (``uuid`` loads ``platform``: 2 ms of start)
    id: str = field(default_factory=lambda: os.urandom(16).hex())
    started_at: datetime | None = None
    details: Details = field(default_factory=Details)
    visits: dict[str, ScreenVisit] = field(default_factory=dict)
    checklist: dict[str, str] = field(default_factory=dict)
    questions: list[QuestionAnswer] = field(default_factory=list)
    quiz: dict[str, list[QuizAttempt]] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    # The decision aid's answers, by screen id then item id: ratings, the leaning, SURE.
    decisions: dict[str, dict[str, str]] = field(default_factory=dict)
    sealed_at: datetime | None = None
    #: Typing not yet turned into an entry (a question not yet added), kept so none is lost.
    drafts: dict[str, str] = field(default_factory=dict)
    present: frozenset[str] = frozenset()  # of OPTIONAL_SIGNERS: who is in the room to sign
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.started_at is None:
            self.started_at = self.clock()

    # -- listening ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(what)`` after each change (``what`` is one of :data:`CHANGES`);
        returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self, what: str) -> None:
        for listener in list(self._listeners):
            listener(what)

    def _mutable(self) -> None:
        if self.sealed_at is not None:
            raise SessionLockedError("This session was signed and can no longer change.")

    @property
    def is_sealed(self) -> bool:
        return self.sealed_at is not None

    @property
    def needs_interpreter(self) -> bool:
        return self.content.language != self.clinic_language

    @property
    def is_blank(self) -> bool:
        """Nothing entered yet: only screens looked at."""
        discussed = any(visit.discussed_at for visit in self.visits.values())
        entered = (
            self.checklist,
            self.questions,
            self.quiz,
            self.signatures,
            discussed,
            self.drafts,
            self.present,
            self.decisions,
        )
        return self.details == Details() and not any(entered)

    @property
    def last_viewed_screen(self) -> str | None:
        """Where the session was left, to resume there."""
        if not self.visits:
            return None
        return max(self.visits, key=lambda screen_id: self.visits[screen_id].last_viewed)

    # -- language -----------------------------------------------------------------------------

    def set_content(self, content: Content) -> None:
        """Go on in another language: the same screens, worded in ``content``'s language."""
        self._mutable()
        if [(s.id, s.kind) for s in content.screens] != [
            (s.id, s.kind) for s in self.content.screens
        ]:
            raise ValueError(f"content {content.language!r} does not have the same screens")
        self.content = content
        on_view = self.last_viewed_screen
        if on_view is not None:  # the screen in view is shown again, in the new language
            self.visits[on_view] = self._in_language(self.visits[on_view])
        self._changed("content")

    # -- details and screens ----------------------------------------------------------------

    def set_details(self, **changes: Any) -> None:
        """Change details; typed text is cleaned, and refused (TextLimitError) when too long."""
        self._mutable()
        for name, value in changes.items():
            if isinstance(value, str):
                changes[name] = checked_text(name, value)
        updated = replace(self.details, **changes)
        if updated != self.details:
            self.details = updated
            self._changed("details")

    def view(self, screen_id: str) -> None:
        """Record that a screen was shown; after signing, viewing changes nothing."""
        if self.is_sealed:
            return
        now = self.clock()
        visit = self.visits.get(screen_id)
        seen = replace(visit, last_viewed=now) if visit else ScreenVisit(now, now)
        self.visits[screen_id] = self._in_language(seen)
        self._changed("visits")

    def _in_language(self, visit: ScreenVisit) -> ScreenVisit:
        language = self.content.language
        if language in visit.languages:
            return visit
        return replace(visit, languages=(*visit.languages, language))

    def mark_discussed(self, screen_id: str, discussed: bool = True) -> None:
        self._mutable()
        now = self.clock()
        visit = self.visits.get(screen_id) or self._in_language(ScreenVisit(now, now))
        self.visits[screen_id] = replace(visit, discussed_at=now if discussed else None)
        self._changed("visits")

    def is_discussed(self, screen_id: str) -> bool:
        visit = self.visits.get(screen_id)
        return visit is not None and visit.discussed_at is not None

    def is_seen(self, screen_id: str) -> bool:
        return screen_id in self.visits

    # -- answers -----------------------------------------------------------------------------

    def answer_checklist(self, item_id: str, answer: str | None) -> None:
        self._mutable()
        if answer is None:
            self.checklist.pop(item_id, None)
        elif answer in CHECKLIST_ANSWERS:
            self.checklist[item_id] = answer
        else:
            raise ValueError(f"checklist answer must be one of {CHECKLIST_ANSWERS}")
        self._changed("checklist")

    def add_question(self, question: str, answer: str = "") -> int:
        self._mutable()
        question, answer = _checked_question(question, answer)
        self.questions.append(QuestionAnswer(question, answer, self.clock()))
        self._changed("questions")
        return len(self.questions) - 1

    def edit_question(self, index: int, question: str, answer: str) -> None:
        self._mutable()
        entry = self.questions[index]
        question, answer = _checked_question(question, answer)
        self.questions[index] = replace(entry, question=question, answer=answer)
        self._changed("questions")

    def remove_question(self, index: int) -> None:
        self._mutable()
        del self.questions[index]
        self._changed("questions")

    def answer_quiz(self, question_id: str, choice: int, correct: bool) -> None:
        self._mutable()
        self.quiz.setdefault(question_id, []).append(QuizAttempt(choice, correct, self.clock()))
        self._changed("quiz")

    def decide(self, screen_id: str, item_id: str, value: str | None) -> None:
        """A decision-aid answer (a rating, the leaning, a SURE answer); None clears it."""
        self._mutable()
        answers = self.decisions.setdefault(screen_id, {})
        if value is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = value
        if not answers:
            del self.decisions[screen_id]
        self._changed("decisions")

    def decision(self, screen_id: str, item_id: str) -> str | None:
        return self.decisions.get(screen_id, {}).get(item_id)

    def latest_quiz_choice(self, question_id: str) -> QuizAttempt | None:
        attempts = self.quiz.get(question_id)
        return attempts[-1] if attempts else None

    def set_draft(self, key: str, text: str) -> None:
        """Keep typing that is not an entry yet; empty text drops the draft."""
        self._mutable()
        text = checked_text(key, text)
        if text == self.drafts.get(key, ""):
            return
        if text:
            self.drafts[key] = text
        else:
            self.drafts.pop(key, None)
        self._changed("drafts")

    def draft(self, key: str) -> str:
        return self.drafts.get(key, "")

    # -- signatures --------------------------------------------------------------------------

    def set_present(self, role: str, present: bool) -> None:
        """Whether an optional signer (representative, interpreter, witness) is here to sign."""
        self._mutable()
        if role not in OPTIONAL_SIGNERS:
            raise ValueError(f"{role!r} is not an optional signer")
        updated = self.present | {role} if present else self.present - {role}
        if updated != self.present:
            self.present = frozenset(updated)
            self._changed("present")

    def set_signature(self, role: str, name: str, ink: Ink, relationship: str = "") -> None:
        """Store a signer's current ink and typed name; empty ink and no name removes it."""
        self._mutable()
        if role not in SIGNER_ROLES:
            raise ValueError(f"unknown signer role {role!r}")
        name = checked_text("signer_name", name.strip())
        relationship = checked_text("relationship", relationship.strip())
        if ink.is_empty and not name.strip():
            self.signatures.pop(role, None)
        else:
            self.signatures[role] = Signature(role, name, ink, self.clock(), relationship)
        self._changed("signatures")

    def seal(self) -> None:
        """Lock the session as signed; refused while anything required is missing."""
        self._mutable()
        missing = readiness(self)
        if missing:
            raise NotReadyError(missing)
        self.sealed_at = self.clock()
        self._changed("sealed")

    def undo_seal(self) -> None:
        """Back to exactly as before :meth:`seal`, for when the signed record could not be
        built or stored: nothing was sealed, so the session must not look signed."""
        if self.sealed_at is not None:
            self.sealed_at = None
            self._changed("unsealed")
