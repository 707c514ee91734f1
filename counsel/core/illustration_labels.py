"""Reading illustrations.toml: the words drawn over each picture, in one language.

The words are content, not art, so a clinic translates them with the rest of the text and
the app can set them in the patient's text size. Every language must label the same
pictures with the same number of labels, or a picture would lose a word in one language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from counsel.core import content as c
from counsel.core.toml_reader import ContentError, TableReader, names_a_file, read_toml

FILE = "illustrations.toml"
GRID_WIDTH, GRID_HEIGHT = 800, 500  # every illustration's viewBox
LINE_SPACING = 1.33  # baseline to baseline, in letter sizes, for labels of several lines
TONE_COLOURS = {"normal": "#1b2733", "muted": "#4a5a6a"}  # the art's own text colours

LabelLookup = Callable[[str], Sequence[c.IllustrationLabel]]
"""A picture's file name to the words drawn over it (``Content.labels_for``)."""


def no_labels(name: str) -> tuple[c.IllustrationLabel, ...]:
    """The lookup for a picture shown bare."""
    return ()


def load_illustration_labels(
    folder: Path, language: str, root: Path
) -> dict[str, tuple[c.IllustrationLabel, ...]]:
    """``content/<language>/illustrations.toml``, checked against every other language's."""
    path = folder / FILE
    label = f"content/{language}/{FILE}"
    if not path.is_file():
        raise ContentError(f"{label}: missing (the words drawn over the pictures)")
    reader = TableReader.open(path, label)
    pictures = reader.table("labels")
    found = {}
    for name in pictures.names():
        if not names_a_file(root / "illustrations", name):
            raise pictures.error(name, f"no file resources/illustrations/{name}")
        found[name] = tuple(_label(entry) for entry in pictures.tables(name))
    pictures.finish()
    reader.finish()
    for other in sorted(folder.parent.glob(f"*/{FILE}")):
        if other.parent != folder:
            _check_same_pictures(pictures, found, other)
    return found


def _label(entry: TableReader) -> c.IllustrationLabel:
    label = c.IllustrationLabel(
        text=entry.text("text"),
        x=_coordinate(entry, "x", GRID_WIDTH),
        y=_coordinate(entry, "y", GRID_HEIGHT),
        align=entry.choice("align", c.LABEL_ALIGNS) if entry.has("align") else "left",
        size=_size(entry),
        bold=entry.flag("bold", False),
        tone=entry.choice("tone", c.LABEL_TONES) if entry.has("tone") else "normal",
    )
    entry.finish()
    return label


def _coordinate(entry: TableReader, key: str, limit: int) -> float:
    value = entry.optional_number(key)
    if value is None:
        raise entry.error(key, "missing")
    if not 0 <= value <= limit:
        raise entry.error(key, f"must be between 0 and {limit} (the picture's grid), not {value}")
    return value


def _size(entry: TableReader) -> float:
    value = entry.optional_number("size")
    if value is None:
        return 24.0
    if not 8 <= value <= 96:
        raise entry.error("size", f"must be between 8 and 96, not {value}")
    return value


def _check_same_pictures(
    pictures: TableReader, found: dict[str, tuple[c.IllustrationLabel, ...]], other: Path
) -> None:
    other_file = f"content/{other.parent.name}/{FILE}"
    try:
        theirs = read_toml(other, other_file).get("labels", {})
    except ContentError:
        return  # that language reports its own file when it loads
    if not isinstance(theirs, dict):
        return
    for name in theirs:
        if name not in found:
            raise pictures.error(name, f"missing ({other_file} labels this picture)")
    for name, labels in found.items():
        if name not in theirs:
            raise pictures.error(name, f"not in {other_file} (label it there too)")
        count = len(theirs[name]) if isinstance(theirs[name], list) else 0
        if count != len(labels):
            raise pictures.error(name, f"has {len(labels)} labels, but {other_file} has {count}")
