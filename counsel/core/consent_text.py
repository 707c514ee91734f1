"""The words that turn the signed PDF into the procedure consent (content/<lang>/consent.toml).

A clinic that files Counsel's PDF as its consent to MILD sets ``document_type = "consent"``
in clinic.toml. The PDF then carries what a US hospital consent needs beyond counseling:
who performs the procedure, the planned sedation, who else may be present, how likely it
is to help, the right to refuse or withdraw, and what happens to what was recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.frozen import Frozen
from counsel.core.toml_reader import TableReader

if TYPE_CHECKING:
    from counsel.core.content import ClinicSettings, Content
    from counsel.core.session import Details

FILE = "consent.toml"
# The elements, in the order they print; each is a table with a heading and a text.
ELEMENTS = ("performer", "sedation", "others_present", "success", "refuse", "data")


class ConsentPart(Frozen):
    heading: str
    text: str


class ConsentText(Frozen):
    title: str  # "{procedure}" is filled in
    intro: str  # the signatures screen's intro: signing this is agreeing to the procedure
    statement: str  # what the patient signs, in place of the acknowledgement's statement
    parts: tuple[tuple[str, ConsentPart], ...]  # (element, part), in ELEMENTS order


def consent_of(content: Content, clinic: ClinicSettings) -> ConsentText | None:
    """The consent's words where the clinic signs the procedure consent in Counsel, else None:
    the screen and the PDF both ask here, so the patient signs what the PDF prints."""
    return content.consent if clinic.document_type == "consent" else None


def performer(details: Details) -> str:
    """Who the terms name as doing the procedure ("{clinician}"): the clinician as typed."""
    return ", ".join(
        part for part in (details.clinician_name, details.clinician_credentials) if part
    )


def likelihoods(content: Content) -> list[tuple[str, str]]:
    """Each benefit with how likely it is, listed under "how likely it is to help": the
    consent states no figure the counseling did not."""
    from counsel.core.content import OutcomesScreen

    benefits = content.first_of(OutcomesScreen)
    if benefits is None:
        return []
    return [(item.title, item.likelihood) for item in benefits.items]


def load_consent_text(folder: Path, language: str) -> ConsentText:
    reader = TableReader.open(folder / FILE, f"content/{language}/{FILE}")
    parts = []
    for element in ELEMENTS:
        entry = reader.table(element)
        parts.append((element, ConsentPart(heading=entry.text("heading"), text=entry.text("text"))))
        entry.finish()
    consent = ConsentText(
        title=reader.text("title"),
        intro=reader.text("intro"),
        statement=reader.text("statement"),
        parts=tuple(parts),
    )
    reader.finish()
    return consent
