"""DejaVu Sans for the acknowledgement, so every name prints and copies as it was typed.

reportlab's built-in Helvetica has no ễ, Ł, Đ, Greek or Cyrillic. A TrueType font is
embedded as a subset of the glyphs used, with a Unicode map, so text extracts exactly.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counsel.resources import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def register_fonts() -> None:
    """Register both weights with reportlab once per process (parsing a font takes ~50 ms)."""
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(font_path("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(font_path("DejaVuSans-Bold.ttf"))))
    # No oblique face ships, so <i> falls back to upright rather than failing.
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
