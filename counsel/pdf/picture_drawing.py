"""Where a picture has drawing, for placing its words on paper, without Qt.

The app reads the drawing mask from Qt's rendering of the SVG; the PDF must not need Qt, so it
draws the same picture coarsely with Pillow from svglib's shapes: each filled shape in its
grey, each stroke at its width, in order, so a pale shape drawn over a dark one clears it.
Curves are flattened and rounded corners ignored: at 2 x 2 grid units per cell that is
well inside what a label's box can tell apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PIL import Image, ImageDraw
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Path,
    Rect,
    Shape,
    mmult,
)
from reportlab.lib.colors import Color

from counsel.core.drawing_mask import MASK_HEIGHT, MASK_WIDTH, DrawingMask

Transform = tuple[float, float, float, float, float, float]
Points = list[tuple[float, float]]
ROUND = 24  # points on a circle
CURVE = 8  # pieces of a curve
MOVE, LINE, CURVE_TO, CLOSE = range(4)  # reportlab's path operators


def drawing_mask(drawing: Drawing) -> DrawingMask:
    """The picture svglib read as a drawing mask (about 3 ms)."""
    image = Image.new("L", (MASK_WIDTH, MASK_HEIGHT), 255)
    pen = ImageDraw.Draw(image)
    sx, sy = MASK_WIDTH / drawing.width, MASK_HEIGHT / drawing.height
    # The PDF's y runs upwards; Pillow fills a polygon's edge pixels, so move half a pixel.
    to_mask = (sx, 0.0, 0.0, -sy, -0.5, drawing.height * sy - 0.5)
    for shape, transform in _shapes(drawing, to_mask):
        _draw(pen, shape, transform)
    return DrawingMask.from_grey(image.tobytes(), MASK_WIDTH)


def _shapes(group: Group, transform: Transform) -> Iterator[tuple[Shape, Transform]]:
    for node in group.contents:
        if isinstance(node, Group):
            yield from _shapes(node, mmult(transform, node.transform))
        else:
            yield node, transform


def _draw(pen: ImageDraw.ImageDraw, shape: Shape, transform: Transform) -> None:
    outlines = _outlines(shape)
    if not outlines:
        return  # a gradient glow or another shape with nothing solid to draw
    fill = _grey(getattr(shape, "fillColor", None), getattr(shape, "fillOpacity", None))
    stroke = _grey(getattr(shape, "strokeColor", None), getattr(shape, "strokeOpacity", None))
    width = (getattr(shape, "strokeWidth", 1) or 0) * math.sqrt(
        abs(transform[0] * transform[3] - transform[1] * transform[2])
    )
    for points, closed in outlines:
        mapped = [_apply(transform, x, y) for x, y in points]
        if fill is not None and closed and len(mapped) > 2:
            pen.polygon(mapped, fill=fill)
        if stroke is not None and width > 0 and len(mapped) > 1:
            line = [*mapped, mapped[0]] if closed else mapped
            pen.line(line, fill=stroke, width=math.ceil(width), joint="curve")  # as smoothed


def _outlines(shape: Shape) -> list[tuple[Points, bool]]:
    """The shape as point lists, each with whether it is closed."""
    if isinstance(shape, Rect):
        x, y, w, h = shape.x, shape.y, shape.width, shape.height
        return [([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], True)]
    if isinstance(shape, Circle):
        return [(_oval(shape.cx, shape.cy, shape.r, shape.r), True)]
    if isinstance(shape, Ellipse):
        return [(_oval(shape.cx, shape.cy, shape.rx, shape.ry), True)]
    if isinstance(shape, Line):
        return [([(shape.x1, shape.y1), (shape.x2, shape.y2)], False)]
    if isinstance(shape, Path):
        return _path(shape)
    return []


def _oval(cx: float, cy: float, rx: float, ry: float) -> Points:
    turns = (2 * math.pi * i / ROUND for i in range(ROUND))
    return [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in turns]


def _path(path: Path) -> list[tuple[Points, bool]]:
    """A path's pieces, its curves flattened."""
    pieces: list[tuple[Points, bool]] = []
    points = list(zip(path.points[::2], path.points[1::2], strict=True))
    current: Points = []
    at = 0
    for operator in path.operators:
        if operator == MOVE:
            if current:
                pieces.append((current, False))
            current, at = [points[at]], at + 1
        elif operator == LINE:
            current.append(points[at])
            at += 1
        elif operator == CURVE_TO:
            current.extend(_bezier(current[-1], *points[at : at + 3]))
            at += 3
        elif operator == CLOSE and current:
            pieces.append((current, True))
            current = []
    if current:
        pieces.append((current, False))
    return pieces


def _bezier(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
) -> Points:
    found = []
    for step in range(1, CURVE + 1):
        t = step / CURVE
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        found.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return found


def _apply(transform: Transform, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = transform
    return a * x + c * y + e, b * x + d * y + f


def _grey(colour: Color | None, opacity: float | None) -> int | None:
    """The colour's grey level as painted over white, or None for no paint."""
    if colour is None:
        return None
    alpha = getattr(colour, "alpha", 1.0) * (1.0 if opacity is None else opacity)
    grey = 255 * (0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue)  # as Qt
    return round(255 - alpha * (255 - grey))
