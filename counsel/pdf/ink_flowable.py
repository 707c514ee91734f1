"""A signature on paper: the signer's ink as vector curves, standing on a signature line.

The curves come from :func:`counsel.ink.smooth_segments`, the same ones the pad drew, so
the paper copy is the signature as the signer saw it, only scaled, never resampled.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from reportlab.platypus import Flowable

from counsel.ink import INK_WIDTH, Ink, Point, Segment, smooth_segments, width_factor
from counsel.pdf.styles import INK, RULE

LINE_GAP = 3.0  # points between the lowest ink and the line beneath it
MAX_ZOOM = 1.6  # a small signature may grow this much beyond the pad's scale, no more
WIDTH_STEP = 0.08  # points; consecutive pieces this close in width share one path


class InkFlowable(Flowable):
    """Draws ``ink`` fitted into ``width`` x ``height`` points, left-aligned above a line."""

    def __init__(self, ink: Ink, width: float, height: float) -> None:
        super().__init__()
        self.ink = ink
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(0, 0, self.width, 0)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        self._draw_ink()
        canvas.restoreState()

    def _draw_ink(self) -> None:
        bounds = self.ink.bounds()
        if bounds is None:
            return
        x0, y0, x1, y1 = bounds
        room_h = self.height - LINE_GAP
        pad_scale = min(self.width / self.ink.width, room_h / self.ink.height)
        # Fit the ink itself, not the pad, so a name drawn in one corner still fills the line.
        # Room for the widest pen too, so a heavy stroke at the edge is not cut off.
        pen = INK_WIDTH * width_factor(1.0)
        scale = min(self.width / (x1 - x0 + pen), room_h / (y1 - y0 + pen), pad_scale * MAX_ZOOM)
        margin = pen * scale / 2

        def at(point: Point) -> Point:
            """Pad (y down) to this box (y up), bottom of the ink just above the line."""
            return margin + (point[0] - x0) * scale, LINE_GAP + margin + (y1 - point[1]) * scale

        for stroke in self.ink.strokes:
            segments = smooth_segments(stroke)
            for _, run in groupby(segments, key=lambda s: round(s.width * scale / WIDTH_STEP)):
                self._draw_run(list(run), scale, at)

    def _draw_run(self, run: list[Segment], scale: float, at: Callable[[Point], Point]) -> None:
        """One path for pieces of (nearly) equal width; a tap is a filled dot."""
        canvas = self.canv
        width = INK_WIDTH * sum(s.width for s in run) / len(run) * scale
        if run[0].is_dot:
            x, y = at(run[0].p0)
            canvas.circle(x, y, width / 2, stroke=0, fill=1)
            return
        path = canvas.beginPath()
        path.moveTo(*at(run[0].p0))
        for segment in run:
            path.curveTo(*at(segment.c1), *at(segment.c2), *at(segment.p3))
        canvas.setLineWidth(width)
        canvas.drawPath(path, stroke=1, fill=0)
