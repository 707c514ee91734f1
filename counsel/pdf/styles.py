"""The acknowledgement's type, colour and text helpers, in one place.

Sized for an older reader with reading glasses: 11 pt body on generous leading, bold
headings, and one dark accent that stays distinct when printed in greyscale.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table, TableStyle

from counsel.pdf.fonts import BOLD, REGULAR
from counsel.pdf.tagging import Paragraph

ACCENT = colors.HexColor("#1F4E79")
TINT = colors.HexColor("#EEF3F8")  # light enough to print as a faint grey, not a block
RULE = colors.HexColor("#9DB3C8")
MUTED = colors.HexColor("#4A4A4A")
INK = colors.HexColor("#14234B")  # blue-black pen ink

MARGIN = 0.75 * inch

BODY = ParagraphStyle(
    "body",
    fontName=REGULAR,
    fontSize=11,
    leading=15.5,
    spaceAfter=5,
    textColor=colors.black,
    allowWidows=0,
)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=18, leading=23, spaceBefore=6, spaceAfter=10
)
CLINIC = ParagraphStyle(
    "clinic", parent=BODY, fontName=BOLD, fontSize=13, leading=17, textColor=ACCENT, spaceAfter=1
)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=14,
    leading=18,
    textColor=ACCENT,
    spaceBefore=16,
    spaceAfter=3,
    keepWithNext=1,
)
SUBHEADING = ParagraphStyle(
    "subheading", parent=BODY, fontName=BOLD, spaceBefore=7, spaceAfter=2, keepWithNext=1
)
META = ParagraphStyle(
    "meta", parent=BODY, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=4, keepWithNext=1
)
# Ends the signing block: kept with the last signature, not pulled onto the next topic's page.
SEALED = ParagraphStyle("sealed", parent=SUBHEADING, keepWithNext=0)
QUESTION = ParagraphStyle("question", parent=BODY, spaceBefore=7, spaceAfter=3)
INDENTED = ParagraphStyle("indented", parent=BODY, leftIndent=14)
INDENTED_LEAD = ParagraphStyle("indentedlead", parent=INDENTED, keepWithNext=1)
LABEL = ParagraphStyle("label", parent=BODY, fontSize=9.5, leading=13, textColor=MUTED)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=10, leading=13.5)
# Kept with what follows, so a heading and its summary never end a page alone.
SUMMARY = ParagraphStyle("summary", parent=BODY, keepWithNext=1)
ROW = ParagraphStyle("row", parent=BODY, spaceAfter=0)
SOURCE = ParagraphStyle("source", parent=SMALL, leftIndent=16, firstLineIndent=-16, spaceAfter=4)
HEADER = ParagraphStyle("header", parent=SMALL, fontSize=9, leading=11, textColor=MUTED)
CAPTION = ParagraphStyle("caption", parent=SMALL, alignment=TA_CENTER, spaceBefore=3, spaceAfter=0)


def text(value: str) -> str:
    """Typed or content text made safe for Paragraph markup; line breaks are kept."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text(value), style)


def labelled(label: str, value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """``Label: value`` with the label bold; ``label`` is ours, ``value`` is escaped."""
    return Paragraph(f"<b>{text(label)}:</b> {text(value)}", style)


def ruled_rows(rows: list[list[Flowable]], widths: tuple[str, str]) -> Table:
    """Two columns (a label or question, then its value), a thin rule under each row."""
    table = Table(rows, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def boxed(flowables: list[Flowable]) -> Table:
    """A tinted panel with an accent bar on the left, for results and cautions."""
    table = Table([[flowables]], colWidths=["100%"])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 6, 6
    return table
