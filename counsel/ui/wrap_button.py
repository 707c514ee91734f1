"""A push button whose text wraps, so long content (an option's name, a question, a
translated label at 200% size) never pushes the screen sideways."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from counsel.ui.widgets import label, restyle


class WrapButton(QPushButton):
    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = label("")
        self._text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._box = layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self._text)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._role = role
        self._other_texts: tuple[str, ...] = ()  # see ``keep_room_for``
        if role:
            self.setProperty("role", role)
        self.toggled.connect(self._restyle_text)
        self.setText(text)
        self._restyle_text(False)

    def text(self) -> str:  # the label holds the text; QPushButton's own stays empty
        return self._text.text()

    def setText(self, text: str) -> None:
        self._text.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def _restyle_text(self, checked: bool) -> None:
        self._text.setProperty("role", "on" if checked else self._role)
        restyle(self._text)

    def sizeHint(self) -> QSize:
        return self._box.sizeHint()

    def keep_room_for(self, texts: tuple[str, ...]) -> None:
        """Be as wide as the longest of ``texts`` too (the words a button takes in turn, as
        Read aloud becomes Pause reading), so its row does not rearrange as they change."""
        self._other_texts = texts
        self.updateGeometry()

    def one_line_width(self) -> int:
        """The width that shows the whole text on one line (a row of buttons prefers it)."""
        margins = self._box.contentsMargins()
        metrics = self._text.fontMetrics()
        text = max(metrics.horizontalAdvance(t) for t in (self.text(), *self._other_texts))
        return text + margins.left() + margins.right() + 2

    def minimumSizeHint(self) -> QSize:
        return self._box.minimumSize()
