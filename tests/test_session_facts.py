"""The few facts the first page and the take-home copy read from a session."""

from __future__ import annotations

from dataclasses import dataclass, replace

from counsel.core import session_facts as facts
from counsel.core.content import Content, Screen
from counsel.core.demo import demo_session


@dataclass(frozen=True, kw_only=True)
class Item:
    id: str
    text: str = ""


@dataclass(frozen=True, kw_only=True)
class LeaningLike(Screen):
    choices: tuple[Item, ...]


@dataclass(frozen=True, kw_only=True)
class SureLike(Screen):
    questions: tuple[Item, ...]


def test_leaning_and_sure_are_read_from_the_decision_aids_answers(content: Content) -> None:
    """As the decision aid keeps them: ``session.decisions[screen id][item id]``."""
    common = {"title": "", "nav_title": "", "summary": ""}
    extra = (
        LeaningLike(id="leaning", kind="leaning", **common,
                    choices=(Item(id="mild", text="MILD"), Item(id="waiting", text="Waiting"))),
        SureLike(id="sure", kind="sure", **common,
                 questions=tuple(Item(id=f"q{n}") for n in range(4))),
    )
    session = demo_session(replace(content, screens=content.screens + extra), seal=False)
    assert facts.leaning(session) is None and facts.sure(session) is None
    session.decisions = {"leaning": {"leaning": "waiting"}}  # type: ignore[attr-defined]
    session.decisions["sure"] = {"q0": "yes", "q1": "no", "q2": "yes"}  # type: ignore[attr-defined]
    assert facts.leaning(session) == "Waiting"
    assert facts.sure(session) is None  # not every question answered yet
    session.decisions["sure"]["q3"] = "yes"  # type: ignore[attr-defined]
    assert facts.sure(session) == facts.SureResult(3, 4)


def test_without_a_decision_aid_there_is_no_leaning_or_sure(content: Content) -> None:
    session = demo_session(content)
    assert facts.leaning(session) is None and facts.sure(session) is None


def test_the_quiz_tally_counts_first_tries_and_final_answers(content: Content) -> None:
    tally = facts.quiz_tally(demo_session(content))
    assert tally is not None
    assert (tally.first_right, tally.final_right, tally.total) == (
        tally.total - 1, tally.total, tally.total
    )
