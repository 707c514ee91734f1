"""Every picture the content names draws: a valid SVG that puts something on the screen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from counsel.core.content_loader import load_content, named_illustrations
from counsel.resources import illustration_path, resources_dir

LANGUAGES = sorted(p.name for p in (resources_dir() / "content").iterdir() if p.is_dir())
NAMED = sorted(
    {
        (language, name)
        for language in LANGUAGES
        for screen in load_content(language).screens
        for name in named_illustrations(screen)
    }
)
ALL_FILES = sorted(p.name for p in (resources_dir() / "illustrations").glob("*.svg"))
BACKGROUND = QColor("#ff00ff")  # a colour no illustration uses


@pytest.mark.parametrize(("language", "name"), NAMED)
def test_a_named_illustration_renders(qtbot, language: str, name: str) -> None:
    renderer = QSvgRenderer(str(illustration_path(name)))
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (800, 500)
    image = QImage(400, 250, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 400, 250))
    painter.end()
    samples = [(x, y) for x in range(0, 400, 4) for y in range(0, 250, 4)]
    drawn = sum(image.pixelColor(x, y) != BACKGROUND for x, y in samples)
    assert drawn > len(samples) / 2, "most of it is painted (each picture sits on a card)"
    shown = image.copy(40, 25, 320, 200)  # inside the card: more than one colour
    colours = {shown.pixel(x, y) for x in range(0, 320, 8) for y in range(0, 200, 8)}
    assert len(colours) > 3


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_gradient_fill_carries_its_own_transform(name: str) -> None:
    """svglib (the PDF) ignores a transform on the element a gradient fills: wrap it in <g>."""
    text = illustration_path(name).read_text(encoding="utf-8")
    assert not re.search(
        r"<[^>]*fill=\"url\([^>]*transform=|<[^>]*transform=[^>]*fill=\"url\(", text
    )


def test_every_language_names_pictures() -> None:
    assert {language for language, _ in NAMED} == set(LANGUAGES)
