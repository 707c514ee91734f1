"""Bad ink is refused, never drawn: NaN, infinite, far-off or endless ink, from a faulty driver
or a stored record edited by hand, ends in InkError (and a stored session in
SessionFormatError), never a traceback from deep in the PDF or a minute-long hang."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from counsel.core.content import Content
from counsel.core.demo import demo_session
from counsel.core.session_codec import SessionFormatError, session_from_dict, session_to_dict
from counsel.ink import (
    MAX_POINTS,
    MAX_POINTS_PER_STROKE,
    MAX_STROKES,
    Ink,
    InkError,
    InkPoint,
    Stroke,
)

BAD_NUMBERS = [math.nan, math.inf, -math.inf, 1e308, -1e308, 1e12]


def _stored(points: list[list[Any]], width: Any = 600.0, height: Any = 200.0) -> dict[str, Any]:
    return {"width": width, "height": height, "strokes": [points]}


@pytest.mark.parametrize("bad", BAD_NUMBERS)
@pytest.mark.parametrize("at", range(4))
def test_a_bad_number_anywhere_in_a_stored_point_is_refused(bad: float, at: int) -> None:
    point: list[Any] = [10.0, 20.0, 0.5, 0]
    point[at] = bad
    with pytest.raises(InkError):
        Ink.from_dict(_stored([[5.0, 5.0, 0.5, 0], point]))


@pytest.mark.parametrize("bad", BAD_NUMBERS + [-1.0])
def test_a_bad_pad_size_is_refused(bad: float) -> None:
    with pytest.raises(InkError):
        Ink.from_dict(_stored([[5.0, 5.0, 0.5, 0]], width=bad))


def test_ink_is_checked_when_made_so_the_pdf_can_never_receive_bad_ink() -> None:
    with pytest.raises(InkError):
        Stroke((InkPoint(math.nan, 1.0, 0.5, 0),))
    good = Stroke((InkPoint(1.0, 1.0, 0.5, 0),))
    with pytest.raises(InkError, match="far outside"):
        Ink((Stroke((InkPoint(5000.0, 1.0, 0.5, 0),)),), 600.0, 200.0)
    with pytest.raises(InkError, match="strokes"):
        Ink((good,) * (MAX_STROKES + 1), 600.0, 200.0)


def test_a_million_stored_points_are_refused_before_any_is_read() -> None:
    class Untouchable(list):  # reading any point of the stroke would be work wasted
        def __iter__(self):
            raise AssertionError("points were read before the count was checked")

    million = Untouchable([None] * 1_000_000)
    with pytest.raises(InkError, match=str(MAX_POINTS)):
        Ink.from_dict({"width": 600.0, "height": 200.0, "strokes": [million]})


def test_the_limits_hold_exactly_at_the_edge() -> None:
    full_stroke = [[float(i % 600), 100.0, 0.5, i] for i in range(MAX_POINTS_PER_STROKE)]
    assert Ink.from_dict(_stored(full_stroke)).point_count == MAX_POINTS_PER_STROKE
    with pytest.raises(InkError):
        Ink.from_dict(_stored([*full_stroke, [1.0, 1.0, 0.5, 1]]))
    strokes = [full_stroke[: MAX_POINTS // MAX_STROKES]] * MAX_STROKES
    ink = Ink.from_dict({"width": 600.0, "height": 200.0, "strokes": strokes})
    assert ink.point_count == MAX_POINTS
    with pytest.raises(InkError):
        Ink.from_dict({"width": 600.0, "height": 200.0, "strokes": [*strokes, [[1, 1, 0.5, 0]]]})


numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**30), 10**30))
stored_points = st.lists(st.lists(numbers, min_size=4, max_size=4), min_size=1, max_size=30)


@settings(max_examples=400, deadline=None)
@given(points=stored_points, width=numbers, height=numbers)
@example(points=[[2401, 0, 0, 0]], width=1201, height=0.0)  # a pad of no height: refused
def test_any_stored_numbers_give_good_ink_or_a_clean_refusal(points, width, height) -> None:
    try:
        ink = Ink.from_dict(_stored(points, width, height))
    except InkError:
        return
    for stroke in ink.strokes:
        for p in stroke.points:
            assert math.isfinite(p.x) and math.isfinite(p.y) and 0.0 <= p.pressure <= 1.0
            assert -ink.width <= p.x <= 2 * ink.width and -ink.height <= p.y <= 2 * ink.height
    assert ink.fitted_to(1200.0, 400.0).point_count == ink.point_count  # rescales in range


@settings(max_examples=200, deadline=None)
@given(points=stored_points)
def test_a_stored_session_with_bad_ink_gives_a_typed_error(content: Content, points) -> None:
    data = session_to_dict(demo_session(content))
    data["signatures"]["patient"]["ink"] = _stored(points)
    try:
        session = session_from_dict(data, content)
    except SessionFormatError:
        return
    assert session.signatures["patient"].ink.point_count == len(points)
