"""Showing a content illustration (SVG) crisply at any size, keeping its proportions.

The SVG is rendered once per name and size into a pixmap, and each paint only draws that
pixmap: rendering the SVG itself took about a millisecond on every paint of the screen.
The picture's words are drawn over it from the content (``picture_labels``), in the
patient's language and text size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from counsel.core.content import IllustrationLabel
from counsel.core.illustration_labels import LabelLookup, no_labels
from counsel.resources import illustration_path


def fitted(renderer: QSvgRenderer, widget: QWidget) -> QRectF:
    """Where the picture goes in ``widget``: as large as fits, centred, in proportion."""
    size = renderer.defaultSize().scaled(widget.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left, top = (widget.width() - size.width()) / 2, (widget.height() - size.height()) / 2
    return QRectF(left, top, size.width(), size.height())


def render_picture(
    widget: QWidget,
    renderer: QSvgRenderer,
    name: str,
    labels: Sequence[IllustrationLabel],
    text_scale: float = 1.0,
) -> QPixmap:
    """The picture ``name`` fitted into ``widget``, its words over it, at the widget's size
    and pixel density, in the widget's font, grown for the patient's ``text_scale``."""
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(widget.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if renderer.isValid():
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = fitted(renderer, widget)
        renderer.render(painter, target)
        if labels:  # their layout loads with the first picture that has words (not at start)
            from counsel.ui.picture_labels import paint_labels

            svg, dpi = str(illustration_path(name)), widget.logicalDpiY()
            paint_labels(painter, labels, target, widget.font(), svg, dpi, text_scale=text_scale)
        painter.end()
    return pixmap


class IllustrationView(QWidget):
    """Draws one SVG from resources/illustrations, scaled to fit and centred."""

    def __init__(
        self,
        name: str = "",
        parent: QWidget | None = None,
        labels_for: LabelLookup = no_labels,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self._labels_for = labels_for
        self._labels: tuple[IllustrationLabel, ...] = ()
        self._renderer = QSvgRenderer(self)
        self._renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(260, 160)
        self._name = ""
        self._pixmap: QPixmap | None = None
        self._text_scale = 1.0
        if not name:
            self.setVisible(False)  # a screen without a picture gives its room to the text
        self.set_name(name)

    def name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        if name == self._name:
            return
        self._name = name
        self._labels = tuple(self._labels_for(name)) if name else ()
        if name:
            self._renderer.load(str(illustration_path(name)))
        else:
            self._renderer.load(b"")
        self._pixmap = None
        if self.parent() is not None or not name:  # shown without one, it would be a window
            self.setVisible(bool(name))  # of its own, taking the keyboard for a moment
        self.updateGeometry()
        self.update()

    def labels(self) -> tuple[IllustrationLabel, ...]:
        """The words drawn over the picture now shown."""
        return self._labels

    def set_labels(self, labels: Sequence[IllustrationLabel]) -> None:
        """Other words over the current picture (none: the bare art)."""
        self._labels = tuple(labels)
        self._pixmap = None
        self.update()

    def set_text_scale(self, text_scale: float) -> None:
        """The text size the patient chose (1 at 100%): the words over the picture grow."""
        if text_scale != self._text_scale:
            self._text_scale = text_scale
            self._pixmap = None
            self.update()

    def is_valid(self) -> bool:
        return self._renderer.isValid()

    def _aspect(self) -> float:
        size = self._renderer.defaultSize()
        return size.height() / size.width() if size.width() > 0 else 0.625

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._aspect())

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._pixmap = None
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Off screen, the picture is dropped (drawn again when shown): the memory of a
        visit stays that of the screen in view, not of every screen seen."""
        self._pixmap = None
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._renderer.isValid():
            return
        QPainter(self).drawPixmap(0, 0, self._picture())

    def _picture(self) -> QPixmap:
        """The picture at this widget's size and pixel density, made once per size."""
        if self._pixmap is None or self._pixmap.devicePixelRatio() != self.devicePixelRatioF():
            self._pixmap = render_picture(
                self, self._renderer, self._name, self._labels, self._text_scale
            )
        return self._pixmap
