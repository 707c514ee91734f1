"""Drawing an illustration's words over it: the app's font, the patient's text size.

The words come from the content (illustrations.toml), so they are in the patient's language.
They are placed by their anchor in the picture's 800 x 500 grid and scaled with the picture,
but never set smaller than ``MIN_POINT_SIZE`` and grown with the app's text size; a label
that would then run past the picture is shrunk (not below the minimum), wrapped, and kept
inside. A soft white halo keeps each word legible over the drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from counsel.core.content import IllustrationLabel
from counsel.core.illustration_labels import GRID_WIDTH, LINE_SPACING
from counsel.ui.theme import BODY_PT

LabelLookup = Callable[[str], Sequence[IllustrationLabel]]

MIN_POINT_SIZE = 11
INK = {"normal": QColor("#1b2733"), "muted": QColor("#4a5a6a")}  # the art's own text colours
HALO = QColor(255, 255, 255, 215)
MARGIN = 4.0  # pixels kept clear inside the picture's edge


def no_labels(name: str) -> tuple[IllustrationLabel, ...]:
    return ()


def text_scale(font: QFont) -> float:
    """How much the app's text size is above normal (1 at 100%, 2 at 200%)."""
    return max(1.0, font.pointSizeF() / BODY_PT) if font.pointSizeF() > 0 else 1.0


def paint_labels(
    painter: QPainter,
    labels: Sequence[IllustrationLabel],
    target: QRectF,
    font: QFont,
    dpi: float = 96.0,
    minimum_points: float = MIN_POINT_SIZE,
) -> None:
    """Draws ``labels`` over a picture drawn into ``target`` (the 800 x 500 grid's rect).

    ``font`` is the widget's or the application's font: its family is used, and its size
    says the text size the patient chose. ``dpi`` turns points into the painter's pixels;
    ``minimum_points`` is the smallest readable size (0: the art's own sizes, shrunk)."""
    if not labels or target.width() <= 0:
        return
    scale = target.width() / GRID_WIDTH
    grow = text_scale(font)
    smallest = minimum_points * dpi / 72
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    placed: list[QRectF] = []
    for label in labels:
        path = _label_path(label, target, scale, grow, smallest, font)
        path.translate(0, _clear_offset(path.boundingRect(), placed, target))
        placed.append(path.boundingRect())
        halo = QPen(HALO, max(3.0, _pixel_size(label, scale, grow, smallest) * 0.3))
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, halo)
        painter.fillPath(path, INK.get(label.tone, INK["normal"]))
    painter.restore()


def _pixel_size(label: IllustrationLabel, scale: float, grow: float, smallest: float) -> float:
    """The design size scaled with the picture, grown by the square root of the text size:
    screens give the picture more room at larger text sizes, so growing the words by the
    full factor as well would crowd the art (at 200%: 1.4 times the art's own proportion)."""
    return max(label.size * scale * grow**0.5, smallest)


def _label_path(
    label: IllustrationLabel,
    target: QRectF,
    scale: float,
    grow: float,
    smallest: float,
    base: QFont,
) -> QPainterPath:
    """The label's outline where it goes: fitted to the picture's width, kept inside it."""
    room = max(target.width() - 2 * MARGIN, 1.0)
    font = QFont(base)
    font.setBold(label.bold)
    font.setPixelSize(max(1, round(_pixel_size(label, scale, grow, smallest))))
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(line) for line in label.lines)
    if widest > room and font.pixelSize() > smallest:
        font.setPixelSize(max(round(smallest), int(font.pixelSize() * room / widest)))
        metrics = QFontMetricsF(font)
    lines = [part for line in label.lines for part in _wrap(line, metrics, room)]
    widths = [metrics.horizontalAdvance(line) for line in lines]
    block = max(widths)
    step = font.pixelSize() * LINE_SPACING
    anchor_x = target.left() + label.x * scale
    left = {"left": anchor_x, "center": anchor_x - block / 2, "right": anchor_x - block}[
        label.align
    ]
    left = min(max(left, target.left() + MARGIN), target.right() - MARGIN - block)
    baseline = target.top() + label.y * scale
    bottom = baseline + step * (len(lines) - 1) + metrics.descent()
    baseline -= max(0.0, bottom - (target.bottom() - MARGIN))
    baseline += max(0.0, target.top() + MARGIN - (baseline - metrics.ascent()))
    path = QPainterPath()
    for index, (line, width) in enumerate(zip(lines, widths, strict=True)):
        offset = {"left": 0.0, "center": (block - width) / 2, "right": block - width}
        path.addText(QPointF(left + offset[label.align], baseline + index * step), font, line)
    return path


def _clear_offset(box: QRectF, placed: list[QRectF], target: QRectF) -> float:
    """How far up or down to move a label so it does not cover one drawn before it.

    Labels only collide when the minimum size or a large text size makes them bigger than
    the art planned for; then the nearest free place inside the picture is taken."""
    padded = box.adjusted(-2, -1, 2, 1)

    def free(dy: float) -> bool:
        moved = padded.translated(0, dy)
        inside = moved.top() >= target.top() and moved.bottom() <= target.bottom()
        return inside and not any(moved.intersects(other) for other in placed)

    if free(0) or not placed:
        return 0.0
    for step in range(1, int(target.height() / 2)):
        for dy in (step * 2.0, -step * 2.0):
            if free(dy):
                return dy
    return 0.0


def _wrap(line: str, metrics: QFontMetricsF, room: float) -> list[str]:
    """Greedy word wrap: only for a label too long for the picture even at the minimum."""
    if metrics.horizontalAdvance(line) <= room:
        return [line]
    wrapped: list[str] = []
    for word in line.split():
        if wrapped and metrics.horizontalAdvance(f"{wrapped[-1]} {word}") <= room:
            wrapped[-1] = f"{wrapped[-1]} {word}"
        else:
            wrapped.append(word)
    return wrapped or [line]
