"""The signature pad and field, driven with real mouse, stylus and touch events."""

from __future__ import annotations

import math
import time

import pytest
from ink_helpers import draw_stroke, draw_tablet_stroke, make_stylus, sign
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from counsel.ink import (
    MAX_POINTS,
    MAX_POINTS_PER_STROKE,
    MAX_STROKES,
    Ink,
    InkPoint,
    Stroke,
    ink_problem,
)
from counsel.ui.signature_field import SignatureField
from counsel.ui.signature_pad import SignaturePad

LINE = [(60.0 + 8 * i, 90.0 + (i % 5) * 3) for i in range(40)]  # 312 px wide, 40 samples


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def field(qtbot):
    widget = SignatureField(problem_delay_ms=50)
    qtbot.addWidget(widget)
    widget.resize(640, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def buttons(field):
    return (
        field.findChild(QPushButton, "undoButton"),
        field.findChild(QPushButton, "clearButton"),
    )


def status(field) -> str:
    return field.findChild(QLabel, "signatureStatus").text()


def is_ink(image: QImage, x: int, y: int) -> bool:
    """Within a pixel or so of (x, y) there is dark ink, not paper or the light guides."""
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            c = QColor(image.pixel(x + dx, y + dy))
            if c.red() < 90 and c.green() < 90 and c.blue() < 120:
                return True
    return False


def dark_pixels(image: QImage) -> int:
    return sum(
        is_ink(image, x, y)
        for x in range(2, image.width() - 2, 3)
        for y in range(2, image.height() - 2, 3)
    )


def test_identity_and_sizes(pad):
    assert pad.objectName() == "signaturePad"
    assert pad.accessibleName() and pad.accessibleDescription()
    assert pad.minimumSizeHint().width() >= 400 and pad.minimumSizeHint().height() >= 150
    assert pad.sizeHint().width() >= 560 and pad.sizeHint().height() >= 180
    assert pad.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def test_mouse_stroke_is_recorded_in_pad_coordinates(pad, qtbot):
    with qtbot.waitSignal(pad.inkChanged, timeout=1000):
        draw_stroke(pad, LINE)
    ink = pad.ink()
    assert (ink.width, ink.height) == (600, 200)
    assert len(ink.strokes) == 1
    points = ink.strokes[0].points
    assert [(p.x, p.y) for p in points] == LINE
    assert {p.pressure for p in points} == {0.5}
    times = [p.t_ms for p in points]
    assert times[0] == 0 and times == sorted(times)


def test_strokes_share_one_clock(pad, qtbot):
    draw_stroke(pad, LINE)
    qtbot.wait(40)
    draw_stroke(pad, [(x, y + 40) for x, y in LINE])
    first, second = pad.ink().strokes
    assert first.points[0].t_ms == 0
    assert second.points[0].t_ms >= first.points[-1].t_ms + 30


def test_the_first_point_is_time_zero_however_slow_the_listeners(pad):
    """Whatever runs when a stroke starts (saving, for one) must not shift the first stamp."""
    pad.strokeStarted.connect(lambda: time.sleep(0.03))
    draw_stroke(pad, LINE)
    points = pad.ink().strokes[0].points
    assert points[0].t_ms == 0
    assert points[1].t_ms >= 30, "later points keep the real time"


def test_realistic_signature_is_accepted(field):
    sign(field)
    ink = field.ink()
    assert len(ink.strokes) == 3 and ink.point_count > 200
    assert ink_problem(ink) is None
    assert field.check() is True
    assert status(field) == ""


def test_stylus_pressure_is_recorded_and_not_doubled(pad):
    stylus = make_stylus()
    samples = [(80.0 + 6 * i, 100.0 + (i % 7), 0.1 + 0.8 * (i / 39)) for i in range(40)]
    accepted = draw_tablet_stroke(pad, samples, stylus)
    assert all(accepted)  # so Qt sends no synthetic mouse events for the same motion
    ink = pad.ink()
    assert len(ink.strokes) == 1
    pressures = [p.pressure for p in ink.strokes[0].points]
    assert pressures == pytest.approx([s[2] for s in samples])
    assert max(pressures) - min(pressures) > 0.7


def test_stylus_without_pressure_sensor_counts_as_a_mouse(pad):
    mouse_like = QPointingDevice(
        "no pressure",
        4343,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position,
        1,
        1,
    )
    draw_tablet_stroke(pad, [(x, y, 0.0) for x, y in LINE], mouse_like)
    assert {p.pressure for p in pad.ink().strokes[0].points} == {0.5}


def test_mouse_events_synthesised_from_touch_are_ignored(pad):
    touchscreen = QTest.createTouchDevice()
    draw_stroke(pad, LINE, device=touchscreen)
    assert pad.ink().is_empty


def test_one_finger_draws(pad, qtbot):
    touchscreen = QTest.createTouchDevice()
    QTest.touchEvent(pad, touchscreen).press(0, QPoint(60, 90)).commit()
    for i in range(1, 30):
        QTest.touchEvent(pad, touchscreen).move(0, QPoint(60 + 10 * i, 90 + i % 4)).commit()
    QTest.touchEvent(pad, touchscreen).release(0, QPoint(350, 92)).commit()
    qtbot.waitUntil(lambda: not pad.ink().is_empty, timeout=1000)
    strokes = pad.ink().strokes
    assert len(strokes) == 1
    xs = [p.x for p in strokes[0].points]
    # QTest places touches up to the window frame (2 px offscreen) off; the span is exact.
    assert xs[0] == pytest.approx(60, abs=3)
    assert xs[-1] - xs[0] == pytest.approx(290) and xs == sorted(xs)


def test_pad_renders_dark_ink_where_drawn(pad):
    blank = pad.grab().toImage()
    assert dark_pixels(blank) == 0  # hint, baseline and cross are all light
    draw_stroke(pad, LINE)
    image = pad.grab().toImage()
    for x, y in LINE[1:-1]:
        assert is_ink(image, int(x), int(y)), (x, y)
    assert not is_ink(image, 500, 40)  # paper far from the stroke stays clean


def test_live_drawing_matches_a_full_redraw(pad):
    pad.grab()  # the cache exists, so the stroke is painted piece by piece as it grows
    sign(pad)
    live = pad.grab().toImage()
    pad.set_ink(pad.ink())  # same ink, cache rebuilt from scratch
    redrawn = pad.grab().toImage()
    assert dark_pixels(live) > 100
    assert live == redrawn


def test_resize_rescales_the_ink(pad, qtbot):
    draw_stroke(pad, LINE)
    pad.resize(1200, 400)
    qtbot.waitUntil(lambda: pad.width() == 1200)
    ink = pad.ink()
    assert (ink.width, ink.height) == (1200, 400)
    assert [(p.x, p.y) for p in ink.strokes[0].points] == [(2 * x, 2 * y) for x, y in LINE]
    image = pad.grab().toImage()
    x, y = LINE[20]
    assert is_ink(image, int(2 * x), int(2 * y))
    # Later strokes land where they are drawn, in the same (new) coordinates.
    draw_stroke(pad, [(x, y + 200) for x, y in LINE])
    second = pad.ink().strokes[1].points
    assert (second[0].x, second[0].y) == pytest.approx((LINE[0][0], LINE[0][1] + 200))


def test_set_ink_round_trips(pad):
    stored = Ink(
        (Stroke(tuple(InkPoint(x, y, 0.4, 5 * i) for i, (x, y) in enumerate(LINE))),), 600, 200
    )
    pad.set_ink(stored)
    assert pad.ink() == stored
    draw_stroke(pad, [(x, y + 50) for x, y in LINE])
    assert pad.ink().strokes[1].points[0].t_ms > stored.strokes[0].points[-1].t_ms


def test_undo_and_clear_buttons(field, qtbot):
    undo, clear = buttons(field)
    assert not undo.isEnabled() and not clear.isEnabled()
    draw_stroke(field.pad, LINE)
    draw_stroke(field.pad, [(x, y + 40) for x, y in LINE])
    assert undo.isEnabled() and clear.isEnabled()
    with qtbot.waitSignal(field.inkEdited, timeout=1000):
        qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert len(field.ink().strokes) == 1
    assert field.ink().strokes[0].points[0].y == LINE[0][1]
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert field.ink().is_empty
    assert not undo.isEnabled() and not clear.isEnabled()


def test_ctrl_z_undoes_on_the_pad(pad, qtbot):
    draw_stroke(pad, LINE)
    draw_stroke(pad, [(x, y + 40) for x, y in LINE])
    pad.setFocus()
    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pad.ink().strokes) == 1


