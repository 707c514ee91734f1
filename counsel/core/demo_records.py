"""Thousands of varied, clearly fictional signed records, to try Counsel at a clinic's scale.

A clinic signs 5 to 20 acknowledgements a day; a store of years is what the records window,
the command line and ``verify`` must stay fast over. Every person here is invented and marked
"(DEMO)". Each record is a real signed session (a few demo visits, re-dated and renamed, so
building one costs a copy, not a walk through every screen) with the real PDF of its visit.
"""

from __future__ import annotations

import copy
import random
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from counsel.core.clinic_signature import SignedPdf
from counsel.core.content import Content
from counsel.core.demo import demo_session
from counsel.core.record_status import CORRECTION, WITHDRAWN
from counsel.core.sealed_rows import ToSeal
from counsel.core.session import Session
from counsel.core.session_codec import session_to_dict

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore

FIRST_NAMES = (
    "Avery",
    "Bram",
    "Céleste",
    "Dagny",
    "Émile",
    "Farah",
    "Gideon",
    "Hana",
    "Idris",
    "Jovana",
    "Kasimir",
    "Leocadia",
    "Mirela",
    "Nuno",
    "Oona",
    "Priya",
    "Quillon",
    "Rosalind",
    "Søren",
    "Tamsin",
    "Ulrike",
    "Vesna",
    "Wendeline",
    "Xiomara",
    "Yusuf",
    "Zoë",
)
FAMILY_NAMES = (
    "Abernathy-Quist",
    "Brightwater",
    "Castellanos",
    "Dunmore",
    "Eskildsen",
    "Fairweather",
    "Galloway",
    "Håkansson",
    "Iturbe",
    "Jankowski",
    "Kettleby",
    "Lindqvist",
    "Moreau",
    "Nakamura-Ellis",
    "Okonkwo",
    "Penhaligon",
    "Quintero",
    "Rasmussen",
    "Szabó",
    "Thistlewood",
    "Underhill",
    "Valdés",
    "Whitlock",
    "Ximénez",
    "Yarrow",
    "Zielińska",
)
CLINICIANS = (
    "Dr. Łukasz Wróbel (DEMO)",
    "Dr. Amara Quigley (DEMO)",
    "Dr. Tobias Fennimore (DEMO)",
    "Dr. Inès Valcourt (DEMO)",
)
WITHDRAWALS = (
    "Chose to try physical therapy first (demo record).",
    "Decided against the procedure after talking with family (demo record).",
)
CORRECTIONS = (
    "Record number typed wrong at the visit; see the clinic chart (demo record).",
    "Interpreter's name misspelled on the form (demo record).",
)
RECORDS_A_YEAR = 2_500  # about 10 a working day
POOL_SIZE = 3  # visits whose PDFs are built, then shared by every record copied from them

PdfMaker = Callable[[Session], bytes]


@dataclass(frozen=True)
class DemoRecord:
    """A signed session in its stored form, its PDF, and what happened to it later."""

    data: dict[str, Any]
    pdf: bytes
    withdrawal: str = ""
    correction: str = ""

    @property
    def amendments(self) -> tuple[tuple[str, str], ...]:
        """(kind, text) of what was added later: a correction first, then a withdrawal."""
        later = ((CORRECTION, self.correction), (WITHDRAWN, self.withdrawal))
        return tuple((kind, text) for kind, text in later if text)


def demo_pool(
    content: Content, make_pdf: PdfMaker, size: int = POOL_SIZE
) -> list[tuple[dict[str, Any], bytes]]:
    """``size`` demo visits by different fictional people, each with its real PDF."""
    pool = []
    for number in range(size):
        session = demo_session(content, seal=False)
        session.set_details(
            patient_name=_person(number, number * 7),
            clinician_name=CLINICIANS[number % len(CLINICIANS)],
        )
        session.seal()
        pool.append((session_to_dict(session), make_pdf(session)))
    return pool


