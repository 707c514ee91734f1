"""The pictures' words never cover the drawing: at every window size from 1024 x 700 to full
HD, at 100% to 200% text, in every language.

The sizes are read from the real window, screen by screen; each labelled picture is then drawn
at each of those sizes with and without its words, and the words' pixels that land on the
drawing are counted. The count is of pixels, not of the layout's own boxes, so it checks the
layout rather than repeating it.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from counsel.core.drawing_mask import DRAWING_BELOW
from counsel.ui.display import Display
from counsel.ui.illustration import IllustrationView
from tests.test_picture_labels import LANGUAGES

WINDOWS = ((1024, 700), (1280, 800), (1366, 768), (1600, 900), (1920, 1080))
TEXT_SIZES = (100, 150, 200)
PICTURES = ("illustration", "stepPicture")  # the object names of the widgets that show them
ASPECT = 800 / 500  # every picture's
ON_DRAWING = bytes(0xFF if grey < DRAWING_BELOW else 0 for grey in range(256))


def picture_sizes(window) -> set[tuple[int, float]]:
    """Every (picture width, text size in %) a picture with words is shown at, over every
    screen."""
    found = set()
    kinds = {screen.kind: index for index, screen in enumerate(window.content.screens)}
    one_screen_of_each_kind = sorted(kinds.values())  # a kind lays its picture out one way
    for scale in TEXT_SIZES:
        window.set_display(Display(scale, False))
        for width, height in WINDOWS:
            window.resize(width, height)
            for index in one_screen_of_each_kind:
                window.go_to(index)
                QApplication.processEvents()  # a page built anew shows on the next event
                for view in window.current_page().findChildren(QWidget):
                    if view.objectName() in PICTURES and view.isVisible() and has_words(view):
                        width = min(view.width(), round(view.height() * ASPECT))
                        found.add((width, scale))
    return found


def has_words(view: QWidget) -> bool:
    """Whether the picture in view has words (a step's picture: its player knows)."""
    shown = view if isinstance(view, IllustrationView) else view.parentWidget()
    return bool(shown.labels())  # type: ignore[attr-defined]


def grey(view: IllustrationView) -> bytes:
    """The view's pixels as grey levels, row after row (without the rows' padding)."""
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    return b"".join(data[row * stride : row * stride + width] for row in range(image.height()))


def words_on_drawing(view: IllustrationView) -> tuple[int, int]:
    """(the words' pixels, those of them over the drawing) in the view as it is now."""
    labelled = grey(view)
    labels = view.labels()
    view.set_labels(())
    bare = grey(view)
    view.set_labels(labels)
    changed = (int.from_bytes(labelled) ^ int.from_bytes(bare)).to_bytes(len(bare))
    covered = (int.from_bytes(changed) & int.from_bytes(bare.translate(ON_DRAWING))).to_bytes(
        len(bare)
    )
    return len(changed) - changed.count(0), len(covered) - covered.count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_picture_label_covers_the_drawing_at_any_window_or_text_size(
    qtbot,
    open_window,
    language: str,
) -> None:
    window = open_window()
    window.change_language(language)
    sizes = picture_sizes(window)
    assert len({width for width, _ in sizes}) >= 6, sizes  # small, large, side by side
    content = window.content
    worst: list[tuple[float, str, tuple[int, float]]] = []
    for name in content.illustration_labels:
        view = IllustrationView(name, labels_for=content.labels_for)
        qtbot.addWidget(view)
        for width, scale in sizes:
            view.set_text_scale(scale / 100)
            view.resize(width, round(width / ASPECT))
            words, covered = words_on_drawing(view)
            assert words > 0, (name, width)
            worst.append((covered / words, name, (width, scale)))
    worst.sort(reverse=True)
    assert worst[0][0] <= 0.003, worst[:5]  # a few pixels of anti-aliasing at most
