"""The candidacy result says which answers need a closer look, follows the trials' rules, and
the patient cannot sign that their questions were answered while one has no answer."""

from __future__ import annotations

import pytest
from content_helpers import demo_pdf_text
from PySide6.QtWidgets import QLabel
from test_session_rules import checklist, complete_session
from ui_driver import click

from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import language_names, load_content
from counsel.core.gaps import Gap
from counsel.core.rules import NotReadyError, candidacy, readiness
from counsel.core.session import Session


@pytest.mark.parametrize("language", sorted(language_names()))
def test_the_trials_rules_are_in_the_checklist(language: str) -> None:
    screen = checklist(load_content(language))
    items = {item.id: item for item in screen.items}
    assert {"age", "ligament", "prior_surgery"} <= set(items)
    assert items["prior_surgery"].exclusion, "the trials excluded surgery at the same level"
    answers = {item.id: item.favourable for item in screen.items}
    answers["prior_surgery"] = "yes"
    assert candidacy(screen, answers) == "not_candidate"


def test_the_result_names_the_answers_to_look_at(qtbot, open_window) -> None:
    window = open_window()
    screen = checklist(window.content)
    window.go_to(window.content.index_of(screen.id))
    page = window.current_page()
    odd_one = next(item for item in screen.items if not item.exclusion)
    for item in screen.items:
        answer = "unsure" if item is odd_one else item.favourable
        click(qtbot, page, f"answer-{item.id}-{answer}")
    closer = page.findChild(QLabel, "closerLook")
    assert closer.isVisible() and odd_one.text in closer.text()
    assert all(item.text not in closer.text() for item in screen.items if item is not odd_one)
    click(qtbot, page, f"answer-{odd_one.id}-{odd_one.favourable}")
    assert not closer.isVisible(), "nothing to look at when every answer fits"


def test_the_pdf_names_the_answers_to_look_at(
    content: Content, clinic: ClinicSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = checklist(content)
    odd_one = screen.items[0]
    original = Session.answer_checklist

    def unsure_first(self: Session, item_id: str, answer: str | None) -> None:
        original(self, item_id, "unsure" if item_id == odd_one.id else answer)

    monkeypatch.setattr(Session, "answer_checklist", unsure_first)
    text = demo_pdf_text(content, clinic)
    label = content.document.label("closer_look") if content.document else ""
    assert label in text and " ".join(odd_one.text.split()) in text.split(label, 1)[1]


def test_no_signing_while_a_question_has_no_answer(content: Content, clock) -> None:
    session = complete_session(content, clock)
    index = session.add_question("Will I need someone at home that night?")
    assert Gap.QUESTION_UNANSWERED in [m.gap for m in readiness(session)]
    with pytest.raises(NotReadyError):
        session.seal()
    session.edit_question(index, session.questions[index].question, "Yes, for the first night.")
    assert readiness(session) == []
    session.seal()
