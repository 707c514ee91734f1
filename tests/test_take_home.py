"""The patient's take-home copy: a few large-print pages in their language, from the Done screen."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pdf_text import flat, page_texts, runs
from pypdf import PdfReader

from counsel.core import session_facts as facts
from counsel.core.content import ClinicSettings, Content, QuizScreen
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.pdf.styles import MARGIN
from counsel.pdf.take_home import build_take_home, second_language

PORTAL = "https://portal.example.org/riverside-demo"


@pytest.fixture(scope="module", params=["en", "es"])
def language(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def shown(language: str) -> Content:
    return load_content(language)


@pytest.fixture(scope="module")
def take_home(shown: Content, clinic: ClinicSettings) -> bytes:
    return build_take_home(demo_session(shown), replace(clinic, portal=PORTAL))


def test_two_to_four_pages_in_the_patients_language(
    take_home: bytes, shown: Content, clinic: ClinicSettings
) -> None:
    pages = page_texts(take_home)
    assert 2 <= len(pages) <= 4
    text = flat("\n".join(pages))
    words = shown.document
    assert words is not None
    quiz = shown.first_of_kind("quiz")
    assert isinstance(quiz, QuizScreen)
    expected = [
        words.label("take_home_title", procedure=shown.procedure),
        words.label("learned"),
        *(question.explanation for question in quiz.questions),
        words.label("next_steps"),
        clinic.phone,
        PORTAL,
    ]
    assert [phrase for phrase in expected if flat(phrase) not in text] == []
    reader = PdfReader(io.BytesIO(take_home))
    assert reader.metadata.title == words.label("take_home_title", procedure=shown.procedure)
    assert str(reader.trailer["/Root"]["/Lang"]) == shown.language


def test_large_print(take_home: bytes) -> None:
    """14 pt body and nothing smaller on the page; only the page footer is 11 pt."""
    page_height = 792.0
    found = runs(take_home)
    body = [run for run in found if MARGIN < run.y < page_height - MARGIN]
    assert min(run.size for run in body) >= 14
    assert min(run.size for run in found) >= 11


def test_the_warning_signs_and_the_phone_number_are_all_there(
    take_home: bytes, shown: Content, clinic: ClinicSettings
) -> None:
    text = flat("\n".join(page_texts(take_home)))
    groups = facts.warning_groups(shown)
    assert groups
    for group in groups:
        assert flat(group.heading) in text
        assert all(flat(sign) in text for sign in group.signs)
    assert flat(shown.document.label("clinic_phone", phone=clinic.phone)) in text  # type: ignore[union-attr]


def test_911_signs_come_first_then_the_clinic_signs_with_its_phone(
    take_home: bytes, shown: Content, clinic: ClinicSettings
) -> None:
    text = flat("\n".join(page_texts(take_home)))
    emergency, call = facts.warning_groups(shown)
    assert (emergency.urgency, call.urgency) == ("emergency", "clinic")
    assert "911" in emergency.heading
    start, middle = text.index(flat(emergency.heading)), text.index(flat(call.heading))
    assert all(start < text.index(flat(sign)) < middle for sign in emergency.signs)
    assert all(middle < text.index(flat(sign)) for sign in call.signs)
    assert text.index(clinic.phone, middle) > max(text.index(flat(s)) for s in call.signs)
    # Each sign once, though the condition and the after-MILD screens both list some.
    assert all(text.count(flat(sign)) == 1 for sign in emergency.signs + call.signs)


def test_an_unsigned_session_has_no_take_home_copy(
    content: Content, clinic: ClinicSettings
) -> None:
    with pytest.raises(ValueError, match="not sealed"):
        build_take_home(demo_session(content, seal=False), clinic)


def test_a_bilingual_visit_gets_a_bilingual_take_home_copy(clinic: ClinicSettings) -> None:
    """Counseled in Spanish at an English-speaking clinic: each passage in Spanish at 14 pt,
    then in English (for family and staff), still 2-4 pages."""
    spanish, english = load_content("es"), load_content("en")
    session = demo_session(spanish)
    assert second_language(session, clinic) == "en"
    data = build_take_home(session, clinic, bilingual_with=english)
    pages = page_texts(data)
    assert 2 <= len(pages) <= 4
    text = flat("\n".join(pages))
    quizzes = [content.first_of_kind("quiz") for content in (spanish, english)]
    assert all(isinstance(quiz, QuizScreen) for quiz in quizzes)
    for ours, theirs in zip(quizzes[0].questions, quizzes[1].questions, strict=True):  # type: ignore[union-attr]
        assert text.index(flat(ours.explanation)) < text.index(flat(theirs.explanation))
    for ours, theirs in zip(
        facts.warning_groups(spanish), facts.warning_groups(english), strict=True
    ):
        assert text.index(flat(ours.heading)) < text.index(flat(theirs.heading))
        for sign, twin in zip(ours.signs, theirs.signs, strict=True):
            assert text.index(flat(sign)) < text.index(flat(twin)) < text.index(flat(sign)) + 200
    for words in (spanish.document, english.document):
        assert flat(words.label("clinic_phone", phone=clinic.phone)) in text  # type: ignore[union-attr]
    found = runs(data)
    body = [run for run in found if MARGIN < run.y < 792 - MARGIN]
    spanish_sizes = {run.size for run in body if flat(run.text) in flat(explanations(spanish))}
    assert min(spanish_sizes) >= 14
    assert min(run.size for run in body) >= 12


def explanations(content: Content) -> str:
    quiz = content.first_of_kind("quiz")
    assert isinstance(quiz, QuizScreen)
    return " ".join(question.explanation for question in quiz.questions)


def test_the_second_language_is_the_clinics_or_one_the_visit_used(
    content: Content, clinic: ClinicSettings
) -> None:
    english = demo_session(content)
    assert second_language(english, clinic) is None  # the clinic's own language only
    mixed = demo_session(content, seal=False)
    mixed.set_content(load_content("es"))
    mixed.view(content.screens[1].id)
    mixed.set_content(content)
    assert second_language(mixed, clinic) == "es"
