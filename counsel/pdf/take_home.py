"""The patient's take-home copy: a few large-print pages to read at home, without glasses.

Not the chart copy. It says, in the patient's language and in plain words, what the visit
taught (each teach-back question with its explanation), what they are leaning toward, what
happens next, which warning signs mean calling 911 and which mean calling the clinic, the
clinic's phone, and the patient portal as a QR code when the clinic has one. Everything is
read from the content and the session; nothing medical is written here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
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
from counsel.core.content import LEANING, ClinicSettings, Content, DoneScreen, QuizScreen
from counsel.core.session import Session
from counsel.pdf import styles as st
from counsel.pdf.acknowledgement import PAGE_SIZES, NumberedCanvas
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.pdf.structure import with_structure
from counsel.pdf.tagging import Mark
from counsel.pdf.wording import Wording, stacked

LARGE = ParagraphStyle("large", parent=st.BODY, fontSize=14, leading=20, spaceAfter=8)
LARGE_BOLD = ParagraphStyle("largebold", parent=LARGE, fontName=BOLD, spaceAfter=2)
QUESTION = ParagraphStyle("takehomequestion", parent=LARGE_BOLD, keepWithNext=1)  # never alone
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
SECOND_SIZE = 12  # the other language of a bilingual copy


def second_language(session: Session, clinic: ClinicSettings) -> str | None:
    """The language printed under the patient's, if any: the clinic's when counseling was in
    another (as the bilingual acknowledgement), else one a screen was also shown in."""
    if session.needs_interpreter:
        return clinic.language
    others = sorted(facts.session_languages(session) - {session.content.language})
    return others[0] if others else None


def build_take_home(
    session: Session, clinic: ClinicSettings, bilingual_with: Content | None = None
) -> bytes:
    """The take-home copy of a signed session, in memory; ``bilingual_with`` (the content in
    ``second_language``) prints each passage in that language too, under the patient's."""
    if not session.is_sealed:
        raise ValueError("Only a signed session has a take-home copy; this one is not sealed.")
    register_fonts()
    wording = Wording(session, bilingual_with, clinic.zone)
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
    marked_pages: list[list[Mark]] = []
    document.build(
        _story(wording, clinic),
        canvasmaker=partial(
            NumberedCanvas, footer=partial(_footer, wording, width), marked_pages=marked_pages
        ),
    )
    return with_structure(buffer.getvalue(), marked_pages)


def write_take_home(
    session: Session, clinic: ClinicSettings, path: Path, bilingual_with: Content | None = None
) -> None:
    write_bytes_atomically(Path(path), build_take_home(session, clinic, bilingual_with))


def _story(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    session = wording.session
    content = session.content
    details = session.details
    assert session.sealed_at is not None
    story: list[Flowable] = [
        *_stacked(wording.said("take_home_title", procedure=content.procedure), LARGE_TITLE),
        *_stacked(
            [
                language.words.label(
                    "take_home_for",
                    patient=details.patient_name,
                    date=language.words.format_date(session.sealed_at.astimezone(wording.zone)),
                    clinician=details.clinician_name,
                )
                for language in wording.languages
            ],
            LARGE,
        ),
    ]
    leaning = facts.leaning(session)
    if leaning is not None:
        story += [
            *_stacked(wording.said("leaning"), LARGE_HEADING),
            *_stacked(_leanings(wording), LARGE),
        ]
    story += _learned(wording)
    done = content.first_of(DoneScreen)
    if done is not None and done.text:
        twin = wording.twin(done)
        story += [
            *_stacked(wording.said("next_steps"), LARGE_HEADING),
            *_stacked([done.text, getattr(twin, "text", None)], LARGE),
        ]
    story += _warning_signs(wording, clinic)
    story += _contact(wording, clinic)
    return story


def _learned(wording: Wording) -> list[Flowable]:
    quiz = wording.session.content.first_of(QuizScreen)
    if quiz is None:
        return []
    twins = wording.twin_entries(quiz, "questions")
    flow = _stacked(wording.said("learned"), LARGE_HEADING)
    for question in quiz.questions:
        twin = twins.get(question.id)
        flow += [
            *_stacked([question.text, getattr(twin, "text", None)], QUESTION),
            *_stacked([question.explanation, getattr(twin, "explanation", None)], LARGE),
        ]
    return flow


def _leanings(wording: Wording) -> list[str | None]:
    """The choice the patient leans toward, in each language."""
    leaning = facts.leaning(wording.session)
    screen = wording.session.content.first_of_kind("leaning")
    twin = wording.twin(screen) if screen is not None else None
    if twin is None or screen is None:
        return [leaning]
    chosen = wording.session.decisions.get(screen.id, {}).get(LEANING)
    return [leaning, next((c.text for c in getattr(twin, "choices", ()) if c.id == chosen), None)]


def _warning_signs(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    """Emergency signs first, in red, then the call-the-clinic signs with the phone number."""
    flow: list[Flowable] = []
    twins = {group.urgency: group for group in _twin_groups(wording)}
    for group in facts.warning_groups(wording.session.content):
        emergency = group.urgency == "emergency"
        twin = twins.get(group.urgency)
        twin_signs: tuple[str | None, ...] = (None,) * len(group.signs)
        if twin is not None and len(twin.signs) == len(group.signs):  # the same signs, in order
            twin_signs = twin.signs
        heading = _stacked(
            [group.heading, twin.heading if twin else None],
            URGENT_HEADING if emergency else LARGE_HEADING,
        )
        signs = [
            _stacked([f"•  {sign}", other], SIGN)
            for sign, other in zip(group.signs, twin_signs, strict=True)
        ]
        # The heading and the first sign stay together; a long list may go on to the next page.
        flow += [KeepTogether(heading + (signs[0] if signs else []))]
        flow += [part for sign in signs[1:] for part in sign]
        if group.note:
            flow += _stacked([group.note, twin.note if twin else None], LARGE)
        if not emergency:
            flow += _stacked(wording.said("clinic_phone", phone=clinic.phone), PHONE)
    return flow


def _twin_groups(wording: Wording) -> list[facts.WarningGroup]:
    languages = wording.languages
    return facts.warning_groups(languages[1].content) if len(languages) > 1 else []


def _contact(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    flow: list[Flowable] = [
        *_stacked(wording.said("contact"), LARGE_HEADING),
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
        text = [*_stacked(wording.said("portal"), LARGE_BOLD), st.para(clinic.portal, LARGE)]
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


def _stacked(texts: Sequence[str | None], style: ParagraphStyle) -> list[Flowable]:
    """The patient's text, then the other language's in grey at 12 pt: large print for the
    patient, the other line for family or staff."""
    return stacked(texts, style, SECOND_SIZE)