def demo_records(
    pool: Sequence[tuple[dict[str, Any], bytes]],
    count: int,
    *,
    seed: int = 2026,
    last_day: date | None = None,
) -> Iterator[DemoRecord]:
    """``count`` records over the years before ``last_day``, oldest first, the same for a seed:
    about 1 in 30 later withdrawn, 1 in 20 corrected."""
    chance = random.Random(seed)
    end = datetime.combine(last_day or date.today(), datetime.min.time(), UTC)
    span = timedelta(days=365 * max(1.0, count / RECORDS_A_YEAR))
    step = span / max(count, 1)
    for number in range(count):
        data, pdf = pool[number % len(pool)]
        started = end - span + step * number + timedelta(hours=8 + chance.random() * 9)
        yield DemoRecord(
            _copy_visit(data, chance, number, started),
            pdf,
            withdrawal=chance.choice(WITHDRAWALS) if chance.random() < 1 / 30 else "",
            correction=chance.choice(CORRECTIONS) if chance.random() < 1 / 20 else "",
        )


def store_demo_records(
    store: RecordStore,
    records: Iterable[DemoRecord],
    batch_size: int = 1000,
    *,
    distinct_pdfs: bool = False,
) -> int:
    """Store ``records`` a batch per transaction (one disk sync each; ``seal_many``, a few
    statements each); returns how many. Each visit's PDF is signed with the store's clinic key
    once, not once per record, unless ``distinct_pdfs``: then each record's is signed anew
    (about 40 ms), so that, as in a clinic, no two stored PDFs are the same bytes."""
    stored, remaining = 0, iter(records)
    signed: dict[bytes, SignedPdf] = {}
    while batch := list(islice(remaining, batch_size)):
        to_seal = []
        for record in batch:
            if distinct_pdfs or record.pdf not in signed:
                signed[record.pdf] = store.sign_pdf(record.pdf)
            to_seal.append(ToSeal(record.data, signed[record.pdf], record.amendments))
        stored += store.seal_many(to_seal)
    return stored


def _person(number: int, salt: int) -> str:
    first = FIRST_NAMES[(number + salt) % len(FIRST_NAMES)]
    family = FAMILY_NAMES[(number * 7 + salt // len(FIRST_NAMES)) % len(FAMILY_NAMES)]
    return f"{first} {family} (DEMO)"


def _copy_visit(
    data: dict[str, Any], chance: random.Random, number: int, started: datetime
) -> dict[str, Any]:
    """The pool visit as someone else's, on another day: every time in it moved alike."""
    visit = copy.deepcopy({key: value for key, value in data.items() if key != "signatures"})
    visit["signatures"] = {role: {**sig} for role, sig in data["signatures"].items()}
    shift = started - datetime.fromisoformat(data["started_at"])
    name = _person(number, chance.randrange(len(FIRST_NAMES) * len(FAMILY_NAMES)))
    clinician = chance.choice(CLINICIANS)
    visit.update(id=uuid.UUID(int=chance.getrandbits(128), version=4).hex)
    visit["details"].update(
        patient_name=name,
        clinician_name=clinician,
        record_number=f"DEMO-{number + 1:06d}",
        date_of_birth=date(
            1930 + chance.randrange(40), 1 + chance.randrange(12), 1 + chance.randrange(28)
        ).isoformat(),
    )
    for role, signer in (("patient", name), ("clinician", clinician)):
        if role in visit["signatures"]:
            visit["signatures"][role]["name"] = signer
    _move_times(visit, shift)
    return visit


def _moved(text: str | None, shift: timedelta) -> str | None:
    return None if text is None else (datetime.fromisoformat(text) + shift).isoformat()


def _move_times(visit: dict[str, Any], shift: timedelta) -> None:
    visit["started_at"] = _moved(visit["started_at"], shift)
    visit["sealed_at"] = _moved(visit["sealed_at"], shift)
    # A visit is [first, last, discussed] and, since languages are kept, the languages shown.
    visit["visits"] = {
        screen: [*(_moved(t, shift) for t in times[:3]), *times[3:]]
        for screen, times in visit["visits"].items()
    }
    visit["questions"] = [[q, a, _moved(at, shift)] for q, a, at in visit["questions"]]
    visit["quiz"] = {
        q: [[choice, ok, _moved(at, shift)] for choice, ok, at in attempts]
        for q, attempts in visit["quiz"].items()
    }
    for signature in visit["signatures"].values():
        signature["signed_at"] = _moved(signature["signed_at"], shift)
