"""The patient's take-home copy: a few large-print pages to read at home, without glasses.

Not the chart copy. It says, in the patient's language and in plain words, what the visit
taught (each teach-back question with its explanation), what they are leaning toward, what
happens next, which warning signs mean calling 911 and which mean calling the clinic, the
clinic's phone, and the patient portal as a QR code when the clinic has one. Everything is
read from the content and the session; nothing medical is written here.
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
)

from counsel.core import session_facts as facts
from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.content import ClinicSettings, DoneScreen, QuizScreen
from counsel.core.session import Session
from counsel.pdf import styles as st
from counsel.pdf.acknowledgement import PAGE_SIZES, NumberedCanvas
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.pdf.wording import Wording

LARGE = ParagraphStyle("large", parent=st.BODY, fontSize=14, leading=20, spaceAfter=8)
LARGE_BOLD = ParagraphStyle("largebold", parent=LARGE, fontName=BOLD, spaceAfter=2)
LARGE_TITLE = ParagraphStyle(
    "largetitle", parent=LARGE, fontName=BOLD, fontSize=24, leading=30, spaceAfter=6
)
LARGE_HEADING = ParagraphStyle(
    "largeheading",
    parent=LARGE,
    fontName=BOLD,
    fontSize=19,
    leading=24,
    textColor=st.ACCENT,
    spaceBefore=16,
    spaceAfter=6,
    keepWithNext=1,
)
SIGN = ParagraphStyle("takehomesign", parent=LARGE, leftIndent=20, firstLineIndent=-20)
ALARM = colors.HexColor("#A3261A")  # a dark red that still reads as dark in greyscale
URGENT_HEADING = ParagraphStyle("urgent", parent=LARGE_HEADING, textColor=ALARM)
PHONE = ParagraphStyle("phone", parent=LARGE, fontName=BOLD, fontSize=22, leading=28)
QR_SIZE = 1.6 * inch


def build_take_home(session: Session, clinic: ClinicSettings) -> bytes:
    """The take-home copy of a signed session, in memory."""
    if not session.is_sealed:
        raise ValueError("Only a signed session has a take-home copy; this one is not sealed.")
    register_fonts()
    wording = Wording(session, zone=clinic.zone)
    buffer = io.BytesIO()
    width, height = PAGE_SIZES[clinic.paper]
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        title=wording.say("take_home_title", procedure=session.content.procedure),
        author=clinic.name,
        creator="Counsel",
        invariant=True,
        initialFontName=REGULAR,
        lang=session.content.language,
    )
    frame = Frame(st.MARGIN, st.MARGIN, width - 2 * st.MARGIN, height - 2 * st.MARGIN, 0, 0, 0, 0)
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(
        _story(wording, clinic),
        canvasmaker=partial(NumberedCanvas, footer=partial(_footer, wording, width)),
    )
    return buffer.getvalue()


def write_take_home(session: Session, clinic: ClinicSettings, path: Path) -> None:
    write_bytes_atomically(Path(path), build_take_home(session, clinic))


def _story(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    session = wording.session
    content = session.content
    details = session.details
    assert session.sealed_at is not None
    story: list[Flowable] = [
        wording.para("take_home_title", LARGE_TITLE, procedure=content.procedure),
        wording.para(
            "take_home_for",
            LARGE,
            patient=details.patient_name,
            date=wording.words.format_date(session.sealed_at.astimezone(wording.zone)),
            clinician=details.clinician_name,
        ),
    ]
    leaning = facts.leaning(session)
    if leaning is not None:
        story += [wording.para("leaning", LARGE_HEADING), st.para(leaning, LARGE)]
    story += _learned(wording)
    done = content.first_of_kind("done")
    if isinstance(done, DoneScreen) and done.text:
        story += [wording.para("next_steps", LARGE_HEADING), st.para(done.text, LARGE)]
    story += _warning_signs(wording, clinic)
    story += _contact(wording, clinic)
    return story


def _learned(wording: Wording) -> list[Flowable]:
    quiz = wording.session.content.first_of_kind("quiz")
    if not isinstance(quiz, QuizScreen):
        return []
    flow: list[Flowable] = [wording.para("learned", LARGE_HEADING)]
    for question in quiz.questions:
        flow.append(
            KeepTogether([st.para(question.text, LARGE_BOLD), st.para(question.explanation, LARGE)])
        )
    return flow


def _warning_signs(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    """Emergency signs first, in red, then the call-the-clinic signs with the phone number."""
    flow: list[Flowable] = []
    for group in facts.warning_groups(wording.session.content):
        emergency = group.urgency == "emergency"
        panel: list[Flowable] = [
            st.para(group.heading, URGENT_HEADING if emergency else LARGE_HEADING),
            *(st.para(f"•  {sign}", SIGN) for sign in group.signs),
        ]
        if group.note:
            panel.append(st.para(group.note, LARGE))
        if not emergency:
            panel.append(wording.para("clinic_phone", PHONE, phone=clinic.phone))
        flow.append(KeepTogether(panel))
    return flow


def _contact(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    flow: list[Flowable] = [
        wording.para("contact", LARGE_HEADING),
        st.para(clinic.name, LARGE_BOLD),
        st.para(clinic.address, LARGE),
        st.para(clinic.phone, PHONE),
    ]
    if clinic.portal:
        code = QrCodeWidget(clinic.portal, barLevel="M")
        left, bottom, right, top = code.getBounds()
        drawing = Drawing(
            QR_SIZE,
            QR_SIZE,
            transform=[QR_SIZE / (right - left), 0, 0, QR_SIZE / (top - bottom), 0, 0],
        )
        drawing.add(code)
        text = [wording.para("portal", LARGE_BOLD), st.para(clinic.portal, LARGE)]
        table = Table([[drawing, text]], colWidths=[QR_SIZE + 16, None])
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
        flow.append(KeepTogether([Spacer(1, 6), table]))
    return flow


def _footer(wording: Wording, width: float, canvas: Canvas, number: int, total: int) -> None:
    canvas.saveState()
    canvas.setFillColor(st.MUTED)
    canvas.setFont(REGULAR, 11)
    canvas.drawString(st.MARGIN, st.MARGIN - 28, wording.session.details.patient_name)
    canvas.drawRightString(
        width - st.MARGIN, st.MARGIN - 28, wording.say("page", number=number, total=total)
    )
    canvas.restoreState()
