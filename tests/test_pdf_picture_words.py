"""The pictures' words on paper: 9 pt or larger, and off the drawing, in every language."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from counsel.core.content import ClinicSettings
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.core.illustration_labels import GRID_WIDTH
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.illustrations import (
    PICTURE_WIDTH,
    picture_mask,
    place_picture_labels,
)
from counsel.resources import illustration_path, resources_dir
from counsel.ui.app import prepare_application
from counsel.ui.picture_labels import drawing_mask
from tests.test_picture_labels import LANGUAGES

READABLE_IN_PRINT = 9.0  # points: the smallest words a patient is handed
ALL_PICTURES = sorted(p.name for p in (resources_dir() / "illustrations").glob("*.svg"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_picture_words_are_readable_and_clear_of_the_drawing(language: str) -> None:
    """Checked against the screen's own view of the art (Qt), not the paper's."""
    prepare_application([])
    for name, labels in load_content(language).illustration_labels.items():
        screen_view = drawing_mask(str(illustration_path(name)))
        for placed in place_picture_labels(name, labels):
            points = placed.size * PICTURE_WIDTH / GRID_WIDTH
            assert points >= READABLE_IN_PRINT - 0.01, (name, placed.label.text)
            assert screen_view.drawn(placed.box) <= 2, (name, placed.label.text)  # an edge at most


@pytest.mark.parametrize("name", ALL_PICTURES)
def test_the_paper_sees_the_drawing_where_the_screen_does(name: str) -> None:
    prepare_application([])
    path = str(illustration_path(name))
    screen, paper = drawing_mask(path).rows, picture_mask(path).rows
    drawn = sum(row.bit_count() for row in screen)
    missed = sum((seen & ~printed).bit_count() for seen, printed in zip(screen, paper, strict=True))
    extra = sum((printed & ~seen).bit_count() for seen, printed in zip(screen, paper, strict=True))
    assert drawn > 1000, name
    # The two differ at the edges of lines (smoothing), by about a tenth of what is drawn.
    assert missed <= 0.2 * drawn and extra <= 0.2 * drawn, (name, drawn, missed, extra)


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_in_the_acknowledgement_prints_below_9_pt_picture_words_included(
    language: str, clinic: ClinicSettings
) -> None:
    data = build_acknowledgement(demo_session(load_content(language)), clinic)
    sizes: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[text.strip()] = min(sizes.get(text.strip(), 99.0), size * tm[3] * cm[3])

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=seen)
    small = {text: size for text, size in sizes.items() if size < READABLE_IN_PRINT - 0.01}
    assert not small, small
