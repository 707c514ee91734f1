"""A warning-signs section as a panel that cannot be mistaken for ordinary text.

The emergency list is the one thing on a screen a patient must find again at home: a red
frame with a thick bar, a larger red heading and bold signs; the call-the-clinic list sits in
the amber notice frame, so the two urgencies never look alike, in colour or in greyscale.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame

from counsel.core.content import Section
from counsel.ui.widgets import card, label

FRAME_ROLES = {"emergency": "emergency", "clinic": "notice"}


def warning_panel(section: Section) -> QFrame:
    frame, layout = card(FRAME_ROLES[section.urgency])
    frame.setObjectName(f"warning-{section.urgency}")
    emergency = section.urgency == "emergency"
    layout.addWidget(label(section.heading, "emergency-heading" if emergency else "heading"))
    if section.text:
        layout.addWidget(label(section.text))
    for sign in section.signs:
        item = label(f"•  {sign.text}", "emergency-sign" if emergency else "")
        item.setObjectName(f"sign-{sign.id}")
        layout.addWidget(item)
    for bullet in section.bullets:
        layout.addWidget(label(f"•  {bullet}"))
    return frame
