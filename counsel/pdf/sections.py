"""One block of the acknowledgement per screen, chosen by the screen's kind.

The PDF follows the content data: screens print in the content's order, and each kind adds
what was said or answered on it. A new kind needs one entry in ``BLOCKS``; a test checks
that every kind in the content model has one.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from counsel.core.content import (
    ChecklistScreen,
    ComparisonScreen,
    OutcomesScreen,
    QuizQuestion,
    QuizScreen,
    Screen,
    StepsScreen,
)
from counsel.core.rules import candidacy
from counsel.core.session import Session
from counsel.pdf import styles as st
from counsel.pdf.icon_array import figure_block
from counsel.pdf.illustrations import beside, captioned_grid
from counsel.pdf.signatures import signatures_block

Block = Callable[[Screen, Session], list[Flowable]]

ANSWER_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


# Kinds whose picture teaches, printed beside the summary. The others' pictures decorate a
# greeting or a form; the procedure prints each step's picture instead (``_steps``).
PICTURED_KINDS = ("info", "checklist", "outcomes", "comparison")


def screen_block(number: int, screen: Screen, session: Session) -> list[Flowable]:
    """Title, what the screen covered, when it was shown and discussed, then its details."""
    details = BLOCKS[screen.kind](screen, session)
    summary: Flowable = st.para(screen.summary, st.SUMMARY if details else st.BODY)
    if screen.illustration and screen.kind in PICTURED_KINDS:
        summary = beside([summary], screen.illustration)
    return [
        Paragraph(f"{number}. {st.text(screen.title)}", st.HEADING),
        st.para(_visit_line(screen, session), st.META),
        summary,
        *details,
    ]


def _visit_line(screen: Screen, session: Session) -> str:
    visit = session.visits.get(screen.id)
    if visit is None:
        return "Not shown."
    shown = f"Shown at {st.when(visit.first_viewed, session)}"
    if visit.discussed_at is None:
        return f"{shown}. Not marked as discussed."
    return f"{shown}. Marked as discussed at {st.when(visit.discussed_at, session)}."


def _nothing_more(screen: Screen, session: Session) -> list[Flowable]:
    return []


def _steps(screen: Screen, session: Session) -> list[Flowable]:
    assert isinstance(screen, StepsScreen)
    pictured = [
        (f"{number}. {step.title}", step.illustration)
        for number, step in enumerate(screen.steps, 1)
        if step.illustration
    ]
    return [captioned_grid(pictured)] if pictured else []


def _checklist(screen: Screen, session: Session) -> list[Flowable]:
    assert isinstance(screen, ChecklistScreen)
    rows = []
    for item in screen.items:
        answer = ANSWER_WORDS.get(session.checklist.get(item.id, ""), "Not answered")
        rows.append([st.para(item.text, st.ROW), Paragraph(f"<b>{answer}</b>", st.ROW)])
    table = Table(rows, colWidths=["82%", "18%"])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, st.RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    verdict = candidacy(screen, session.checklist)
    if verdict is None:
        result = [st.para("Not every question was answered, so there is no result.")]
    else:
        chosen = screen.results[verdict]
        result = [st.labelled("Result", chosen.title), st.para(chosen.text)]
    return [table, st.boxed(result)]


def _outcomes(screen: Screen, session: Session) -> list[Flowable]:
    assert isinstance(screen, OutcomesScreen)
    content = session.content
    flow: list[Flowable] = []
    for item in screen.items:
        flow += [
            st.para(item.title, st.SUBHEADING),
            st.labelled("How likely", item.likelihood, st.INDENTED_LEAD),
            st.para(item.text, st.INDENTED),
        ]
        if item.action:
            flow.append(st.labelled("What is done about it", item.action, st.INDENTED))
        if item.figure is not None:
            flow.append(figure_block(item.figure, content.sources[item.figure.source].short))
    if screen.caution:
        flow.append(st.boxed([st.labelled("Please note", screen.caution)]))
    return flow


def _comparison(screen: Screen, session: Session) -> list[Flowable]:
    assert isinstance(screen, ComparisonScreen)
    option_width = f"{84 / len(screen.options):.2f}%"
    header = [Paragraph("", st.CELL_HEAD)] + [st.para(o.name, st.CELL_HEAD) for o in screen.options]
    rows = [
        [st.para(row.label, st.CELL_HEAD)]
        + [st.para(row.values[option.id], st.CELL) for option in screen.options]
        for row in screen.rows
    ]
    table = Table(
        [header, *rows], colWidths=["16%"] + [option_width] * len(screen.options), repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, st.RULE),
                ("BACKGROUND", (0, 0), (-1, 0), st.TINT),
                ("BACKGROUND", (0, 1), (0, -1), st.TINT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 4, 8
    options: list[Flowable] = []
    for option in screen.options:
        text = st.labelled(option.name, option.text)
        options.append(beside([text], option.illustration) if option.illustration else text)
    return [table, *options]


def _questions(screen: Screen, session: Session) -> list[Flowable]:
    if not session.questions:
        return [st.para("No questions were asked.")]
    flow: list[Flowable] = []
    for number, entry in enumerate(session.questions, 1):
        asked = st.text(f"Asked at {st.when(entry.asked_at, session)}")
        flow += [
            # Not keep-with-next: a long answer should split, not leave half a page empty.
            CondPageBreak(1.2 * inch),
            Paragraph(
                f"<b>{number}. {st.text(entry.question)}</b><br/>"
                f'<font size="{st.META.fontSize}" color="{st.MUTED.hexval()}">{asked}</font>',
                st.QUESTION,
            ),
            st.labelled("Answer", entry.answer or "No answer was written down.", st.INDENTED),
        ]
    return flow


def _quiz(screen: Screen, session: Session) -> list[Flowable]:
    assert isinstance(screen, QuizScreen)
    first_right = sum(
        1 for q in screen.questions if (tries := session.quiz.get(q.id)) and tries[0].correct
    )
    total = len(screen.questions)
    flow: list[Flowable] = [
        Paragraph(f"<b>{first_right} of {total} right on the first try.</b>", st.BODY)
    ]
    for question in screen.questions:
        flow.append(st.para(question.text, st.SUBHEADING))
        attempts = session.quiz.get(question.id, [])
        if not attempts:
            flow.append(st.para("Not answered.", st.INDENTED))
            continue
        final, first = attempts[-1], attempts[0]
        verdict = "correct" if final.correct else "not correct"
        flow.append(
            st.labelled(
                f"Final answer ({verdict})", _choice(question, final.choice), st.INDENTED_LEAD
            )
        )
        first_try = (
            "Right."
            if first.correct
            else f"Not right: \u201c{_choice(question, first.choice)}\u201d It was explained,"
            " then answered again."
        )
        flow.append(st.labelled("First try", first_try, st.INDENTED))
    return flow


def _choice(question: QuizQuestion, index: int) -> str:
    return question.choices[index] if 0 <= index < len(question.choices) else "?"


BLOCKS: dict[str, Block] = {
    "details": _nothing_more,
    "info": _nothing_more,
    "checklist": _checklist,
    "steps": _steps,
    "outcomes": _outcomes,
    "comparison": _comparison,
    "questions": _questions,
    "quiz": _quiz,
    "signatures": signatures_block,
    "done": _nothing_more,
}