def test_read_only_refuses_input(field):
    sign(field)
    signed = field.ink()
    field.set_read_only(True)
    undo, clear = buttons(field)
    assert not undo.isEnabled() and not clear.isEnabled()
    draw_stroke(field.pad, [(x, y + 60) for x, y in LINE])
    assert not any(draw_tablet_stroke(field.pad, [(x, y, 0.5) for x, y in LINE], make_stylus()))
    field.pad.undo()
    field.pad.clear()
    assert field.ink() == signed
    field.set_read_only(False)
    assert undo.isEnabled()
    draw_stroke(field.pad, [(x, y + 60) for x, y in LINE])
    assert len(field.ink().strokes) == len(signed.strokes) + 1


def test_check_explains_a_dot_and_accepts_a_signature(field):
    assert field.check() is False
    assert "sign" in status(field).lower()
    draw_stroke(field.pad, [(100, 100), (101, 101)])
    assert field.check() is False
    assert "too small" in status(field)
    field.pad.clear()
    sign(field)
    assert field.check() is True
    assert status(field) == ""


def test_problem_shown_after_a_pause_not_mid_signature(field, qtbot):
    draw_stroke(field.pad, [(100, 100), (104, 106), (120, 80)])
    assert status(field) == ""  # the signer may still be writing
    qtbot.waitUntil(lambda: "too small" in status(field), timeout=2000)
    field.pad.clear()
    sign(field)
    assert status(field) == ""  # a stale message never stays up


