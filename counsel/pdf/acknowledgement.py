"""The signed acknowledgement of counseling, as a PDF the patient takes home and the chart keeps.

Built only from a sealed session, so the paper can never show something other than what
was signed. Every page names the patient (pages get separated in a chart) and the exact
content the patient was shown (its version and SHA-256).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import referenced_sources
from counsel.core.session import Session
from counsel.pdf import styles as st
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.pdf.sections import screen_block
from counsel.pdf.wording import Wording, lines

PAGE_SIZES = {"letter": LETTER, "a4": A4}

# Compressed streams stay binary: reportlab's default ASCII85 layer on top makes the file a
# sixth bigger and costs 20-40 ms a build in pure Python, for 7-bit mail no one uses.
rl_config.useA85 = 0

Decorate = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """Holds every page until the end, so each can say "Page X of Y" (the two-pass trick)."""

    def __init__(self, *args: Any, decorate: Decorate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self._decorate(self, number, len(self._pages))
            super().showPage()
        super().save()


def build_acknowledgement(
    session: Session, clinic: ClinicSettings, bilingual_with: Content | None = None
) -> bytes:
    """The PDF in the patient's language, in memory; refuses a session that is not signed.

    ``bilingual_with`` (the clinic's content, in another language) adds the clinic's wording
    under the patient's, for the clinic's file when counseling was in another language.
    """
    if not session.is_sealed:
        raise ValueError("Only a signed session has an acknowledgement; this one is not sealed.")
    register_fonts()
    wording = Wording(session, bilingual_with)
    buffer = io.BytesIO()
    page_width, page_height = PAGE_SIZES[clinic.paper]
    document = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        title=wording.say("title", procedure=session.content.procedure),
        author=clinic.name,  # no patient details in metadata, which file indexers show
        creator="Counsel",
    )
    frame = Frame(
        st.MARGIN,
        st.MARGIN,
        page_width - 2 * st.MARGIN,
        page_height - 2 * st.MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(
        _story(wording, clinic),
        canvasmaker=partial(
            NumberedCanvas, decorate=partial(_decorate, wording, page_width, page_height)
        ),
    )
    return buffer.getvalue()


def write_acknowledgement(
    session: Session, clinic: ClinicSettings, path: Path, bilingual_with: Content | None = None
) -> None:
    """Build first, then write atomically: a failure leaves no file and no temporary file."""
    write_bytes_atomically(Path(path), build_acknowledgement(session, clinic, bilingual_with))


def _story(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    content = wording.session.content
    titles = [
        lang.words.label("title", procedure=lang.content.procedure) for lang in wording.languages
    ]
    story: list[Flowable] = [
        st.para(clinic.name, st.CLINIC),
        st.para(f"{clinic.address} · {clinic.phone}", st.LABEL),
        HRFlowable(width="100%", thickness=1.5, color=st.ACCENT, spaceBefore=6, spaceAfter=10),
        lines(titles, st.TITLE),
        _identity(wording),
        wording.para("intro"),
    ]
    for number, screen in enumerate(content.screens, 1):
        story += screen_block(number, screen, wording)
    story.append(wording.para("sources", st.HEADING))
    cited = dict.fromkeys(s for screen in content.screens for s in referenced_sources(screen))
    for number, source_id in enumerate(cited, 1):
        source = content.sources[source_id]
        maker = f" ({wording.say('industry')})" if source.industry else ""
        story.append(st.para(f"{number}. {source.citation}{maker}", st.SOURCE))
    story += [
        st.para(
            wording.say("content_version", version=content.version, title=content.title),
            st.SUBHEADING,
        ),
        st.para(wording.say("content_digest"), st.SMALL),
        st.para(content.sha256, st.SMALL),
    ]
    return story


def _identity(wording: Wording) -> Table:
    """The boxed who-what-when block on page one, as label/value pairs in two columns."""
    session, words = wording.session, wording.words
    details = session.details
    started = session.started_at or session.sealed_at
    assert started is not None and session.sealed_at is not None
    clinician = details.clinician_name
    if details.clinician_credentials:
        clinician += f", {details.clinician_credentials}"

    def cell(label: str) -> Paragraph:
        return wording.para(label, st.LABEL)

    def value(text: str, bold: bool = False) -> Paragraph:
        return Paragraph(f"<b>{st.text(text)}</b>" if bold else st.text(text), st.ROW)

    not_recorded = wording.say("not_recorded")
    birth = words.format_date(details.date_of_birth) if details.date_of_birth else not_recorded
    times = wording.say(
        "session_times", started=words.format_datetime(started), signed=session.sealed_at
    )
    wide = [
        ("procedure", session.content.procedure),
        ("levels", ", ".join(details.levels)),
        ("clinician", clinician),
        ("session", times),
        ("session_id", session.id),
    ]
    rows = [
        [cell("patient"), value(details.patient_name, bold=True), "", ""],
        [
            cell("date_of_birth"),
            value(birth, bold=True),
            cell("record_number"),
            value(details.record_number or not_recorded, True),
        ],
        *([cell(label), value(text), "", ""] for label, text in wide),
    ]
    table = Table(rows, colWidths=["18%", "34%", "18%", "30%"])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, st.ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), st.TINT),
                *(("SPAN", (1, row), (3, row)) for row in (0, *range(2, len(rows)))),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 9),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 2, 12
    return table


def _decorate(
    wording: Wording, width: float, height: float, canvas: Canvas, number: int, total: int
) -> None:
    """Running header (who this page is about) and footer (which page, which content)."""
    details, words = wording.session.details, wording.words
    unknown = wording.say("header_not_recorded")
    birth = words.format_date(details.date_of_birth) if details.date_of_birth else unknown
    who = [
        wording.say("header_birth", date=birth),
        wording.say("header_record", number=details.record_number or unknown),
    ]
    # Non-breaking spaces keep "DOB Mar 14, 1948" whole when a long name wraps the line.
    header = Paragraph(
        f"<b>{st.text(details.patient_name)}</b> · "
        + st.text(" · ".join(who)).replace(" ", "\u00a0"),
        st.HEADER,
    )
    header.wrap(width - 2 * st.MARGIN, st.MARGIN)  # a long name wraps upwards, never off
    header.drawOn(canvas, st.MARGIN, height - st.MARGIN + 12)
    canvas.saveState()
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.6)
    canvas.line(st.MARGIN, height - st.MARGIN + 8, width - st.MARGIN, height - st.MARGIN + 8)
    canvas.line(st.MARGIN, st.MARGIN - 14, width - st.MARGIN, st.MARGIN - 14)
    content = wording.session.content
    canvas.setFillColor(st.MUTED)
    canvas.setFont(REGULAR, 8.5)
    canvas.drawString(
        st.MARGIN,
        st.MARGIN - 28,
        wording.say("footer", version=content.version, digest=content.sha256[:16]),
    )
    canvas.setFillColor(st.ACCENT)
    canvas.setFont(BOLD, 10)
    page = wording.say("page", number=number, total=total)
    canvas.drawRightString(width - st.MARGIN, st.MARGIN - 29, page)
    canvas.restoreState()
