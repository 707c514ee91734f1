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
    PageBreak,
    PageTemplate,
    Paragraph,
)

from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.audit_chain import canonical_json
from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import referenced_sources
from counsel.core.session import Session
from counsel.core.session_codec import session_to_dict
from counsel.pdf import styles as st
from counsel.pdf.archival import ArchivalRecord, make_archival
from counsel.pdf.consent import document_title
from counsel.pdf.fonts import BOLD, REGULAR, register_fonts
from counsel.pdf.sections import appendix_screens, screen_block
from counsel.pdf.summary import summary_story
from counsel.pdf.tagging import Mark, artifact
from counsel.pdf.wording import Wording

PAGE_SIZES = {"letter": LETTER, "a4": A4}

# Compressed streams stay binary: reportlab's default ASCII85 layer on top makes the file a
# sixth bigger and costs 20-40 ms a build in pure Python, for 7-bit mail no one uses.
rl_config.useA85 = 0

Decorate = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """Holds every page until the end, so each can say "Page X of Y" (the two-pass trick).

    ``header`` is drawn before the page's body and ``footer`` after it, in the content
    stream as on the page, so a screen reader (which reads an untagged PDF in stream
    order) meets who the page is about first and the page number last.
    """

    _code: list[str]  # the page's operators so far (reportlab's)

    def __init__(
        self,
        *args: Any,
        header: Decorate | None = None,
        footer: Decorate,
        marked_pages: list[list[Mark]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._header = header
        self._footer = footer
        self._pages: list[dict[str, Any]] = []
        self.marks: list[Mark] = []  # this page's marked content, by number (tagging.py)
        self._marked_pages = marked_pages  # every page's, for its structure tree

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self.marks = []
        self._startPage()

    def save(self) -> None:
        """Each page with its header and footer, both marked as artifacts: a screen reader
        reading the tags skips them, one reading the stream meets them first and last."""
        total = len(self._pages)
        for number, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self._marked_pages.append(self.marks)
            body = self._code
            if self._header is not None:
                self._code = []
                self._header(self, number, total)
                # In its own graphics state, so the body starts as it was laid out.
                body = ["q", *artifact(self._code), "Q", *body]
            self._code = []
            self._footer(self, number, total)
            self._code = [*body, *artifact(self._code)]
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
    wording = Wording(session, bilingual_with, clinic.zone)
    buffer = io.BytesIO()
    page_width, page_height = PAGE_SIZES[clinic.paper]
    document = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        title=document_title(wording.languages[0], clinic),
        author=clinic.name,  # no patient details in metadata, which file indexers show
        subject=session.content.title,
        invariant=True,  # no build-time stamps: the same session gives the same file
        creator="Counsel",
        initialFontName=REGULAR,  # not reportlab's Helvetica, which no PDF/A may reference
        lang=session.content.language,
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
    marked_pages: list[list[Mark]] = []
    document.build(
        _story(wording, clinic),
        canvasmaker=partial(
            NumberedCanvas,
            header=partial(_header, wording, page_width, page_height),
            footer=partial(_footer, wording, page_width),
            marked_pages=marked_pages,
        ),
    )
    record = _archival_record(session, wording, clinic, marked_pages)
    return make_archival(buffer.getvalue(), record)


def _archival_record(
    session: Session, wording: Wording, clinic: ClinicSettings, marked_pages: list[list[Mark]]
) -> ArchivalRecord:
    assert session.sealed_at is not None
    content = session.content
    return ArchivalRecord(
        title=document_title(wording.languages[0], clinic),
        language=content.language,
        session_id=session.id,
        content_version=content.version,
        content_sha256=content.sha256,
        sealed_at=session.sealed_at,
        record_json=canonical_json(session_to_dict(session)),
        description=wording.say("attachment"),
        marked_pages=marked_pages,
    )


def write_acknowledgement(
    session: Session, clinic: ClinicSettings, path: Path, bilingual_with: Content | None = None
) -> None:
    """Build first, then write atomically: a failure leaves no file and no temporary file."""
    write_bytes_atomically(Path(path), build_acknowledgement(session, clinic, bilingual_with))


def _story(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    """The summary and signatures first; then, from a new page, the session in detail."""
    content = wording.session.content
    story: list[Flowable] = [
        *summary_story(wording, clinic),
        PageBreak(),
        wording.para("appendix", st.TITLE),
        wording.para("intro"),
    ]
    for number, screen in enumerate(appendix_screens(content), 1):
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


def _header(
    wording: Wording, width: float, height: float, canvas: Canvas, number: int, total: int
) -> None:
    """Who this page is about, on every page (pages get separated in a chart)."""
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
    canvas.restoreState()


def _footer(wording: Wording, width: float, canvas: Canvas, number: int, total: int) -> None:
    """Which page of how many, and which content the patient was shown."""
    canvas.saveState()
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.6)
    canvas.line(st.MARGIN, st.MARGIN - 14, width - st.MARGIN, st.MARGIN - 14)
    content = wording.session.content
    canvas.setFillColor(st.MUTED)
    canvas.setFont(REGULAR, 9)
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
