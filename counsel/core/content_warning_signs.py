"""Reading warning_signs.toml: every sign that needs help, under the one heading it belongs to.

After MILD, new leg weakness with worsening back pain can be bleeding pressing on the nerves,
which needs surgery within hours; listing it under "call the clinic" could cost a patient
their legs. So each sign is written once, with its urgency, and screens name signs by id:
the loader refuses a screen that files a sign under another urgency's heading.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from counsel.core import content as c
from counsel.core.frozen import Frozen
from counsel.core.toml_reader import TableReader

FILE = "warning_signs.toml"


class WarningCatalogue(Frozen, kw_only=False):
    """One language's headings (by urgency) and signs (by id)."""

    headings: Mapping[str, str]
    signs: Mapping[str, c.WarningSign]


def load_warning_signs(folder: Path, language: str) -> WarningCatalogue:
    reader = TableReader.open(folder / FILE, f"content/{language}/{FILE}")
    headings_reader = reader.table("headings")
    headings = {urgency: headings_reader.text(urgency) for urgency in c.URGENCIES}
    headings_reader.finish()
    signs: dict[str, c.WarningSign] = {}
    for entry in reader.tables("signs"):
        sign = c.WarningSign(
            id=entry.text("id"),
            urgency=entry.choice("urgency", c.URGENCIES),
            text=entry.text("text"),
        )
        if sign.id in signs:
            raise entry.error("id", f"id {sign.id!r} is used twice")
        signs[sign.id] = sign
        entry.finish()
    reader.finish()
    return WarningCatalogue(headings=headings, signs=signs)


def section_signs(
    entry: TableReader, urgency: str, catalogue: WarningCatalogue
) -> tuple[c.WarningSign, ...]:
    """The signs a section names, each checked to exist and to belong under its heading."""
    found = []
    for sign_id in entry.texts("signs"):
        sign = catalogue.signs.get(sign_id)
        if sign is None:
            raise entry.error("signs", f"{sign_id!r} is not in {FILE}")
        if sign.urgency != urgency:
            raise entry.error(
                "signs",
                f"{sign_id!r} needs {sign.urgency!r} care and cannot be listed under {urgency!r}",
            )
        found.append(sign)
    return tuple(found)
