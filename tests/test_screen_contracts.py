"""Every screen kind honours one contract, whatever the content: empty, minimal, long or non-Latin.

Each kind is built from a content entry and a session and shows itself, with its picture,
without overflowing a 1024x700 window. Whether a screen is complete is the core's
``rules.screen_gaps`` (tested with the session rules), which the sidebar shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from counsel.core import content as c
from counsel.core import content as d
from counsel.core.session import Session
from counsel.core.session_recorder import SessionRecorder
from counsel.pdf import build_pdf
from counsel.ui.app import prepare_application
from counsel.ui.save_status import SaveStatus
from counsel.ui.screens.base import ScreenContext
from counsel.ui.screens.registry import SCREEN_CLASSES
from counsel.ui.session_bridge import SessionBridge

VARIANTS = {
    "empty": lambda text: "",
    "minimal": lambda text: text,
    "long": lambda text: " ".join([text] * 40),
    "non-latin": lambda text: f"{text} 脊椎管狭窄症 — ضيق القناة الشوكية — Σπονδυλική στένωση",
}


def make_screen(kind: str, say) -> c.Screen:
    common = dict(
        id=kind,
        kind=kind,
        title=say("Title"),
        nav_title="Nav",
        summary=say("Sum"),
        intro=say("Intro"),
        illustration="quiz.svg",
    )
    sections = (c.Section(heading=say("Heading"), text=say("Text"), bullets=(say("Bullet"),)),)
    build = {
        "details": lambda: c.DetailsScreen(**common, sections=sections),
        "info": lambda: c.InfoScreen(**common, sections=sections),
        "checklist": lambda: c.ChecklistScreen(
            **common,
            items=(c.ChecklistItem(id="a", text=say("Q?"), favourable="yes", help=say("H")),),
            results={
                k: c.Verdict(title=say(k), text=say("T"))
                for k in ("candidate", "review", "not_candidate")
            },
        ),
        "steps": lambda: c.StepsScreen(
            **common,
            steps=(
                c.Step(title=say("One"), text=say("A")),
                c.Step(title=say("Two"), text=say("B")),
            ),
        ),
        "outcomes": lambda: c.OutcomesScreen(
            **common,
            caution=say("Caution"),
            items=(
                c.Outcome(
                    id="x",
                    title=say("Item"),
                    text=say("Text"),
                    likelihood=say("Rare"),
                    action=say("Act"),
                ),
            ),
        ),
        "comparison": lambda: c.ComparisonScreen(
            **common,
            options=(c.Option(id="a", name=say("Option A")), c.Option(id="b", name=say("B")))
            if False
            else (
                c.Option(id="a", name=say("A"), text=say("Ta")),
                c.Option(id="b", name=say("B"), text=say("Tb")),
            ),
            rows=(c.ComparisonRow(label=say("Row"), values={"a": say("1"), "b": say("2")}),),
        ),
        "questions": lambda: c.QuestionsScreen(**common, prompts=(say("Prompt?"),)),
        "quiz": lambda: c.QuizScreen(
            **common,
            questions=(
                c.QuizQuestion(
                    id="q",
                    text=say("Q?"),
                    choices=(say("Y"), say("N")),
                    answer=0,
                    explanation=say("E"),
                    covered_by=kind,
                ),
            ),
        ),
        "signatures": lambda: c.SignaturesScreen(
            **common,
            statement=say("S"),
            clinician_statement=say("C"),
            interpreter_statement=say("I"),
            witness_statement=say("W"),
        ),
        "done": lambda: c.DoneScreen(**common, text=say("Done")),
        "values": lambda: d.ValuesScreen(
            **common,
            scale=(d.Choice(id="low", text=say("Low")), d.Choice(id="high", text=say("High"))),
            choices=(d.Choice(id="a", text=say("A")), d.Choice(id="b", text=say("B"))),
            priorities=(d.Priority(id="p", text=say("Matters"), fits=("a",)),),
        ),
        "leaning": lambda: d.LeaningScreen(
            **common, choices=(d.Choice(id="a", text=say("A")), d.Choice(id="b", text=say("B")))
        ),
        "sure": lambda: d.SureScreen(
            **common,
            questions=(
                d.SureQuestion(
                    id="q", text=say("Sure?"), revisit=say("Revisit"), revisit_screen=kind
                ),
            ),
        ),
        "about": lambda: d.AboutScreen(**common, sections=sections, reviewers_heading=say("By")),
    }
    return build[kind]()


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("kind", list(SCREEN_CLASSES))
def test_screen_contract(qtbot, clinic, clock, store, kind: str, variant: str) -> None:
    prepare_application([])
    screen = make_screen(kind, VARIANTS[variant])
    content = c.Content(
        language="xx",
        language_name="X",
        version="t",
        title="T",
        procedure="P",
        screens=(screen,),
        sources={},
        sha256="0" * 64,
    )
    session = Session(content, clock=clock)
    recorder = SessionRecorder(store, session, clinic, build_pdf)
    context = ScreenContext(content, clinic, SessionBridge(session), SaveStatus(recorder))
    page = SCREEN_CLASSES[kind](screen, context)
    qtbot.addWidget(page)
    page.resize(754, 620)  # the screen area of a 1024x700 window
    page.show()
    QApplication.processEvents()
    assert page.title_label.text() == screen.title
    inner = page.scroller.widget()
    assert inner.width() <= page.scroller.viewport().width(), "no sideways scrolling"
    assert inner.minimumSizeHint().width() <= page.width()
    assert page.illustration.is_valid()
    answered = {"sure": ("q", "no"), "values": ("p", "high"), "leaning": ("leaning", "b")}
    if kind in answered:  # what an answer adds (the fit, the clinician's notes) fits too
        session.decide(screen.id, *answered[kind])
        QApplication.processEvents()
        assert inner.minimumSizeHint().width() <= page.width()
