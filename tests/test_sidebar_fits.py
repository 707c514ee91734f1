"""The sidebar stays usable at the largest text on a small screen: every control whole and
apart from the others, several rows of the list of screens shown, the screen in view always
among them, whatever the language."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from counsel.core.demo import demo_session
from counsel.ui.display import Display
from counsel.ui.theme import TEXT_SCALES


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_screen_list_shows_several_rows_and_the_current_one(
    open_window, language: str, size: tuple[int, int]
) -> None:
    window = open_window(size=size)
    if language != "en":
        window.change_language(language)
    window.set_display(Display(scale=200))
    QApplication.processEvents()
    screens = window.sidebar.list
    viewport = screens.viewport()
    assert viewport.height() >= 3 * screens.fontMetrics().lineSpacing()
    for index in range(screens.count()):
        window.go_to(index)
        QApplication.processEvents()
        row = screens.visualItemRect(screens.item(index))
        assert viewport.rect().contains(row), f"row {index} is cut off: {row}"


WINDOW_SIZES = [(1024, 600), (1024, 700), (1366, 768)]
#: Every control of the sidebar and of the bar under the screen, by objectName.
CONTROLS = (
    "languageChoice",
    "readAloud",
    "stopReading",
    "progressText",
    "progress",
    "sidebar",
    "textSmaller",
    "textSizeLabel",
    "textBigger",
    "highContrast",
    "backButton",
    "discussedButton",
    "nextButton",
)


def shown_rect(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` is in the window, cut to what every widget around it shows."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def needed_height(widget: QWidget) -> int:
    """The height a control needs at its width (wrapped words included), or the most its
    style allows (the progress bar's thin line)."""
    hint = widget.minimumSizeHint().height()
    if widget.hasHeightForWidth():
        hint = max(hint, widget.heightForWidth(widget.width()))
    return min(hint, widget.maximumHeight())


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", WINDOW_SIZES)
def test_no_control_overlaps_another_at_any_text_size(
    open_window, language: str, size: tuple[int, int]
) -> None:
    """At 200% in a 1024x700 window the list of screens was painted over "Read aloud" and
    the language list, squeezed to a few pixels: every control keeps its own room, whole."""
    window = open_window(size=size)
    if language != "en":
        window.change_language(language)
    window.go_to(1)
    for scale in TEXT_SCALES:
        window.set_display(Display(scale=scale))
        QApplication.processEvents()
        assert window.size() == QSize(*size), f"{scale}%: the window grew to fit its controls"
        placed = {}
        for name in CONTROLS:
            widget = window.findChild(QWidget, name)
            assert widget is not None and widget.isVisible(), f"{scale}%: no {name} shown"
            rect = shown_rect(widget, window)
            assert rect.size() == widget.size(), f"{scale}%: {name} is cut off ({rect})"
            assert widget.width() >= widget.minimumSizeHint().width(), f"{scale}%: {name}"
            assert widget.height() >= needed_height(widget), f"{scale}%: {name} squeezed"
            placed[name] = rect
        for first, second in combinations(placed, 2):
            overlap = placed[first] & placed[second]
            assert overlap.isEmpty(), f"{scale}%: {first} and {second} overlap at {overlap}"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", WINDOW_SIZES)
def test_read_aloud_and_stop_sit_side_by_side_at_normal_text_in_every_state(
    qtbot, open_window, language: str, size: tuple[int, int]
) -> None:
    """Spanish "Parar" (Stop) went under "Leer en voz alta" even at 100%, and would move as
    the first became "Pausar la lectura": the sidebar widens for the pair where it can, and
    the pair stays where it is as reading starts, pauses and goes on."""
    window = open_window(size=size)
    if language != "en":
        window.change_language(language)
    window.go_to(1)
    QApplication.processEvents()
    controls = window.read_controls
    play, stop = controls.play, controls.stop
    placed = None
    for _ in ("idle", "speaking", "paused", "speaking again"):
        QApplication.processEvents()
        rects = (shown_rect(play, window), shown_rect(stop, window))
        assert rects[0].top() == rects[1].top(), f"{play.text()!r}: Stop is not beside it"
        assert rects[0].right() < rects[1].left(), f"{play.text()!r} and Stop overlap"
        assert all(r.size() == w.size() for r, w in zip(rects, (play, stop), strict=True))
        assert play.heightForWidth(play.width()) <= play.height(), f"{play.text()!r} wraps"
        assert placed in (None, rects), f"{play.text()!r}: the pair moved"
        placed = rects
        qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_a_screen_s_mark_stays_on_its_title_s_line(open_window, content, scale: int) -> None:
    """A long title selected in Spanish put its ✓ alone on a line, the title below it."""
    window = open_window(new_session=lambda: demo_session(content, seal=False), size=(1024, 700))
    window.change_language("es")
    window.set_display(Display(scale=scale))
    screens = window.sidebar.list
    for index in range(screens.count()):
        window.go_to(index)
        QApplication.processEvents()
        item = screens.item(index)
        option = QStyleOptionViewItem()
        screens.initViewItemOption(option)
        option.rect = screens.visualItemRect(item)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.state |= QStyle.StateFlag.State_Selected
        text_rect = screens.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, option, screens
        )
        first_line = first_line_of(item.text(), screens.font(), text_rect.width() - 2 * 3)
        assert len(first_line.strip()) > 1, f"{item.text()!r}: the mark is alone on its line"


def first_line_of(text: str, font: QFont, width: int) -> str:
    """The first line of ``text`` wrapped as the list wraps a row's words."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    layout.endLayout()
    return text[line.textStart() : line.textStart() + line.textLength()]
