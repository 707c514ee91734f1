"""Small things that add up in a real visit: a perfect quiz counts as covered, a link jumped
from offers the way back, signing ticks the last screens, Play waits for the words, a
suggested question comes into view, and large text leaves the picture smaller."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from ui_driver import answer_quiz, child, click

from counsel.core.content import QuizScreen, StepsScreen
from counsel.core.demo import demo_session
from counsel.ui.display import Display
from counsel.ui.step_player import STEP_MS, reading_ms


def open_kind(window, kind: str):
    index = next(i for i, s in enumerate(window.content.screens) if s.kind == kind)
    window.go_to(index)
    return window.content.screens[index]


def test_all_quiz_answers_right_counts_as_discussed(qtbot, open_window) -> None:
    window = open_window()
    screen: QuizScreen = open_kind(window, "quiz")
    answer_quiz(qtbot, window, screen, wrong_first=False)
    assert window.session.is_discussed(screen.id)
    assert window.sidebar.state_of(window.session, window.index) == "discussed"


def test_after_go_back_to_from_the_quiz_a_button_leads_back(qtbot, open_window) -> None:
    window = open_window()
    screen: QuizScreen = open_kind(window, "quiz")
    quiz_index, question = window.index, screen.questions[0]
    click(qtbot, window.current_page(), f"choice-{(question.answer + 1) % len(question.choices)}")
    click(qtbot, window.current_page(), "checkAnswer")
    click(qtbot, window.current_page(), "reviewLink")
    back = child(window, QPushButton, "returnButton")
    assert back.isVisible() and screen.nav_title in back.text()
    click(qtbot, window, "returnButton")
    assert window.index == quiz_index and not back.isVisible()


def test_signing_ticks_signatures_and_next_steps(qtbot, open_window, content) -> None:
    window = open_window(lambda: demo_session(content))
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    states = [window.sidebar.state_of(window.session, i) for i in range(len(content.screens))]
    assert states[-2:] == ["discussed", "discussed"]
    assert window.sidebar.list.item(len(content.screens) - 1).text().startswith("✓")


def test_play_stays_on_each_step_as_long_as_its_words_take(open_window) -> None:
    window = open_window()
    screen: StepsScreen = open_kind(window, "steps")
    player = window.current_page().player
    for index, step in enumerate(screen.steps):
        words = len(f"{step.title} {step.text}".split())
        assert player.pace_ms(index) == reading_ms(f"{step.title} {step.text}")
        assert player.pace_ms(index) >= max(STEP_MS, words * 300)
    assert reading_ms(" ".join(["word"] * 60)) == 24000


def test_a_suggested_question_brings_its_box_into_view(qtbot, open_window) -> None:
    window = open_window(size=(1024, 640))
    open_kind(window, "questions")
    page = window.current_page()
    prompt = page.findChildren(QPushButton, "prompt")[-1]
    page.scroller.verticalScrollBar().setValue(0)
    qtbot.mouseClick(prompt, Qt.MouseButton.LeftButton)
    box = child(page, QLineEdit, "questionInput")
    assert box.text() == prompt.text() and box.hasFocus()
    top = box.mapTo(page.scroller.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + box.height() <= page.scroller.viewport().height()


def test_at_200_percent_the_picture_leaves_room_for_the_text(qtbot, open_window) -> None:
    window = open_window(size=(1340, 700))
    window.set_display(Display(200))
    window.go_to(1)
    page = window.current_page()
    qtbot.wait(50)
    assert page.illustration.height() <= 0.38 * page.height() + 1
    first_text = page.findChild(QLineEdit) or page.title_label
    assert first_text.mapTo(page, QPoint(0, 0)).y() < page.height()


def test_the_screen_in_view_is_seen_in_the_sidebar_list(qtbot, open_window, content) -> None:
    window = open_window(size=(1024, 600))
    last = len(content.screens) - 1
    window.go_to(last)
    qtbot.wait(50)
    sidebar = window.sidebar
    item = sidebar.list.visualItemRect(sidebar.list.item(last))
    assert sidebar.list.viewport().rect().contains(item)
