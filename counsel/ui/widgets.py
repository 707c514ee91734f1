"""Small building blocks shared by the screens: labels with a role, cards, rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)


class WrapLabel(QLabel):
    """A word-wrapped label that keeps its height at each width until its text or font
    changes.

    QLabel lays its whole text out again every time a layout asks its height for a width,
    and a screen change asks each label several times (each pass over a layout, its
    minimum, the scroll area): over two hundred text layouts on the Signatures screen, half
    of a screen change's work. Its own size hint is kept the same way: forgotten when the
    text, its format, the font or the margins change (the last two reach ``changeEvent``).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()
        super().changeEvent(event)


def label(text: str, role: str = "", parent: QWidget | None = None) -> WrapLabel:
    """A wrapping plain-text label; content text is never interpreted as markup."""
    widget = WrapLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if role:
        widget.setProperty("role", role)
    return widget


def enable_keeping_focus(widget: QWidget, enabled: bool, instead: QWidget) -> None:
    """Enable or disable ``widget``; if it has the focus as it is disabled, the focus goes to
    ``instead`` first. Left to Qt, it went on to the next control of the window, often far
    away (from the last question's Next question to the language list at the top)."""
    if not enabled and widget.hasFocus():
        instead.setFocus(Qt.FocusReason.OtherFocusReason)
    widget.setEnabled(enabled)


def labelled(prefix: str, text: str, role: str = "") -> QLabel:
    """'**Prefix:** text', with both parts escaped so content can never inject markup."""
    widget = label("", role)
    widget.setTextFormat(Qt.TextFormat.RichText)
    set_labelled(widget, prefix, text)
    return widget


def set_labelled(widget: QLabel, prefix: str, text: str) -> None:
    """Change what a ``labelled`` label says."""
    import html  # with its table of entities: not needed at start-up

    widget.setText(f"<b>{html.escape(prefix)}</b> {html.escape(text)}")
    widget.setProperty("readText", f"{prefix} {text}")


def describe(widget: QWidget, description: str) -> None:
    """What a screen reader says about a control after its name: what it does."""
    widget.setAccessibleDescription(description)


def bullet_list(items: tuple[str, ...] | list[str]) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 0, 0, 0)
    layout.setSpacing(6)
    for item in items:
        layout.addWidget(label(f"•  {item}"))
    return box


def card(role: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property such as ``role`` changed.

    A widget not polished yet is left alone: it is polished with its properties as they are
    when it is first shown, and reaching a style from Python costs ~8 ms the first time.
    """
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def clear_layout(layout: QLayout) -> None:
    """Take every widget out of ``layout`` and delete it (a list about to be rebuilt)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
