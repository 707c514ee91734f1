"""How signature ink looks on screen: the pieces of a stroke, the paper and its guides.

The curves come from :func:`counsel.ink.smooth_segments`, the same the signed PDF draws.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from counsel.ink import INK_WIDTH, Segment

INK_COLOR = QColor("#14213d")
PAPER_COLOR = QColor("#ffffff")
GUIDE_COLOR = QColor("#c9ced6")
HINT_COLOR = QColor("#aab1bb")
BASELINE_AT = 0.72  # fraction of the height, leaving room for descenders


def segment_rect(seg: Segment) -> QRectF:
    """Bounds of the piece including its pen: a Bézier lies inside its control points."""
    xs = (seg.p0[0], seg.c1[0], seg.c2[0], seg.p3[0])
    ys = (seg.p0[1], seg.c1[1], seg.c2[1], seg.p3[1])
    pad = INK_WIDTH * max(seg.width_start, seg.width_end)
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
        -pad, -pad, pad, pad
    )


def paint_segments(painter: QPainter, segments: Iterable[Segment]) -> None:
    """Stroke pieces in ink coordinates (the painter's transform does the scaling)."""
    pen = QPen(INK_COLOR, INK_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for seg in segments:
        if seg.is_dot:
            radius = INK_WIDTH * seg.width / 2.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK_COLOR)
            painter.drawEllipse(QPointF(*seg.p0), radius, radius)
            continue
        path = QPainterPath(QPointF(*seg.p0))
        path.cubicTo(QPointF(*seg.c1), QPointF(*seg.c2), QPointF(*seg.p3))
        pen.setWidthF(INK_WIDTH * seg.width)
        painter.strokePath(path, pen)


def paint_guides(painter: QPainter, width: float, baseline: float) -> None:
    """A light line to sign on and a small cross marking where to start."""
    margin = 16.0
    painter.setPen(QPen(GUIDE_COLOR, 1.0))
    painter.drawLine(QPointF(margin, baseline), QPointF(width - margin, baseline))
    cross = QPen(GUIDE_COLOR.darker(135), 1.6)
    cross.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(cross)
    cx, cy, r = margin + 10.0, baseline - 12.0, 5.0
    painter.drawLine(QPointF(cx - r, cy - r), QPointF(cx + r, cy + r))
    painter.drawLine(QPointF(cx - r, cy + r), QPointF(cx + r, cy - r))
