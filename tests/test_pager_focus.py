"""Paging with the keyboard keeps the place: reaching the last question (or step) disables
its Next, and the focus stays beside it instead of jumping to the top of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from counsel.core.content import QuizScreen, StepsScreen


def page_to_the_end(qtbot, window, kind: type, name: str) -> QWidget:
    """Show the first screen of ``kind`` and press its ``name`` button with Space until it
    is disabled; the widget focused then."""
    screen = window.content.first_of(kind)
    window.go_to(window.content.index_of(screen.id))
    button = window.current_page().findChild(QPushButton, name)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    presses = 0
    while button.isEnabled():
        qtbot.keyClick(button, Qt.Key.Key_Space)
        presses += 1
    assert presses > 0
    return QApplication.focusWidget()


def test_the_last_question_keeps_the_focus_on_its_answers(qtbot, open_window) -> None:
    window = open_window()
    focused = page_to_the_end(qtbot, window, QuizScreen, "nextQuestion")
    page = window.current_page()
    assert focused is page.choices[0], "the first answer of the last question"
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert page.choice_group.checkedId() == 0, "the next key press answers"


def test_the_last_step_keeps_the_focus_on_the_steps(qtbot, open_window) -> None:
    window = open_window()
    focused = page_to_the_end(qtbot, window, StepsScreen, "nextStep")
    assert focused is window.current_page().findChild(QPushButton, "previousStep")


def test_a_screen_reached_from_a_control_on_the_last_takes_the_focus(qtbot, open_window) -> None:
    """Alt+Right from a field, or Sign and finish, leaves nothing focused on the hidden
    screen: the new screen's first control has the focus, or Next if it has none."""
    window = open_window()
    quiz = window.content.index_of(window.content.first_of(QuizScreen).id)
    window.go_to(quiz + 1)
    window.go_to(quiz)
    answer = window.current_page().choices[2]
    answer.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(answer.hasFocus)
    qtbot.keyClick(answer, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.index == quiz - 1
    focused = QApplication.focusWidget()
    page = window.current_page()
    assert focused is page.inputs[0], f"{type(focused).__name__} has the focus"
    assert focused.isVisible()
