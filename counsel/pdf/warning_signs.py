"""The warning signs on paper, where the patient looks for them at home.

Info screens print only their summary, except their warning-signs sections, which print in
full: the emergency list in a red frame with a thick bar (still distinct in greyscale), the
call-the-clinic list in the ordinary tinted panel.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from counsel.core.content import Screen, Section
from counsel.pdf import styles as st
from counsel.pdf.fonts import BOLD
from counsel.pdf.wording import Wording, lines

ALARM = colors.HexColor("#A3261A")
ALARM_TINT = colors.HexColor("#FDECEA")
EMERGENCY_HEADING = ParagraphStyle(
    "emergencyheading",
    parent=st.BODY,
    fontName=BOLD,
    fontSize=14,
    leading=18,
    textColor=ALARM,
    spaceAfter=4,
)
SIGN = ParagraphStyle("sign", parent=st.BODY, leftIndent=12, firstLineIndent=-12, spaceAfter=3)


def warning_signs_block(screen: Screen, wording: Wording) -> list[Flowable]:
    twin = wording.twin(screen)
    twin_sections = {s.urgency: s for s in getattr(twin, "sections", ()) if s.urgency}
    return [
        _panel(section, twin_sections.get(section.urgency))
        for section in getattr(screen, "sections", ())
        if section.urgency
    ]


def _panel(section: Section, twin: Section | None) -> Table:
    emergency = section.urgency == "emergency"
    twin_signs = {sign.id: sign.text for sign in twin.signs} if twin else {}
    flow: list[Flowable] = [
        lines(
            [section.heading, twin.heading if twin else None],
            EMERGENCY_HEADING if emergency else st.SUBHEADING,
        )
    ]
    if section.text:
        flow.append(lines([section.text, twin.text if twin else None], st.BODY))
    flow += [
        lines([f"•  {sign.text}", twin_signs.get(sign.id)], SIGN, bold=emergency)
        for sign in section.signs
    ]
    flow += [lines([f"•  {bullet}"], SIGN) for bullet in section.bullets]
    panel = st.boxed(flow)
    if emergency:  # the same panel, made red and framed all round
        panel.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ALARM_TINT),
                    ("BOX", (0, 0), (-1, -1), 1.5, ALARM),
                    ("LINEBEFORE", (0, 0), (0, -1), 7, ALARM),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ]
            )
        )
    return panel
