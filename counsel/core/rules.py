"""What must be true before signing, and what the candidacy checklist says.

Pure functions of the content and the session: the sidebar, the signing screen, the seal and
the PDF all ask the same questions here, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from counsel.core.content import ChecklistItem, ChecklistScreen, Screen
from counsel.core.frozen import Frozen
from counsel.core.gaps import Gap
from counsel.core.screen_kinds import SCREEN_KINDS

if TYPE_CHECKING:
    from counsel.core.session import Session


class Missing(Frozen, kw_only=False):
    gap: Gap
    screen_id: str
    role: str = ""


class NotReadyError(RuntimeError):
    def __init__(self, missing: list[Missing]) -> None:
        super().__init__(", ".join(f"{m.screen_id}: {m.gap.value}" for m in missing))
        self.missing = missing


def candidacy(screen: ChecklistScreen, answers: dict[str, str]) -> str | None:
    """``candidate``, ``review`` or ``not_candidate``; None until every item is answered."""
    if any(item.id not in answers for item in screen.items):
        return None
    verdict = "candidate"
    for item in screen.items:
        answer = answers[item.id]
        if answer == item.favourable:
            continue
        if item.exclusion and answer != "unsure":
            return "not_candidate"
        verdict = "review"
    return verdict


def needs_a_closer_look(
    screen: ChecklistScreen, answers: Mapping[str, str]
) -> tuple[ChecklistItem, ...]:
    """The questions whose answer does not fit MILD or is "not sure", so the result can name
    what to look at, not only that something needs a look."""
    return tuple(
        item for item in screen.items if item.id in answers and answers[item.id] != item.favourable
    )


def screen_gaps(screen: Screen, session: Session) -> list[Gap]:
    """What a single screen still lacks, apart from being marked discussed."""
    check = SCREEN_KINDS[screen.kind].gaps
    return check.gaps(screen, session) if check else []


def gaps_read(kind: str) -> frozenset[str]:
    """The session fields whose change can change what a screen of ``kind`` lacks."""
    check = SCREEN_KINDS[kind].gaps
    return check.reads if check else frozenset()


def missing_before_signing(session: Session) -> list[Missing]:
    """Every gap in details, discussion, checklist and quiz, in screen order."""
    missing: list[Missing] = []
    for screen in session.content.screens:
        missing.extend(Missing(gap, screen.id) for gap in screen_gaps(screen, session))
        if screen.required and not session.is_discussed(screen.id):
            missing.append(Missing(Gap.NOT_DISCUSSED, screen.id))
    return missing


def missing_signatures(session: Session) -> list[Missing]:
    """Patient (or representative) and clinician must sign; optional signers sign fully."""
    screen = session.content.first_of_kind("signatures")
    screen_id = screen.id if screen else ""
    missing: list[Missing] = []
    represented = "representative" in session.signatures or "representative" in session.present
    signer = "representative" if represented else "patient"
    required = {signer, "clinician"} | ({"interpreter"} if session.needs_interpreter else set())
    required |= session.present - {"representative"}  # a witness said to be here signs
    for role in (signer, "clinician", "interpreter", "witness"):
        signature = session.signatures.get(role)
        if signature is None:
            if role in required:
                missing.append(Missing(Gap.SIGNATURE_MISSING, screen_id, role))
            continue
        if not signature.name:
            missing.append(Missing(Gap.SIGNER_NAME_MISSING, screen_id, role))
        if role == "representative" and not signature.relationship:
            missing.append(Missing(Gap.RELATIONSHIP_MISSING, screen_id, role))
        from counsel.ink import ink_problem  # loaded with the first signature, not at start

        problem = ink_problem(signature.ink)
        if problem is not None:
            gap = Gap.SIGNATURE_MISSING if signature.ink.is_empty else Gap.SIGNATURE_TOO_SMALL
            missing.append(Missing(gap, screen_id, role))
    return missing


def readiness(session: Session) -> list[Missing]:
    return missing_before_signing(session) + missing_signatures(session)
