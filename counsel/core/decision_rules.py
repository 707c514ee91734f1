"""What the decision-aid answers mean: which options fit what matters most, what SURE flags.

Pure functions of a screen and the session's answers, so the screen, the clinician's view and
the PDF say the same. Neither ranks the options: a fit lists the priorities an option serves,
in the order the content lists them, and the patient draws the conclusion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from counsel.core.content import Choice, Priority, SureQuestion, SureScreen, ValuesScreen

TOP_STEPS = 2  # the scale's two highest steps count as "matters most"


@dataclass(frozen=True)
class OptionFit:
    option: Choice
    serves: tuple[Priority, ...]  # what the patient rated highly that this option serves


def important(screen: ValuesScreen, ratings: Mapping[str, str]) -> tuple[Priority, ...]:
    """The priorities rated in the scale's top steps, in content order."""
    top = {step.id for step in screen.scale[-TOP_STEPS:]}
    return tuple(p for p in screen.priorities if ratings.get(p.id) in top)


def option_fits(screen: ValuesScreen, ratings: Mapping[str, str]) -> tuple[OptionFit, ...]:
    """Every option, in content order, with the important priorities it serves."""
    chosen = important(screen, ratings)
    return tuple(
        OptionFit(option, tuple(p for p in chosen if option.id in p.fits))
        for option in screen.choices
    )


def sure_to_revisit(screen: SureScreen, answers: Mapping[str, str]) -> tuple[SureQuestion, ...]:
    """The questions answered "no": each suggests decisional conflict to talk through."""
    return tuple(q for q in screen.questions if answers.get(q.id) == "no")


def sure_score(screen: SureScreen, answers: Mapping[str, str]) -> int | None:
    """How many "yes" answers (4 of 4 means no sign of conflict); None until all answered."""
    if any(q.id not in answers for q in screen.questions):
        return None
    return sum(answers[q.id] == "yes" for q in screen.questions)
