"""What the clinician and patient did in a session, for its audit trail as it is saved: each
screen seen (in which language) and marked discussed, each quiz answer, each rating, leaning
or SURE answer. Each change gives its entries once (the recorder keeps them until they are
written, so a save that failed is followed by one that writes them). Qt-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counsel.core.session import ScreenVisit, Session

if TYPE_CHECKING:
    from counsel.core.store_writer import Entry


class SessionTrail:
    """The audit entries of ``session`` given so far (it may start part way, for a resumed
    session: what is there is logged already)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._due: list[Entry] = []
        self._visits: dict[str, ScreenVisit] = dict(session.visits)
        self._attempts = {question: len(tries) for question, tries in session.quiz.items()}
        self._decisions = _flat(session.decisions)

    def entries(self, what: str) -> list[Entry]:
        """The audit entries for what changed; after the server came back, for all of it
        (each step gives only what it has not given yet)."""
        again = what == "retry"
        if again or what in ("visits", "content"):  # a language change shows the screen again
            self._visits_seen()
        if again or what == "quiz":
            self._answers_given()
        if again or what == "decisions":
            self._decisions_changed()
        due, self._due = self._due, []
        return due

    def _log(self, action: str, **detail: str | int | bool) -> None:
        self._due.append((action, detail))

    def _visits_seen(self) -> None:
        for screen_id, visit in self.session.visits.items():
            before = self._visits.get(screen_id)
            if before is None or (before.last_viewed, before.languages) != (
                visit.last_viewed,
                visit.languages,
            ):
                self._log(
                    "screen_viewed",
                    screen=screen_id,
                    language=self.session.content.language,
                )
            if (before.discussed_at if before else None) != visit.discussed_at:
                discussed = visit.discussed_at is not None
                self._log("discussed", screen=screen_id, discussed=discussed)
            self._visits[screen_id] = visit  # given once: the recorder keeps it until written

    def _answers_given(self) -> None:
        for question, attempts in self.session.quiz.items():
            for attempt in attempts[self._attempts.get(question, 0) :]:
                self._log(
                    "quiz_answered",
                    question=question,
                    choice=attempt.choice,
                    correct=attempt.correct,
                )
                self._attempts[question] = self._attempts.get(question, 0) + 1

    def _decisions_changed(self) -> None:
        """Each rating, leaning or SURE answer that changed ("": cleared)."""
        now = _flat(self.session.decisions)
        for key in sorted(now.keys() | self._decisions.keys()):
            if now.get(key) != self._decisions.get(key):
                screen, item = key
                self._log(
                    "decision_answered",
                    screen=screen,
                    item=item,
                    value=now.get(key, ""),
                )
                self._decisions[key] = now.get(key, "")
        self._decisions = now


def _flat(decisions: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    return {
        (screen, item): value
        for screen, answers in decisions.items()
        for item, value in answers.items()
    }
