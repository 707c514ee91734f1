"""Driving the main window as a clinician would, for tests that need a finished walkthrough."""

from __future__ import annotations

from ink_helpers import sign
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from counsel.core.content import ChecklistScreen, Content, QuizScreen
from counsel.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def child(parent: QWidget, kind: type, name: str):
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def click(qtbot, parent: QWidget, name: str) -> None:
    qtbot.mouseClick(child(parent, QPushButton, name), LEFT)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as a keyboard or input method sends them.

    (QTest.keyClicks only knows ASCII; names like "Zoë" need the text on the event.)
    """
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, parent: QWidget, name: str, text: str) -> None:
    widget = child(parent, QLineEdit, name)
    widget.clear()
    type_text(widget, text)


def fill_details(qtbot, window: MainWindow, patient: str, clinician: str) -> None:
    window.go_to(0)
    page = window.current_page()
    type_into(qtbot, page, "patientName", patient)
    type_into(qtbot, page, "dateOfBirth", "03/14/1948")
    type_into(qtbot, page, "recordNumber", "TEST-42")
    type_into(qtbot, page, "clinicianName", clinician)
    type_into(qtbot, page, "clinicianCredentials", "MD")
    qtbot.mouseClick(page.findChild(QWidget, "level-L4-L5"), LEFT)


def typing_saved(qtbot, window: MainWindow) -> None:
    """Wait, as the clinician would pause, until the typing held back is in the store (or
    its write has failed): written by the window's writer, on its own thread."""
    qtbot.waitUntil(lambda: not window.saving.recorder.saving, timeout=15_000)


def answer_checklist(qtbot, window: MainWindow, screen: ChecklistScreen) -> None:
    page = window.current_page()
    for item in screen.items:
        click(qtbot, page, f"answer-{item.id}-{item.favourable}")


def answer_quiz(qtbot, window: MainWindow, screen: QuizScreen, wrong_first: bool) -> None:
    page = window.current_page()
    for number, question in enumerate(screen.questions):
        if wrong_first and number == 0:
            wrong = (question.answer + 1) % len(question.choices)
            click(qtbot, page, f"choice-{wrong}")
            click(qtbot, page, "checkAnswer")
        click(qtbot, page, f"choice-{question.answer}")
        click(qtbot, page, "checkAnswer")
        if number < len(screen.questions) - 1:
            click(qtbot, page, "nextQuestion")


def ask(qtbot, window: MainWindow, question: str, answer: str) -> None:
    page = window.current_page()
    type_into(qtbot, page, "questionInput", question)
    type_text(child(page, QPlainTextEdit, "answerInput"), answer)
    click(qtbot, page, "addQuestion")


def walk_to_signatures(qtbot, window: MainWindow, content: Content) -> None:
    """Fill the details, then go through every screen with Next, answering and discussing."""
    fill_details(qtbot, window, "Zoë Nguyễn-Øberg", "Łukasz Wróbel")
    walk_on_to_signatures(qtbot, window, content)


def walk_on_to_signatures(qtbot, window: MainWindow, content: Content) -> None:
    """From the screen shown, through every screen with Next, answering and discussing."""
    while True:
        screen = content.screens[window.index]
        if isinstance(screen, ChecklistScreen):
            answer_checklist(qtbot, window, screen)
        if isinstance(screen, QuizScreen):
            answer_quiz(qtbot, window, screen, wrong_first=True)
        if screen.kind == "questions":
            ask(qtbot, window, "Will I need to stay overnight?", "No, you go home the same day.")
        if screen.required and not window.session.is_discussed(screen.id):  # a right quiz is
            click(qtbot, window, "discussedButton")
        if screen.kind == "signatures":
            return
        click(qtbot, window, "nextButton")


def answer_next_confirmation(press: Qt.Key = Qt.Key.Key_Return, button: str = "") -> list[str]:
    """Answer the next question box with a key (Return: its default button), or by clicking
    the button labelled ``button``; returns a list that receives the box's text."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        chosen = [b for b in box.buttons() if b.text().replace("&", "") == button]
        if chosen:
            QTest.mouseClick(chosen[0], Qt.MouseButton.LeftButton)
        else:
            QTest.keyClick(box, press)

    QTimer.singleShot(0, answer)
    return seen


def confirm_and_wait(qtbot, window: MainWindow, press) -> list[str]:
    """``press()`` the sign button, say yes to the confirmation, wait for the stored record."""
    seen = answer_next_confirmation()
    press()
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    return seen


def sign_all(qtbot, window: MainWindow) -> None:
    page = window.current_page()
    for role in ("patient", "clinician"):
        sign(page.findChild(QWidget, f"signer-{role}"))
    confirm_and_wait(qtbot, window, lambda: click(qtbot, page, "signAndFinish"))


def drafts_written(monkeypatch, instead=None) -> list[dict]:
    """Every draft the window's writer stores (on its own thread, through a connection of
    its own), in its stored form, listed once stored (or failed); ``instead(data)``, when
    given, runs in place of storing it (a failing disk)."""
    from counsel.core.record_store import RecordStore

    written: list[dict] = []
    store_it = RecordStore.save_stored_draft

    def counted(store: RecordStore, data: dict) -> None:
        try:
            (instead or (lambda data: store_it(store, data)))(data)
        finally:
            written.append(data)

    monkeypatch.setattr(RecordStore, "save_stored_draft", counted)
    return written


def rows_shown(qtbot, records) -> None:
    """Wait until the Records window shows what it asked the store for (read on a thread
    of its own): its rows and their count."""
    qtbot.waitUntil(lambda: not records.model.loading, timeout=20_000)
