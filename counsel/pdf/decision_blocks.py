"""The decision aid on paper: the patient's ratings and what fits them, the leaning, SURE.

What the patient said, printed as said, so the chart shows how the decision was reached and
whether any doubt (a SURE "no") was talked through; the About screen prints in full.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from counsel.core.content import AboutScreen, LeaningScreen, SureScreen, ValuesScreen
from counsel.core.decision_rules import option_fits, sure_score, sure_to_revisit
from counsel.pdf import styles as st
from counsel.pdf.wording import Wording, lines


def values_block(screen: ValuesScreen, wording: Wording) -> list[Flowable]:
    ratings = wording.session.decisions.get(screen.id, {})
    scale = {step.id: step.text for step in screen.scale}
    twins = wording.twin_entries(screen, "priorities")
    rows = [
        [
            lines([p.text, getattr(twins.get(p.id), "text", None)], st.ROW),
            _answer(wording, scale.get(ratings.get(p.id, ""))),
        ]
        for p in screen.priorities
    ]
    flow: list[Flowable] = [answers_table(rows)]
    fits = [fit for fit in option_fits(screen, ratings) if fit.serves]  # only choices that fit
    if fits:
        flow.append(lines(wording.said("fits"), st.SUBHEADING))
    for fit in fits:
        served = "; ".join(priority.text for priority in fit.serves)
        flow.append(st.labelled(fit.option.text, served, st.INDENTED))
    return flow


def leaning_block(screen: LeaningScreen, wording: Wording) -> list[Flowable]:
    answers = wording.session.decisions.get(screen.id, {})
    chosen = {c.id: c.text for c in screen.choices}.get(next(iter(answers.values()), ""))
    return [wording.labelled("leaning", chosen or wording.say("not_answered"))]


def sure_block(screen: SureScreen, wording: Wording) -> list[Flowable]:
    answers = wording.session.decisions.get(screen.id, {})
    twins = wording.twin_entries(screen, "questions")
    rows = [
        [
            lines([q.text, getattr(twins.get(q.id), "text", None)], st.ROW),
            _answer(wording, wording.say(f"answer_{answers[q.id]}") if q.id in answers else None),
        ]
        for q in screen.questions
    ]
    flow: list[Flowable] = [answers_table(rows)]
    score = sure_score(screen, answers)
    if score is not None:
        said = wording.said("sure_score", yes=score, total=len(screen.questions))
        flow.append(lines(said, st.BODY, bold=True))
    revisits = [
        wording.labelled("revisit", f"{q.text} {q.revisit}")
        for q in sure_to_revisit(screen, answers)
    ]
    return flow + ([st.boxed(revisits)] if revisits else [])


def about_block(screen: AboutScreen, wording: Wording) -> list[Flowable]:
    return [st.labelled(section.heading, section.text) for section in screen.sections]


def _answer(wording: Wording, text: str | None) -> Flowable:
    return lines([text] if text else wording.said("not_answered"), st.ROW, bold=True)


def answers_table(rows: list[list[Flowable]], widths: tuple[str, str] = ("70%", "30%")) -> Table:
    """Question (or priority) on the left, the answer given on the right."""
    return st.ruled_rows(rows, widths)
