"""The signature pad: smooth, pressure-aware ink from mouse, stylus or touch.

Ink is drawn by `ink_painting` with the same curves the signed
PDF uses. Finished pieces of ink are painted once into a cached pixmap; each paint
only blits the cache and draws the last, still-changing piece of the live stroke,
so long signatures stay smooth.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import partial
from typing import cast

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QEventPoint,
    QFocusEvent,
    QHideEvent,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPointingDevice,
    QResizeEvent,
    QShowEvent,
    QTabletEvent,
    QTouchEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from counsel.ink import (
    DEFAULT_PRESSURE,
    MAX_POINTS,
    MAX_POINTS_PER_STROKE,
    MAX_STROKES,
    MAX_TIME_MS,
    Ink,
    InkPoint,
    Segment,
    Stroke,
    segment_at,
    smooth_segments,
)
from counsel.ui.display import focus_colour
from counsel.ui.every_motion import pad_gone, pad_shown
from counsel.ui.ink_painting import (
    BASELINE_AT,
    GUIDE_COLOR,
    HINT_COLOR,
    PAPER_COLOR,
    paint_guides,
    paint_segments,
    segment_rect,
)

# Mouse events Qt synthesises from touch or a stylus: those are handled at the source.
_SYNTHETIC_SOURCES = {
    QInputDevice.DeviceType.TouchScreen,
    QInputDevice.DeviceType.Stylus,
    QInputDevice.DeviceType.Airbrush,
    QInputDevice.DeviceType.Puck,
}
_TOUCH_EVENTS = {
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
}


def _pressure(device: QPointingDevice | None, value: float) -> float:
    """Devices without a pressure sensor report 0 or 1; treat them like a mouse."""
    if device is not None and device.capabilities() & QInputDevice.Capability.Pressure:
        return value
    return DEFAULT_PRESSURE


class SignaturePad(QWidget):
    """A white surface to sign on with a mouse, a stylus (with pressure) or one finger."""

    inkChanged = Signal()  # shown ink changed, by the signer or by set_ink
    inkEdited = Signal()  # the signer drew, undid or cleared (never set_ink): theirs to keep
    strokeStarted = Signal()
    strokeFinished = Signal()
    #: A stroke was not kept: the signature already holds more ink than any signature needs.
    inkRefused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(
            self.tr("Draw your signature here with a mouse, a pen or your finger.")
        )
        self._ink = Ink.empty(self.width(), self.height())
        self._read_only = False
        self._active: list[InkPoint] | None = None  # live stroke, in ink coordinates
        self._source = ""  # "mouse", "tablet" or "touch": one device per stroke
        self._touch_id = -1
        self._settled = 0  # pieces of the live stroke already painted into the cache
        self._tail_rect = QRect()
        self._clock = QElapsedTimer()
        self._t_offset = 0
        self._cache: QPixmap | None = None
        self.destroyed.connect(partial(pad_gone, id(self)))

    # -- public API ---------------------------------------------------------------
    def ink(self) -> Ink:
        """The signature expressed in the pad's current size."""
        if self._ink.is_empty:
            return Ink.empty(self.width(), self.height())
        if (self._ink.width, self._ink.height) == (self.width(), self.height()):
            return self._ink
        return self._ink.fitted_to(self.width(), self.height())

    def set_ink(self, ink: Ink) -> None:
        """Show stored ink (the same ink again changes nothing); new strokes carry on its
        timeline."""
        if ink == self._ink:
            return
        self._active = None
        self._ink = ink
        self._clock.invalidate()
        self._t_offset = max((p.t_ms for s in ink.strokes for p in s.points), default=-1) + 1
        self._changed()

    def clear(self) -> None:
        """Remove all ink (refused while read-only: a signed record stays as signed)."""
        if self._read_only or (self._ink.is_empty and self._active is None):
            return
        self._active = None
        self._ink = Ink.empty(self.width(), self.height())
        self._changed()
        self.inkEdited.emit()

    def undo(self) -> None:
        """Remove the last finished stroke (refused while read-only)."""
        if self._read_only or self._ink.is_empty:
            return
        self._ink = self._ink.without_last_stroke()
        self._changed()
        self.inkEdited.emit()

    def set_read_only(self, read_only: bool) -> None:
        if read_only and self._active is not None:
            self._finish()
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self.update()

    def is_read_only(self) -> bool:
        return self._read_only

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 160)

    # -- input --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._takes_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            self._begin("mouse", event.position(), DEFAULT_PRESSURE)
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._source == "mouse" and self._takes_mouse(event):
            self._extend(event.position(), DEFAULT_PRESSURE)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._source == "mouse" and event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), DEFAULT_PRESSURE)
            self._finish()
            event.accept()
        else:
            event.ignore()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting stops Qt from also sending a synthetic mouse event for the same motion.
        if self._read_only:
            event.ignore()
            return
        pressure = _pressure(event.pointingDevice(), event.pressure())
        kind = event.type()
        if kind == QEvent.Type.TabletPress and self._active is None:
            self._begin("tablet", event.position(), pressure)
        elif kind == QEvent.Type.TabletMove and self._source == "tablet":
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease and self._source == "tablet":
            self._extend(event.position(), pressure)
            self._finish()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH_EVENTS:
            return self._touch_event(cast(QTouchEvent, event))
        return super().event(event)

    def _touch_event(self, event: QTouchEvent) -> bool:
        """Follow the first finger only; a resting palm or second finger adds nothing."""
        if self._read_only:
            event.ignore()
            return False
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            if self._source == "touch":
                self._finish()
            return True
        points = event.points()
        if kind == QEvent.Type.TouchBegin and self._active is None and points:
            self._touch_id = points[0].id()
            pressure = _pressure(event.pointingDevice(), points[0].pressure())
            self._begin("touch", points[0].position(), pressure)
        elif self._source == "touch":
            for point in points:
                if point.id() != self._touch_id:
                    continue
                self._extend(point.position(), _pressure(event.pointingDevice(), point.pressure()))
                if point.state() == QEventPoint.State.Released or kind == QEvent.Type.TouchEnd:
                    self._finish()
        event.accept()
        return True

    def _takes_mouse(self, event: QMouseEvent) -> bool:
        return not self._read_only and event.deviceType() not in _SYNTHETIC_SOURCES

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and not self._read_only:
            self.undo()
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- strokes ------------------------------------------------------------------
    def _begin(self, source: str, pos: QPointF, pressure: float) -> None:
        if len(self._ink.strokes) >= MAX_STROKES or self._ink.point_count >= MAX_POINTS:
            self.inkRefused.emit()
            return
        if self._ink.is_empty:
            # A fresh signature: record in this pad's size, time from this point.
            self._ink = Ink.empty(self.width(), self.height())
            self._t_offset = 0
            self._clock.invalidate()
        if self._clock.isValid():
            pressed_at = self._t_offset + self._clock.elapsed()
        else:
            self._clock.start()
            pressed_at = self._t_offset  # this press is where the timeline (re)starts
        self._source = source
        self._active = []
        self._settled = 0
        self._tail_rect = QRect()
        self.strokeStarted.emit()  # listeners may take a while: the press keeps its own time
        self._extend(pos, pressure, pressed_at)

    def _extend(self, pos: QPointF, pressure: float, t_ms: int | None = None) -> None:
        points = self._active
        if points is None or not (math.isfinite(pos.x()) and math.isfinite(pos.y())):
            return  # a faulty driver's NaN is no place on the pad
        s, dx, dy = self._ink.fit_transform(self.width(), self.height())
        x = min(max((pos.x() - dx) / s, 0.0), self._ink.width)
        y = min(max((pos.y() - dy) / s, 0.0), self._ink.height)
        if points and (points[-1].x, points[-1].y) == (x, y):
            return
        if len(points) >= MAX_POINTS_PER_STROKE or (
            self._ink.point_count + len(points) >= MAX_POINTS
        ):
            self._drop_stroke()
            return
        if t_ms is None:
            t_ms = self._t_offset + self._clock.elapsed()
        pressure = min(max(pressure, 0.0), 1.0) if math.isfinite(pressure) else DEFAULT_PRESSURE
        points.append(InkPoint(x, y, pressure, min(t_ms, MAX_TIME_MS)))
        dirty = self._tail_rect
        # Every piece but the last is final once its next point exists: paint it for good.
        dirty = dirty.united(self._settle(len(points) - 2))
        tail = self._tail()
        self._tail_rect = self._to_widget_rect([tail]) if tail else QRect()
        self.update(dirty.united(self._tail_rect))

    def _drop_stroke(self) -> None:
        """Refuse the live stroke whole: more ink than a signature needs is not a signature,
        and keeping on drawing it would only slow the pad and the PDF down."""
        self._active = None
        self._source = ""
        self._cache = None  # its settled pieces are painted over
        self.update()
        self.inkRefused.emit()

    def _finish(self) -> None:
        points = self._active
        if points is None:
            return
        rect = self._settle(len(points) - 1) if len(points) > 1 else QRect()
        if len(points) == 1:
            self._paint_into_cache(smooth_segments(Stroke(tuple(points))))
        self.update(rect.united(self._tail_rect))
        self._active = None
        self._source = ""
        self._ink = self._ink.with_stroke(Stroke(tuple(points)))
        self.inkChanged.emit()
        self.inkEdited.emit()
        self.strokeFinished.emit()

    def _settle(self, upto: int) -> QRect:
        """Paint live-stroke pieces [settled, upto) into the cache; return the area touched."""
        if self._active is None or upto <= self._settled:
            return QRect()
        segments = [segment_at(self._active, i) for i in range(self._settled, upto)]
        self._settled = upto
        self._paint_into_cache(segments)
        return self._to_widget_rect(segments)

    def _tail(self) -> Segment | None:
        points = self._active
        if not points:
            return None
        if len(points) == 1:
            return smooth_segments(Stroke((points[0],)))[0]
        return segment_at(points, len(points) - 2)

    def _changed(self) -> None:
        self._cache = None
        self.update()
        self.inkChanged.emit()

    # -- painting -----------------------------------------------------------------
    def _transform(self) -> QTransform:
        s, dx, dy = self._ink.fit_transform(self.width(), self.height())
        return QTransform(s, 0.0, 0.0, s, dx, dy)

    def _to_widget_rect(self, segments: Iterable[Segment]) -> QRect:
        rect = QRectF()
        for seg in segments:
            rect = rect.united(segment_rect(seg))
        return self._transform().mapRect(rect).toAlignedRect().adjusted(-2, -2, 2, 2)

    def _paint_into_cache(self, segments: Iterable[Segment]) -> None:
        if self._cache is None:
            return  # the next paint rebuilds it, live stroke included
        painter = QPainter(self._cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self._transform())
        paint_segments(painter, segments)
        painter.end()

    def _ensure_cache(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        size = QSize(math.ceil(self.width() * dpr), math.ceil(self.height() * dpr))
        if self._cache is not None and self._cache.size() == size:
            return self._cache
        cache = QPixmap(size)
        cache.setDevicePixelRatio(dpr)
        cache.fill(PAPER_COLOR)
        painter = QPainter(cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_guides(painter, self.width(), self._baseline_y())
        painter.setTransform(self._transform())
        for stroke in self._ink.strokes:
            paint_segments(painter, smooth_segments(stroke))
        painter.end()
        self._cache = cache
        if self._active is not None:
            self._settled = 0
            self._settle(len(self._active) - 2)
        return cache

    def _baseline_y(self) -> float:
        return round(self.height() * BASELINE_AT) + 0.5

    def showEvent(self, event: QShowEvent) -> None:
        """On screen, every motion of the pointer reaches the pad (``every_motion``)."""
        pad_shown(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Off screen, the drawn ink is dropped (drawn again from the strokes when shown)."""
        self._cache = None
        pad_gone(id(self))
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(QPointF(0.0, 0.0), self._ensure_cache())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tail = self._tail()
        if tail is not None:
            painter.save()
            painter.setTransform(self._transform(), True)
            paint_segments(painter, [tail])
            painter.restore()
        elif self._ink.is_empty and not self._read_only:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * 1.4 if font.pointSizeF() > 0 else 14.0)
            painter.setFont(font)
            painter.setPen(HINT_COLOR)
            area = QRectF(0.0, 0.0, self.width(), self._baseline_y() - 4.0)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        focused = self.hasFocus()
        painter.setPen(QPen(focus_colour() if focused else GUIDE_COLOR, 3.0 if focused else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = 1.5 if focused else 0.5
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
