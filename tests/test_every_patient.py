"""Issue #7's whole story in one go: Spanish halfway through, 200% text, high contrast,
read-aloud, the keyboard for everything but the ink, and a Spanish signed PDF at the end."""

from __future__ import annotations

from ink_helpers import sign
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from test_languages import choose_language
from ui_driver import child, confirm_and_wait, type_text

from counsel.core.content import ChecklistScreen, QuizScreen
from counsel.ui.display import Display

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def press(qtbot, window, name: str) -> None:
    """Focus a control and press Space on it, as a keyboard user does."""
    button = child(window.current_page(), QAbstractButton, name)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def keyboard_screen(qtbot, window, screen) -> None:
    if isinstance(screen, ChecklistScreen):
        for item in screen.items:
            press(qtbot, window, f"answer-{item.id}-{item.favourable}")
    if isinstance(screen, QuizScreen):
        for number, question in enumerate(screen.questions):
            press(qtbot, window, f"choice-{question.answer}")
            press(qtbot, window, "checkAnswer")
            if number < len(screen.questions) - 1:
                press(qtbot, window, "nextQuestion")
    if screen.kind == "questions":
        field = window.current_page().findChild(QWidget, "questionInput")
        field.setFocus()
        type_text(field, "¿Cuándo puedo manejar?")
        qtbot.keyClick(field, Qt.Key.Key_Return)  # on to the answer box
        type_text(QApplication.focusWidget(), "Al día siguiente, si no toma calmantes fuertes.")
        press(qtbot, window, "addQuestion")
    if screen.required and not window.session.is_discussed(screen.id):  # a right quiz is
        qtbot.keyClick(window, Qt.Key.Key_D, CTRL)


def test_a_spanish_speaking_patient_with_poor_sight_gets_through_it(
    qtbot, open_window, content, tmp_path
) -> None:
    window = open_window()
    page = window.current_page()
    for name, text in (
        ("patientName", "Zoë Prueba"),
        ("dateOfBirth", "03/14/1948"),
        ("clinicianName", "Test Clinician"),
        ("clinicianCredentials", "NP"),
    ):
        field = page.findChild(QWidget, name)
        field.setFocus()
        type_text(field, text)
    press(qtbot, window, "level-L4-L5")
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    keyboard_screen(qtbot, window, content.screens[1])
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)

    choose_language(window, "es")  # halfway through
    qtbot.waitUntil(lambda: window.current_page().isVisible())
    window.set_display(Display(scale=200, high_contrast=True))
    assert QApplication.activeWindow() is window, "rebuilt, the window stays the active one"
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.state == "speaking"
    try:
        while window.content.screens[window.index].kind != "signatures":
            keyboard_screen(qtbot, window, window.content.screens[window.index])
            qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
        assert window.reader.state == "idle", "reading stops when the screen changes"
        page = window.current_page()
        assert child(page, QAbstractButton, "withInterpreter").isChecked()
        for role in ("patient", "clinician", "interpreter"):
            block = page.findChild(QWidget, f"signer-{role}")
            if role == "interpreter":
                name = block.findChild(QWidget, "signerName")
                name.setFocus()
                type_text(name, "Test Intérprete")
            sign(block)
        confirm_and_wait(qtbot, window, lambda: press(qtbot, window, "signAndFinish"))
    finally:
        window.set_display(Display())
    assert window.session.is_sealed
    target = tmp_path / "constancia.pdf"
    window.current_page().save_to(target)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Fecha de nacimiento" in text and "Zoë Prueba" in text
    assert "¿Cuándo puedo manejar?" in text and "Test Intérprete" in text
