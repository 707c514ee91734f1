"""One table of screen kinds (``content.SCREEN_TYPES``): every layer keyed and typed by it."""

from __future__ import annotations

import inspect
from typing import get_type_hints

import pytest

from counsel.core.content import SCREEN_TYPES, Content, Screen
from counsel.core.screen_readers import KIND_READERS
from counsel.pdf.sections import BLOCKS
from counsel.ui.screens.registry import SCREEN_CLASSES


def test_every_layer_has_exactly_the_kinds_of_the_table() -> None:
    assert list(KIND_READERS) == list(SCREEN_TYPES), "the loader"
    assert list(SCREEN_CLASSES) == list(SCREEN_TYPES), "the interface"
    assert list(BLOCKS) == list(SCREEN_TYPES), "the PDF"


@pytest.mark.parametrize("kind", list(SCREEN_TYPES))
def test_the_screen_class_and_the_pdf_block_take_the_kinds_own_class(kind: str) -> None:
    screen_type = SCREEN_TYPES[kind]
    assert get_type_hints(SCREEN_CLASSES[kind])["entry"] is screen_type
    block = BLOCKS[kind]
    first = next(iter(inspect.signature(block).parameters))
    assert get_type_hints(block)[first] in (screen_type, Screen), "Screen: shows nothing more"


def test_the_loader_builds_each_kinds_class(content: Content) -> None:
    assert {screen.kind for screen in content.screens} == set(SCREEN_TYPES)
    for screen in content.screens:
        assert type(screen) is SCREEN_TYPES[screen.kind], screen.id
