"""A row of buttons that wraps onto a new line when the window is too narrow for it.

A plain row of buttons is as wide as all of them together: in Spanish, or at a larger text
size, the last ones were pushed off a 1024-pixel window. Here the row breaks between
buttons, as a paragraph between words, and a button wider than the row on its own (a
``WrapButton``) wraps its text.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from counsel.ui.wrap_button import WrapButton

SPACING = 12


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(SPACING)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest button's narrowest form (a wrapping button's longest word)."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def one_row_width(self) -> int:
        """The width that holds every button side by side, each on one line."""
        visible = self._visible()
        margins = self.contentsMargins()
        gaps = self.spacing() * max(len(visible) - 1, 0)
        buttons = sum(_preferred_width(item) for item in visible)
        return buttons + gaps + margins.left() + margins.right()

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the buttons out left to right, wrapping between them, and a button wider than
        the whole row wrapping its own text; the height this takes."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._visible():
            width = max(min(_preferred_width(item), area.width()), item.minimumSize().width())
            if x > area.x() and x + width > area.right() + 1:
                x, y = area.x(), y + line_height + self.spacing()
                line_height = 0
            if item.hasHeightForWidth():
                height = item.heightForWidth(width)
            else:
                height = item.sizeHint().height()
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self.spacing()
            line_height = max(line_height, height)
        return y + line_height - rect.y() + margins.bottom()


def _preferred_width(item: QLayoutItem) -> int:
    button = item.widget()
    if isinstance(button, WrapButton):
        return button.one_line_width()
    return item.sizeHint().width()
