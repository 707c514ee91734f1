"""DejaVu Sans for the acknowledgement, so every name prints and copies as it was typed.

reportlab's built-in Helvetica has no ễ, Ł, Đ, Greek or Cyrillic. A TrueType font is
embedded as a subset of the glyphs used, with a Unicode map, so text extracts exactly.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus.tables import CellStyle
from svglib import fonts as svg_fonts

from counsel.resources import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
SVG_FAMILY = "DejaVu Sans"  # the font-family the illustrations' labels ask for


def register_fonts() -> None:
    """Register both weights with reportlab once per process (parsing a font takes ~50 ms).

    Registered through svglib, which also maps the illustrations' "DejaVu Sans" to these
    bundled files, so their labels never depend on the fonts installed on the computer.
    """
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    for name, weight, file in (
        (REGULAR, "normal", "DejaVuSans.ttf"),
        (BOLD, "bold", "DejaVuSans-Bold.ttf"),
    ):
        _, registered = svg_fonts.register_font(
            SVG_FAMILY, str(font_path(file)), weight=weight, rlgFontName=name
        )
        if not registered:
            raise OSError(f"cannot read the font {font_path(file)}")
    # A table starts every cell in Helvetica, even one that holds only paragraphs, and so
    # referenced a font no page shows and no file embeds (an archival PDF may not).
    CellStyle.fontname = REGULAR
    # No oblique face ships, so <i> falls back to upright rather than failing.
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
