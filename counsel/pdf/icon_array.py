"""The "out of 100 people" picture on paper: the core's marks as vector shapes, not an image."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, Path
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table, TableStyle

from counsel.core.content import Figure
from counsel.core.icon_array import OUTLINE_WIDTH, Command, icon_array, marks
from counsel.pdf import styles as st
from counsel.pdf.canvas_replay import CanvasReplay, prerender
from counsel.pdf.tagging import Described
from counsel.pdf.wording import Wording

ARRAY_WIDTH = 1.45 * inch
_MOVES = {"M": "moveTo", "L": "lineTo", "C": "curveTo"}


def icon_array_drawing(per_100: float, tone: str, width: float = ARRAY_WIDTH) -> Drawing:
    array = icon_array(per_100)
    scale = width / array.width
    height = array.height * scale
    # The picture's y axis points down, the PDF's up: flip once around the whole group.
    group = Group(transform=(scale, 0, 0, -scale, 0, height))
    for mark in marks(array, tone):
        group.add(
            _path(
                mark.path,
                fillColor=colors.HexColor(mark.fill) if mark.fill else None,
                strokeColor=colors.HexColor(mark.stroke) if mark.stroke else None,
                strokeWidth=OUTLINE_WIDTH,
                strokeLineJoin=1,
            )
        )
    drawing = Drawing(width, height)
    drawing.add(group)
    return drawing


@lru_cache(maxsize=32)
def _prerendered(per_100: float, tone: str) -> CanvasReplay:
    return prerender(icon_array_drawing(per_100, tone))


def _path(commands: tuple[Command, ...], **style: object) -> Path:
    path = Path(**style)
    for op, values in commands:
        if op == "Z":
            path.closePath()
        else:
            getattr(path, _MOVES[op])(*values)
    return path


def figure_block(figure: Figure, source: str, wording: Wording) -> Flowable:
    """ "In studies: ...", beside its picture (kept together on a page) when it counts people."""
    sentence = f"{figure.text} ({source})"
    if figure.per_100 is None:
        return wording.labelled("in_studies", sentence, st.INDENTED)
    picture = Described(_prerendered(figure.per_100, figure.tone).flowable(), figure.text)
    table = Table(
        [[picture, wording.labelled("in_studies", sentence)]],
        colWidths=[ARRAY_WIDTH + 14, None],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 14),
                ("LEFTPADDING", (1, 0), (1, 0), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 2, 6
    return table
