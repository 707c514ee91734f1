"""Signature ink: the strokes a patient draws, independent of any GUI toolkit.

The signature pad (Qt) records into these types and the signed PDF (reportlab)
draws from them. Both call :func:`smooth_segments`, so the curves on screen and
on paper are the same curves.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Nominal pen width in pad pixels for a width factor of 1.0 (pressure 0.5).
#: Renderers scale it exactly like the coordinates, so a PDF matches the pad.
INK_WIDTH = 2.4

#: Pressure reported for devices that have none (mouse, most touch screens).
DEFAULT_PRESSURE = 0.5

# Thresholds for "this is not a signature", as fractions of the pad size. A name
# scrawled across a third of the pad is ~0.33 wide and well over half a width long,
# so it clears all three; a dot, a tick (~40x45 px on a 600x200 pad) or a tiny
# scribble does not. Looser values (0.12 length, 0.10 x 0.15 box) let such a tick pass.
MIN_POINTS = 8
MIN_LENGTH_OF_WIDTH = 0.20
MIN_BOX_WIDTH_OF_WIDTH = 0.12
MIN_BOX_HEIGHT_OF_HEIGHT = 0.25

# Limits on what is kept as a signature, far above any real one, so neither a faulty driver
# nor a stored record edited by hand can hand the PDF ink it chokes on (a million points took
# a minute to draw). A name written with a 1,000 Hz stylus for ten seconds is 10,000 points,
# in at most a few dozen strokes; ordinary signatures are a few hundred points.
MAX_POINTS_PER_STROKE = 20_000
MAX_POINTS = 50_000  # per signature
MAX_STROKES = 500  # per signature
MAX_PAD_SIZE = 100_000.0  # logical px, each way
MAX_TIME_MS = 24 * 60 * 60 * 1000  # a signature is drawn within a day of its first point

Point = tuple[float, float]


class InkError(ValueError):
    """Ink that cannot be kept: not finite, out of range, or more than any signature needs."""


@dataclass(frozen=True, slots=True)
class InkPoint:
    """One sample: pad coordinates (logical px), pressure 0..1, ms since the first point."""

    x: float
    y: float
    pressure: float
    t_ms: int

    def problem(self) -> str | None:
        """Why this sample cannot be kept, or None."""
        if not (math.isfinite(self.x) and math.isfinite(self.y)):
            return "a point is not a finite number"
        if not 0.0 <= self.pressure <= 1.0:  # also false for NaN
            return "a pressure is not between 0 and 1"
        if not 0 <= self.t_ms <= MAX_TIME_MS:
            return "a time is not within a day of the first point"
        return None


@dataclass(frozen=True, slots=True)
class Stroke:
    """One continuous pen-down to pen-up movement (checked when made, see InkError)."""

    points: tuple[InkPoint, ...]
    #: (x0, y0, x1, y1) of the points, so the ink checks its pad bounds once per stroke.
    box: tuple[float, float, float, float] | None = field(
        init=False, repr=False, compare=False, default=None
    )

    def __post_init__(self) -> None:
        if len(self.points) > MAX_POINTS_PER_STROKE:
            raise InkError(f"a stroke has more than {MAX_POINTS_PER_STROKE} points")
        for point in self.points:
            problem = point.problem()
            if problem is not None:
                raise InkError(problem)
        if self.points:
            xs = [p.x for p in self.points]
            ys = [p.y for p in self.points]
            object.__setattr__(self, "box", (min(xs), min(ys), max(xs), max(ys)))

    def length(self) -> float:
        pts = self.points
        return sum(math.hypot(b.x - a.x, b.y - a.y) for a, b in zip(pts, pts[1:], strict=False))


@dataclass(frozen=True, slots=True)
class Ink:
    """A whole signature plus the pad size it was drawn on, so it can be rescaled."""

    strokes: tuple[Stroke, ...]
    width: float
    height: float

    def __post_init__(self) -> None:
        """Refuse ink beyond the limits; points may stray outside the pad by its own size (a
        pen dragged off the edge) but no further, so rescaling keeps them in range."""
        if not (0.0 <= self.width <= MAX_PAD_SIZE and 0.0 <= self.height <= MAX_PAD_SIZE):
            raise InkError("the signature pad size is out of range")
        if self.strokes and not (self.width > 0.0 and self.height > 0.0):
            raise InkError("ink drawn on a signature pad of no size")  # it cannot be rescaled
        if len(self.strokes) > MAX_STROKES:
            raise InkError(f"a signature has more than {MAX_STROKES} strokes")
        if sum(len(s.points) for s in self.strokes) > MAX_POINTS:
            raise InkError(f"a signature has more than {MAX_POINTS} points")
        w, h = self.width, self.height
        for stroke in self.strokes:
            box = stroke.box
            if box and not (-w <= box[0] and box[2] <= 2 * w and -h <= box[1] and box[3] <= 2 * h):
                raise InkError("a point lies far outside the signature pad")

    @classmethod
    def empty(cls, width: float, height: float) -> Ink:
        return cls((), float(width), float(height))

    @property
    def is_empty(self) -> bool:
        return not self.strokes

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.strokes)

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(x0, y0, x1, y1) of all points, or None when there is no ink."""
        boxes = [s.box for s in self.strokes if s.box is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def length(self) -> float:
        """Total path length of all strokes (pen-up jumps excluded)."""
        return sum(s.length() for s in self.strokes)

    def fit_transform(self, width: float, height: float) -> tuple[float, float, float]:
        """(scale, dx, dy) that shows this ink uniformly scaled and centred in another pad."""
        if self.width <= 0 or self.height <= 0:
            return 1.0, 0.0, 0.0
        s = min(width / self.width, height / self.height)
        return s, (width - self.width * s) / 2.0, (height - self.height * s) / 2.0

    def fitted_to(self, width: float, height: float) -> Ink:
        """The same signature re-expressed for a pad of another size (e.g. after a resize)."""
        s, dx, dy = self.fit_transform(width, height)
        strokes = tuple(
            Stroke(
                tuple(InkPoint(p.x * s + dx, p.y * s + dy, p.pressure, p.t_ms) for p in st.points)
            )
            for st in self.strokes
        )
        return Ink(strokes, float(width), float(height))

    def with_stroke(self, stroke: Stroke) -> Ink:
        return Ink((*self.strokes, stroke), self.width, self.height)

    def without_last_stroke(self) -> Ink:
        return Ink(self.strokes[:-1], self.width, self.height)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form; each point is [x, y, pressure, t_ms] to keep records compact."""
        return {
            "width": self.width,
            "height": self.height,
            "strokes": [[[p.x, p.y, p.pressure, p.t_ms] for p in s.points] for s in self.strokes],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Ink:
        """Stored ink back; InkError (a ValueError) for anything :class:`Ink` refuses, checked
        before a single point is built, so a million stored points are refused at once."""
        raw = d["strokes"]
        if len(raw) > MAX_STROKES or sum(len(pts) for pts in raw) > MAX_POINTS:
            raise InkError(f"stored ink has more than {MAX_STROKES} strokes or {MAX_POINTS} points")
        try:
            strokes = tuple(
                Stroke(tuple(InkPoint(float(x), float(y), float(p), int(t)) for x, y, p, t in pts))
                for pts in raw
            )
        except InkError:
            raise
        except (OverflowError, ValueError) as error:  # a time of NaN or infinity, say
            raise InkError(f"stored ink holds a number out of range: {error}") from None
        return cls(strokes, float(d["width"]), float(d["height"]))


class InkProblem(enum.Enum):
    """Why some ink cannot stand as a signature."""

    EMPTY = "empty"
    TOO_SMALL = "too_small"


def ink_problem(ink: Ink) -> InkProblem | None:
    """Reject ink that is clearly not a signature, relative to the pad it was drawn on.

    Too small means any of: fewer than MIN_POINTS samples (a tap); total length under
    MIN_LENGTH_OF_WIDTH of the pad width (a dot or a tick); or a bounding box both
    narrower than MIN_BOX_WIDTH_OF_WIDTH of the width and shorter than
    MIN_BOX_HEIGHT_OF_HEIGHT of the height (a tiny scribble in one spot).
    """
    box = ink.bounds()
    if box is None:
        return InkProblem.EMPTY
    x0, y0, x1, y1 = box
    if ink.point_count < MIN_POINTS or ink.length() < MIN_LENGTH_OF_WIDTH * ink.width:
        return InkProblem.TOO_SMALL
    if (
        x1 - x0 < MIN_BOX_WIDTH_OF_WIDTH * ink.width
        and y1 - y0 < MIN_BOX_HEIGHT_OF_HEIGHT * ink.height
    ):
        return InkProblem.TOO_SMALL
    return None


@dataclass(frozen=True, slots=True)
class Segment:
    """A cubic Bézier piece of a stroke with a width factor at each end (1.0 = INK_WIDTH).

    Renderers stroke each piece with round caps at ``INK_WIDTH * width`` (the mean
    factor), and draw a dot piece as a filled disc of that diameter; samples are
    dense enough that the steps in width do not show.
    """

    p0: Point
    c1: Point
    c2: Point
    p3: Point
    width_start: float
    width_end: float

    @property
    def width(self) -> float:
        return (self.width_start + self.width_end) / 2.0

    @property
    def is_dot(self) -> bool:
        return self.p0 == self.c1 == self.c2 == self.p3


def width_factor(pressure: float) -> float:
    """Harder pressure draws a wider line; mouse input (0.5) gives exactly 1.0."""
    return 0.6 + 0.8 * min(max(pressure, 0.0), 1.0)


def _handle(origin: InkPoint, before: InkPoint, after: InkPoint, limit: float, sign: int) -> Point:
    """Catmull-Rom tangent/6, clamped so a short segment beside a long one cannot loop."""
    dx = (after.x - before.x) / 6.0
    dy = (after.y - before.y) / 6.0
    size = math.hypot(dx, dy)
    if size > limit > 0.0:
        dx, dy = dx * limit / size, dy * limit / size
    elif limit <= 0.0:
        dx = dy = 0.0
    return origin.x + sign * dx, origin.y + sign * dy


def segment_at(points: Sequence[InkPoint], i: int) -> Segment:
    """The curve from points[i] to points[i + 1].

    It depends only on points i-1 .. i+2, so a live pad can draw a growing stroke
    piece by piece and still match :func:`smooth_segments` exactly.
    """
    a, b = points[i], points[i + 1]
    before = points[i - 1] if i > 0 else a
    after = points[i + 2] if i + 2 < len(points) else b
    limit = 0.5 * math.hypot(b.x - a.x, b.y - a.y)
    return Segment(
        (a.x, a.y),
        _handle(a, before, b, limit, +1),
        _handle(b, a, after, limit, -1),
        (b.x, b.y),
        width_factor(a.pressure),
        width_factor(b.pressure),
    )


def smooth_segments(stroke: Stroke) -> list[Segment]:
    """A stroke as smooth Bézier pieces through every sample (a dot for a single tap)."""
    pts = stroke.points
    if not pts:
        return []
    if len(pts) == 1:
        p = pts[0]
        xy = (p.x, p.y)
        w = width_factor(p.pressure)
        return [Segment(xy, xy, xy, xy, w, w)]
    return [segment_at(pts, i) for i in range(len(pts) - 1)]
