"""The Done screen's buttons show their whole text in a 1024x700 window, in every language
and at every text size: a row too wide for the window wraps instead of running off it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from counsel.core.demo import demo_session
from counsel.ui.display import Display
from counsel.ui.theme import TEXT_SCALES
from counsel.ui.wrap_button import WrapButton


def cut_off_buttons(page) -> list[str]:
    """Each visible button whose text does not fit it, or that reaches past the page."""
    inner, viewport = page.scroller.widget(), page.scroller.viewport()
    problems = []
    if inner.width() > viewport.width():
        problems.append("the page scrolls sideways")
    for button in page.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        if isinstance(button, WrapButton):
            text = button.findChild(QLabel)
            fits = (
                text.minimumSizeHint().width() <= text.width() + 1
                and text.heightForWidth(text.width()) <= text.height() + 1
            )
        else:
            fits = button.sizeHint().width() <= button.width() + 1
        right = button.mapTo(inner, QPoint(button.width(), 0)).x()
        if not fits or right > viewport.width():
            problems.append(f"{button.objectName()} {button.text()!r}")
    return problems


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_done_button_shows_its_whole_text(qtbot, open_window, content, language) -> None:
    window = open_window(lambda: demo_session(content, seal=False))
    window.change_language(language)
    window.recorder.sign()
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=30000)
    window.go_to(next(i for i, s in enumerate(window.content.screens) if s.kind == "done"))
    window.resize(1024, 700)
    page = window.current_page()
    shown = {"savePdf", "printPdf", "newSession", "saveTakeHome", "printTakeHome"}
    if window.session.needs_interpreter:  # counseled in Spanish, the clinic works in English
        shown.add("saveBilingual")
    problems = []
    try:
        for scale in (TEXT_SCALES[0], TEXT_SCALES[-1]):
            window.set_display(Display(scale=scale))
            page = window.current_page()
            QApplication.processEvents()
            visible = {b.objectName() for b in page.findChildren(QAbstractButton) if b.isVisible()}
            assert shown <= visible, (scale, visible)
            try:  # layouts settle over a few event-loop turns, as a person looking would see
                qtbot.waitUntil(lambda page=page: not cut_off_buttons(page), timeout=1500)
            except qtbot.TimeoutError:
                problems += [f"{scale}%: {problem}" for problem in cut_off_buttons(page)]
    finally:
        window.set_display(Display())
    assert problems == [], "\n".join(problems)
