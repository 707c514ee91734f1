"""The pictures' words are content: out of the SVG art, per language, drawn over the picture."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from reportlab.pdfbase import pdfmetrics

from counsel.core.content import ClinicSettings, Content, StepsScreen
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.core.illustration_labels import GRID_HEIGHT, GRID_WIDTH, LINE_SPACING
from counsel.core.toml_reader import ContentError
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.resources import resources_dir
from counsel.ui.app import prepare_application
from counsel.ui.display import Display
from counsel.ui.illustration import IllustrationView

LANGUAGES = sorted(p.name for p in (resources_dir() / "content").iterdir() if p.is_dir())
ALL_PICTURES = sorted((resources_dir() / "illustrations").glob("*.svg"))


@pytest.mark.parametrize("path", ALL_PICTURES, ids=lambda p: p.name)
def test_no_picture_has_words_baked_into_its_art(path: Path) -> None:
    assert not re.search(r"<text\b", path.read_text(encoding="utf-8"))


def test_every_language_labels_the_same_pictures_with_as_many_labels() -> None:
    counts = {}
    for language in LANGUAGES:
        pictures = load_content(language).illustration_labels
        counts[language] = {name: len(labels) for name, labels in pictures.items()}
    assert len(counts["en"]) >= 14
    for language in LANGUAGES:
        assert counts[language] == counts["en"], language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_fits_inside_its_picture_at_its_design_size(language: str) -> None:
    register_fonts()
    for name, labels in load_content(language).illustration_labels.items():
        for label in labels:
            font = BOLD if label.bold else REGULAR
            width = max(pdfmetrics.stringWidth(line, font, label.size) for line in label.lines)
            left = {"left": 0, "center": width / 2, "right": width}[label.align]
            left = label.x - left
            bottom = label.y + (len(label.lines) - 1) * LINE_SPACING * label.size
            assert left >= 4 and left + width <= GRID_WIDTH - 4, (name, label.text)
            assert bottom <= GRID_HEIGHT - 4, (name, label.text)


def test_a_language_with_a_label_missing_stops_at_start(resources_copy: Path) -> None:
    path = resources_copy / "content" / "es" / "illustrations.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index('[[labels."canal-compare.svg"]]')
    second = text.index("[[labels.", first + 1)
    path.write_text(text[:first] + text[second:], encoding="utf-8")
    with pytest.raises(ContentError, match=r"content/es/illustrations.toml.*canal-compare.svg"):
        load_content("es", resources_copy)


def test_a_label_for_a_picture_that_does_not_exist_stops_at_start(resources_copy: Path) -> None:
    path = resources_copy / "content" / "en" / "illustrations.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"canal-compare.svg"', '"canal-compare.png"'),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"content/en/illustrations.toml.*canal-compare.png"):
        load_content("en", resources_copy)


def dark_pixels_near(image: QImage, x: float, y: float, radius: int = 12) -> int:
    return sum(
        QColor(image.pixel(px, py)).lightness() < 90
        for px in range(max(0, int(x) - radius), min(image.width(), int(x) + radius))
        for py in range(max(0, int(y) - radius), min(image.height(), int(y) + 4))
    )


def test_labels_are_drawn_over_the_picture(qtbot, content: Content) -> None:
    prepare_application([])
    view = IllustrationView("canal-compare.svg", labels_for=content.labels_for)
    qtbot.addWidget(view)
    view.resize(800, 500)
    healthy = next(label for label in view.labels() if label.text == "Healthy canal")
    labelled = view.grab().toImage()
    view.set_labels(())
    bare = view.grab().toImage()
    assert dark_pixels_near(labelled, healthy.x, healthy.y) > 20
    assert dark_pixels_near(bare, healthy.x, healthy.y) == 0


def test_the_spanish_screens_show_spanish_words_on_their_pictures(open_window) -> None:
    window = open_window()
    window.change_language("es")
    window.go_to_screen("stenosis")
    words = [label.text for label in window.current_page().illustration.labels()]
    assert "Canal sano" in words and "Nervios" in words
    assert "Healthy canal" not in words
    procedure = next(s for s in window.content.screens if isinstance(s, StepsScreen))
    window.go_to_screen(procedure.id)
    player = window.current_page().player  # type: ignore[attr-defined]
    assert "Medicina para\nrelajarlo" in [label.text for label in player.labels()]


def test_the_spanish_pdf_prints_the_pictures_words_in_spanish(clinic: ClinicSettings) -> None:
    data = build_acknowledgement(demo_session(load_content("es")), clinic)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Canal sano" in text and "Tubo delgado" in text
    assert "Healthy canal" not in text and "Thin tube" not in text


def test_the_words_on_the_picture_in_view_grow_with_the_text_size(open_window) -> None:
    window = open_window()
    window.go_to_screen("stenosis")
    view = window.current_page().illustration
    view.setFixedSize(800, 500)  # the same picture size: only the words may change
    normal = view.grab().toImage()
    window.set_display(Display(scale=200))
    larger = view.grab().toImage()
    window.set_display(Display())
    assert larger != normal
    assert view.grab().toImage() == normal
