"""Reading each kind of screen from its TOML table (one function per ``kind``).

The table maps every kind in ``content.SCREEN_KINDS`` to its reader, so a new kind is one
function and one line here, plus its screen class in the interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counsel.core import content as c
from counsel.core.content_warning_signs import WarningCatalogue, section_signs
from counsel.core.toml_reader import TableReader, names_a_file

ANSWERS = ("yes", "no")
VERDICTS = ("candidate", "review", "not_candidate")
FIGURE_TONES = ("risk", "benefit")


@dataclass(frozen=True)
class Shared:
    """What every screen may refer to: the resources folder and the language's warning signs."""

    root: Path
    warnings: WarningCatalogue


def illustration(reader: TableReader, shared: Shared) -> str:
    """An optional illustration file name, checked to exist."""
    name = reader.optional_text("illustration")
    if name and not names_a_file(shared.root / "illustrations", name):
        raise reader.error("illustration", f"no file resources/illustrations/{name}")
    return name


def _sections(reader: TableReader, minimum: int, shared: Shared) -> tuple[c.Section, ...]:
    if minimum == 0 and not reader.has("sections"):
        return ()
    sections = []
    for entry in reader.tables("sections", minimum=max(minimum, 1)):
        sections.append(_section(entry, shared.warnings))
        if not (sections[-1].text or sections[-1].bullets or sections[-1].signs):
            raise entry.error("text", "a section needs text, bullets or signs")
        entry.finish()
    return tuple(sections)


def _section(entry: TableReader, warnings: WarningCatalogue) -> c.Section:
    """A section; a warning-signs section (``urgency``) takes its heading from the signs file."""
    signs: tuple[c.WarningSign, ...] = ()
    if entry.has("urgency"):
        if entry.has("heading"):
            raise entry.error("heading", "a warning-signs section takes its urgency's heading")
        urgency = entry.choice("urgency", c.URGENCIES)
        heading, signs = warnings.headings[urgency], section_signs(entry, urgency, warnings)
    elif entry.has("signs"):
        raise entry.error("signs", "warning signs need the section's 'urgency'")
    else:
        urgency, heading = "", entry.text("heading")
    return c.Section(
        heading=heading,
        text=entry.optional_text("text"),
        bullets=entry.texts("bullets"),
        sources=entry.texts("sources"),
        urgency=urgency,
        signs=signs,
    )


def _details(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.DetailsScreen(**common, sections=_sections(reader, 0, shared))


def _info(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.InfoScreen(**common, sections=_sections(reader, 1, shared))


def _checklist(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
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
    _unique(reader, "items", [item.id for item in items])
    return c.ChecklistScreen(**common, items=tuple(items), results=results)


def _steps(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
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


def _outcomes(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
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
    _unique(reader, "items", [item.id for item in items])
    return c.OutcomesScreen(**common, items=tuple(items), caution=reader.optional_text("caution"))


def _comparison(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
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
    _unique(reader, "options", option_ids)
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


def _questions(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.QuestionsScreen(**common, prompts=reader.texts("prompts"))


def _quiz(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
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
    _unique(reader, "questions", [question.id for question in questions])
    return c.QuizScreen(**common, questions=tuple(questions))


def _signatures(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.SignaturesScreen(
        **common,
        statement=reader.text("statement"),
        clinician_statement=reader.text("clinician_statement"),
        interpreter_statement=reader.text("interpreter_statement"),
        witness_statement=reader.text("witness_statement"),
    )


def _done(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.DoneScreen(**common, text=reader.text("text"))


KIND_READERS: dict[str, Callable[[TableReader, dict, Shared], c.Screen]] = {
    "details": _details,
    "info": _info,
    "checklist": _checklist,
    "steps": _steps,
    "outcomes": _outcomes,
    "comparison": _comparison,
    "questions": _questions,
    "quiz": _quiz,
    "signatures": _signatures,
    "done": _done,
}


def _unique(reader: TableReader, key: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise reader.error(key, f"id {item_id!r} is used twice")
        seen.add(item_id)
