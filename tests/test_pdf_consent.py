"""One name for one thing: an acknowledgement of counseling, or, where the clinic says so,
the procedure consent with everything a US hospital consent needs."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pdf_text import flat, page_texts
from test_plain_language import difficulty

from counsel.core.content import ClinicSettings, Content, OutcomesScreen, SignaturesScreen
from counsel.core.content_loader import language_names, load_clinic, load_content
from counsel.core.demo import demo_session
from counsel.core.toml_reader import ContentError
from counsel.pdf.acknowledgement import build_acknowledgement


def signed_text(content: Content, clinic: ClinicSettings) -> tuple[str, bytes]:
    data = build_acknowledgement(demo_session(content), clinic)
    return flat("\n".join(page_texts(data))), data


def test_by_default_it_is_an_acknowledgement_and_says_so(
    content: Content, clinic: ClinicSettings
) -> None:
    assert clinic.document_type == "acknowledgement"
    text, _ = signed_text(content, clinic)
    assert text.count("Acknowledgement of counseling") == 1
    assert "Consent to the procedure" not in text
    signing = content.first_of_kind("signatures")
    assert isinstance(signing, SignaturesScreen)
    assert f"What the patient acknowledges {flat(signing.statement)}" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_consent_carries_every_element_right_before_the_signatures(
    language: str, clinic: ClinicSettings
) -> None:
    shown = load_content(language)
    consent = shown.consent
    assert consent is not None
    text, data = signed_text(shown, replace(clinic, document_type="consent"))
    title = consent.title.replace("{procedure}", shown.procedure)
    assert flat(title) in text
    signing = text.index(flat(consent.statement))
    terms = text.index(flat(shown.document.label("consent_terms")))  # type: ignore[union-attr]
    appendix = text.index(flat(shown.document.label("appendix")))  # type: ignore[union-attr]
    clinician = "Dr. Łukasz Wróbel (DEMO), MD"
    for _, part in consent.parts:  # the patient signs below every term
        body = flat(part.text.replace("{clinician}", clinician))
        assert terms < text.index(flat(part.heading)) < text.index(body) < signing < appendix
    benefits = shown.first_of_kind("outcomes")
    assert isinstance(benefits, OutcomesScreen)
    for item in benefits.items:
        assert flat(f"{item.title}: {item.likelihood}") in text[terms:signing]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.open_metadata()["dc:title"] == title


@pytest.mark.parametrize("language", sorted(language_names()))
def test_the_consent_is_plain_language(language: str) -> None:
    consent = load_content(language).consent
    assert consent is not None
    texts = [consent.statement] + [part.text for _, part in consent.parts]
    hard = [
        (score, text)
        for text in texts
        if not (checked := difficulty(text, language))[0]
        for score in [checked[1]]
    ]
    assert hard == []


def test_an_unknown_document_type_is_a_clear_error(resources_copy: Path) -> None:
    path = resources_copy / "clinic.toml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace('document_type = "acknowledgement"', 'document_type = "contract"'), "utf-8"
    )
    with pytest.raises(ContentError, match=r"clinic\.toml: document_type: must be one of"):
        load_clinic(resources_copy)
