"""Individual screens behave as a clinician and a patient expect."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from ui_driver import child, click, type_into

from counsel.core.content import ChecklistScreen, QuizScreen, StepsScreen
from counsel.core.demo import demo_session
from counsel.core.session import Session
from counsel.ui.main_window import MainWindow


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window()


def open_kind(window: MainWindow, kind: str):
    index = next(i for i, s in enumerate(window.content.screens) if s.kind == kind)
    window.go_to(index)
    return window.content.screens[index]


def test_a_wrong_date_of_birth_is_explained_and_not_stored(qtbot, window) -> None:
    page = window.current_page()
    type_into(qtbot, page, "dateOfBirth", "02/30/1948")
    assert child(page, QLabel, "dateOfBirthHint").isVisible()
    assert window.session.details.date_of_birth is None
    type_into(qtbot, page, "dateOfBirth", "1948-02-28")
    assert not child(page, QLabel, "dateOfBirthHint").isVisible()
    assert window.session.details.date_of_birth.isoformat() == "1948-02-28"


def test_checklist_shows_the_verdict_as_answers_come_in(qtbot, window) -> None:
    screen: ChecklistScreen = open_kind(window, "checklist")
    page = window.current_page()
    verdict = child(page, QLabel, "verdictTitle")
    for item in screen.items:
        click(qtbot, page, f"answer-{item.id}-{item.favourable}")
    assert verdict.text() == screen.results["candidate"].title
    exclusion = next(item for item in screen.items if item.exclusion)
    other = "no" if exclusion.favourable == "yes" else "yes"
    click(qtbot, page, f"answer-{exclusion.id}-{other}")
    assert verdict.text() == screen.results["not_candidate"].title
    assert window.session.checklist[exclusion.id] == other


def test_procedure_steps_one_at_a_time(qtbot, window) -> None:
    screen: StepsScreen = open_kind(window, "steps")
    page = window.current_page()
    title = child(page, QLabel, "stepTitle")
    assert title.text() == screen.steps[0].title
    assert not child(page, QPushButton, "previousStep").isEnabled()
    click(qtbot, page, "nextStep")
    assert title.text() == screen.steps[1].title
    assert page.illustration.name() == screen.steps[1].illustration
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert title.text() == screen.steps[0].title


def test_a_wrong_quiz_answer_explains_and_links_back(qtbot, window) -> None:
    screen: QuizScreen = open_kind(window, "quiz")
    page = window.current_page()
    question = screen.questions[0]
    click(qtbot, page, f"choice-{(question.answer + 1) % len(question.choices)}")
    click(qtbot, page, "checkAnswer")
    assert child(page, QLabel, "quizExplanation").text() == question.explanation
    review = child(page, QPushButton, "reviewLink")
    assert review.isVisible()
    qtbot.mouseClick(review, Qt.MouseButton.LeftButton)
    assert window.content.screens[window.index].id == question.covered_by


def test_the_next_quiz_question_is_entered_at_its_first_answer(qtbot, window) -> None:
    """The answer clicked on one question is not where the keyboard enters the next one."""
    screen: QuizScreen = open_kind(window, "quiz")
    page = window.current_page()
    last = len(screen.questions[0].choices) - 1
    click(qtbot, page, f"choice-{last}")
    click(qtbot, page, "checkAnswer")
    click(qtbot, page, "nextQuestion")
    check = child(page, QPushButton, "checkAnswer")
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is child(page, QPushButton, "choice-0")
    assert not any(choice.isChecked() for choice in page.choices)


def test_questions_are_added_edited_and_removed(qtbot, window) -> None:
    open_kind(window, "questions")
    page = window.current_page()
    type_into(qtbot, page, "questionInput", "How long until I can drive?")
    click(qtbot, page, "addQuestion")
    assert [q.question for q in window.session.questions] == ["How long until I can drive?"]
    assert child(page, QLineEdit, "questionInput").text() == ""
    click(qtbot, page, "editQuestion")
    assert child(page, QLineEdit, "questionInput").text() == "How long until I can drive?"
    type_into(qtbot, page, "questionInput", "When can I drive again?")
    qtbot.keyClicks(child(page, QPlainTextEdit, "answerInput"), "Usually after a day or two.")
    click(qtbot, page, "addQuestion")
    assert [(q.question, q.answer) for q in window.session.questions] == [
        ("When can I drive again?", "Usually after a day or two.")
    ]
    click(qtbot, page, "removeQuestion")
    assert window.session.questions == []


def test_comparison_switches_the_option_beside_mild(qtbot, window) -> None:
    screen = open_kind(window, "comparison")
    page = window.current_page()
    last = screen.options[-1]
    click(qtbot, page, f"option-{last.id}")
    assert child(page, QLabel, "optionTitle").text() == last.name
    cells = [c.text() for c in page.findChildren(QLabel, "otherCell")]
    assert cells == [row.values[last.id] for row in screen.rows]


def test_a_new_session_starts_empty_after_signing(qtbot, open_window, content) -> None:
    sessions = iter([demo_session(content), Session(content)])
    window = open_window(lambda: next(sessions))
    open_kind(window, "done")
    click(qtbot, window.current_page(), "newSession")
    assert window.index == 0 and not window.session.is_sealed
    assert child(window.current_page(), QLineEdit, "patientName").text() == ""


def test_a_whole_visit_keeps_only_the_screens_beside_the_one_in_view(qtbot, window) -> None:
    """Every screen seen stayed built (about a megabyte each); now a visit holds three, and
    what was entered on a screen dropped is there when it is built again."""
    type_into(qtbot, window.current_page(), "patientName", "Keep Patient-Dropped")
    last = len(window.content.screens) - 1
    for index in range(last + 1):
        window.go_to(index)
    # dropped once the screen in view has painted, not while the patient waits for it
    qtbot.waitUntil(lambda: set(window.stack.pages) <= {last - 1, last})
    window.go_to(0)
    assert child(window.current_page(), QLineEdit, "patientName").text() == "Keep Patient-Dropped"
