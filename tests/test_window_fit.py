"""The window fits the screen it opens on, Back and Next stay in reach at every text size,
and the window comes back where the user left it on that screen."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QWidget
from test_languages import choose_language

from counsel.ui.display import Display
from counsel.ui.main_window import MainWindow
from counsel.ui.theme import TEXT_SCALES
from counsel.ui.window_fit import default_rect, fitted, place_window


def visible_in(window: MainWindow, widget: QWidget) -> bool:
    """The whole of ``widget`` lies inside the window's client area."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_a_small_screen_gets_a_window_no_larger_than_its_free_area() -> None:
    netbook = QRect(0, 0, 1024, 600)
    assert default_rect(netbook) == netbook
    assert fitted(QRect(-50, 400, 1280, 820), netbook) == netbook
    big = QRect(0, 0, 3840, 2160)
    assert default_rect(big).size().toTuple() == (1280, 820)
    assert big.contains(default_rect(big))


def test_the_window_opens_inside_the_screen(qtbot, open_window) -> None:
    window = open_window(size=None)
    available = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))  # title bar and all
    assert window.minimumSize().height() <= available.height()


def test_back_next_and_text_size_stay_in_reach_at_every_text_size(qtbot, open_window) -> None:
    window = open_window(size=None)
    window.go_to(1)
    available = window.screen().availableGeometry()
    for scale in TEXT_SCALES:
        window.set_display(Display(scale))
        qtbot.wait(20)
        qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
        for widget in (
            window.back_button,
            window.next_button,
            window.display_controls.bigger,
            window.display_controls.smaller,
        ):
            assert visible_in(window, widget), (scale, widget.objectName())


def top(window: MainWindow, widget: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).y()


def one_line(button: QWidget) -> bool:
    """The button's words fit side by side in its width."""
    text = button.findChild(QLabel)
    return text.contentsRect().width() >= text.fontMetrics().horizontalAdvance(text.text())


def nav_in_rows(window: MainWindow, rows: int) -> bool:
    """Back and Next side by side, "discussed" above them (two rows) or between them (one),
    each button's words on one line and within the window."""
    back, discussed, next_ = window.back_button, window.discussed_button, window.next_button
    return (
        top(window, back) == top(window, next_)
        and (top(window, discussed) < top(window, next_)) == (rows == 2)
        and all(one_line(button) for button in (back, discussed, next_))
        and all(visible_in(window, button) for button in (back, discussed, next_))
    )


@pytest.mark.parametrize("size", [(1024, 700), (1280, 740)])
def test_back_discussed_and_next_keep_their_words_on_one_line(
    qtbot, open_window, size: tuple[int, int]
) -> None:
    """At the largest text, in Spanish, "Ya hablamos de esto" takes a row of its own rather
    than every button breaking its words ("Siguiente" on one line, its arrow on the next);
    with room, the three share one row."""
    window = open_window(size=size)
    for language, scale, rows in (("es", max(TEXT_SCALES), 2), ("en", 100, 1)):
        window.go_to(0)  # the welcome screen has no "discussed" button
        choose_language(window, language)  # lays the window out again
        window.set_display(Display(scale))
        window.go_to(1)
        qtbot.waitUntil(partial(nav_in_rows, window, rows))


def test_the_window_comes_back_at_the_size_left_on_this_screen(qtbot, open_window) -> None:
    window = open_window(size=None)
    window.setGeometry(QRect(30, 40, 780, 600))
    window.close()
    reopened = open_window(size=None)
    assert reopened.geometry().size().toTuple() == (780, 600)
    assert not place_window(reopened)  # it was not maximised


def test_leaving_presentation_mode_restores_a_maximised_window(qtbot, open_window) -> None:
    window = open_window(size=None)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.set_presenting(True)
    qtbot.waitUntil(window.isFullScreen)
    window.set_presenting(False)
    qtbot.waitUntil(window.isMaximized)
    assert not window.isFullScreen()
