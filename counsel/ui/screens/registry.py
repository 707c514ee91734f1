"""The one table from a content ``kind`` to the screen class that shows it."""

from __future__ import annotations

from counsel.core.content import SCREEN_KINDS
from counsel.ui.screens.base import ScreenPage
from counsel.ui.screens.checklist import ChecklistPage
from counsel.ui.screens.comparison import ComparisonPage
from counsel.ui.screens.details import DetailsPage
from counsel.ui.screens.done import DonePage
from counsel.ui.screens.info import InfoPage
from counsel.ui.screens.outcomes import OutcomesPage
from counsel.ui.screens.questions import QuestionsPage
from counsel.ui.screens.quiz import QuizPage
from counsel.ui.screens.signatures import SignaturesPage
from counsel.ui.screens.steps import StepsPage

SCREEN_CLASSES: dict[str, type[ScreenPage]] = {
    "details": DetailsPage,
    "info": InfoPage,
    "checklist": ChecklistPage,
    "steps": StepsPage,
    "outcomes": OutcomesPage,
    "comparison": ComparisonPage,
    "questions": QuestionsPage,
    "quiz": QuizPage,
    "signatures": SignaturesPage,
    "done": DonePage,
}

assert set(SCREEN_CLASSES) == set(SCREEN_KINDS), "every content kind needs a screen class"
