"""Whether the patient's system asks for less motion (then the steps stay still)."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys

from PySide6.QtGui import QAccessibilityHints, QGuiApplication

from counsel.settings import REDUCE_MOTION


def reduce_motion() -> bool:
    """Whether to show still pictures without transitions or autoplay.

    ``COUNSEL_REDUCE_MOTION=1`` asks for stills and ``=0`` for motion, whatever the system
    says; otherwise the system's reduce-motion setting decides: as Qt reports it (Qt 6.12
    and later), or before that the desktop's "animations off" setting on Linux (GNOME and
    GTK desktops).
    """
    override = REDUCE_MOTION.value()
    if override is not None:
        return override
    if not hasattr(QAccessibilityHints, "motionPreference"):
        return desktop_animations_off()
    # Keep the style hints' wrapper while asking: PySide invalidates the accessibility
    # hints' wrapper with it, and then the next caller gets "already deleted".
    style_hints = QGuiApplication.styleHints()
    preference = style_hints.accessibility().motionPreference()  # type: ignore[attr-defined]
    return "Reduce" in preference.name


@functools.cache
def desktop_animations_off() -> bool:
    """GNOME's and GTK's "reduce animation" switch, asked once (Linux only)."""
    if not sys.platform.startswith("linux") or shutil.which("gsettings") is None:
        return False
    try:
        answer = subprocess.run(
            ["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return answer.stdout.strip() == "false"
