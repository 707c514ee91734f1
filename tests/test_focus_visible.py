"""Every control that takes keyboard focus shows it, in every theme: a ring of pixels whose
colour changes by 3:1 or more between the unfocused and focused control (WCAG 2.2 2.4.7, and
2.4.13's measure), as many as a ring two pixels thick round half the control. Each control is
grabbed both ways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from counsel.core.demo import demo_session
from counsel.ui.theme import DARK, HIGH_CONTRAST, PALETTE, Palette, style_sheet

_luminance: dict[int, float] = {}


def luminance(rgb: int) -> float:
    if rgb not in _luminance:
        channels = [((rgb >> shift) & 255) / 255 for shift in (16, 8, 0)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        _luminance[rgb] = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return _luminance[rgb]


def pixels(widget: QWidget) -> tuple[bytes, int, int, int]:
    """The control as seen in its window, over what is behind it (scrolled into view)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)
    window = widget.window()
    seen = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    image = window.grab(seen).toImage().convertToFormat(QImage.Format.Format_RGB32)
    return bytes(image.constBits()), image.bytesPerLine(), image.width(), image.height()


def ring_pixels(before: tuple[bytes, int, int, int], after: tuple[bytes, int, int, int]) -> int:
    """How many pixels changed by a contrast of 3:1 or more."""
    data_a, line, width, height = before
    data_b = after[0]
    changed = 0
    for y in range(height):
        row = slice(y * line, y * line + width * 4)
        if data_a[row] == data_b[row]:
            continue
        for x in range(width):
            at = y * line + x * 4
            a = int.from_bytes(data_a[at : at + 3], "little")
            b = int.from_bytes(data_b[at : at + 3], "little")
            if a != b:
                la, lb = luminance(a), luminance(b)
                if (max(la, lb) + 0.05) / (min(la, lb) + 0.05) >= 3:
                    changed += 1
    return changed


def focusable(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisible()
        and w.isEnabled()
        and not isinstance(w, QScrollArea | QLabel)
        and w.width() > 0
    ]


def unseen_focus(widgets: list[QWidget]) -> list[str]:
    """The controls whose focus cannot be seen: each grabbed without focus, then Tab-focused
    and grabbed again, in their window, which stays the active one throughout."""
    if not widgets:
        return []
    assert QApplication.activeWindow() is widgets[0].window()
    missing = []
    for widget in widgets:
        widget.clearFocus()
        QApplication.processEvents()
        before = pixels(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert widget.hasFocus(), widget
        after = pixels(widget)
        width, height = before[2], before[3]
        if ring_pixels(before, after) < 2 * (width + height):  # a ring round a smaller part
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()} {text!r}")
    return missing


@pytest.mark.parametrize("palette", [PALETTE, HIGH_CONTRAST, DARK], ids=["light", "high", "dark"])
def test_every_focused_control_shows_a_ring(qtbot, open_window, content, palette: Palette) -> None:
    window = open_window(lambda: demo_session(content, seal=False))
    QApplication.instance().setStyleSheet(style_sheet(palette, 100))
    missing = unseen_focus(focusable(window.sidebar) + focusable(window.nav))
    for index in range(len(content.screens)):
        window.go_to(index)
        missing += unseen_focus(focusable(window.current_page()))
    assert not missing, "focus not visible on:\n" + "\n".join(missing)


def box_inside(before: tuple[bytes, int, int, int], after: tuple[bytes, int, int, int]) -> bool:
    """Whether focus filled something inside the ring: along the middle row and column,
    inside the ring's band, more than a twentieth of the pixels changed (a check box's
    own square taking the focus colour is a few; the style's focus frame, a pale box round
    the words, was a third or more)."""
    data_a, line, width, height = before
    data_b = after[0]
    band = 5  # the ring (3 px) and its rounded edge
    points = [(x, height // 2) for x in range(band, width - band)]
    points += [(width // 2, y) for y in range(band, height - band)]
    at = [y * line + x * 4 for x, y in points]
    changed = sum(data_a[i : i + 3] != data_b[i : i + 3] for i in at)
    return changed > len(at) / 20


def test_keyboard_focus_shows_the_ring_alone(qtbot, open_window, content) -> None:
    """Reached from the keyboard, a control shows the theme's ring and no box inside it: the
    style's own focus frame drew a pale box round the words of buttons and check boxes."""
    window = open_window(lambda: demo_session(content, seal=False))
    QApplication.instance().setStyleSheet(style_sheet(PALETTE, 100))
    boxed = []
    for index in range(len(content.screens)):
        window.go_to(index)
        for widget in focusable(window.current_page()):
            if not isinstance(widget, QAbstractButton):
                continue
            widget.clearFocus()
            QApplication.processEvents()
            before = pixels(widget)
            # As the Tab key does: the window then shows focus the keyboard's way.
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if box_inside(before, pixels(widget)):
                boxed.append(f"{type(widget).__name__} {widget.objectName()} {widget.text()!r}")
    assert not boxed, "a box inside the focus ring:\n" + "\n".join(boxed)
