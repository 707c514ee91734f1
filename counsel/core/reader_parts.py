"""What every screen reader shares: the resources folder, the warning signs, illustrations,
headed sections and unique ids (used by ``screen_readers`` and ``decision_readers``)."""

from __future__ import annotations

from pathlib import Path

from counsel.core import content as c
from counsel.core.content_warning_signs import WarningCatalogue, section_signs
from counsel.core.frozen import Frozen
from counsel.core.toml_reader import TableReader, names_a_file


class Shared(Frozen, kw_only=False):
    """What every screen may refer to: the resources folder and the language's warning signs."""

    root: Path
    warnings: WarningCatalogue


def illustration(reader: TableReader, shared: Shared) -> str:
    """An optional illustration file name, checked to exist."""
    name = reader.optional_text("illustration")
    if name and not names_a_file(shared.root / "illustrations", name):
        raise reader.error("illustration", f"no file resources/illustrations/{name}")
    return name


def sections(reader: TableReader, minimum: int, shared: Shared) -> tuple[c.Section, ...]:
    if minimum == 0 and not reader.has("sections"):
        return ()
    found = []
    for entry in reader.tables("sections", minimum=max(minimum, 1)):
        found.append(_section(entry, shared.warnings))
        if not (found[-1].text or found[-1].bullets or found[-1].signs):
            raise entry.error("text", "a section needs text, bullets or signs")
        entry.finish()
    return tuple(found)


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


def unique(reader: TableReader, key: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise reader.error(key, f"id {item_id!r} is used twice")
        seen.add(item_id)
