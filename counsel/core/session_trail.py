"""What the clinician and patient did in a session, added to its audit trail as it is saved:
each screen seen (in which language) and marked discussed, each quiz answer, each rating,
leaning or SURE answer. Each change is logged once, whatever the saves: a save that failed is
followed by one that logs everything not logged yet. Qt-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counsel.core.session import ScreenVisit, Session

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore


class SessionTrail:
    """The audit entries of ``session`` written to ``store`` so far (it may start part way,
    for a resumed session: what is there is logged already)."""

    def __init__(self, store: RecordStore, session: Session) -> None:
        self.store = store
        self.session = session
        self._visits: dict[str, ScreenVisit] = dict(session.visits)
        self._attempts = {question: len(tries) for question, tries in session.quiz.items()}
        self._decisions = _flat(session.decisions)

    def log(self, what: str) -> None:
        """The audit entries for what changed; after a failed save, for all of it (each
        logger adds only what it has not logged yet)."""
        again = what == "retry"
        if again or what in ("visits", "content"):  # a language change shows the screen again
            self._visits_seen()
        if again or what == "quiz":
            self._answers_given()
        if again or what == "decisions":
            self._decisions_changed()

    def _visits_seen(self) -> None:
        for screen_id, visit in self.session.visits.items():
            before = self._visits.get(screen_id)
            if before is None or (before.last_viewed, before.languages) != (
                visit.last_viewed,
                visit.languages,
            ):
                self.store.log(
                    self.session.id,
                    "screen_viewed",
                    screen=screen_id,
                    language=self.session.content.language,
                )
            if (before.discussed_at if before else None) != visit.discussed_at:
                discussed = visit.discussed_at is not None
                self.store.log(self.session.id, "discussed", screen=screen_id, discussed=discussed)
            self._visits[screen_id] = visit  # logged: a failure after this does not repeat it

    def _answers_given(self) -> None:
        for question, attempts in self.session.quiz.items():
            for attempt in attempts[self._attempts.get(question, 0) :]:
                self.store.log(
                    self.session.id,
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
                self.store.log(
                    self.session.id,
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
