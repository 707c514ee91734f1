"""The screens' pictures on paper, as vector drawings beside the sections they illustrate.

The same SVG files the app shows are converted with svglib, so the paper and the screen
never show different pictures, and print sharp at any size. Parsing a file takes 5-100 ms and
drawing it a few more, so each is parsed and recorded once per process (see ``recorded``).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from svglib.svglib import svg2rlg

from counsel.pdf import styles as st
from counsel.pdf.fonts import register_fonts
from counsel.pdf.recorded import Recording, record
from counsel.resources import illustration_path

PICTURE_WIDTH = 2.2 * inch
GAP = 14  # between a picture and its text


@lru_cache(maxsize=64)
def _recording(path: str, width: float) -> Recording:
    register_fonts()  # first, so the labels are set in the bundled DejaVu Sans
    source = svg2rlg(path)
    if source is None:
        raise ValueError(f"cannot read the illustration {path}")
    scale = width / source.width
    drawing = Drawing(width, source.height * scale)
    drawing.add(Group(*source.contents, transform=(scale, 0, 0, scale, 0, 0)))
    return record(drawing)


def picture(name: str, width: float = PICTURE_WIDTH) -> Flowable:
    """The named illustration, ``width`` wide."""
    return _recording(str(illustration_path(name)), width).flowable()


def beside(flowables: list[Flowable], name: str) -> Table:
    """Text on the left, its picture on the right, on one page together."""
    table = Table([[flowables, picture(name)]], colWidths=[None, PICTURE_WIDTH + GAP])
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


def captioned_grid(items: list[tuple[str, str]], columns: int = 3) -> Table:
    """Pictures in rows, each with a short caption under it (the procedure's steps)."""
    cells: list[object] = [
        [picture(name), Paragraph(st.text(caption), st.CAPTION)] for caption, name in items
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
