"""Where the clinic signs the procedure consent in Counsel, the patient reads every term of
it on the signatures screen, above the statement and the pads, as the PDF prints it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from counsel.core.consent_text import likelihoods, performer
from counsel.core.demo import demo_session


@pytest.fixture
def document_type() -> str:
    return "consent"


@pytest.fixture
def clinic(clinic, document_type):
    return replace(clinic, document_type=document_type)


@pytest.fixture
def signing_page(open_window, content):
    window = open_window(lambda: demo_session(content, seal=False))
    window.go_to(content.index_of(content.first_of_kind("signatures").id))
    return window, window.current_page()


def shown_text(widget: QWidget) -> str:
    """The words shown, as read aloud (a bold-prefixed label's text is HTML)."""
    labels = [t for t in widget.findChildren(QLabel) if t.isVisibleTo(widget)]
    return "\n".join(t.property("readText") or t.text() for t in labels)


def test_every_consent_term_is_shown_above_what_is_signed(signing_page, content) -> None:
    window, page = signing_page
    terms = page.findChild(QWidget, "consentTerms")
    statement = page.findChild(QWidget, "statement")
    assert terms is not None and terms.isVisible()
    assert terms.y() < statement.y()  # read before the statement the patient signs
    assert content.consent is not None
    assert content.consent.statement in shown_text(statement)
    intro = page.findChild(QLabel, "screenIntro")
    assert intro.text() == content.consent.intro  # not "signing is not agreeing"
    shown = shown_text(terms)
    for _, part in content.consent.parts:
        assert part.heading in shown
        assert part.text.replace("{clinician}", performer(window.session.details)) in shown
    for title, likely in likelihoods(content):
        assert title in shown and likely in shown


def test_the_terms_name_the_clinician_as_typed(qtbot, signing_page) -> None:
    window, page = signing_page
    window.session.set_details(clinician_name="Dr. Ona Brightwater (DEMO)")
    terms = page.findChild(QWidget, "consentTerms")
    qtbot.waitUntil(lambda: "Dr. Ona Brightwater (DEMO)" in shown_text(terms))


@pytest.mark.parametrize("document_type", ["acknowledgement"])
def test_an_acknowledgement_shows_no_consent_terms(signing_page, content) -> None:
    _, page = signing_page
    assert page.findChild(QWidget, "consentTerms") is None
    signing = content.first_of_kind("signatures")
    assert page.findChild(QLabel, "screenIntro").text() == signing.intro
