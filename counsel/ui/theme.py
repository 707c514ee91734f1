"""Colours, type sizes and the application style sheet.

Large type and strong contrast by default: most patients are over 65. Sizes are in points
so they follow the screen's DPI; widgets take roles from objectName or a ``role`` property.
"""

from __future__ import annotations

from counsel.core.frozen import Frozen
from counsel.resources import icon_path


class Palette(Frozen, kw_only=False):
    window: str = "#f4f6f9"
    surface: str = "#ffffff"
    text: str = "#15202b"
    muted: str = "#3d4b5c"
    accent: str = "#1f5f99"
    accent_text: str = "#ffffff"
    border: str = "#b8c4d2"
    good: str = "#1d6b3a"
    warn: str = "#8a5300"
    bad: str = "#a3261a"
    sidebar: str = "#e8edf3"
    focus: str = "#9a4a00"  # the focus ring: 3:1 or more against the border it replaces
    focus_on_accent: str = "#000000"  # the ring on a filled (primary or checked) button
    notice: str = "#fff4e0"
    alarm: str = "#fdecea"  # behind the signs that need an emergency room
    badge: str = "#e6eef7"
    disabled_text: str = "#5f6b78"
    disabled_surface: str = "#eef1f5"
    arrow_icon: str = "down-arrow.svg"  # a list's open arrow, drawn in a colour like ``text``


PALETTE = Palette()
#: Black on white with strong colours: every text pair at least 7:1 (WCAG AAA).
HIGH_CONTRAST = Palette(
    window="#ffffff",
    surface="#ffffff",
    text="#000000",
    muted="#1a1a1a",
    accent="#00306b",
    accent_text="#ffffff",
    border="#000000",
    good="#00441b",
    warn="#4d2c00",
    bad="#6b0000",
    sidebar="#ffffff",
    focus="#c45000",
    focus_on_accent="#ffb347",
    notice="#ffffff",
    alarm="#ffffff",
    badge="#ffffff",
    disabled_text="#3b3b3b",
    disabled_surface="#ffffff",
)
#: For a system set to dark mode: light text on dark grey, every pair at least AA (4.5:1).
DARK = Palette(
    window="#15191e",
    surface="#1f252c",
    text="#eef2f6",
    muted="#c2ccd6",
    accent="#7fb2e5",
    accent_text="#0b1a29",
    border="#4a5561",
    good="#7fd39a",
    warn="#f0b45a",
    bad="#ff8a7a",
    sidebar="#1a2027",
    focus="#ffb347",
    focus_on_accent="#0b1a29",
    notice="#2b2416",
    alarm="#3a1c19",
    badge="#26313d",
    disabled_text="#9aa5b1",
    disabled_surface="#242a31",
    arrow_icon="down-arrow-light.svg",
)
BODY_PT = 15
TITLE_PT = 24
TEXT_SCALES = (100, 125, 150, 175, 200)
#: The sidebar's text grows half as fast as the screen's (150% at 200%): at full size its
#: controls, a few rows of screens and A− / A+ did not fit in a 1024x600 window.
SIDEBAR_GROWTH = 0.5
#: Staff's line at the right of the menu bar (saved, where the records are) at 100%: small
#: beside the menus, and growing as the sidebar's text does, so the menus stay in view.
STAFF_LINE_PT = 10

#: (foreground, background) pairs of palette fields that carry text, for contrast checks.
TEXT_PAIRS = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "sidebar"),
    ("text", "notice"),
    ("text", "badge"),
    ("muted", "window"),
    ("muted", "surface"),
    ("accent_text", "accent"),
    ("accent", "surface"),
    ("accent", "window"),
    ("good", "surface"),
    ("warn", "surface"),
    ("bad", "surface"),
    ("bad", "window"),
    ("text", "alarm"),
    ("bad", "alarm"),
    ("disabled_text", "disabled_surface"),
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def sidebar_pt(scale: int) -> int:
    """The sidebar's text size at ``scale`` percent (see ``SIDEBAR_GROWTH``)."""
    return round(BODY_PT * (1 + (scale - 100) / 100 * SIDEBAR_GROWTH))


def style_sheet(p: Palette = PALETTE, scale: int = 100) -> str:
    """The whole style at ``scale`` percent text size (100 to 200): the application's."""
    return colour_sheet(p) + text_size_sheet(scale)


def text_size_sheet(scale: int) -> str:
    """Only the text sizes at ``scale`` percent. The main window takes it as its own style,
    so a text size change restyles that window with these few rules: setting the whole
    style on the application again took most of a change's time."""
    body_pt = round(BODY_PT * scale / 100)
    side_pt = sidebar_pt(scale)
    title_pt = round(TITLE_PT + (body_pt - BODY_PT) * 0.8)  # titles need to grow less
    staff_pt = round(STAFF_LINE_PT * side_pt / BODY_PT)
    return f"""
    QWidget {{ font-size: {body_pt}pt; }}
    QLabel[role="title"] {{ font-size: {title_pt}pt; }}
    QLabel[role="heading"] {{ font-size: {round(body_pt * 1.2)}pt; }}
    QLabel[role="muted"] {{ font-size: {round(body_pt * 0.87)}pt; }}
    QLabel[role="source"] {{ font-size: {round(body_pt * 0.8)}pt; }}
    QLabel[role="emergency-heading"] {{ font-size: {round(body_pt * 1.4)}pt; }}
    QWidget#sidebarPanel QWidget {{ font-size: {side_pt}pt; }}
    QWidget#sidebarPanel QLabel[role="muted"] {{ font-size: {round(side_pt * 0.87)}pt; }}
    QLabel#saveIndicator, QLabel#storePlace {{ font-size: {staff_pt}pt; }}
    """


