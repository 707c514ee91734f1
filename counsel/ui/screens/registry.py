"""The one table from a content ``kind`` to the screen class that shows it.

A class is imported the first time a screen of its kind is built, not at start-up: the first
screen needs one of them, and the others bring in the signature pad, the step animation,
the icon arrays and Qt's PDF viewer, which together took a fifth of the start-up time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from counsel.core.content import SCREEN_KINDS
from counsel.ui.screens.base import ScreenPage

# kind: (module in counsel.ui.screens, class)
_WHERE = {
    "details": ("details", "DetailsPage"),
    "info": ("info", "InfoPage"),
    "checklist": ("checklist", "ChecklistPage"),
    "steps": ("steps", "StepsPage"),
    "outcomes": ("outcomes", "OutcomesPage"),
    "comparison": ("comparison", "ComparisonPage"),
    "questions": ("questions", "QuestionsPage"),
    "quiz": ("quiz", "QuizPage"),
    "signatures": ("signatures", "SignaturesPage"),
    "done": ("done", "DonePage"),
    "values": ("values", "ValuesPage"),
    "leaning": ("leaning", "LeaningPage"),
    "sure": ("sure", "SurePage"),
    "about": ("about", "AboutPage"),
}


class ScreenClasses(Mapping[str, type[ScreenPage]]):
    """``kind -> screen class``, importing the class's module when it is first asked for."""

    def __getitem__(self, kind: str) -> type[ScreenPage]:
        module, name = _WHERE[kind]
        screen_class: type[ScreenPage] = getattr(
            import_module(f"counsel.ui.screens.{module}"), name
        )
        return screen_class

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


SCREEN_CLASSES = ScreenClasses()

assert set(SCREEN_CLASSES) == set(SCREEN_KINDS), "every content kind needs a screen class"
