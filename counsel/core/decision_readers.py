"""Reading the decision aid's screens (values, leaning, SURE, about) from their TOML tables."""

from __future__ import annotations

from counsel.core import content as c
from counsel.core.reader_parts import Shared, sections, unique
from counsel.core.toml_reader import TableReader


def _choices(reader: TableReader, key: str, minimum: int = 2) -> tuple[c.Choice, ...]:
    found = []
    for entry in reader.tables(key, minimum=minimum):
        found.append(c.Choice(id=entry.text("id"), text=entry.text("text")))
        entry.finish()
    unique(reader, key, [choice.id for choice in found])
    return tuple(found)


def read_values(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    choices = _choices(reader, "choices")
    option_ids = {option.id for option in choices}
    priorities = []
    for entry in reader.tables("priorities"):
        fits = entry.texts("fits")
        unknown = [option_id for option_id in fits if option_id not in option_ids]
        if unknown:
            raise entry.error("fits", f"{unknown[0]!r} is not one of this screen's options")
        priorities.append(c.Priority(id=entry.text("id"), text=entry.text("text"), fits=fits))
        entry.finish()
    unique(reader, "priorities", [priority.id for priority in priorities])
    return c.ValuesScreen(
        **common, scale=_choices(reader, "scale"), choices=choices, priorities=tuple(priorities)
    )


def read_leaning(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.LeaningScreen(**common, choices=_choices(reader, "choices"))


def read_sure(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    questions = []
    for entry in reader.tables("questions"):
        questions.append(
            c.SureQuestion(
                id=entry.text("id"),
                text=entry.text("text"),
                revisit=entry.text("revisit"),
                revisit_screen=entry.text("revisit_screen"),
            )
        )
        entry.finish()
    unique(reader, "questions", [question.id for question in questions])
    return c.SureScreen(**common, questions=tuple(questions))


def read_about(reader: TableReader, common: dict, shared: Shared) -> c.Screen:
    return c.AboutScreen(
        **common,
        sections=sections(reader, 1, shared),
        reviewers_heading=reader.text("reviewers_heading"),
    )
