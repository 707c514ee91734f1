"""A complete, clearly fictional counseling session, the same every time it is made.

The demo PDF, the screenshots and the benchmarks all need a session that looks like a real
one (accented names, questions, a teach-back correction, three signatures) without a person
at the pad. The clock is scripted, so every time and every byte of ink is reproducible.
"""

from __future__ import annotations

import math
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from counsel.core.content import (
    LEANING,
    ChecklistScreen,
    Content,
    LeaningScreen,
    QuizScreen,
    Screen,
    SureScreen,
    ValuesScreen,
)
from counsel.core.screen_kinds import SCREEN_KINDS, part
from counsel.core.session import Session
from counsel.ink import Ink, InkPoint, Point, Stroke

DEMO_START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PAD_WIDTH, PAD_HEIGHT = 600.0, 200.0
BASELINE = 0.72 * PAD_HEIGHT  # where the signature pad draws its line

DEMO_PEOPLE = ("Zoë Nguyễn-Øberg (DEMO)", "Dr. Łukasz Wróbel (DEMO)", "Ðorđe Petrović (DEMO)")
LONG_PEOPLE = (
    "Maria-Theodora Wilhelmina Anastasia Nguyễn-Øberg de la Fontaine-Hohenzollern (DEMO)",
    "Dr. Bartholomew Konstantin Łukasz Wróbel-Vanderbilt (DEMO)",
    "Ðorđe Aleksandar Miloš Petrović-Karađorđević (DEMO)",
)

DEMO_QUESTIONS = (
    (
        "Will I need to stay overnight?",
        "No. Most people go home the same day, a few hours afterwards. An adult needs to drive"
        " you home and, if possible, stay with you that evening.",
    ),
    (
        "Do I have to stop my blood thinner before MILD?",
        "Possibly. Dr. Wróbel will make a plan with the doctor who prescribes it. Please do not"
        " stop it on your own; we will call you with exact dates.",
    ),
    (
        "If MILD does not help, can I still have surgery later?",
        "Yes. MILD does not rule out open surgery or any of the other choices later on. In one"
        " clinic study, 12 in 100 people had surgery at the same spot within 5 years.",
    ),
)


