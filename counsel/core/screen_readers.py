"""Reading each kind of screen from its TOML table: one function per ``kind``, named by the
kind's entry in ``screen_kinds.SCREEN_KINDS`` (the decision aid's in ``decision_readers``).
"""

from __future__ import annotations

from counsel.core import content as c
from counsel.core.reader_parts import Shared, illustration, sections, unique
from counsel.core.toml_reader import TableReader

ANSWERS = ("yes", "no")
VERDICTS = ("candidate", "review", "not_candidate")
FIGURE_TONES = ("risk", "benefit")


def read_details(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.DetailsScreen(**common, sections=sections(reader, 0, shared))


def read_info(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.InfoScreen(**common, sections=sections(reader, 1, shared))


def read_checklist(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    items = []
    for entry in reader.tables("items"):
        items.append(
            c.ChecklistItem(
                id=entry.text("id"),
                text=entry.text("text"),
                help=entry.optional_text("help"),
                favourable=entry.choice("favourable", ANSWERS),
                exclusion=entry.flag("exclusion", False),
            )
        )
        entry.finish()
    results_reader = reader.table("results")
    results = {}
    for verdict in VERDICTS:
        entry = results_reader.table(verdict)
        results[verdict] = c.Verdict(title=entry.text("title"), text=entry.text("text"))
        entry.finish()
    results_reader.finish()
    unique(reader, "items", [item.id for item in items])
    return c.ChecklistScreen(**common, items=tuple(items), results=results)


def read_steps(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    steps = []
    for entry in reader.tables("steps", minimum=2):
        steps.append(
            c.Step(
                title=entry.text("title"),
                text=entry.text("text"),
                illustration=illustration(entry, shared),
                sources=entry.texts("sources"),
            )
        )
        entry.finish()
    return c.StepsScreen(**common, steps=tuple(steps))


def read_outcomes(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    items = []
    for entry in reader.tables("items"):
        figure_reader = entry.optional_table("figure")
        figure = None
        if figure_reader is not None:
            per_100 = figure_reader.optional_number("per_100")
            if per_100 is not None and not 0 <= per_100 <= 100:
                raise figure_reader.error("per_100", f"must be between 0 and 100, not {per_100}")
            figure = c.Figure(
                text=figure_reader.text("text"),
                source=figure_reader.text("source"),
                per_100=per_100,
                tone=figure_reader.choice("tone", FIGURE_TONES)
                if figure_reader.has("tone")
                else "risk",
            )
            figure_reader.finish()
        items.append(
            c.Outcome(
                id=entry.text("id"),
                title=entry.text("title"),
                text=entry.text("text"),
                likelihood=entry.text("likelihood"),
                action=entry.optional_text("action"),
                compared_with=entry.optional_text("compared_with"),
                sources=entry.texts("sources"),
                figure=figure,
            )
        )
        entry.finish()
    unique(reader, "items", [item.id for item in items])
    return c.OutcomesScreen(**common, items=tuple(items), caution=reader.optional_text("caution"))


def read_comparison(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    options = []
    for entry in reader.tables("options", minimum=2):
        options.append(
            c.Option(
                id=entry.text("id"),
                name=entry.text("name"),
                text=entry.text("text"),
                illustration=illustration(entry, shared),
            )
        )
        entry.finish()
    option_ids = [option.id for option in options]
    unique(reader, "options", option_ids)
    rows = []
    for entry in reader.tables("rows"):
        values_reader = entry.table("values")
        values = {option_id: values_reader.text(option_id) for option_id in option_ids}
        values_reader.finish()
        rows.append(
            c.ComparisonRow(
                label=entry.text("label"), values=values, sources=entry.texts("sources")
            )
        )
        entry.finish()
    return c.ComparisonScreen(**common, options=tuple(options), rows=tuple(rows))


def read_questions(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.QuestionsScreen(**common, prompts=reader.texts("prompts"))


def read_quiz(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    questions = []
    for entry in reader.tables("questions"):
        choices = entry.texts("choices", required=True)
        if not 2 <= len(choices) <= 4:
            raise entry.error("choices", f"needs 2 to 4 choices, found {len(choices)}")
        answer = entry.integer("answer")
        if not 0 <= answer < len(choices):
            raise entry.error("answer", f"must be 0 to {len(choices) - 1} (a choice's index)")
        questions.append(
            c.QuizQuestion(
                id=entry.text("id"),
                text=entry.text("text"),
                choices=choices,
                answer=answer,
                explanation=entry.text("explanation"),
                covered_by=entry.text("covered_by"),
            )
        )
        entry.finish()
    unique(reader, "questions", [question.id for question in questions])
    return c.QuizScreen(**common, questions=tuple(questions))


def read_signatures(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.SignaturesScreen(
        **common,
        statement=reader.text("statement"),
        clinician_statement=reader.text("clinician_statement"),
        interpreter_statement=reader.text("interpreter_statement"),
        witness_statement=reader.text("witness_statement"),
    )


def read_done(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.DoneScreen(**common, text=reader.text("text"))
