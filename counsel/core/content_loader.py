"""Loading and checking the content files (see resources/content/SCHEMA.md).

Every check a clinic's edit could break happens here, at start-up, so a mistake is a clear
message naming the file and the field, never a blank screen in front of a patient.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from counsel.core import content as c
from counsel.core.formatting import load_document_words
from counsel.core.illustration_labels import load_illustration_labels
from counsel.core.toml_reader import ContentError, TableReader
from counsel.resources import resources_dir

ANSWERS = ("yes", "no")
VERDICTS = ("candidate", "review", "not_candidate")
PAPER_SIZES = ("letter", "a4")
FIGURE_TONES = ("risk", "benefit")


def content_digest(folder: Path) -> str:
    """SHA-256 over every file of one language, path and bytes, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_content(language: str = "en", root: Path | None = None) -> c.Content:
    root = root or resources_dir()
    folder = root / "content" / language
    if not folder.is_dir():
        raise ContentError(f"content/{language}: no such language folder ({folder})")
    meta = TableReader.open(folder / "meta.toml", f"content/{language}/meta.toml")
    sources = _load_sources(folder, language)
    screen_ids = meta.texts("screens", required=True)
    screens = tuple(
        _load_screen(folder, language, screen_id, root) for screen_id in screen_ids
    )
    content = c.Content(
        language=meta.text("language"),
        language_name=meta.text("language_name"),
        version=meta.text("version"),
        title=meta.text("title"),
        procedure=meta.text("procedure"),
        screens=screens,
        sources=sources,
        sha256=content_digest(folder),
        document=load_document_words(folder, language),
        illustration_labels=load_illustration_labels(folder, language, root),
    )
    meta.finish()
    _check_references(content, language)
    return content


def language_names(root: Path | None = None) -> dict[str, str]:
    """Each content language's code and name (``{"es": "Español"}``), read from meta.toml only.

    A new folder under resources/content/ is a new language: no code changes."""
    folder = (root or resources_dir()) / "content"
    names = {}
    for meta in sorted(folder.glob("*/meta.toml")):
        label = f"content/{meta.parent.name}/meta.toml"
        names[meta.parent.name] = TableReader.open(meta, label).text("language_name")
    return names


def load_clinic(root: Path | None = None) -> c.ClinicSettings:
    reader = TableReader.open((root or resources_dir()) / "clinic.toml", "clinic.toml")
    clinic = c.ClinicSettings(
        name=reader.text("name"),
        address=reader.text("address"),
        phone=reader.text("phone"),
        paper=reader.choice("paper", PAPER_SIZES),
        levels=reader.texts("levels", required=True),
        language=reader.text("language"),
        records_folder=reader.optional_text("records_folder"),
    )
    reader.finish()
    return clinic


def _load_sources(folder: Path, language: str) -> dict[str, c.Source]:
    reader = TableReader.open(folder / "sources.toml", f"content/{language}/sources.toml")
    table = reader.table("sources")
    sources = {}
    for source_id in table.names():
        entry = table.table(source_id)
        sources[source_id] = c.Source(
            id=source_id,
            citation=entry.text("citation"),
            short=entry.text("short"),
            industry=entry.flag("industry", False),
        )
        entry.finish()
    reader.finish()
    return sources


def _load_screen(folder: Path, language: str, screen_id: str, root: Path) -> c.Screen:
    label = f"content/{language}/screens/{screen_id}.toml"
    reader = TableReader.open(folder / "screens" / f"{screen_id}.toml", label)
    kind = reader.choice("kind", c.SCREEN_KINDS)
    common = dict(
        id=screen_id,
        kind=kind,
        title=reader.text("title"),
        nav_title=reader.text("nav_title"),
        summary=reader.text("summary"),
        required=reader.flag("required", False),
        intro=reader.optional_text("intro"),
        illustration=_illustration(reader, root),
        sources=reader.texts("sources"),
    )
    screen = _KIND_READERS[kind](reader, common, root)
    reader.finish()
    return screen


def _illustration(reader: TableReader, root: Path) -> str:
    name = reader.optional_text("illustration")
    if name and not (root / "illustrations" / name).is_file():
        raise reader.error("illustration", f"no file resources/illustrations/{name}")
    return name


