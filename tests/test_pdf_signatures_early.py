"""The acknowledgement's signatures are on pages 1-2 in every form (English, Spanish,
bilingual, and with long names). A procedure consent is signed below its terms
(test_pdf_consent.py), so its signatures come later."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as some
from pdf_text import page_texts

from counsel.core.content import ClinicSettings
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session, signature_ink
from counsel.core.session import Session
from counsel.pdf.acknowledgement import build_acknowledgement

FORMS = {  # name: (the session's language, the clinic's second language or None)
    "en": ("en", None),
    "es": ("es", None),
    "bilingual": ("es", "en"),
}


def signed(language: str, names: tuple[str, str, str] | None = None) -> Session:
    session = demo_session(load_content(language), seal=False)
    if names is not None:
        patient, clinician, interpreter = names
        session.set_details(patient_name=patient, clinician_name=clinician)
        for role, name in (("patient", patient), ("clinician", clinician)):
            session.set_signature(role, name, signature_ink(name))
        session.set_signature("interpreter", interpreter, signature_ink(interpreter))
    session.seal()
    return session


def squeezed(text: str) -> str:
    return "".join(text.split())


def signature_pages(session: Session, clinic: ClinicSettings, second: str | None) -> list[int]:
    """The pages that show a signer's name with its signing time, and the locking line."""
    data = build_acknowledgement(
        session, clinic, bilingual_with=load_content(second) if second else None
    )
    pages = [squeezed(text) for text in page_texts(data)]  # a long name wraps anywhere
    words = session.content.document
    assert words is not None
    sealed = squeezed(words.label("sealed", when="")).rstrip(".")
    found = [n for n, text in enumerate(pages, 1) if sealed in text]
    for signature in session.signatures.values():
        name = squeezed(signature.name)
        found += [n for n, text in enumerate(pages, 1) if name in text][:1]
    assert len(found) == 1 + len(session.signatures)
    return found


@pytest.mark.parametrize("form", list(FORMS))
def test_the_signatures_are_on_the_first_two_pages(clinic: ClinicSettings, form: str) -> None:
    language, second = FORMS[form]
    pages = signature_pages(signed(language), clinic, second)
    assert max(pages) <= 2, pages


# Two words of 10 to 30 letters: up to 61 characters, longer than nearly any real name.
# (Names near the 150-character limit can push a bilingual copy's signatures to page 3.)
WORD = some.text(
    alphabet=some.characters(categories=["Lu", "Ll"], max_codepoint=0x24F), min_size=10, max_size=30
)
NAME = some.tuples(WORD, WORD).map(" ".join)


@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.generate],  # a PDF a try: shrinking one would take minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    names=some.tuples(NAME, NAME, NAME),
    form=some.sampled_from(list(FORMS)),
)
def test_long_names_keep_the_signatures_on_the_first_two_pages(
    clinic: ClinicSettings, names: tuple[str, str, str], form: str
) -> None:
    language, second = FORMS[form]
    session = signed(language, names)
    pages = signature_pages(session, clinic, second)
    assert max(pages) <= 2, pages
