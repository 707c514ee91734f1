"""Text size (100% to 200%) and high contrast, changeable at any moment on any screen."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from counsel.core.frozen import Frozen
from counsel.ui.theme import (
    DARK,
    HIGH_CONTRAST,
    PALETTE,
    TEXT_SCALES,
    style_sheet,
    text_size_sheet,
)
from counsel.ui.widgets import describe, label
from counsel.ui.wrap_button import WrapButton

FOCUS_PROPERTY = "counselFocusColour"


class Display(Frozen, kw_only=False):
    scale: int = 100
    high_contrast: bool = False

    def bigger(self) -> Display:
        larger = [s for s in TEXT_SCALES if s > self.scale]
        return replace(self, scale=larger[0] if larger else self.scale)

    def smaller(self) -> Display:
        smaller = [s for s in TEXT_SCALES if s < self.scale]
        return replace(self, scale=smaller[-1] if smaller else self.scale)


class DisplayChoice(QObject):
    """The one copy of the text size and contrast in use: the window applies it and the
    controls show it, each following ``changed`` (napari's model-and-view pattern)."""

    changed = Signal(Display)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = Display()

    def set(self, display: Display) -> None:
        if display != self.current:
            self.current = display
            self.changed.emit(display)


def apply_display(display: Display, window: QWidget | None = None) -> None:
    """High contrast if chosen; otherwise the system's light or dark preference. The
    application's style changes only with the colours; ``window`` (and the dialogs it opens)
    takes the text size as its own, smaller style (see ``theme.text_size_sheet``)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette = HIGH_CONTRAST if display.high_contrast else DARK if dark else PALETTE
    whole = style_sheet(palette, 100 if window is not None else display.scale)
    if app.styleSheet() != whole:
        app.setStyleSheet(whole)
    app.setProperty(FOCUS_PROPERTY, palette.focus)
    if window is not None:
        window.setStyleSheet(text_size_sheet(display.scale))


def focus_colour() -> QColor:
    """The focus ring's colour in the theme in use, for controls that paint their own."""
    app = QApplication.instance()
    chosen = app.property(FOCUS_PROPERTY) if app is not None else None
    return QColor(chosen or PALETTE.focus)


class DisplayControls(QWidget):
    """A− / A+ and a high-contrast switch, always in reach at the foot of the sidebar."""

    def __init__(self, choice: DisplayChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.size_label = label("", "muted")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label.setObjectName("textSizeLabel")
        row = QHBoxLayout()
        self.smaller = WrapButton(self.tr("A−"))
        self.smaller.setObjectName("textSmaller")
        self.smaller.setAccessibleName(self.tr("Smaller text (Ctrl+Minus)"))
        self.smaller.setToolTip(self.tr("Smaller text (Ctrl+Minus)"))
        self.bigger = WrapButton(self.tr("A+"))
        self.bigger.setObjectName("textBigger")
        self.bigger.setAccessibleName(self.tr("Larger text (Ctrl+Plus)"))
        self.bigger.setToolTip(self.tr("Larger text (Ctrl+Plus)"))
        row.addWidget(self.smaller)
        row.addWidget(self.bigger)
        self.contrast = WrapButton(self.tr("High contrast"))
        self.contrast.setObjectName("highContrast")
        self.contrast.setCheckable(True)
        describe(self.contrast, self.tr("Black text on white with stronger colours"))
        describe(self.smaller, self.smaller.accessibleName())
        describe(self.bigger, self.bigger.accessibleName())
        row.insertWidget(1, self.size_label)
        layout.addLayout(row)
        layout.addWidget(self.contrast)
        self.smaller.clicked.connect(lambda: choice.set(choice.current.smaller()))
        self.bigger.clicked.connect(lambda: choice.set(choice.current.bigger()))
        self.contrast.clicked.connect(
            lambda on: choice.set(replace(choice.current, high_contrast=on))
        )
        choice.changed.connect(self._show)
        self._show(choice.current)

    def _show(self, display: Display) -> None:
        self.size_label.setText(f"{display.scale}%")
        self.size_label.setAccessibleName(
            self.tr("Text size: %1%").replace("%1", str(display.scale))
        )
        self.smaller.setEnabled(display.scale > TEXT_SCALES[0])
        self.bigger.setEnabled(display.scale < TEXT_SCALES[-1])
        self.contrast.setChecked(display.high_contrast)
