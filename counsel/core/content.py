"""The content model: what each screen says, as typed, immutable objects.

Screens are data. Each kind of screen has one dataclass here, named with its reader, screen
class and PDF block in ``screen_kinds.SCREEN_KINDS``; the loader (``content_loader``) builds
these from the TOML files a clinic edits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING, TypeVar, cast

from counsel.core.consent_text import ConsentText
from counsel.core.formatting import DocumentWords
from counsel.core.frozen import Frozen

if TYPE_CHECKING:
    from datetime import tzinfo


class Source(Frozen):
    id: str
    citation: str
    short: str
    industry: bool


URGENCIES = ("emergency", "clinic")


class WarningSign(Frozen):
    """A sign that needs help, with how urgently (``URGENCIES``): "emergency" means call
    911 or go to the emergency room now, "clinic" means call the clinic the same day.

    Signs are listed once per language (warning_signs.toml) and named by ``id`` in the
    screens, so no screen can word a sign differently or file it under the wrong heading.
    """

    id: str
    urgency: str
    text: str


class Section(Frozen):
    heading: str
    text: str = ""
    bullets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    urgency: str = ""  # a warning-signs section: its heading is the urgency's own
    signs: tuple[WarningSign, ...] = ()


class Screen(Frozen):
    """What every screen has; subclasses add what their kind shows."""

    id: str
    kind: str
    title: str
    nav_title: str
    summary: str
    required: bool = False
    intro: str = ""
    illustration: str = ""
    sources: tuple[str, ...] = ()

    def screen_links(self) -> tuple[tuple[str, str, str], ...]:
        """The other screens this one names: (item id, field, screen id), which the loader
        checks exist. Most kinds name none."""
        return ()


class DetailsScreen(Screen):
    sections: tuple[Section, ...] = ()


class InfoScreen(Screen):
    sections: tuple[Section, ...]


class ChecklistItem(Frozen):
    id: str
    text: str
    favourable: str
    help: str = ""
    exclusion: bool = False


class Verdict(Frozen):
    title: str
    text: str


class ChecklistScreen(Screen):
    items: tuple[ChecklistItem, ...]
    results: Mapping[str, Verdict]


class Step(Frozen):
    title: str
    text: str
    illustration: str = ""
    sources: tuple[str, ...] = ()


class StepsScreen(Screen):
    steps: tuple[Step, ...]


class Figure(Frozen):
    """A study result; ``per_100`` is set when it is a share of people (for icon arrays).

    ``tone`` says whether what happened to those people is a harm ("risk") or a good result
    ("benefit"): a benefits screen can report a harm, and its picture must not look good.
    """

    text: str
    source: str
    per_100: float | None = None
    tone: str = "risk"


class Outcome(Frozen):
    id: str
    title: str
    text: str
    likelihood: str
    action: str = ""
    # What a result is measured against: the other group of a trial, or "before treatment;
    # no comparison group" with how many people, so no figure reads as proof on its own.
    compared_with: str = ""
    sources: tuple[str, ...] = ()
    figure: Figure | None = None


class OutcomesScreen(Screen):
    items: tuple[Outcome, ...]
    caution: str = ""


class Option(Frozen):
    id: str
    name: str
    text: str
    illustration: str = ""


class ComparisonRow(Frozen):
    label: str
    values: Mapping[str, str]
    sources: tuple[str, ...] = ()


class ComparisonScreen(Screen):
    options: tuple[Option, ...]
    rows: tuple[ComparisonRow, ...]


class QuestionsScreen(Screen):
    prompts: tuple[str, ...] = ()


class QuizQuestion(Frozen):
    id: str
    text: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    covered_by: str


class QuizScreen(Screen):
    questions: tuple[QuizQuestion, ...]

    def screen_links(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((q.id, "covered_by", q.covered_by) for q in self.questions)


class SignaturesScreen(Screen):
    statement: str
    clinician_statement: str
    interpreter_statement: str
    witness_statement: str


class DoneScreen(Screen):
    text: str = ""


# -- the decision aid: what matters most, where the patient leans, the SURE test, about -------
# IPDAS asks a decision aid to help patients weigh options by their own values and to check
# for decisional conflict; these kinds hold the words, the options and the rules the clinic
# reviews (which option fits which priority, what to revisit after a "no").


class Choice(Frozen):
    """One answer a patient can pick: a rating step, an option, a leaning."""

    id: str
    text: str


class Priority(Frozen):
    """Something that may matter to a patient, and the options (by id) that serve it."""

    id: str
    text: str
    fits: tuple[str, ...]


class ValuesScreen(Screen):
    """``scale`` runs from least to most important; ``choices`` are the options to weigh."""

    scale: tuple[Choice, ...]
    choices: tuple[Choice, ...]
    priorities: tuple[Priority, ...]


LEANING = "leaning"  # the item id a leaning screen's answer is stored under


class LeaningScreen(Screen):
    choices: tuple[Choice, ...]


class SureQuestion(Frozen):
    """A yes/no question; a "no" shows the clinician ``revisit`` and a way to that screen."""

    id: str
    text: str
    revisit: str
    revisit_screen: str


class SureScreen(Screen):
    questions: tuple[SureQuestion, ...]

    def screen_links(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((q.id, "revisit_screen", q.revisit_screen) for q in self.questions)


class AboutScreen(InfoScreen):
    """An info screen that also names the clinic's reviewers (clinic.toml) under a heading."""

    reviewers_heading: str


