"""One block of the acknowledgement per screen, chosen by the screen's kind.

The PDF follows the content data: screens print in the content's order, and each kind adds
what was said or answered on it, with the block its entry in ``screen_kinds.SCREEN_KINDS``
names (a function taking that kind's screen class; a test checks each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable

from counsel.core.content import (
    ChecklistScreen,
    ComparisonScreen,
    Content,
    OutcomesScreen,
    QuizQuestion,
    QuizScreen,
    Screen,
    StepsScreen,
)
from counsel.core.rules import candidacy
from counsel.core.screen_kinds import SCREEN_KINDS, part
from counsel.core.session_facts import session_languages
from counsel.pdf import styles as st
from counsel.pdf.decision_blocks import answers_table
from counsel.pdf.icon_array import figure_block
from counsel.pdf.illustrations import beside, captioned_grid
from counsel.pdf.tagging import Paragraph
from counsel.pdf.wording import Wording, lines

# A block takes its kind's own screen class (``ScreenKind.content``); a test checks each.
Block = Callable[[Any, Wording], list[Flowable]]


def block_of(kind: str) -> Block:
    """The block a kind's entry names. Only kinds whose picture teaches print it beside the
    summary (``pictured``): the others' decorate a greeting or a form, and the procedure
    prints each step's picture instead (``steps_block``)."""
    block = part("counsel.pdf", SCREEN_KINDS[kind].block)
    assert callable(block), f"{kind}: {SCREEN_KINDS[kind].block} is not a block"
    return cast(Block, block)


def appendix_screens(content: Content) -> list[Screen]:
    """The screens shown before signing, in order.

    Screens after the signatures screen (what happens next) are shown once the record is
    signed and locked, so the record can say nothing true about them; they are left out.
    """
    signing = content.first_of_kind("signatures")
    last = content.index_of(signing.id) if signing is not None else len(content.screens) - 1
    return list(content.screens[: last + 1])


def screen_block(number: int, screen: Screen, wording: Wording) -> list[Flowable]:
    """Title, when it was shown (and discussed), what it covered, then its details.

    A screen that was never shown prints no summary: its summary says what was done there.
    """
    twin = wording.twin(screen)
    heading = lines([f"{number}. {screen.title}", twin.title if twin else None], st.HEADING)
    shown = wording.session.is_seen(screen.id)
    kind = SCREEN_KINDS[screen.kind]
    details = block_of(screen.kind)(screen, wording) if shown or kind.always_printed else []
    if not shown:
        return [heading, wording.para("not_shown", st.META), *details]
    summary: Flowable = lines(
        [screen.summary, twin.summary if twin else None], st.SUMMARY if details else st.BODY
    )
    if screen.illustration and kind.pictured:
        summary = beside([summary], screen.illustration, wording.picture_labels)
    return [heading, _visit_line(screen, wording), summary, *details]


def _visit_line(screen: Screen, wording: Wording) -> Flowable:
    """When it was shown, in which language when more than one was used, and whether it was
    marked as discussed: said only of screens that have the mark (the required ones)."""
    session = wording.session
    visit = session.visits[screen.id]
    parts = [wording.said("shown", when=visit.first_viewed)]
    if len(session_languages(session)) > 1:
        names = ", ".join(wording.language_name(code) for code in visit.languages)
        parts.append(wording.said("shown_in", languages=names))
    if visit.discussed_at is not None:
        parts.append(wording.said("discussed", when=visit.discussed_at))
    elif screen.required:
        parts.append(wording.said("not_discussed"))
    return lines([" ".join(words) for words in zip(*parts, strict=True)], st.META)


def nothing_more(screen: Screen, wording: Wording) -> list[Flowable]:
    return []


def steps_block(screen: StepsScreen, wording: Wording) -> list[Flowable]:
    pictured = [
        (f"{number}. {step.title}", step.illustration)
        for number, step in enumerate(screen.steps, 1)
        if step.illustration
    ]
    return [captioned_grid(pictured, labels_for=wording.picture_labels)] if pictured else []


def checklist_block(screen: ChecklistScreen, wording: Wording) -> list[Flowable]:
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
        twin_title = twin.results[verdict].title if twin is not None else ""
        result = [wording.labelled("result", [chosen.title, twin_title]), st.para(chosen.text)]
    return [table, st.boxed(result)]


def outcomes_block(screen: OutcomesScreen, wording: Wording) -> list[Flowable]:
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


def comparison_block(screen: ComparisonScreen, wording: Wording) -> list[Flowable]:
    """One block per option, every row's value under the option's name, at body size: a
    five-column table needed 9 pt type in columns a few words wide."""
    flow: list[Flowable] = []
    for option in screen.options:
        text = st.para(option.text)
        flow += [
            st.para(option.name, st.SUBHEADING),
            beside([text], option.illustration, wording.picture_labels)
            if option.illustration
            else text,
            *(st.labelled(row.label, row.values[option.id], st.INDENTED) for row in screen.rows),
        ]
    return flow


def questions_block(screen: Screen, wording: Wording) -> list[Flowable]:
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


def quiz_block(screen: QuizScreen, wording: Wording) -> list[Flowable]:
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
