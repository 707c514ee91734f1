"""An outcome's figure on screen: its "out of 100 people" picture beside the sentence it shows."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from counsel.core.content import Figure
from counsel.core.icon_array import IconArray, icon_array, to_svg
from counsel.ui.widgets import label

# Picture units per line of body text: the picture grows with the reader's font size, up to
# a width that still leaves room for its sentence beside it at 200% text in a small window.
UNITS_PER_LINE = 24
MAX_WIDTH = 300


class IconArrayView(QWidget):
    """Draws the core's SVG of the array at a size set by the font, keeping its proportions."""

    def __init__(self, per_100: float, tone: str, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("iconArray")
        self.array: IconArray = icon_array(per_100)
        self._renderer = QSvgRenderer(QByteArray(to_svg(self.array, tone, caption).encode()), self)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(
            self.tr("A picture of 100 people. %1 of them are coloured in.").replace(
                "%1", f"{self.array.shown:g}"
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def scale(self) -> float:
        """Pixels per picture unit (Qt re-asks ``sizeHint`` when the text size changes)."""
        return min(self.fontMetrics().height() / UNITS_PER_LINE, MAX_WIDTH / self.array.width)

    def sizeHint(self) -> QSize:
        scale = self.scale()
        return QSize(round(self.array.width * scale), round(self.array.height * scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(self.rect()))


def figure_view(figure: Figure) -> QWidget:
    """The figure's sentence, with its picture on the left when it counts people."""
    caption = label(figure.text)
    caption.setObjectName("figureText")
    if figure.per_100 is None:
        return caption
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 4, 0, 4)
    row.setSpacing(16)
    row.addWidget(IconArrayView(figure.per_100, figure.tone, figure.text))
    row.addWidget(caption, 1)
    return box