def _sections(reader: TableReader, minimum: int) -> tuple[c.Section, ...]:
    if minimum == 0 and not reader.has("sections"):
        return ()
    sections = []
    for entry in reader.tables("sections", minimum=max(minimum, 1)):
        sections.append(
            c.Section(
                heading=entry.text("heading"),
                text=entry.optional_text("text"),
                bullets=entry.texts("bullets"),
                sources=entry.texts("sources"),
            )
        )
        if not (sections[-1].text or sections[-1].bullets):
            raise entry.error("text", "a section needs text or bullets")
        entry.finish()
    return tuple(sections)


def _details(reader: TableReader, common: dict, root: Path) -> c.Screen:
    return c.DetailsScreen(**common, sections=_sections(reader, minimum=0))


def _info(reader: TableReader, common: dict, root: Path) -> c.Screen:
    return c.InfoScreen(**common, sections=_sections(reader, minimum=1))


def _checklist(reader: TableReader, common: dict, root: Path) -> c.Screen:
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


def _steps(reader: TableReader, common: dict, root: Path) -> c.Screen:
    steps = []
    for entry in reader.tables("steps", minimum=2):
        steps.append(
            c.Step(
                title=entry.text("title"),
                text=entry.text("text"),
                illustration=_illustration(entry, root),
                sources=entry.texts("sources"),
            )
        )
        entry.finish()
    return c.StepsScreen(**common, steps=tuple(steps))


def _outcomes(reader: TableReader, common: dict, root: Path) -> c.Screen:
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
                sources=entry.texts("sources"),
                figure=figure,
            )
        )
        entry.finish()
    _unique(reader, "items", [item.id for item in items])
    return c.OutcomesScreen(**common, items=tuple(items), caution=reader.optional_text("caution"))


def _comparison(reader: TableReader, common: dict, root: Path) -> c.Screen:
    options = []
    for entry in reader.tables("options", minimum=2):
        options.append(
            c.Option(
                id=entry.text("id"),
                name=entry.text("name"),
                text=entry.text("text"),
                illustration=_illustration(entry, root),
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


def _questions(reader: TableReader, common: dict, root: Path) -> c.Screen:
    return c.QuestionsScreen(**common, prompts=reader.texts("prompts"))


def _quiz(reader: TableReader, common: dict, root: Path) -> c.Screen:
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


def _signatures(reader: TableReader, common: dict, root: Path) -> c.Screen:
    return c.SignaturesScreen(
        **common,
        statement=reader.text("statement"),
        clinician_statement=reader.text("clinician_statement"),
        interpreter_statement=reader.text("interpreter_statement"),
        witness_statement=reader.text("witness_statement"),
    )


def _done(reader: TableReader, common: dict, root: Path) -> c.Screen:
    return c.DoneScreen(**common, text=reader.text("text"))


_KIND_READERS: dict[str, Callable[[TableReader, dict, Path], c.Screen]] = {
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


def _check_references(content: c.Content, language: str) -> None:
    """Cross-file rules: known sources, quiz links to real screens, one screen per id."""
    ids = [screen.id for screen in content.screens]
    if len(set(ids)) != len(ids):
        raise ContentError(f"content/{language}/meta.toml: screens: an id is listed twice")
    for screen in content.screens:
        label = f"content/{language}/screens/{screen.id}.toml"
        for source_id in referenced_sources(screen):
            if source_id not in content.sources:
                raise ContentError(f"{label}: source {source_id!r} is not in sources.toml")
        if isinstance(screen, c.QuizScreen):
            for question in screen.questions:
                if not content.has_screen(question.covered_by):
                    raise ContentError(
                        f"{label}: question {question.id!r}: covered_by {question.covered_by!r}"
                        " is not a screen"
                    )
    for kind in ("details", "signatures", "done"):
        if content.first_of_kind(kind) is None:
            raise ContentError(f"content/{language}/meta.toml: screens: needs a {kind!r} screen")


def referenced_sources(screen: c.Screen) -> list[str]:
    """Every source id a screen names, wherever it names it."""
    found = list(screen.sources)
    for part in ("sections", "steps", "items", "rows"):
        for entry in getattr(screen, part, ()):
            found.extend(getattr(entry, "sources", ()))
            figure = getattr(entry, "figure", None)
            if figure is not None:
                found.append(figure.source)
    return found


def named_illustrations(screen: c.Screen) -> list[str]:
    """Every illustration file a screen names: its own, its steps' and its options'."""
    found = [screen.illustration]
    for part in ("steps", "options"):
        found += [entry.illustration for entry in getattr(screen, part, ())]
    return [name for name in found if name]
