"""Drawing an illustration's words over it: the app's font, the patient's text size.

The words come from the content (illustrations.toml), so they are in the patient's language.
They scale with the picture, grow with the app's text size and are never smaller than
``MIN_POINT_SIZE``; ``label_layout`` then finds each one a place clear of the drawing, read
from the art's drawing mask. A label left on the drawing gets a soft white halo.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

from counsel.core.content import IllustrationLabel
from counsel.core.drawing_mask import MASK_HEIGHT, MASK_WIDTH, DrawingMask
from counsel.core.illustration_labels import GRID_WIDTH, TONE_COLOURS
from counsel.core.label_layout import HALO, PlacedLabel, place_labels

MIN_POINT_SIZE = 11
INK = {tone: QColor(colour) for tone, colour in TONE_COLOURS.items()}
HALO_COLOUR = QColor(255, 255, 255, 215)


@lru_cache(maxsize=32)
def drawing_mask(svg: str) -> DrawingMask:
    """Where the picture in the file ``svg`` has drawing (about 5 ms, once per file)."""
    image = QImage(MASK_WIDTH, MASK_HEIGHT, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(svg).render(painter, QRectF(0, 0, MASK_WIDTH, MASK_HEIGHT))
    painter.end()
    return DrawingMask.from_grey(bytes(image.constBits()), image.bytesPerLine())


def paint_labels(
    painter: QPainter,
    labels: Sequence[IllustrationLabel],
    target: QRectF,
    font: QFont,
    svg: str,
    dpi: float = 96.0,
    minimum_points: float = MIN_POINT_SIZE,
    text_scale: float = 1.0,
) -> None:
    """Draws ``labels`` over the picture from the file ``svg`` drawn into ``target``.

    ``font`` is the widget's or the application's font: its family is used. ``dpi`` turns
    points into the painter's pixels; ``minimum_points`` is the smallest readable size (0:
    the art's own proportions). ``text_scale`` is the text size the patient chose (1 at
    100%, 2 at 200%): the words grow by its square root, as screens give the picture more
    room at larger text sizes too: at 200%, 1.4 times the art's own proportion."""
    if not labels or target.width() <= 0:
        return
    scale = target.width() / GRID_WIDTH
    fonts = PictureFonts(font, scale)
    placed = _remembered_layout(
        tuple(labels), svg, font.toString(), scale, dpi, minimum_points, text_scale
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for label in placed:
        face = fonts.at(label.size, label.label.bold)
        colour = INK[label.label.tone]
        lines = [
            (QPointF(target.left() + x * scale, target.top() + y * scale), text)
            for text, x, y in label.lines
        ]
        if label.overlap:  # no clear place: a halo keeps the words apart from the drawing
            path = QPainterPath()
            for point, text in lines:
                path.addText(point, face, text)
            halo = QPen(HALO_COLOUR, max(2.0, 2 * HALO * label.size * scale))
            halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(path, halo)
            painter.fillPath(path, colour)
        else:
            painter.setFont(face)
            painter.setPen(colour)
            for point, text in lines:
                painter.drawText(point, text)
    painter.restore()


@lru_cache(maxsize=128)
def _remembered_layout(
    labels: tuple[IllustrationLabel, ...],
    svg: str,
    font: str,
    scale: float,
    dpi: float,
    minimum_points: float,
    text_scale: float,
) -> tuple[PlacedLabel, ...]:
    """Where each label goes, worked out once per picture, size and font (``font`` is
    ``QFont.toString()``): a picture drawn again is quick."""
    base = QFont()
    base.fromString(font)
    return place_labels(
        labels,
        drawing_mask(svg),
        PictureFonts(base, scale).width,
        grow=max(1.0, text_scale) ** 0.5,
        minimum=minimum_points * dpi / 72 / scale,
    )


class PictureFonts:
    """A widget's font at letter sizes given in the grid of a picture ``scale`` times its
    size, and the width of text in that grid."""

    def __init__(self, base: QFont, scale: float) -> None:
        self.base, self.scale = base, scale
        self._made: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}

    def at(self, size: float, bold: bool) -> QFont:
        return self._get(size, bold)[0]

    def width(self, text: str, size: float, bold: bool) -> float:
        return self._get(size, bold)[1].horizontalAdvance(text) / self.scale

    def _get(self, size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        key = (max(1, round(size * self.scale)), bold)
        if key not in self._made:
            font = QFont(self.base)
            font.setBold(bold)
            font.setPixelSize(key[0])
            self._made[key] = font, QFontMetricsF(font)
        return self._made[key]
