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
from counsel.core.rules import candidacy, needs_a_closer_look
from counsel.pdf import styles as st
from counsel.pdf.decision_blocks import DECISION_BLOCKS, answers_table
from counsel.pdf.icon_array import figure_block
from counsel.pdf.illustrations import beside, captioned_grid
from counsel.pdf.signatures import signatures_block
from counsel.pdf.warning_signs import warning_signs_block
from counsel.pdf.wording import Wording, lines

Block = Callable[[Screen, Wording], list[Flowable]]


# Kinds whose picture teaches, printed beside the summary. The others' pictures decorate a
# greeting or a form; the procedure prints each step's picture instead (``_steps``).
PICTURED_KINDS = ("info", "checklist", "outcomes", "comparison")


def screen_block(number: int, screen: Screen, wording: Wording) -> list[Flowable]:
    """Title, what the screen covered, when it was shown and discussed, then its details."""
    details = BLOCKS[screen.kind](screen, wording)
    twin = wording.twin(screen)
    summary: Flowable = lines(
        [screen.summary, twin.summary if twin else None], st.SUMMARY if details else st.BODY
    )
    if screen.illustration and screen.kind in PICTURED_KINDS:
        summary = beside([summary], screen.illustration, wording.picture_labels)
    return [
        lines([f"{number}. {screen.title}", twin.title if twin else None], st.HEADING),
        _visit_line(screen, wording),
        summary,
        *details,
    ]


def _visit_line(screen: Screen, wording: Wording) -> Flowable:
    visit = wording.session.visits.get(screen.id)
    if visit is None:
        return wording.para("not_shown", st.META)
    shown = wording.said("shown", when=visit.first_viewed)
    if visit.discussed_at is None:
        then = wording.said("not_discussed")
    else:
        then = wording.said("discussed", when=visit.discussed_at)
    return lines([f"{a} {b}" for a, b in zip(shown, then, strict=True)], st.META)


def _nothing_more(screen: Screen, wording: Wording) -> list[Flowable]:
    return []


def _steps(screen: Screen, wording: Wording) -> list[Flowable]:
    assert isinstance(screen, StepsScreen)
    pictured = [
        (f"{number}. {step.title}", step.illustration)
        for number, step in enumerate(screen.steps, 1)
        if step.illustration
    ]
    return [captioned_grid(pictured, labels_for=wording.picture_labels)] if pictured else []


def _checklist(screen: Screen, wording: Wording) -> list[Flowable]:
    assert isinstance(screen, ChecklistScreen)
    twin = wording.twin(screen)
    twins = wording.twin_entries(screen, "items")
    rows = []
    for item in screen.items:
        answer = wording.session.checklist.get(item.id, "")
        name = f"answer_{answer}" if answer else "not_answered"
        other = twins.get(item.id)
        rows.append(
            [
                lines([item.text, other and other.text], st.ROW),
                lines(wording.said(name), st.ROW, bold=True),
            ]
        )
    table = answers_table(rows, ("82%", "18%"))
    verdict = candidacy(screen, wording.session.checklist)
    if verdict is None:
        result = [wording.para("no_result")]
    else:
        chosen = screen.results[verdict]
        twin_title = twin.results[verdict].title if isinstance(twin, ChecklistScreen) else ""
        result = [wording.labelled("result", [chosen.title, twin_title]), st.para(chosen.text)]
    looks = needs_a_closer_look(screen, wording.session.checklist)
    if looks:
        result.append(wording.labelled("closer_look", "; ".join(looks)))
    return [table, st.boxed(result)]


def _outcomes(screen: Screen, wording: Wording) -> list[Flowable]:
    assert isinstance(screen, OutcomesScreen)
    content = wording.session.content
    twins = wording.twin_entries(screen, "items")
    flow: list[Flowable] = []
    for item in screen.items:
        other = twins.get(item.id)
        flow += [
            lines([item.title, other and other.title], st.SUBHEADING),
            wording.labelled("how_likely", item.likelihood, st.INDENTED_LEAD),
            st.para(item.text, st.INDENTED),
        ]
        if item.compared_with:
            flow.append(wording.labelled("compared_with", item.compared_with, st.INDENTED))
        if item.action:
            flow.append(wording.labelled("what_is_done", item.action, st.INDENTED))
        if item.figure is not None:
            source = content.sources[item.figure.source].short
            flow.append(figure_block(item.figure, source, wording))
    if screen.caution:
        flow.append(st.boxed([wording.labelled("please_note", screen.caution)]))
    return flow


def _comparison(screen: Screen, wording: Wording) -> list[Flowable]:
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
        options.append(
            beside([text], option.illustration, wording.picture_labels)
            if option.illustration
            else text
        )
    return [table, *options]


def _questions(screen: Screen, wording: Wording) -> list[Flowable]:
    session = wording.session
    if not session.questions:
        return [wording.para("no_questions")]
    flow: list[Flowable] = []
    for number, entry in enumerate(session.questions, 1):
        asked = st.text(wording.say("asked", when=entry.asked_at))
        answer = [entry.answer] if entry.answer else wording.said("no_answer")
        flow += [
            # Not keep-with-next: a long answer should split, not leave half a page empty.
            CondPageBreak(1.2 * inch),
            Paragraph(
                f"<b>{number}. {st.text(entry.question)}</b><br/>"
                f'<font size="{st.META.fontSize}" color="{st.MUTED.hexval()}">{asked}</font>',
                st.QUESTION,
            ),
            wording.labelled("answer", answer, st.INDENTED),
        ]
    return flow


def _quiz(screen: Screen, wording: Wording) -> list[Flowable]:
    assert isinstance(screen, QuizScreen)
    quiz = wording.session.quiz
    twins = wording.twin_entries(screen, "questions")
    first_right = sum(1 for q in screen.questions if (tries := quiz.get(q.id)) and tries[0].correct)
    score = wording.said("quiz_score", right=first_right, total=len(screen.questions))
    flow: list[Flowable] = [lines(score, st.BODY, bold=True)]
    for question in screen.questions:
        other = twins.get(question.id)
        flow.append(lines([question.text, other and other.text], st.SUBHEADING))
        attempts = quiz.get(question.id, [])
        if not attempts:
            flow.append(wording.para("not_answered", st.INDENTED))
            continue
        final, first = attempts[-1], attempts[0]
        verdict = "final_right" if final.correct else "final_wrong"
        chosen = _choice(question, final.choice)
        flow.append(wording.labelled(verdict, chosen, st.INDENTED_LEAD))
        if first.correct:
            first_try = wording.said("first_right")
        else:
            first_try = wording.said("first_wrong", choice=_choice(question, first.choice))
        flow.append(wording.labelled("first_try", first_try, st.INDENTED))
    return flow


def _choice(question: QuizQuestion, index: int) -> str:
    return question.choices[index] if 0 <= index < len(question.choices) else "?"


BLOCKS: dict[str, Block] = {
    "details": _nothing_more,
    "info": warning_signs_block,
    "checklist": _checklist,
    "steps": _steps,
    "outcomes": _outcomes,
    "comparison": _comparison,
    "questions": _questions,
    "quiz": _quiz,
    "signatures": signatures_block,
    "done": _nothing_more,
    **DECISION_BLOCKS,
}