def colour_sheet(p: Palette = PALETTE) -> str:
    """Colours, borders and spacing: the same at every text size."""
    return f"""
    QWidget {{ color: {p.text}; }}
    QMainWindow, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {p.window}; }}
    QMenuBar, QMenu {{ background: {p.surface}; color: {p.text}; }}
    QMenuBar::item:selected, QMenu::item:selected {{ background: {p.accent};
        color: {p.accent_text}; }}
    QLabel[role="title"], QLabel[role="heading"] {{ font-weight: bold; }}
    QLabel[role="rowlabel"] {{ font-weight: bold; }}
    QLabel[role="on"] {{ color: {p.accent_text}; }}
    QLabel[role="primary"] {{ color: {p.accent_text}; font-weight: bold; }}
    QLabel[role="link"] {{ color: {p.accent}; text-decoration: underline; }}
    QFrame[role="card"] QLabel[role="likelihood"] {{ background: {p.badge}; border-radius: 6px;
        padding: 4px 10px; }}
    QFrame[role="row"] {{ background: {p.surface}; border-bottom: 1px solid {p.border}; }}
    QFrame[role="row"] QLabel {{ background: transparent; }}
    QLabel[role="muted"], QLabel[role="source"] {{ color: {p.muted}; }}
    QLabel[role="verdict-candidate"] {{ color: {p.good}; font-weight: bold; }}
    QLabel[role="verdict-review"] {{ color: {p.warn}; font-weight: bold; }}
    QLabel[role="verdict-not_candidate"] {{ color: {p.bad}; font-weight: bold; }}
    QLabel[role="good"] {{ color: {p.good}; font-weight: bold; }}
    QLabel[role="bad"] {{ color: {p.bad}; font-weight: bold; }}
    QFrame[role="card"] {{ background: {p.surface}; border: 1px solid {p.border};
        border-radius: 10px; }}
    QFrame[role="card"] QLabel {{ background: transparent; }}
    QFrame[role="notice"] {{ background: {p.notice}; border: 2px solid {p.warn};
        border-radius: 10px; }}
    QFrame[role="emergency"] {{ background: {p.alarm}; border: 4px solid {p.bad};
        border-left-width: 14px; border-radius: 0px; }}
    QFrame[role="emergency"] QLabel, QFrame[role="notice"] QLabel {{ background: transparent; }}
    QLabel[role="emergency-heading"] {{ color: {p.bad}; font-weight: bold; }}
    QLabel[role="emergency-sign"] {{ font-weight: bold; }}
    QPushButton {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 8px;
        padding: 10px 14px; min-height: 28px; }}
    QPushButton:hover {{ border-color: {p.accent}; }}
    QPushButton:checked {{ background: {p.accent}; color: {p.accent_text};
        border-color: {p.accent}; }}
    QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text};
        border-color: {p.accent}; font-weight: bold; }}
    QPushButton:disabled {{ color: {p.disabled_text}; background: {p.disabled_surface};
        border-color: {p.border}; border-style: dashed; }}
    QLabel[role="primary"]:disabled, QLabel[role="on"]:disabled {{ color: {p.disabled_text}; }}
    QPushButton[role="link"] {{ border: 3px solid transparent; background: transparent;
        color: {p.accent}; text-decoration: underline; padding: 2px; text-align: left; }}
    QLineEdit, QPlainTextEdit, QComboBox {{ background: {p.surface};
        border: 2px solid {p.border}; border-radius: 6px; padding: 6px; }}
    QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
        width: 36px; border-left: 2px solid {p.border}; }}
    QComboBox::down-arrow {{ image: url("{icon_path(p.arrow_icon).as_posix()}");
        width: 18px; height: 18px; }}
    QLineEdit[invalid="true"] {{ border-color: {p.bad}; }}
    QCheckBox, QRadioButton {{ border: 3px solid transparent; border-radius: 6px; }}
    QPushButton:focus {{ border: 3px solid {p.focus}; padding: 9px 13px; outline: none; }}
    QPushButton[role="link"]:focus {{ border: 3px solid {p.focus}; padding: 2px; }}
    QPushButton:checked:focus, QPushButton[role="primary"]:focus {{
        border: 3px solid {p.focus_on_accent}; padding: 9px 13px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 3px solid {p.focus};
        padding: 5px; }}
    QCheckBox:focus, QRadioButton:focus, QListWidget:focus, QAbstractScrollArea:focus {{
        border: 3px solid {p.focus}; }}
    QCheckBox:focus, QRadioButton:focus {{ outline: none; }}
    QListWidget#sidebar {{ background: {p.sidebar}; border: 3px solid transparent;
        padding: 1px; }}
    QListWidget#sidebar:focus {{ border-color: {p.focus}; }}
    QListWidget#sidebar::item {{ padding: 6px 8px; border-radius: 6px; }}
    QListWidget#sidebar::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
    QWidget#sidebarPanel {{ background: {p.sidebar}; }}
    QWidget#navBar {{ background: {p.surface}; border-top: 1px solid {p.border}; }}
    QProgressBar {{ border: 1px solid {p.border}; border-radius: 5px; background: {p.surface};
        max-height: 12px; }}
    QProgressBar::chunk {{ background: {p.good}; border-radius: 4px; }}
    QCheckBox, QRadioButton {{ spacing: 10px; padding: 4px; }}
    QCheckBox::indicator, QRadioButton::indicator {{ width: 24px; height: 24px; }}
    """
