"""The main window sized for the screen it opens on, from a 1024x600 netbook to 4K.

The window never asks for more than the screen's free area (Back and Next stay in reach),
and its place and size are remembered per screen, so a laptop and its clinic monitor each
get back what the user chose there.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from counsel.ui.workstation import workstation_settings

PREFERRED = QSize(1280, 820)
SMALLEST = QSize(760, 520)  # the layouts still work here; smaller screens scroll


def screen_key(screen: QScreen) -> str:
    """One settings key per monitor and resolution."""
    size = screen.size()
    name = "".join(ch if ch.isalnum() else "_" for ch in screen.name()) or "screen"
    return f"window/{name}-{size.width()}x{size.height()}"


def fitted(rect: QRect, available: QRect) -> QRect:
    """``rect`` shrunk to fit ``available`` and moved fully inside it."""
    size = rect.size().boundedTo(available.size())
    left = min(max(rect.left(), available.left()), available.right() - size.width() + 1)
    top = min(max(rect.top(), available.top()), available.bottom() - size.height() + 1)
    return QRect(left, top, size.width(), size.height())


def default_rect(available: QRect) -> QRect:
    """The preferred size, or the whole free area if the screen is smaller; centred."""
    size = PREFERRED.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def current_screen(window: QWidget) -> QScreen:
    return window.screen() or QGuiApplication.primaryScreen()


def place_window(window: QWidget) -> bool:
    """Size and place ``window`` for its screen; True if it should open maximised."""
    screen = current_screen(window)
    available = screen.availableGeometry()
    window.setMinimumSize(SMALLEST.boundedTo(available.size()))
    settings = workstation_settings()
    saved = settings.value(screen_key(screen))
    maximised = settings.value(screen_key(screen) + "-maximised", False, type=bool)
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        window.setGeometry(fitted(window.geometry(), available))
    else:
        window.setGeometry(default_rect(available))
    return bool(maximised)


def keep_inside_screen(window: QWidget) -> None:
    """The whole window, title bar and frame included, inside the screen's free area: once
    the window manager has framed it, and after a change that may have grown it."""
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    available = current_screen(window).availableGeometry()
    inside = fitted(frame, available)
    extra = frame.size() - window.size()
    if available.size().expandedTo(window.minimumSize() + extra) != available.size():
        return  # held larger than the screen on purpose
    if inside != frame:
        window.resize(inside.size() - extra)
        window.move(inside.topLeft())


def remember_window(window: QWidget) -> None:
    screen = current_screen(window)
    settings = workstation_settings()
    settings.setValue(screen_key(screen), window.saveGeometry())
    settings.setValue(screen_key(screen) + "-maximised", window.isMaximized())
