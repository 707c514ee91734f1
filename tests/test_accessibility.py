"""Every control says what it is to a screen reader, and the keyboard reaches everything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from counsel.core.demo import demo_session
from counsel.ui.wrap_button import WrapButton

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QListWidget)


def unnamed_controls(window) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton):
            named = widget.accessibleName() or widget.text()
        elif isinstance(widget, INPUTS) or widget.objectName() == "signaturePad":
            named = widget.accessibleName()
        else:
            continue
        if not (named or "").strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_on_every_screen_has_an_accessible_name(qtbot, open_window, content) -> None:
    window = open_window(lambda: demo_session(content, seal=False))
    problems = []
    for index, screen in enumerate(content.screens):
        window.go_to(index)
        QApplication.processEvents()
        problems += [f"{screen.id}: {name}" for name in unnamed_controls(window)]
    assert problems == []


def test_wrapping_buttons_are_named_by_their_text(qtbot) -> None:
    button = WrapButton("Compare with injections")
    qtbot.addWidget(button)
    assert button.accessibleName() == "Compare with injections"


def test_tab_reaches_the_details_form_in_reading_order(qtbot, open_window) -> None:
    window = open_window()
    page = window.current_page()
    first = page.findChild(QLineEdit, "patientName")
    first.setFocus()
    order = [first.objectName()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == [
        "patientName",
        "dateOfBirth",
        "recordNumber",
        "clinicianName",
        "clinicianCredentials",
    ]


def test_checklist_and_quiz_work_from_the_keyboard(qtbot, open_window, content) -> None:
    window = open_window()
    checklist = next(i for i, s in enumerate(content.screens) if s.kind == "checklist")
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.index == 1
    window.go_to(checklist)
    item = content.screens[checklist].items[0]
    button = window.current_page().findChild(QAbstractButton, f"answer-{item.id}-yes")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.session.checklist[item.id] == "yes"
    quiz = next(i for i, s in enumerate(content.screens) if s.kind == "quiz")
    window.go_to(quiz)
    question = content.screens[quiz].questions[0]
    choice = window.current_page().findChild(QAbstractButton, f"choice-{question.answer}")
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    check = window.current_page().findChild(QAbstractButton, "checkAnswer")
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert window.session.latest_quiz_choice(question.id).correct


def undescribed_controls(window) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        focusable = widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        control = isinstance(widget, (QAbstractButton, *INPUTS)) or (
            widget.objectName() == "signaturePad"
        )
        if focusable and control and not widget.accessibleDescription().strip():
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {name[:30]!r}")
    return missing


def test_every_control_on_every_screen_has_a_description(qtbot, open_window, content) -> None:
    window = open_window(lambda: demo_session(content, seal=False))
    problems = set()
    for index, screen in enumerate(content.screens):
        window.go_to(index)
        QApplication.processEvents()
        problems |= {f"{screen.id}: {name}" for name in undescribed_controls(window)}
    assert sorted(problems) == []
