"""A signature pad held down for ever, or scribbled over until it is full, refuses the ink
beyond the limits with a message under the pad; the pad keeps working, never freezes."""

from __future__ import annotations

import math

import pytest
from ink_helpers import draw_stroke
from PySide6.QtWidgets import QLabel

from counsel.ink import MAX_POINTS, MAX_POINTS_PER_STROKE, MAX_STROKES, Ink
from counsel.ui.signature_field import SignatureField

LINE = [(60.0 + 8 * i, 90.0 + (i % 5) * 3) for i in range(40)]


@pytest.fixture
def field(qtbot):
    widget = SignatureField(problem_delay_ms=50)
    qtbot.addWidget(widget)
    widget.resize(640, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _status(field: SignatureField) -> str:
    return field.findChild(QLabel, "signatureStatus").text()


def test_a_stroke_longer_than_any_signature_is_refused_with_a_message(field) -> None:
    draw_stroke(field.pad, LINE)
    kept = field.ink()
    endless = [(20.0 + i % 500, 40.0 + (i // 500) % 100)
               for i in range(MAX_POINTS_PER_STROKE + 5)]
    draw_stroke(field.pad, endless)
    assert field.ink() == kept, "the endless stroke is not kept"
    assert "more ink than a signature needs" in _status(field)
    draw_stroke(field.pad, LINE)  # the pad still takes ink
    assert len(field.ink().strokes) == 2


def test_a_full_signature_takes_no_more_strokes(field) -> None:
    per_stroke = MAX_POINTS // MAX_STROKES
    stroke = [[20.0 + i, 50.0, 0.5, i] for i in range(per_stroke)]
    full = Ink.from_dict({"width": 600.0, "height": 200.0, "strokes": [stroke] * MAX_STROKES})
    field.pad.set_ink(full)
    draw_stroke(field.pad, LINE)
    assert field.ink().point_count == MAX_POINTS
    assert "more ink than a signature needs" in _status(field)


def test_a_faulty_driver_s_nan_position_adds_no_point(field) -> None:
    pad = field.pad
    draw_stroke(pad, [LINE[0], (math.nan, math.inf), *LINE[1:]])
    points = field.ink().strokes[0].points
    assert len(points) == len(LINE)
    assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in points)
