"""Where a picture has drawing: a drawing mask of its 800 x 500 grid, and boxes on that grid.

The mask is coarse (2 x 2 grid units a cell) and kept as one integer per row, so asking
whether a label's box covers any drawing is a few shifts per row. The app fills it from Qt's
rendering of the SVG, the PDF from a Pillow drawing of svglib's shapes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from counsel.core.frozen import Frozen

MASK_WIDTH, MASK_HEIGHT = 400, 250  # one mask cell is 2 x 2 grid units
DRAWING_BELOW = 232  # a grey level under this is drawing; the pale panel and white are not


class Box(Frozen, kw_only=False):
    """A rectangle in the picture's grid."""

    left: float
    top: float
    right: float
    bottom: float

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.left + dx, self.top + dy, self.right + dx, self.bottom + dy)

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)

    def intersects(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


class DrawingMask:
    """Which 2 x 2 cells of the grid hold drawing (row ``y``'s bit ``x`` is cell x, y)."""

    def __init__(self, rows: Sequence[int]) -> None:
        self.rows = tuple(rows)

    @classmethod
    def from_grey(cls, pixels: bytes, stride: int) -> DrawingMask:
        """From a ``MASK_WIDTH`` x ``MASK_HEIGHT`` grey image of the art on white."""
        rows = []
        for y in range(MASK_HEIGHT):
            row = pixels[y * stride : y * stride + MASK_WIDTH].translate(_DRAWING_DIGITS)
            rows.append(int(row[::-1], 2))  # the first pixel becomes bit 0
        return cls(rows)

    def drawn(self, box: Box) -> int:
        """How many cells of drawing the box covers."""
        shift, window, rows = self._window(box)
        return sum(((row >> shift) & window).bit_count() for row in rows)

    def is_clear(self, box: Box) -> bool:
        """Whether the box covers no drawing (quicker than counting it)."""
        shift, window, rows = self._window(box)
        return not any((row >> shift) & window for row in rows)

    def _window(self, box: Box) -> tuple[int, int, tuple[int, ...]]:
        """The shift and bits that pick the box's columns out of a row, and its rows."""
        x0, x1 = max(0, math.floor(box.left / 2)), min(MASK_WIDTH, math.ceil(box.right / 2))
        y0, y1 = max(0, math.floor(box.top / 2)), min(MASK_HEIGHT, math.ceil(box.bottom / 2))
        return x0, (1 << max(0, x1 - x0)) - 1, self.rows[y0:y1]


_DRAWING_DIGITS = bytes(0x31 if grey < DRAWING_BELOW else 0x30 for grey in range(256))
NO_DRAWING = DrawingMask([0] * MASK_HEIGHT)
