"""The decision-aid screens as data: what matters most, where the patient leans, the SURE test.

IPDAS asks a decision aid to help patients weigh options by their own values and to check
for decisional conflict; these kinds hold the words, the options and the rules the clinic
reviews (which option fits which priority, what to revisit after a "no").
"""

from __future__ import annotations

from dataclasses import dataclass

from counsel.core.content import InfoScreen, Screen

DECISION_KINDS = ("values", "leaning", "sure", "about")
SURE_ANSWERS = ("yes", "no")


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One answer a patient can pick: a rating step, an option, a leaning."""

    id: str
    text: str


@dataclass(frozen=True, kw_only=True)
class Priority:
    """Something that may matter to a patient, and the options (by id) that serve it."""

    id: str
    text: str
    fits: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ValuesScreen(Screen):
    """``scale`` runs from least to most important; ``choices`` are the options to weigh."""

    scale: tuple[Choice, ...]
    choices: tuple[Choice, ...]
    priorities: tuple[Priority, ...]


@dataclass(frozen=True, kw_only=True)
class LeaningScreen(Screen):
    choices: tuple[Choice, ...]


@dataclass(frozen=True, kw_only=True)
class SureQuestion:
    """A yes/no question; a "no" shows the clinician ``revisit`` and a way to that screen."""

    id: str
    text: str
    revisit: str
    revisit_screen: str


@dataclass(frozen=True, kw_only=True)
class SureScreen(Screen):
    questions: tuple[SureQuestion, ...]


@dataclass(frozen=True, kw_only=True)
class AboutScreen(InfoScreen):
    """An info screen that also names the clinic's reviewers (clinic.toml) under a heading."""

    reviewers_heading: str
