"""The patient's take-home copy: a few large-print pages in their language, from the Done screen."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

import pytest
from pdf_text import flat, page_texts, runs
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from ui_driver import child, sign_all, walk_to_signatures

from counsel.core import session_facts as facts
from counsel.core.content import ClinicSettings, Content, InfoScreen, QuizScreen, Section
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.pdf.styles import MARGIN
from counsel.pdf.take_home import build_take_home

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


@dataclass(frozen=True, kw_only=True)
class Sign:
    text: str


@dataclass(frozen=True, kw_only=True)
class UrgentSection(Section):
    """A warning-signs section as content split by urgency has it."""

    urgency: str
    signs: tuple[Sign, ...]


def test_signs_split_by_urgency_print_911_first_and_the_clinic_with_its_phone(
    content: Content, clinic: ClinicSettings
) -> None:
    split = (
        UrgentSection(heading="Call 911 now", urgency="emergency",
                      signs=(Sign(text="New weakness in your legs"),)),
        UrgentSection(heading="Call the clinic today", urgency="clinic",
                      signs=(Sign(text="A fever or chills"),)),
    )
    screens = tuple(
        replace(screen, sections=(*screen.sections[:-1], *reversed(split)))
        if screen.id == "before-after" and isinstance(screen, InfoScreen)
        else screen
        for screen in content.screens
    )
    session = demo_session(replace(content, screens=screens))
    text = flat("\n".join(page_texts(build_take_home(session, clinic))))
    emergency, call = text.index("Call 911 now"), text.index("Call the clinic today")
    assert emergency < text.index("New weakness in your legs") < call
    assert call < text.index("A fever or chills") < text.index(clinic.phone, call)
    assert "Call the clinic right away if you have" not in text  # the old, unsplit heading


def test_an_unsigned_session_has_no_take_home_copy(
    content: Content, clinic: ClinicSettings
) -> None:
    with pytest.raises(ValueError, match="not sealed"):
        build_take_home(demo_session(content, seal=False), clinic)


def test_the_done_screen_saves_the_take_home_copy(qtbot, open_window, content, tmp_path) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)
    page = window.current_page()
    assert child(page, QPushButton, "saveTakeHome").isVisible()
    assert child(page, QPushButton, "printTakeHome").isVisible()
    target = tmp_path / "take-home.pdf"
    page.save_take_home_to(target)
    text = flat("\n".join(page_texts(target.read_bytes())))
    assert "Your visit about" in text and "Zoë Nguyễn-Øberg" in text
    actions = [entry.action for entry in window.recorder.store.audit_trail(window.session.id)]
    assert actions[-1] == "pdf_exported"
