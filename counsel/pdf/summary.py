"""The acknowledgement's first pages: what a clinician with a minute needs, in one place.

Who and what (patient, procedure, level, date, clinician), then one row per fact the
session settles (leaning, candidacy, teach-back, open questions, SURE, topics, language),
then the statement and the signatures; where the clinic signs the procedure consent in
Counsel, the consent's terms come just before the signatures. Rows come from each screen
kind's ``summary`` in ``screen_kinds.SCREEN_KINDS``, in the content's order, so a new kind of
screen adds its row with its entry there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Table, TableStyle

from counsel.core import session_facts as facts
from counsel.core.content import ChecklistScreen, ClinicSettings, Screen, SignaturesScreen
from counsel.core.screen_kinds import SCREEN_KINDS, part
from counsel.pdf import styles as st
from counsel.pdf.consent import consent_block, consent_statements, document_title
from counsel.pdf.fonts import BOLD
from counsel.pdf.signatures import signatures_block
from counsel.pdf.tagging import Paragraph
from counsel.pdf.wording import Wording, lines, one_line, stacked

Row = tuple[list[Flowable], list[Flowable]]
RowMaker = Callable[[Any, Wording], list[Row]]  # takes its kind's class (ScreenKind.content)

SUMMARY_HEADING = ParagraphStyle("summaryheading", parent=st.HEADING, keepWithNext=0)
FACT_LABEL = ParagraphStyle("factlabel", parent=st.ROW, fontName=BOLD)
FACT_ITEM = ParagraphStyle("factitem", parent=st.ROW, leftIndent=12, firstLineIndent=-12)


def summary_story(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    """Page one and, with several signers, page two."""
    session = wording.session
    titles = [document_title(language, clinic) for language in wording.languages]
    story: list[Flowable] = [
        st.para(clinic.name, st.CLINIC),
        st.para(f"{clinic.address} · {clinic.phone}", st.LABEL),
        HRFlowable(width="100%", thickness=1.5, color=st.ACCENT, spaceBefore=6, spaceAfter=10),
        *stacked(titles, st.TITLE),
        identity_box(wording),
        # The table may run on to page two rather than leave page one half empty.
        CondPageBreak(1.5 * inch),
        wording.heading("summary", SUMMARY_HEADING),
        _facts_table(_fact_rows(wording)),
    ]
    # A consent's terms come before the signatures: a patient signs what is above the line.
    story += consent_block(wording, clinic)
    signing = session.content.first_of(SignaturesScreen)
    if signing is not None:
        twin = wording.twin(signing)
        heading = one_line([signing.title, twin.title if twin else None], st.HEADING)
        story += signatures_block(signing, wording, heading, consent_statements(wording, clinic))
    return story


def _fact_rows(wording: Wording) -> list[Row]:
    session = wording.session
    rows: list[Row] = []
    leaning = facts.leaning(session)
    if leaning is not None:
        rows.append(_row(wording, "leaning", [st.para(leaning, st.ROW)]))
    for screen in session.content.screens:
        rows += _rows_of(screen.kind)(screen, wording)
    sure = facts.sure(session)
    if sure is not None:
        score = wording.said("sure_score", yes=sure.yes, total=sure.total)
        rows.append(_row(wording, "sure", stacked(score, st.ROW)))
    return rows + [_topics_row(wording), _language_row(wording)]


def _row(wording: Wording, label: str, value: list[Flowable]) -> Row:
    return stacked(wording.said(label), FACT_LABEL), value


def _no_rows(screen: Screen, wording: Wording) -> list[Row]:
    return []


def _rows_of(kind: str) -> RowMaker:
    """The summary rows a kind's entry names (``ScreenKind.summary``); most kinds add none."""
    named = SCREEN_KINDS[kind].summary
    return cast(RowMaker, part("counsel.pdf", named)) if named else _no_rows


def candidacy_rows(screen: ChecklistScreen, wording: Wording) -> list[Row]:
    found = facts.candidacy_facts(wording.session)
    if found is None:
        return []
    twin = wording.twin(screen)
    if found.verdict is None:
        value: list[Flowable] = stacked(wording.said("no_result"), st.ROW)
    else:
        titles = [screen.results[found.verdict].title]
        if twin is not None:
            titles.append(twin.results[found.verdict].title)
        value = [lines(titles, st.ROW, bold=True)]
    if found.closer_look:
        twins = wording.twin_entries(screen, "items")
        value.append(wording.para("closer_look", st.ROW))
        for item, answer in found.closer_look:
            answers = wording.said(f"answer_{answer}")
            other = twins.get(item.id)
            texts = [f"•  {item.text} — {answers[0]}"]
            if other is not None and len(answers) > 1:
                texts.append(f"{other.text} — {answers[1]}")
            value.append(lines(texts, FACT_ITEM))
    return [_row(wording, "candidacy", value)]


def quiz_rows(screen: Screen, wording: Wording) -> list[Row]:
    tally = facts.quiz_tally(wording.session)
    if tally is None:
        return []
    text = wording.said(
        "quiz_tally", first=tally.first_right, final=tally.final_right, total=tally.total
    )
    return [_row(wording, "teach_back", stacked(text, st.ROW))]


def questions_rows(screen: Screen, wording: Wording) -> list[Row]:
    session = wording.session
    open_ones = facts.unanswered_questions(session)
    count = len(session.questions)
    if not count:
        value: list[Flowable] = stacked(wording.said("no_questions"), st.ROW)
    elif not open_ones:
        value = stacked(wording.said("questions_answered", count=count), st.ROW)
    else:
        value = stacked(wording.said("questions_open", count=count, open=len(open_ones)), st.ROW)
        value += [st.para(f"•  {entry.question}", FACT_ITEM) for entry in open_ones]
    return [_row(wording, "questions", value)]


def _topics_row(wording: Wording) -> Row:
    session = wording.session
    required = session.content.required_screens
    discussed = sum(1 for screen in required if session.is_discussed(screen.id))
    text = wording.said("topics_discussed", discussed=discussed, total=len(required))
    return _row(wording, "topics", stacked(text, st.ROW))


def _language_row(wording: Wording) -> Row:
    """The language of the record, and which screens were shown in which language."""
    session = wording.session
    used = facts.session_languages(session)
    if len(used) == 1:
        return _row(wording, "language", [st.para(wording.language_name(*used), st.ROW)])
    value: list[Flowable] = []
    for language in sorted(used):
        titles = [
            screen.title
            for screen in session.content.screens
            if language in facts.languages_shown(session, screen.id)
        ]
        if titles:
            name = wording.language_name(language)
            value.append(st.para(f"{name}: {', '.join(titles)}", FACT_ITEM))
    return _row(wording, "language", value)


def _facts_table(rows: list[Row]) -> Table:
    table = st.ruled_rows([[label, value] for label, value in rows], ("27%", "73%"))
    table.spaceAfter = 6
    return table


def identity_box(wording: Wording) -> Table:
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
        "session_times",
        started=words.format_datetime(started, wording.zone),
        signed=session.sealed_at,
    )
    wide = [
        ("procedure", session.content.procedure),
        ("clinician", clinician or not_recorded),
        ("session", times),
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
        [
            cell("levels"),
            value(", ".join(details.levels) or not_recorded),
            cell("session_id"),
            value(session.id),
        ],
    ]
    table = Table(rows, colWidths=["21%", "29%", "21%", "29%"])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, st.ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), st.TINT),
                *(("SPAN", (1, row), (3, row)) for row in (0, *range(2, len(rows) - 1))),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 2, 4
    return table
