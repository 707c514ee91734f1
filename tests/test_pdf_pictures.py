"""The illustrations on paper: beside their sections, in the bundled font, drawn exactly."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from counsel.core.content import Content, StepsScreen
from counsel.core.content_loader import load_content
from counsel.core.screen_kinds import SCREEN_KINDS
from counsel.pdf.canvas_replay import prerender
from counsel.pdf.fonts import register_fonts
from counsel.pdf.illustrations import picture
from counsel.resources import illustration_path, resources_dir

ALL_PICTURES = sorted(p.name for p in (resources_dir() / "illustrations").glob("*.svg"))


def flat(text: str) -> str:
    return " ".join(text.split())


def labels(name: str) -> list[str]:
    """The words drawn over an illustration (English), one string per line."""
    return [flat(line) for label in load_content("en").labels_for(name) for line in label.lines]


@pytest.fixture(scope="module")
def pages(demo_pdf: bytes) -> list[str]:
    """The demo visit's PDF (built once for the whole run), page by page."""
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(demo_pdf)).pages]


def page_of(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages) if flat(text) in page)


def test_each_step_picture_prints_with_its_caption_under_the_procedure(
    pages: list[str], content: Content
) -> None:
    steps = next(s for s in content.screens if isinstance(s, StepsScreen))
    section = page_of(pages, steps.title)
    for number, step in enumerate(steps.steps, 1):
        assert page_of(pages, f"{number}. {step.title}") == section
        for label in labels(step.illustration):
            assert label in pages[section], (step.illustration, label)


def test_teaching_screens_print_their_picture_beside_the_summary(
    pages: list[str], content: Content
) -> None:
    pictured = [s for s in content.screens if SCREEN_KINDS[s.kind].pictured and s.illustration]
    assert len(pictured) >= 4
    for screen in pictured:
        for label in labels(screen.illustration):
            assert label in pages[page_of(pages, screen.summary[:60])], (screen.id, label)


def test_picture_labels_are_set_in_the_bundled_dejavu_sans() -> None:
    """Not a font found on the computer (or Helvetica, which lacks many letters)."""
    register_fonts()
    content = load_content("en")
    for name in ALL_PICTURES:
        replay = prerender(svg2rlg(str(illustration_path(name))))
        calls = [part for part in replay.parts if isinstance(part, tuple)]
        assert not any(call == "setFont" for call, _, _ in calls), f"{name}: words in the art"
        buffer = io.BytesIO()
        canvas = Canvas(buffer)
        picture(name, content.labels_for(name)).drawOn(canvas, 0, 0)
        canvas.showPage()
        canvas.save()
        page = PdfReader(buffer).pages[0]
        shown = b"Tj" in page.get_contents().get_data()
        assert shown == bool(labels(name)), name
        fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
        fonts.discard("/Helvetica")  # the canvas's initial font, named on every page
        assert all("DejaVu" in font for font in fonts), (name, fonts)
        assert bool(fonts) == shown, name


def drawing_operators(data: bytes) -> list[bytes]:
    """A page's operators, less font selections and empty state wrappers (which vary)."""
    stream = re.sub(rb"BT /F\d+ [\d.]+ Tf [\d.]+ TL ET|1 0 0 1 0 0 cm", b"", data)
    return [token for token in stream.split() if token not in (b"q", b"Q")]


def one_page(draw) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return PdfReader(buffer).pages[0].get_contents().get_data()


@pytest.mark.parametrize("name", ALL_PICTURES)
def test_a_replayed_picture_draws_exactly_what_svglib_drew(name: str) -> None:
    register_fonts()
    drawing = svg2rlg(str(illustration_path(name)))
    direct = one_page(lambda canvas: renderPDF.draw(drawing, canvas, 0, 0))
    replayed = one_page(lambda canvas: prerender(drawing).flowable().drawOn(canvas, 0, 0))
    assert drawing_operators(replayed) == drawing_operators(direct)
