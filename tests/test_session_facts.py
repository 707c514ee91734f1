"""The few facts the first page and the take-home copy read from a session."""

from __future__ import annotations

from dataclasses import replace

from counsel.core import session_facts as facts
from counsel.core.content import LEANING, Content, LeaningScreen, SureScreen
from counsel.core.demo import demo_session
from counsel.core.session import Session


def test_leaning_and_sure_are_read_from_the_decision_aids_answers(content: Content) -> None:
    """As the decision aid keeps them: ``session.decisions[screen id][item id]``."""
    leaning = next(s for s in content.screens if isinstance(s, LeaningScreen))
    sure = next(s for s in content.screens if isinstance(s, SureScreen))
    session = Session(content)
    assert facts.leaning(session) is None and facts.sure(session) is None
    session.decide(leaning.id, LEANING, leaning.choices[-1].id)
    assert facts.leaning(session) == leaning.choices[-1].text
    *first, last = sure.questions
    for number, question in enumerate(first):
        session.decide(sure.id, question.id, "no" if number == 1 else "yes")
    assert facts.sure(session) is None  # not every question answered yet
    session.decide(sure.id, last.id, "yes")
    assert facts.sure(session) == facts.SureResult(len(sure.questions) - 1, len(sure.questions))


def test_without_a_decision_aid_there_is_no_leaning_or_sure(content: Content) -> None:
    kept = tuple(s for s in content.screens if s.kind not in ("values", "leaning", "sure"))
    session = demo_session(replace(content, screens=kept))
    assert facts.leaning(session) is None and facts.sure(session) is None


def test_the_quiz_tally_counts_first_tries_and_final_answers(content: Content) -> None:
    tally = facts.quiz_tally(demo_session(content))
    assert tally is not None
    assert (tally.first_right, tally.final_right, tally.total) == (
        tally.total - 1,
        tally.total,
        tally.total,
    )
