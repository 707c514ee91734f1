"""Marks what is drawn with its role, so a screen reader can read the PDF as a document.

reportlab writes no structure of its own. While a page is drawn, each paragraph is wrapped
in a marked-content sequence named for its role (H1, H2, H3 or P, from its style), each
picture and signature in a /Figure sequence carrying its alternative text, and the running
header and footer are marked as artifacts (a reader skips them). The canvas keeps each
page's marks, and ``structure.py`` builds the structure tree from them after the build,
before the file is signed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import platypus
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

Mark = tuple[str, str]  # a marked-content sequence's role and alternative text ("" for none)
FIGURE = "Figure"
ARTIFACT = "Artifact"
BOM = "\ufeff"  # a PDF text string in UTF-16 starts with it
# Paragraph styles by name (and their bilingual "-lead" forms) that are headings.
HEADINGS = {
    "title": "H1",
    "largetitle": "H1",
    "heading": "H2",
    "summaryheading": "H2",
    "largeheading": "H2",
    "urgent": "H2",
    "emergencyheading": "H3",
    "subheading": "H3",
}


@contextmanager
def marked(canvas: Canvas, tag: str, alt: str = "") -> Iterator[None]:
    """Wrap what is drawn inside in a marked-content sequence numbered for this page (an
    artifact is marked but not numbered).

    Only a canvas that keeps ``marks`` (the acknowledgement's and take-home's) is marked;
    anywhere else (a picture drawn for the screen) nothing is added.
    """
    marks: list[Mark] | None = getattr(canvas, "marks", None)
    if marks is None:
        yield
        return
    if tag == ARTIFACT:  # not part of the text: no number, no structure element
        canvas._code.append("/Artifact BMC")
        yield
        canvas._code.append("EMC")
        return
    properties = f"/MCID {len(marks)}"
    if alt:
        properties += f" /Alt <{(BOM + alt).encode('utf-16-be').hex()}>"
    marks.append((tag, alt))
    canvas._code.append(f"/{tag} <<{properties}>> BDC")
    yield
    canvas._code.append("EMC")


def artifact(code: list[str]) -> list[str]:
    """Page furniture (the running header, the page number) as an artifact."""
    return ["/Artifact <</Type /Pagination>> BDC", *code, "EMC"]


def role_of(style: ParagraphStyle) -> str:
    name = style.name.removesuffix("-lead")
    return HEADINGS.get(name, "P")


class Paragraph(platypus.Paragraph):
    """A paragraph that marks itself with its role where it is drawn (a split keeps the
    class, so each part on each page is marked)."""

    def draw(self) -> None:
        with marked(self.canv, role_of(self.style)):
            super().draw()


class Described(platypus.Flowable):
    """A picture or a signature, with what it shows in words for a reader who cannot see
    it; without words (a greeting's drawing) it is decoration, an artifact."""

    def __init__(self, inner: platypus.Flowable, alt: str) -> None:
        super().__init__()
        self.inner, self.alt = inner, alt
        self.width, self.height = inner.width, inner.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        with marked(self.canv, FIGURE if self.alt else ARTIFACT, self.alt):
            self.inner.drawOn(self.canv, 0, 0)