AnyScreen = TypeVar("AnyScreen", bound=Screen)


LABEL_ALIGNS = ("left", "center", "right")
LABEL_TONES = ("normal", "muted")


class IllustrationLabel(Frozen):
    """Words on a picture, kept out of the art so they can be translated and enlarged.

    ``x`` and ``y`` are in the picture's 800 x 500 grid: ``y`` is the first line's baseline,
    ``x`` its left end, centre or right end as ``align`` says. ``size`` is the design size in
    the same grid; the app and the PDF scale it with the picture.
    """

    text: str
    x: float
    y: float
    align: str = "left"
    size: float = 24
    bold: bool = False
    tone: str = "normal"

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n"))


class Content(Frozen):
    """One language's complete walkthrough, with the digest of the files it came from."""

    language: str
    language_name: str
    version: str
    title: str
    procedure: str
    screens: tuple[Screen, ...]
    sources: Mapping[str, Source]
    sha256: str
    # The PDF's own words (document.toml); None only in content a test builds by hand.
    document: DocumentWords | None = None
    # The procedure consent's own words (consent.toml), for clinics that sign it in Counsel.
    consent: ConsentText | None = None
    # The words drawn over each picture (illustrations.toml), by illustration file name.
    illustration_labels: Mapping[str, tuple[IllustrationLabel, ...]] = field(default_factory=dict)
    # Every warning sign of this language, by id (warning_signs.toml).
    warning_signs: Mapping[str, WarningSign] = field(default_factory=dict)
    _index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {s.id: i for i, s in enumerate(self.screens)})

    def labels_for(self, illustration: str) -> tuple[IllustrationLabel, ...]:
        """The words to draw over one picture (none for a picture without words)."""
        return tuple(self.illustration_labels.get(illustration, ()))

    def screen(self, screen_id: str) -> Screen:
        return self.screens[self._index[screen_id]]

    def has_screen(self, screen_id: str) -> bool:
        return screen_id in self._index

    def index_of(self, screen_id: str) -> int:
        return self._index[screen_id]

    def first_of_kind(self, kind: str) -> Screen | None:
        return next((s for s in self.screens if s.kind == kind), None)

    def first_of(self, kind: type[AnyScreen]) -> AnyScreen | None:
        """The first screen of the kind read into ``kind`` (its very class, not a subclass)."""
        found = next((s for s in self.screens if type(s) is kind), None)
        return cast("AnyScreen | None", found)

    @property
    def required_screens(self) -> tuple[Screen, ...]:
        return tuple(s for s in self.screens if s.required)


class ClinicSettings(Frozen):
    name: str
    address: str
    phone: str
    paper: str
    levels: tuple[str, ...]
    language: str
    records_folder: str = ""  # empty: the application-data folder
    database_url: str = ""  # postgresql://host/db: records on the clinic's server; "": SQLite
    reviewers: tuple[str, ...] = ()  # who checked the content for this clinic (About screen)
    portal: str = ""  # the patient portal's address, printed as a QR code on the take-home copy
    document_type: str = "acknowledgement"  # or "consent": the signed PDF is the procedure consent
    time_zone: str = ""  # an IANA name ("America/Chicago"), checked at load; empty: the computer's
    timestamp_url: str = ""  # an RFC 3161 time-stamp authority for the signed PDF; "": none

    @property
    def zone(self) -> tzinfo | None:
        """The zone the clinic's documents print times in; None is the computer's own (read
        when a document is made, not at start-up)."""
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.time_zone) if self.time_zone else None