class DemoClock:
    """A clock a few seconds apart per read, moved on by the script as a talk would be."""

    def __init__(self, start: datetime = DEMO_START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def demo_session(content: Content, seal: bool = True) -> Session:
    """Zoë's demo visit: every screen discussed, three questions, three signatures."""
    return _script(content, DEMO_PEOPLE, DEMO_QUESTIONS, joined_ink=True, seal=seal)


def long_session(content: Content) -> Session:
    """A worst case for the PDF: long names, 30 long questions, ink of many separate strokes."""
    summaries = [screen.summary for screen in content.screens]
    questions = tuple(
        (
            f"Question {i + 1}: {summaries[i % len(summaries)]} Could you explain that again,"
            " in more detail, and tell me what it means for someone like me?",
            " ".join(summaries[(i + k) % len(summaries)] for k in range(4)),
        )
        for i in range(30)
    )
    return _script(content, LONG_PEOPLE, questions, joined_ink=False, seal=True)


@dataclass(frozen=True)
class DemoScript:
    """What the demo visit says and signs, and the clock it talks by."""

    clock: DemoClock
    people: tuple[str, str, str]
    questions: tuple[tuple[str, str], ...]
    joined_ink: bool


# What the demo does on a screen of a kind (``ScreenKind.demo``): takes its kind's class.
Action = Callable[[Session, Any, DemoScript], None]


def _script(
    content: Content,
    people: tuple[str, str, str],
    questions: tuple[tuple[str, str], ...],
    joined_ink: bool,
    seal: bool,
) -> Session:
    """Walk every screen in order as a clinician would: view, talk, mark discussed, act."""
    clock = DemoClock()
    session = Session(content, clock=clock, id="demo-0001-2026-11-20")
    session.set_details(
        patient_name=people[0],
        date_of_birth=date(1948, 3, 14),
        record_number="DEMO-0001",
        clinician_name=people[1],
        clinician_credentials="MD",
        levels=("L4-L5",),
    )
    script = DemoScript(clock, people, questions, joined_ink)
    for screen in content.screens:
        kind = SCREEN_KINDS[screen.kind]
        clock.wait(1)
        session.view(screen.id)
        clock.wait(kind.demo_minutes)  # minutes a clinician plausibly spends on it
        if kind.demo:
            cast(Action, part("counsel.core", kind.demo))(session, screen, script)
        session.mark_discussed(screen.id)
    if seal:
        clock.wait(1)
        session.seal()
    return session


def answer_checklist(session: Session, screen: ChecklistScreen, script: DemoScript) -> None:
    for item in screen.items:
        script.clock.wait(0.5)
        session.answer_checklist(item.id, item.favourable)


def ask(session: Session, screen: Screen, script: DemoScript) -> None:
    for question, answer in script.questions:
        script.clock.wait(2)
        session.add_question(question, answer)


def answer_quiz(session: Session, screen: QuizScreen, script: DemoScript) -> None:
    """All right, except the first question, which is corrected on a second try (teach-back)."""
    for index, question in enumerate(screen.questions):
        script.clock.wait(0.5)
        if index == 0:
            wrong = (question.answer + 1) % len(question.choices)
            session.answer_quiz(question.id, wrong, False)
            script.clock.wait(1.5)
        session.answer_quiz(question.id, question.answer, True)


def rate(session: Session, screen: ValuesScreen, script: DemoScript) -> None:
    """Varied ratings."""
    steps = screen.scale
    answers = [(p.id, steps[-1 - i % len(steps)].id) for i, p in enumerate(screen.priorities)]
    _decide(session, screen, script.clock, answers)


def lean(session: Session, screen: LeaningScreen, script: DemoScript) -> None:
    """Leaning to the first choice."""
    _decide(session, screen, script.clock, [(LEANING, screen.choices[0].id)])


def answer_sure(session: Session, screen: SureScreen, script: DemoScript) -> None:
    """One SURE "no" to talk through."""
    last = screen.questions[-1].id
    answers = [(q.id, "no" if q.id == last else "yes") for q in screen.questions]
    _decide(session, screen, script.clock, answers)


def _decide(
    session: Session, screen: Screen, clock: DemoClock, answers: list[tuple[str, str]]
) -> None:
    for item_id, value in answers:
        clock.wait(0.3)
        session.decide(screen.id, item_id, value)


def sign(session: Session, screen: Screen, script: DemoScript) -> None:
    for role, name in zip(("patient", "clinician", "interpreter"), script.people, strict=True):
        session.set_signature(role, name, signature_ink(name, script.joined_ink))


# -- procedural handwriting -------------------------------------------------------------------

X_HEIGHT, TALL, DEEP = 24.0, 64.0, 40.0

# Letter shapes: (height above the baseline, loop width, cup). A loop wider than 1 crosses
# itself at the top, like "l" or "e"; a cup dips to the baseline between two tops, like "u".
SHAPES = {
    "capital": (TALL * 1.15, 2.1, False),
    "ascender": (TALL, 1.9, False),
    "descender": (-DEEP, 1.8, False),
    "loop": (X_HEIGHT, 1.5, False),
    "cup": (X_HEIGHT, 0.4, True),
    "arch": (X_HEIGHT, 0.5, False),
}
SHAPE_OF = {
    **dict.fromkeys("bdhklt", "ascender"),
    **dict.fromkeys("fgjpqyz", "descender"),
    **dict.fromkeys("aeo", "loop"),
    **dict.fromkeys("iuvw", "cup"),
}


def signature_ink(name: str, joined: bool = True) -> Ink:
    """Cursive-looking ink for ``name``: looped letters, i-dots, a flourish under the last word.

    Each letter is one period of a slanted trochoid shaped by the letter (capital, ascender,
    descender, loop, cup or arch), on a baseline that drifts a little uphill. ``joined``
    writes each word as one stroke, otherwise every letter is its own stroke. The pen
    presses harder on downstrokes and tapers at the ends; ``name`` seeds the small
    irregularities, so the same name always gives the same ink.
    """
    rng = random.Random(name)
    words = [
        "".join(ch for ch in word if ch.isalpha())
        for word in name.replace("-", " ").split()
        if not word.startswith("(") and not word.endswith(".")
    ]
    words = [word for word in words if word]
    if not words:
        raise ValueError(f"no letters to write in {name!r}")
    slots = sum(len(word) for word in words) + 1.2 * (len(words) - 1)
    advance = min(34.0, 0.84 * PAD_WIDTH / max(slots, 1))
    left = x = (PAD_WIDTH - advance * slots) / 2 - 12
    paths: list[list[Point]] = []
    for word in words:
        letters = []
        for i, ch in enumerate(word):
            letter_x = x + i * advance
            base = BASELINE - 0.05 * (letter_x - left) + rng.uniform(-1.5, 1.5)
            letters.append(_letter(ch, letter_x, base, advance, i == 0, rng))
        strokes = [pts for pts, _ in letters]
        paths += [[point for pts in strokes for point in pts]] if joined else strokes
        paths += [[dot] for _, dot in letters if dot is not None]
        x += advance * (len(word) + 1.2)
    end = x - advance * 1.2
    start = end - advance * len(words[-1]) * 0.9
    paths.append(
        [
            (
                end - (end - start) * s,
                BASELINE + 10 - 0.05 * (end - left) * (1 - s) + 9 * math.sin(math.pi * s),
            )
            for s in (k / 30 for k in range(31))
        ]
    )
    return Ink(_timed_strokes(paths), PAD_WIDTH, PAD_HEIGHT)


def _letter(
    ch: str, x0: float, base: float, advance: float, first: bool, rng: random.Random
) -> tuple[list[Point], Point | None]:
    """One letter as points (pad coordinates, y down), and where its dot goes, if any."""
    plain = unicodedata.normalize("NFD", ch)[0].lower()
    shape = "capital" if first and ch.isupper() else SHAPE_OF.get(plain, "arch")
    height, loop, cup = SHAPES[shape]
    height *= rng.uniform(0.88, 1.1)
    radius = loop * advance / (2 * math.pi) * rng.uniform(0.9, 1.1)
    points = []
    for k in range(19):
        phase = 2 * math.pi * k / 18
        rise = (1 + math.cos(phase)) / 2 if cup else (1 - math.cos(phase)) / 2
        y = base - height * rise
        px = x0 + advance * k / 18 + radius * math.sin(phase)
        points.append((px + 0.3 * (base - y), y))
    dot = None
    if plain in "ij":
        dot = (x0 + advance * 0.5 + 0.3 * (X_HEIGHT + 16), base - X_HEIGHT - 16)
    return points, dot


def _timed_strokes(paths: list[list[Point]]) -> tuple[Stroke, ...]:
    """Pressure from direction (down presses harder), time from distance at a hand's speed."""
    strokes = []
    t = 0.0
    for path in paths:
        points = []
        for k, (x, y) in enumerate(path):
            if k:
                px, py = path[k - 1]
                t += math.hypot(x - px, y - py) / 0.45 + 6  # ~0.45 px/ms plus sampling gap
            down = (y - path[k - 1][1]) if k else 0.0
            taper = min(1.0, (k + 1) / 4, (len(path) - k) / 4) if len(path) > 1 else 1.0
            pressure = (0.45 + 0.04 * max(min(down, 6.0), -6.0)) * (0.5 + 0.5 * taper)
            points.append(InkPoint(round(x, 2), round(y, 2), round(pressure, 3), round(t)))
        strokes.append(Stroke(tuple(points)))
        t += 220  # pen lifted and moved to the next stroke
    return tuple(strokes)
