"""From a content ``kind`` to the screen class that shows it, as its entry in
``screen_kinds.SCREEN_KINDS`` names it.

A class is imported the first time a screen of its kind is built, not at start-up: the first
screen needs one of them, and the others bring in the signature pad, the step animation,
the icon arrays and Qt's PDF viewer, which together took a fifth of the start-up time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import cast

from counsel.core.screen_kinds import SCREEN_KINDS, part
from counsel.ui.screens.base import ScreenPage


class ScreenClasses(Mapping[str, type[ScreenPage]]):
    """``kind -> screen class``, importing the class's module when it is first asked for."""

    def __getitem__(self, kind: str) -> type[ScreenPage]:
        return cast(type[ScreenPage], part("counsel.ui.screens", SCREEN_KINDS[kind].page))

    def __iter__(self) -> Iterator[str]:
        return iter(SCREEN_KINDS)

    def __len__(self) -> int:
        return len(SCREEN_KINDS)


SCREEN_CLASSES = ScreenClasses()
