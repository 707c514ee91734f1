"""Large text and high contrast: readable by a patient with poor sight, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from counsel.core.demo import demo_session
from counsel.ui.display import Display
from counsel.ui.theme import DARK, HIGH_CONTRAST, PALETTE, TEXT_PAIRS, contrast_ratio
from counsel.ui.wrap_button import WrapButton


@pytest.mark.parametrize(
    ("palette", "minimum"), [(PALETTE, 4.5), (DARK, 4.5), (HIGH_CONTRAST, 7.0)]
)
def test_every_text_colour_pair_meets_wcag(palette, minimum) -> None:
    for foreground, background in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(palette, foreground), getattr(palette, background))
        assert ratio >= minimum, (foreground, background, round(ratio, 2))


def clipped_widgets(window) -> list[str]:
    """Visible text that does not fit its widget, or a page that scrolls sideways."""
    problems = []
    page = window.current_page()
    if page.scroller.widget().width() > page.scroller.viewport().width():
        problems.append(f"{page.objectName()} scrolls sideways")
    for widget in window.findChildren(QLabel):
        if not (widget.isVisible() and widget.text()):
            continue
        if widget.wordWrap():  # its longest word must fit, and all its lines
            too_narrow = widget.minimumSizeHint().width() > widget.width() + 1
            too_short = widget.heightForWidth(widget.width()) > widget.height() + 1
        else:
            too_narrow = widget.fontMetrics().horizontalAdvance(widget.text()) > (
                widget.contentsRect().width() + 1
            )
            too_short = False
        if too_narrow or too_short:
            problems.append(f"label {widget.text()[:40]!r}")
    for widget in window.findChildren(QAbstractButton):
        shown = widget.isVisible() and not isinstance(widget, WrapButton) and widget.text()
        if shown and widget.sizeHint().width() > widget.width() + 1:
            problems.append(f"button {widget.text()!r}")
    return problems


def test_text_size_keys_and_buttons(qtbot, open_window) -> None:
    window = open_window()
    before = window.current_page().title_label.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.display.scale == 125
    QApplication.processEvents()
    assert window.current_page().title_label.font().pointSizeF() > before
    qtbot.mouseClick(window.display_controls.smaller, Qt.MouseButton.LeftButton)
    assert window.display.scale == 100
    qtbot.mouseClick(window.display_controls.contrast, Qt.MouseButton.LeftButton)
    assert window.display.high_contrast
    window.set_display(Display())


def test_a_text_size_change_restyles_only_the_window_and_what_it_opens(open_window) -> None:
    """Setting the whole application's style again took most of a text size change; the
    window's own text sizes do it, and a message the window shows follows them."""
    window = open_window()
    app = QApplication.instance()
    style = app.styleSheet()
    body = window.current_page().font().pointSizeF()
    window.set_display(Display(scale=200))
    assert app.styleSheet() == style
    message = QMessageBox(QMessageBox.Icon.Information, "Title", "A message", parent=window)
    message.show()
    QApplication.processEvents()
    shown = message.findChild(QLabel, "qt_msgbox_label")
    assert shown.font().pointSizeF() == pytest.approx(2 * body, abs=1)
    assert window.current_page().font().pointSizeF() == pytest.approx(2 * body, abs=1)
    message.close()
    window.set_display(Display(high_contrast=True))
    assert app.styleSheet() != style  # the colours are the application's
    assert window.current_page().font().pointSizeF() == pytest.approx(body)


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_clipped_at_200_percent_in_a_small_window(
    qtbot, open_window, content, language
) -> None:
    window = open_window(lambda: demo_session(content, seal=False))
    window.change_language(language)
    window.resize(1024, 700)
    window.set_display(Display(scale=200))
    problems = []
    try:
        for index, screen in enumerate(content.screens):
            window.go_to(index)
            try:  # layouts settle over a few event-loop turns, as a person looking would see
                qtbot.waitUntil(lambda: not clipped_widgets(window), timeout=1500)
            except qtbot.TimeoutError:
                problems += [f"{screen.id}: {p}" for p in clipped_widgets(window)]
    finally:
        window.set_display(Display())
    assert problems == [], "\n".join(problems)


CLINICIAN_KEY = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_presentation_mode_hides_clinician_controls_and_returns(
    qtbot, open_window, content
) -> None:
    window = open_window()
    checklist = next(i for i, s in enumerate(content.screens) if s.kind == "checklist")
    window.go_to(checklist)
    first_item = content.screens[checklist].items[0].id
    answer = window.current_page().findChild(QAbstractButton, f"answer-{first_item}-yes")
    qtbot.keyClick(window, Qt.Key.Key_P, CLINICIAN_KEY)
    try:
        assert window.presenting and window.isFullScreen()
        assert not window.sidebar.isVisible() and not answer.isVisible()
        assert not window.findChild(QAbstractButton, "discussedButton").isVisible()
        assert window.display.scale >= 150
        window.go_to(checklist + 1)
        assert window.findChild(QAbstractButton, "nextButton").isVisible()
    finally:
        qtbot.keyClick(window, Qt.Key.Key_P, CLINICIAN_KEY)
    assert not window.presenting and window.sidebar.isVisible()
    assert window.display.scale == 100


def test_at_200_percent_in_spanish_the_sidebar_shows_its_words_and_three_rows(
    qtbot, open_window
) -> None:
    """In a 1024x700 window, high contrast: "Leer en voz alta" stays inside its button, the
    list of screens shows three whole rows, and a title on one line has a one-line row."""
    window = open_window(size=(1024, 700))
    window.change_language("es")
    window.set_display(Display(scale=200, high_contrast=True))
    try:
        qtbot.wait(50)  # the sidebar's rows are laid out again at the new size
        play = window.findChild(WrapButton, "readAloud")
        assert play.text() == "Leer en voz alta"
        assert play.minimumSizeHint().width() <= play.width(), "a word wider than its button"
        assert play.heightForWidth(play.width()) <= play.height(), "lines below its button"
        rows = window.sidebar.list
        rects = [rows.visualItemRect(rows.item(i)) for i in range(rows.count())]
        shown = [rect for rect in rects if rows.viewport().rect().contains(rect)]
        assert len(shown) >= 3, (rows.height(), rows.minimumHeight(), window.height())
        metrics = rows.fontMetrics()
        one_line = [
            rect.height()
            for i, rect in enumerate(rects)
            if metrics.horizontalAdvance(rows.item(i).text()) < rect.width() - 2 * 8 - 8
        ]
        assert one_line and len(set(one_line)) == 1, one_line
        assert max(rect.height() for rect in rects) > one_line[0]  # longer titles wrap
    finally:
        window.set_display(Display())


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_language_list_shows_a_clear_arrow_that_it_opens(open_window, high_contrast) -> None:
    """A patient must see that the language box opens: a solid arrow in the text's colour."""
    window = open_window()
    window.set_display(Display(high_contrast=high_contrast))
    QApplication.processEvents()
    box = window.sidebar.language
    image = box.grab().toImage()
    height = image.height()
    arrow = [  # the right-hand 36 pixels, the open-the-list button, inside its borders
        image.pixelColor(x, y)
        for x in range(image.width() - 32, image.width() - 4)
        for y in range(4, height - 4)
    ]
    dark = [colour for colour in arrow if colour.lightness() < 80]
    window.set_display(Display())
    assert len(dark) >= 40, f"{len(dark)} dark pixels where the arrow should be"
