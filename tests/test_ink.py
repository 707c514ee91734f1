"""The Qt-free signature model: validity, editing, storage and the shared curve maths."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from counsel.ink import (
    Ink,
    InkPoint,
    InkProblem,
    Stroke,
    ink_problem,
    segment_at,
    smooth_segments,
    width_factor,
)

W, H = 600.0, 200.0


def stroke(xys, pressure=0.5, t0=0):
    return Stroke(tuple(InkPoint(x, y, pressure, t0 + 10 * i) for i, (x, y) in enumerate(xys)))


def ink_of(*strokes, width=W, height=H):
    return Ink(tuple(strokes), width, height)


def line(x0, y0, x1, y1, n):
    return [(x0 + (x1 - x0) * i / (n - 1), y0 + (y1 - y0) * i / (n - 1)) for i in range(n)]


def cursive(x0, span, base=130.0, height=50.0, loops=6, n=150):
    """A quick scrawled name: loops marching right across ``span`` pixels."""
    out = []
    for i in range(n):
        t = i / (n - 1)
        phase = 2 * math.pi * loops * t
        out.append(
            (x0 + span * t - 12 * math.sin(phase), base - height * (1 - math.cos(phase)) / 2)
        )
    return out


def test_core_imports_without_qt():
    # PySide6 made unimportable: the model must still load (the PDF and store rely on it).
    code = "import sys; sys.modules['PySide6'] = None; import counsel.ink"
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def test_empty_ink_is_a_problem():
    ink = Ink.empty(W, H)
    assert ink.is_empty and ink.point_count == 0 and ink.bounds() is None
    assert ink.length() == 0
    assert ink_problem(ink) is InkProblem.EMPTY


def test_a_dot_is_too_small():
    assert ink_problem(ink_of(stroke([(100, 100)]))) is InkProblem.TOO_SMALL
    # A tap with a shaky mouse: many samples, all on one spot.
    jitter = [(100 + (i % 2), 100 + (i % 3)) for i in range(20)]
    assert ink_problem(ink_of(stroke(jitter))) is InkProblem.TOO_SMALL


def test_a_tick_is_too_small():
    tick = line(100, 100, 112, 115, 6)[:-1] + line(112, 115, 140, 70, 8)
    ink = ink_of(stroke(tick))
    assert ink.point_count >= 8
    assert ink_problem(ink) is InkProblem.TOO_SMALL


def test_a_tiny_scribble_is_too_small():
    scribble = [(200 + 20 * math.cos(i), 100 + 12 * math.sin(1.7 * i)) for i in range(60)]
    ink = ink_of(stroke(scribble))
    assert ink.length() > 0.12 * W  # long enough: only its small box gives it away
    assert ink_problem(ink) is InkProblem.TOO_SMALL


def test_a_quick_signature_across_a_third_of_the_pad_passes():
    name = cursive(60, W / 3)
    assert ink_problem(ink_of(stroke(name))) is None
    # The same name on a pad twice the size is also fine: thresholds are relative.
    big = [(2 * x, 2 * y) for x, y in name]
    assert ink_problem(ink_of(stroke(big), width=2 * W, height=2 * H)) is None


def test_a_short_straight_line_is_still_too_small():
    assert ink_problem(ink_of(stroke(line(100, 100, 150, 100, 20)))) is InkProblem.TOO_SMALL
    assert ink_problem(ink_of(stroke(line(100, 100, 300, 100, 20)))) is None


def test_measurements():
    ink = ink_of(stroke([(0, 0), (3, 4)]), stroke([(10, 10), (10, 20), (13, 24)]))
    assert ink.point_count == 5
    assert ink.length() == pytest.approx(5 + 10 + 5)
    assert ink.bounds() == (0, 0, 13, 24)


def test_with_stroke_and_undo_leave_the_original_alone():
    first, second = stroke([(1, 1), (2, 2)]), stroke([(5, 5)])
    empty = Ink.empty(W, H)
    one = empty.with_stroke(first)
    two = one.with_stroke(second)
    assert two.strokes == (first, second) and (two.width, two.height) == (W, H)
    assert two.without_last_stroke() == one
    assert one.without_last_stroke() == empty
    assert empty.without_last_stroke() == empty
    assert empty.is_empty and len(one.strokes) == 1


def test_dict_round_trip_is_exact_through_json():
    ink = ink_of(
        stroke([(0.1, 0.2), (1 / 3, 2 / 3), (599.999, 199.5)], pressure=0.734, t0=7),
        stroke([(10, 10)], pressure=0.0),
        width=612.5,
        height=181.25,
    )
    again = Ink.from_dict(json.loads(json.dumps(ink.to_dict())))
    assert again == ink
    assert Ink.from_dict(Ink.empty(W, H).to_dict()) == Ink.empty(W, H)


def test_fitted_to_scales_uniformly_and_centres():
    ink = ink_of(stroke([(0, 0), (600, 200)]))
    fitted = ink.fitted_to(1200, 600)  # twice as wide, three times as tall
    pts = fitted.strokes[0].points
    assert (fitted.width, fitted.height) == (1200, 600)
    assert (pts[0].x, pts[0].y) == (0, 100)
    assert (pts[1].x, pts[1].y) == (1200, 500)


def test_segments_are_continuous_and_pass_through_every_sample():
    samples = cursive(40, 250, n=40)
    s = stroke(samples, pressure=0.3)
    segs = smooth_segments(s)
    assert len(segs) == len(samples) - 1
    for a, b in zip(segs, segs[1:], strict=False):
        assert a.p3 == b.p0
    assert segs[0].p0 == samples[0] and segs[-1].p3 == samples[-1]
    assert [seg.p0 for seg in segs] == samples[:-1]


def test_segments_are_smooth_at_joints():
    segs = smooth_segments(stroke(cursive(40, 250, n=40)))
    for a, b in zip(segs, segs[1:], strict=False):
        incoming = (a.p3[0] - a.c2[0], a.p3[1] - a.c2[1])
        outgoing = (b.c1[0] - b.p0[0], b.c1[1] - b.p0[1])
        cross = incoming[0] * outgoing[1] - incoming[1] * outgoing[0]
        dot = incoming[0] * outgoing[0] + incoming[1] * outgoing[1]
        assert dot > 0 and abs(cross) < 1e-6 * (1 + abs(dot))  # same tangent direction


def test_segments_do_not_overshoot_beside_a_long_jump():
    # A fast flick (one long segment) next to slow, dense samples must not loop.
    s = stroke([(0, 0), (1, 0), (2, 0), (300, 0), (301, 1)])
    for seg in smooth_segments(s):
        length = math.dist(seg.p0, seg.p3)
        assert math.dist(seg.p0, seg.c1) <= 0.5 * length + 1e-9
        assert math.dist(seg.p3, seg.c2) <= 0.5 * length + 1e-9


def test_segment_at_matches_a_growing_stroke():
    pts = stroke(cursive(40, 250, n=30)).points
    for n in range(3, len(pts)):
        assert segment_at(pts[:n], n - 3) == smooth_segments(Stroke(pts))[n - 3]


def test_single_point_stroke_is_one_dot():
    segs = smooth_segments(stroke([(12.5, 40)], pressure=1.0))
    assert len(segs) == 1
    dot = segs[0]
    assert dot.is_dot and dot.p0 == dot.c1 == dot.c2 == dot.p3 == (12.5, 40)
    assert dot.width_start == dot.width_end == width_factor(1.0)
    assert smooth_segments(Stroke(())) == []


def test_width_follows_pressure():
    assert width_factor(0.5) == pytest.approx(1.0)
    assert width_factor(0.0) < width_factor(0.5) < width_factor(1.0)
    s = Stroke((InkPoint(0, 0, 0.1, 0), InkPoint(10, 0, 0.9, 5)))
    seg = smooth_segments(s)[0]
    assert seg.width_start == width_factor(0.1) and seg.width_end == width_factor(0.9)
    assert not seg.is_dot
