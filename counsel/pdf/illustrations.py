"""The screens' pictures on paper, as vector drawings beside the sections they illustrate.

The same SVG files the app shows are converted with svglib, so the paper and the screen
never show different pictures, and print sharp at any size. Parsing a file takes 5-100 ms and
drawing it a few more, so each is parsed and prerendered once per process (see ``canvas_replay``).
The pictures' words are not in the art: they come from the document language's content
(illustrations.toml) and are set as real text, placed clear of the drawing by the same
``label_layout`` as on screen, and never smaller than ``MIN_LABEL_POINTS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from svglib.svglib import svg2rlg

from counsel.core.content import IllustrationLabel
from counsel.core.drawing_mask import DrawingMask
from counsel.core.illustration_labels import GRID_WIDTH, TONE_COLOURS, LabelLookup, no_labels
from counsel.core.label_layout import HALO, PlacedLabel, place_labels
from counsel.pdf import styles as st
from counsel.pdf.canvas_replay import CanvasReplay, prerender
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.pdf.picture_drawing import drawing_mask
from counsel.pdf.tagging import Described, Paragraph
from counsel.resources import illustration_path

PICTURE_WIDTH = 3.4 * inch  # wide enough for 9 pt words where the art planned smaller ones
MIN_LABEL_POINTS = 9.0
GAP = 14  # between a picture and its text
INK = {tone: HexColor(colour) for tone, colour in TONE_COLOURS.items()}


@lru_cache(maxsize=32)
def _parsed(path: str) -> Drawing:
    drawing = svg2rlg(path)
    if drawing is None:
        raise ValueError(f"cannot read the illustration {path}")
    return drawing


@lru_cache(maxsize=32)
def picture_mask(path: str) -> DrawingMask:
    """Where the picture in the file ``path`` has drawing, as the paper sees it."""
    return drawing_mask(_parsed(path))


@lru_cache(maxsize=64)
def _prerendered(path: str, width: float) -> CanvasReplay:
    register_fonts()  # first: the labels over the picture are set in the bundled DejaVu Sans
    source = _parsed(path)
    scale = width / source.width
    drawing = Drawing(width, source.height * scale)
    drawing.add(Group(*source.contents, transform=(scale, 0, 0, scale, 0, 0)))
    return prerender(drawing)


def _text_width(text: str, size: float, bold: bool) -> float:
    return stringWidth(text, BOLD if bold else REGULAR, size)


def place_picture_labels(
    name: str, labels: Sequence[IllustrationLabel], width: float = PICTURE_WIDTH
) -> tuple[PlacedLabel, ...]:
    """Where the PDF sets each of a picture's words, in the picture's grid."""
    return _placed(name, tuple(labels), width)


@lru_cache(maxsize=128)
def _placed(
    name: str, labels: tuple[IllustrationLabel, ...], width: float
) -> tuple[PlacedLabel, ...]:
    register_fonts()
    minimum = MIN_LABEL_POINTS * GRID_WIDTH / width
    mask = picture_mask(str(illustration_path(name)))
    return place_labels(labels, mask, _text_width, minimum=minimum)


def picture(
    name: str, labels: Sequence[IllustrationLabel] = (), width: float = PICTURE_WIDTH
) -> Flowable:
    """The named illustration, ``width`` wide, with ``labels`` set over it; its words are
    also its alternative text."""
    drawing = _prerendered(str(illustration_path(name)), width).flowable()
    if not labels:
        return Described(drawing, "")
    words = "; ".join(" ".join(label.text.split()) for label in labels)
    return Described(LabelledPicture(drawing, place_picture_labels(name, labels, width)), words)


class LabelledPicture(Flowable):
    """A picture with its words drawn over it as text (searchable, copyable, translated)."""

    def __init__(self, drawing: Flowable, labels: tuple[PlacedLabel, ...]) -> None:
        super().__init__()
        self.drawing, self.labels = drawing, labels
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)
        scale = self.width / GRID_WIDTH
        canvas = self.canv
        canvas.saveState()
        for placed in self.labels:
            size = placed.size * scale
            text = canvas.beginText()
            text.setFont(BOLD if placed.label.bold else REGULAR, size)
            if placed.overlap:  # no clear place: a white outline keeps the words legible
                canvas.setStrokeColor(white)
                canvas.setLineWidth(2 * HALO * size)
                text.setTextRenderMode(2)
            canvas.setFillColor(INK[placed.label.tone])
            for line, x, y in placed.lines:
                text.setTextOrigin(x * scale, self.height - y * scale)
                text.textOut(line)
            canvas.drawText(text)
        canvas.restoreState()


def beside(flowables: list[Flowable], name: str, labels_for: LabelLookup = no_labels) -> Table:
    """Text on the left, its picture on the right, on one page together."""
    table = Table(
        [[flowables, picture(name, labels_for(name))]], colWidths=[None, PICTURE_WIDTH + GAP]
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GAP),
                ("LEFTPADDING", (1, 0), (1, 0), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    table.spaceAfter = 4
    return table


def captioned_grid(
    items: list[tuple[str, str]], columns: int = 2, labels_for: LabelLookup = no_labels
) -> Table:
    """Pictures in rows, each with a short caption under it (the procedure's steps)."""
    cells: list[object] = [
        [picture(name, labels_for(name)), Paragraph(st.text(caption), st.CAPTION)]
        for caption, name in items
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[f"{100 / columns:.2f}%"] * columns)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 4, 6
    return table
