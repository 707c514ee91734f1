"""The one table of screen kinds: each ``kind`` a content file may name, what it becomes, how
it is read, which screen class and acknowledgement block show it, and what else each part of
the app asks of a kind.

The loader, the interface's screen classes and the PDF's blocks are all looked up here, so a
new kind is one entry plus its parts: its content dataclass (``content``), its reader, its
screen class, its PDF block and, where it has them, what it can lack before signing
(``core/gaps.py``), its rows in the PDF's summary and what the demo visit does on it. The
core sits below the interface and the PDF and never imports them: it names their parts
("module.name"), as it names the demo's (which reads the session, which asks this table), and
each layer imports its own part when first asked for it (tests/test_screen_kinds.py checks
every name resolves to the right type).
"""

from __future__ import annotations

from collections.abc import Callable

from counsel.core import content as c
from counsel.core import decision_readers as decision
from counsel.core import gaps
from counsel.core import screen_readers as read
from counsel.core.frozen import Frozen
from counsel.core.gaps import GapCheck
from counsel.core.reader_parts import Shared
from counsel.core.toml_reader import TableReader

Reader = Callable[[TableReader, dict, Shared], c.Screen]


class ScreenKind(Frozen, kw_only=False):
    content: type[c.Screen]  # the dataclass a screen of this kind is read into
    read: Reader  # reads its TOML table (the fields every screen has are read already)
    page: str  # its screen class in the interface: "module.Class" in counsel.ui.screens
    block: str  # its details in the acknowledgement: "module.function" in counsel.pdf
    pictured: bool = False  # the PDF prints its picture beside its summary (it teaches)
    always_printed: bool = False  # its details are the session's: printed even unseen
    required: bool = False  # every content must have one
    done_by_signing: bool = False  # once signed, the sidebar shows it as done
    gaps: GapCheck | None = None  # what it can lack before signing, besides being discussed
    summary: str = ""  # its rows in the PDF's summary: "module.function" in counsel.pdf
    demo_minutes: int = 3  # how long the demo visit (core/demo.py) talks on it
    demo: str = ""  # what the demo visit does on it: "module.function" in counsel.core


SCREEN_KINDS: dict[str, ScreenKind] = {
    "details": ScreenKind(
        c.DetailsScreen,
        read.read_details,
        "details.DetailsPage",
        "sections.nothing_more",
        required=True,
        gaps=gaps.DETAILS,
        demo_minutes=2,
    ),
    "info": ScreenKind(
        c.InfoScreen,
        read.read_info,
        "info.InfoPage",
        "warning_signs.warning_signs_block",
        pictured=True,
        demo_minutes=4,
    ),
    "checklist": ScreenKind(
        c.ChecklistScreen,
        read.read_checklist,
        "checklist.ChecklistPage",
        "sections.checklist_block",
        pictured=True,
        always_printed=True,
        gaps=gaps.CHECKLIST,
        summary="summary.candidacy_rows",
        demo_minutes=5,
        demo="demo.answer_checklist",
    ),
    "steps": ScreenKind(
        c.StepsScreen, read.read_steps, "steps.StepsPage", "sections.steps_block", demo_minutes=5
    ),
    "outcomes": ScreenKind(
        c.OutcomesScreen,
        read.read_outcomes,
        "outcomes.OutcomesPage",
        "sections.outcomes_block",
        pictured=True,
        demo_minutes=6,
    ),
    "comparison": ScreenKind(
        c.ComparisonScreen,
        read.read_comparison,
        "comparison.ComparisonPage",
        "sections.comparison_block",
        pictured=True,
        demo_minutes=6,
    ),
    "questions": ScreenKind(
        c.QuestionsScreen,
        read.read_questions,
        "questions.QuestionsPage",
        "sections.questions_block",
        always_printed=True,
        gaps=gaps.QUESTIONS,
        summary="summary.questions_rows",
        demo="demo.ask",
    ),
    "quiz": ScreenKind(
        c.QuizScreen,
        read.read_quiz,
        "quiz.QuizPage",
        "sections.quiz_block",
        always_printed=True,
        gaps=gaps.QUIZ,
        summary="summary.quiz_rows",
        demo_minutes=2,
        demo="demo.answer_quiz",
    ),
    "signatures": ScreenKind(  # signed on page one (pdf/summary.py)
        c.SignaturesScreen,
        read.read_signatures,
        "signatures.SignaturesPage",
        "sections.nothing_more",
        required=True,
        done_by_signing=True,
        demo_minutes=2,
        demo="demo.sign",
    ),
    "done": ScreenKind(
        c.DoneScreen,
        read.read_done,
        "done.DonePage",
        "sections.nothing_more",
        required=True,
        done_by_signing=True,
        demo_minutes=1,
    ),
    "values": ScreenKind(
        c.ValuesScreen,
        decision.read_values,
        "values.ValuesPage",
        "decision_blocks.values_block",
        demo="demo.rate",
    ),
    "leaning": ScreenKind(
        c.LeaningScreen,
        decision.read_leaning,
        "leaning.LeaningPage",
        "decision_blocks.leaning_block",
        demo="demo.lean",
    ),
    "sure": ScreenKind(
        c.SureScreen,
        decision.read_sure,
        "sure.SurePage",
        "decision_blocks.sure_block",
        demo="demo.answer_sure",
    ),
    "about": ScreenKind(
        c.AboutScreen, decision.read_about, "about.AboutPage", "decision_blocks.about_block"
    ),
}


def part(package: str, dotted: str) -> object:
    """The object ``dotted`` ("module.name") names in ``package``, its module imported now."""
    from importlib import import_module

    module, name = dotted.rsplit(".", 1)
    return getattr(import_module(f"{package}.{module}"), name)