# -- limits: a pad held down for ever, or scribbled full, refuses more with a message -----


def test_a_stroke_longer_than_any_signature_is_refused_with_a_message(field) -> None:
    draw_stroke(field.pad, LINE)
    kept = field.ink()
    endless = [(20.0 + i % 500, 40.0 + (i // 500) % 100) for i in range(MAX_POINTS_PER_STROKE + 5)]
    draw_stroke(field.pad, endless)
    assert field.ink() == kept, "the endless stroke is not kept"
    assert "more ink than a signature needs" in status(field)
    draw_stroke(field.pad, LINE)  # the pad still takes ink
    assert len(field.ink().strokes) == 2


def test_a_full_signature_takes_no_more_strokes(field) -> None:
    per_stroke = MAX_POINTS // MAX_STROKES
    stroke = [[20.0 + i, 50.0, 0.5, i] for i in range(per_stroke)]
    full = Ink.from_dict({"width": 600.0, "height": 200.0, "strokes": [stroke] * MAX_STROKES})
    field.pad.set_ink(full)
    draw_stroke(field.pad, LINE)
    assert field.ink().point_count == MAX_POINTS
    assert "more ink than a signature needs" in status(field)


def test_a_faulty_driver_s_nan_position_adds_no_point(field) -> None:
    pad = field.pad
    draw_stroke(pad, [LINE[0], (math.nan, math.inf), *LINE[1:]])
    points = field.ink().strokes[0].points
    assert len(points) == len(LINE)
    assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in points)
