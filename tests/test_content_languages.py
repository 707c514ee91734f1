"""Every language tells the same story: the same screens, entries, figures and sources."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from counsel.core.content_loader import language_names
from counsel.resources import resources_dir

#: Fields a translator translates; every other value is data and must be identical.
TEXT_FIELDS = {
    "title",
    "nav_title",
    "summary",
    "intro",
    "text",
    "heading",
    "bullets",
    "help",
    "likelihood",
    "action",
    "caution",
    "name",
    "label",
    "values",
    "prompts",
    "choices",
    "explanation",
    "statement",
    "clinician_statement",
    "interpreter_statement",
    "witness_statement",
    "short",
    "procedure",
    "language",
    "language_name",
    "labels",
    "months",
    "periods",
    "headings",
    "compared_with",
    "reviewers_heading",
    "revisit",
}
#: Each language's own date and time patterns, and where its picture labels sit (a longer
#: translation may need another place or size): the loaders check these.
PATTERN_FIELDS = {"date", "time", "datetime", "x", "y", "size", "align"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def tree(language: str) -> dict[str, Any]:
    folder = resources_dir() / "content" / language
    return {
        path.relative_to(folder).as_posix(): tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.toml"))
    }


def differences(english: Any, other: Any, where: str, translated: bool = False) -> list[str]:
    if isinstance(english, dict):
        if not isinstance(other, dict) or set(english) != set(other):
            return [f"{where}: keys differ"]
        return [
            problem
            for key in english
            if key not in PATTERN_FIELDS
            for problem in differences(
                english[key], other[key], f"{where}.{key}", translated or key in TEXT_FIELDS
            )
        ]
    if isinstance(english, list):
        if not isinstance(other, list) or len(english) != len(other):
            return [f"{where}: list lengths differ"]
        return [
            p
            for i, (a, b) in enumerate(zip(english, other, strict=True))
            for p in differences(a, b, f"{where}[{i}]", translated)
        ]
    if translated and isinstance(english, str):
        numbers = sorted(NUMBER.findall(english.replace(",", "")))
        other_numbers = sorted(NUMBER.findall(str(other).replace(",", "")))
        same = numbers == other_numbers
        return [] if same else [f"{where}: figures {numbers} vs {other_numbers}"]
    return [] if english == other else [f"{where}: {english!r} became {other!r}"]


@pytest.mark.parametrize("language", sorted(set(language_names()) - {"en"}))
def test_each_language_matches_english_in_structure_figures_and_sources(language: str) -> None:
    english, other = tree("en"), tree(language)
    assert set(other) == set(english), "the same files"
    problems = [p for name in english for p in differences(english[name], other[name], name)]
    assert problems == []


def test_a_changed_figure_in_a_translation_is_caught(tmp_path: Path) -> None:
    assert differences({"text": "12 in 100"}, {"text": "13 de cada 100"}, "x", True)
    assert differences({"sources": ["a"]}, {"sources": ["b"]}, "x")
    assert not differences({"text": "3.6 points"}, {"text": "3.6 puntos"}, "x", True)
