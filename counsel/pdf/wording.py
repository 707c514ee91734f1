"""The acknowledgement's own words: the patient's language, and for the clinic's copy its own.

Every word the PDF adds to the content (labels, dates, "Page 1 of 9") comes from the
content's document.toml, so the paper is in the language the patient was counseled in. A
bilingual copy puts the clinic's wording under the patient's, smaller and grey, so the
patient's text still reads first and the chart reader needs no second document. What was
typed or chosen (names, answers, questions) is printed once, exactly as entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache
from typing import Any, cast

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from counsel.core.content import AnyScreen, Content, IllustrationLabel, Screen
from counsel.core.formatting import DocumentWords
from counsel.core.session import Session
from counsel.pdf import styles as st
from counsel.pdf.fonts import REGULAR
from counsel.pdf.tagging import Paragraph

SECOND_SCALE = 0.85  # the clinic's wording, relative to the patient's
SECOND_MIN = 9.0  # but never under 9 pt, the smallest the document prints


def document_words(content: Content) -> DocumentWords:
    if content.document is None:
        raise ValueError(f"content {content.language!r} has no document.toml words")
    return content.document


@dataclass(frozen=True)
class Language:
    words: DocumentWords
    content: Content


class Wording:
    """The document's languages for one session, the patient's first."""

    def __init__(
        self,
        session: Session,
        bilingual_with: Content | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        self.session = session
        self.zone = zone  # the clinic's time zone; None: the computer's
        self.languages = [Language(document_words(session.content), session.content)]
        if bilingual_with is not None:
            if bilingual_with.language == session.content.language:
                raise ValueError("a bilingual acknowledgement needs a second language")
            self.languages.append(Language(document_words(bilingual_with), bilingual_with))

    @property
    def words(self) -> DocumentWords:
        """The patient's language: for what is printed once (values, header, footer)."""
        return self.languages[0].words

    def say(self, name: str, **values: object) -> str:
        """A label in the patient's language; a datetime value reads as "at 9:05 AM CST
        (UTC−6)", in the clinic's time zone."""
        return self.said(name, **values)[0]

    def said(self, name: str, **values: object) -> list[str]:
        """A label in each language, the patient's first."""
        return [self._fill(language.words, name, values) for language in self.languages]

    def language_name(self, code: str) -> str:
        """A language's name in the patient's language ("Spanish", "español")."""
        name = f"language_{code}"
        return self.words.label(name) if name in self.words.labels else code

    def picture_labels(self, illustration: str) -> tuple[IllustrationLabel, ...]:
        """The words over a picture, in the patient's language (the document's)."""
        return self.languages[0].content.labels_for(illustration)

    def twin(self, screen: AnyScreen) -> AnyScreen | None:
        """The same screen in the clinic's language, for a bilingual copy."""
        if len(self.languages) == 1 or not self.languages[1].content.has_screen(screen.id):
            return None
        other = self.languages[1].content.screen(screen.id)
        return cast("AnyScreen", other) if type(other) is type(screen) else None

    def twin_entries(self, screen: Screen, part: str) -> dict[str, Any]:
        """The clinic-language entries of one of a screen's lists ("items"), by id."""
        return {entry.id: entry for entry in getattr(self.twin(screen), part, ())}

    def para(self, name: str, style: ParagraphStyle = st.BODY, **values: object) -> Paragraph:
        """A label as a paragraph, the clinic's wording on a line under the patient's."""
        return lines(self.said(name, **values), style)

    def heading(self, name: str, style: ParagraphStyle) -> Paragraph:
        return one_line(self.said(name), style)

    def labelled(
        self, name: str, value: str | Sequence[str], style: ParagraphStyle = st.BODY
    ) -> Paragraph:
        """``Label: value``; bilingual, ``Etiqueta / Label: valor`` with the clinic's value
        (when ``value`` is a [patient's, clinic's] pair) on a grey line under it."""
        main, *other = self.said(name)
        values = [value] if isinstance(value, str) else list(value)
        label = f"<b>{st.text(main)}</b>"
        if other:
            label += " " + second(f"/ {other[0]}", style, size=False)
        markup = f"{label}<b>:</b> {st.text(values[0])}"
        if other and len(values) > 1 and values[1]:
            markup += "<br/>" + second(values[1], style)
        return Paragraph(markup, style)

    def _fill(self, words: DocumentWords, name: str, values: dict[str, object]) -> str:
        filled = {
            key: self._when(words, value) if isinstance(value, datetime) else value
            for key, value in values.items()
        }
        return words.label(name, **filled)

    def _when(self, words: DocumentWords, moment: datetime) -> str:
        """The time alone on the session's own day (the date heads the document), else in full."""
        start = self.session.started_at or moment
        local = moment.astimezone(self.zone)
        time = words.format_time(moment, self.zone)
        if local.date() == start.astimezone(self.zone).date():
            return words.label("at_time", time=time)
        return words.label("at_datetime", date=words.format_date(local), time=time)


def second(value: str, style: ParagraphStyle, size: bool = True) -> str:
    """Paragraph markup for the clinic's wording: regular weight, grey, smaller."""
    points = f' size="{max(style.fontSize * SECOND_SCALE, SECOND_MIN):.1f}"' if size else ""
    return f'<font name="{REGULAR}"{points} color="{st.MUTED.hexval()}">{st.text(value)}</font>'


def lines(texts: Sequence[str | None], style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """The patient's text, then the clinic's (when given) on a grey line under it."""
    first, *rest = texts
    markup = f"<b>{st.text(first or '')}</b>" if bold else st.text(first or "")
    for other in rest:
        if other and other != first:  # a name the same in both ("MILD") is printed once
            markup += "<br/>" + second(other, style)
    return Paragraph(markup, style)


def stacked(
    texts: Sequence[str | None],
    style: ParagraphStyle,
    second_size: float | None = None,
    label: str = "",
) -> list[Flowable]:
    """Like ``lines``, but the other language is a paragraph of its own on a leading that
    fits its smaller type, so a bilingual page holds more: where space decides the page.
    ``label`` goes in bold before the first text ("Clinician / Clínico: …")."""
    first, *rest = texts
    others = [text for text in rest if text and text != first]
    markup = (f"<b>{st.text(label)}:</b> " if label else "") + st.text(first or "")
    if not others:
        return [Paragraph(markup, style)]
    size = second_size or max(style.fontSize * SECOND_SCALE, SECOND_MIN)
    lead = ParagraphStyle(f"{style.name}-lead", parent=style, spaceAfter=1)
    return [Paragraph(markup, lead), *(st.para(text, _second(style, size)) for text in others)]


@cache
def _second(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}-second",
        parent=style,
        fontName=REGULAR,
        fontSize=size,
        leading=round(size * 1.3, 1),
        textColor=st.MUTED,
        spaceBefore=0,
        firstLineIndent=0,
    )


def one_line(texts: Sequence[str | None], style: ParagraphStyle) -> Paragraph:
    """A heading on one line; bilingual, ``Firmas / Signatures`` with the clinic's in grey."""
    first, *rest = texts
    markup = st.text(first or "")
    for other in rest:
        if other and other != first:
            markup += " " + second(f"/ {other}", style, size=False)
    return Paragraph(markup, style)
