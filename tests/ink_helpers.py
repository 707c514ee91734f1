"""Drive a signature pad with real input events, for any test that needs to sign.

``sign(widget)`` writes a believable cursive name on the pad inside ``widget``
(a SignaturePad, a SignatureField or any window containing one).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QWidget

XY = tuple[float, float]


def find_pad(widget: QWidget) -> QWidget:
    if widget.objectName() == "signaturePad":
        return widget
    pad = widget.findChild(QWidget, "signaturePad")
    assert pad is not None, "no signaturePad in this widget"
    return pad


def _mouse(widget: QWidget, kind: QEvent.Type, xy: XY, button, buttons, device=None) -> None:
    pos = QPointF(*xy)
    args = [kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons]
    args.append(Qt.KeyboardModifier.NoModifier)
    if device is not None:
        args.append(device)
    QApplication.sendEvent(widget, QMouseEvent(*args))


def draw_stroke(
    widget: QWidget, points: Sequence[XY], device: QPointingDevice | None = None
) -> None:
    """Press, drag through ``points`` (widget coordinates) and release the left button.

    Real press/move/release events are sent (QTest.mouseMove cannot hold a button).
    """
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(widget, QEvent.Type.MouseButtonPress, points[0], left, left, device)
    for xy in points[1:]:
        _mouse(widget, QEvent.Type.MouseMove, xy, none, left, device)
    _mouse(widget, QEvent.Type.MouseButtonRelease, points[-1], left, none, device)


def make_stylus() -> QPointingDevice:
    """A pen with a pressure sensor; keep a reference for as long as events use it."""
    caps = QInputDevice.Capability.Position | QInputDevice.Capability.Pressure
    return QPointingDevice(
        "test stylus",
        4242,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        caps,
        1,
        3,
    )


def draw_tablet_stroke(
    widget: QWidget, points: Sequence[tuple[float, float, float]], device: QPointingDevice
) -> list[bool]:
    """Send TabletPress/Move/Release for (x, y, pressure) samples; returns which were accepted."""
    accepted = []
    last = len(points) - 1
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for i, (x, y, pressure) in enumerate(points):
        if i == 0:
            kind, button, buttons = QEvent.Type.TabletPress, left, left
        elif i == last:
            kind, button, buttons = QEvent.Type.TabletRelease, left, none
        else:
            kind, button, buttons = QEvent.Type.TabletMove, none, left
        pos = QPointF(x, y)
        event = QTabletEvent(
            kind,
            device,
            pos,
            QPointF(widget.mapToGlobal(pos)),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            button,
            buttons,
        )
        QApplication.sendEvent(widget, event)
        accepted.append(event.isAccepted())
    return accepted


def signature_strokes(width: float, height: float) -> list[list[XY]]:
    """A slanted cursive name: a looped capital, joined letters, a flourish underneath."""
    base = height * 0.66
    x0 = width * 0.10

    def slant(x: float, y: float) -> XY:
        return x + 0.3 * (base - y), y

    capital = [
        slant(
            x0 + 0.035 * width * math.sin(t) + 0.03 * width * t / (2 * math.pi),
            base - 0.5 * height * (1 - math.cos(t)) / 2,
        )
        for t in (i * 2 * math.pi / 48 for i in range(49))
    ]
    heights = [0.30, 0.14, 0.16, 0.34, 0.13, 0.15, 0.12]  # ascenders like "l", "h" among humps
    letters: list[XY] = []
    steps = 36 * len(heights)
    for i in range(steps + 1):
        t = i / steps
        phase = 2 * math.pi * len(heights) * t
        tall = heights[min(i // 36, len(heights) - 1)]
        x = x0 + 0.06 * width + 0.40 * width * t - 0.02 * width * math.sin(phase)
        y = base - tall * height * (1 - math.cos(phase)) / 2
        letters.append(slant(x, y))
    underline = [
        (
            x0 + 0.02 * width + 0.52 * width * t,
            base + 0.13 * height - 0.06 * height * math.sin(math.pi * t),
        )
        for t in (i / 40 for i in range(41))
    ]
    return [capital, letters, underline]


def sign(widget: QWidget) -> None:
    """Sign with the mouse across the pad, as a patient would."""
    pad = find_pad(widget)
    for stroke in signature_strokes(pad.width(), pad.height()):
        draw_stroke(pad, stroke)
