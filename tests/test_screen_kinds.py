"""One table of screen kinds (``screen_kinds.SCREEN_KINDS``): the loader, the interface and
the PDF all find a kind's parts there, and each part takes the kind's own class."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import get_type_hints

import pytest

from counsel.core.content import Content, Screen
from counsel.core.screen_kinds import SCREEN_KINDS, part
from counsel.core.session import Session
from counsel.pdf.sections import block_of
from counsel.ui.screens.registry import SCREEN_CLASSES

PACKAGE = Path(__file__).resolve().parents[1] / "counsel"


@pytest.mark.parametrize("kind", list(SCREEN_KINDS))
def test_each_kinds_reader_screen_class_and_pdf_block_take_its_own_class(kind: str) -> None:
    entry = SCREEN_KINDS[kind]
    assert get_type_hints(entry.read)["return"] is Screen  # read into entry.content, below
    assert get_type_hints(SCREEN_CLASSES[kind])["entry"] is entry.content
    block = block_of(kind)
    first = next(iter(inspect.signature(block).parameters))
    assert get_type_hints(block)[first] in (entry.content, Screen), "Screen: shows nothing more"


def test_the_loader_builds_each_kinds_class(content: Content) -> None:
    assert {screen.kind for screen in content.screens} == set(SCREEN_KINDS)
    for screen in content.screens:
        assert type(screen) is SCREEN_KINDS[screen.kind].content, screen.id


def test_no_code_chooses_by_kind_outside_the_table() -> None:
    """No if/elif on a kind's name or class, and no other table looked up by kind (the gaps,
    the PDF's summary rows, the demo's script): a new kind needs no edit anywhere else."""
    classes = "|".join(entry.content.__name__ for entry in SCREEN_KINDS.values())
    kinds = "|".join(SCREEN_KINDS)
    choosing = re.compile(
        rf"isinstance\([^)]*\b({classes})\b|\.kind\s*(==|!=|in\b)[^#]*[\"']({kinds})[\"']"
        r"|\.kind\s+in\s+(?!SCREEN_KINDS\b)[A-Za-z_]"  # `if screen.kind in some_table`
        r"|\b(?!SCREEN_KINDS\b|SCREEN_CLASSES\b)\w+(\[|\.get\()[\w.]*\.kind\b"  # table[kind]
    )
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if choosing.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("kind", list(SCREEN_KINDS))
def test_each_kinds_summary_rows_and_demo_step_take_its_own_class(kind: str) -> None:
    """Rows take (screen, wording), a demo step (session, screen, script)."""
    entry = SCREEN_KINDS[kind]
    for package, named, before in (
        ("counsel.pdf", entry.summary, ()),
        ("counsel.core", entry.demo, (Session,)),
    ):
        if named:
            made = part(package, named)
            hints = get_type_hints(made)
            taken = [hints[name] for name in inspect.signature(made).parameters]
            assert taken[: len(before)] == list(before), named
            assert taken[len(before)] in (entry.content, Screen), named
