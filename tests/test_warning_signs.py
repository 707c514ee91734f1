"""Warning signs as data: a sign that needs an emergency room is never under "call the clinic".

Signs are checked by their id and urgency in warning_signs.toml, not by English words, so the
same checks hold in every language; the screens and the signed PDF are checked as shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from content_helpers import demo_pdf_text
from PySide6.QtWidgets import QFrame, QLabel

from counsel.core.content import ClinicSettings, Content, Section
from counsel.core.content_loader import language_names, load_content
from counsel.core.toml_reader import ContentError

LANGUAGES = sorted(language_names())
AFTER_MILD = "before-after"


def sections(content: Content) -> list[tuple[str, Section]]:
    return [(s.id, section) for s in content.screens for section in getattr(s, "sections", ())]


def emergency_texts(content: Content) -> list[str]:
    return [sign.text for sign in content.warning_signs.values() if sign.urgency == "emergency"]


def flat(text: str) -> str:
    return " ".join(text.split()).replace("•", "").replace("  ", " ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_emergency_sign_is_under_a_clinic_heading(language: str) -> None:
    content = load_content(language)
    emergency = emergency_texts(content)
    clinic_heading = next(s.heading for _, s in sections(content) if s.urgency == "clinic")
    assert emergency, "the signs file lists emergency signs"
    for screen_id, section in sections(content):
        where = f"{language}/{screen_id}: {section.heading}"
        listed = {sign.urgency for sign in section.signs}
        assert listed <= {section.urgency}, f"{where}: a sign under another urgency's heading"
        if section.urgency != "emergency":
            words = " ".join([section.text, *section.bullets, *(s.text for s in section.signs)])
            assert not [t for t in emergency if t in words], f"{where}: an emergency sign"
        if not section.urgency:
            # A hand-written "call the clinic" section would escape the checks above.
            assert section.heading != clinic_heading, f"{where}: warning signs need 'urgency'"
            assert not set(section.bullets) & {s.text for s in content.warning_signs.values()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_mild_every_sign_is_listed_once_under_its_own_heading(language: str) -> None:
    content = load_content(language)
    after = [s for screen_id, s in sections(content) if screen_id == AFTER_MILD and s.urgency]
    assert [s.urgency for s in after] == ["emergency", "clinic"], "emergency list first"
    listed = [sign.id for s in after for sign in s.signs]
    assert sorted(listed) == sorted(content.warning_signs), "every sign, each once"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_condition_screen_words_its_emergency_signs_as_after_mild(language: str) -> None:
    content = load_content(language)
    by_screen = {screen_id: s for screen_id, s in sections(content) if s.urgency == "emergency"}
    condition = {sign.id for sign in by_screen["stenosis"].signs}
    assert condition and condition <= {sign.id for sign in by_screen[AFTER_MILD].signs}


def test_a_clinic_section_listing_an_emergency_sign_stops_counsel(resources_copy: Path) -> None:
    path = resources_copy / "content" / "es" / "screens" / f"{AFTER_MILD}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('signs = ["fever"', 'signs = ["leg-weakness", "fever"'))
    with pytest.raises(ContentError) as raised:
        load_content("es", resources_copy)
    message = str(raised.value)
    assert f"{AFTER_MILD}.toml" in message and "leg-weakness" in message and "clinic" in message


def test_a_section_naming_an_unknown_sign_stops_counsel(resources_copy: Path) -> None:
    path = resources_copy / "content" / "en" / "screens" / f"{AFTER_MILD}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"fever"', '"chest-pain"'))
    with pytest.raises(ContentError, match="chest-pain"):
        load_content("en", resources_copy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_prints_both_lists_under_their_headings(
    language: str, clinic: ClinicSettings
) -> None:
    content = load_content(language)
    text = flat(demo_pdf_text(content, clinic))
    after = [s for screen_id, s in sections(content) if screen_id == AFTER_MILD and s.urgency]
    emergency, clinic_list = after
    start = text.index(flat(emergency.heading), text.index(flat(content.screen(AFTER_MILD).title)))
    middle = text.index(flat(clinic_list.heading), start)
    for sign in emergency.signs:
        assert flat(sign.text) in text[start:middle], sign.id
    for sign in clinic_list.signs:
        assert flat(sign.text) in text[middle:], sign.id
        assert flat(sign.text) not in text[start:middle], sign.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_screen_shows_the_emergency_list_apart_and_first(
    qtbot, open_window, language: str
) -> None:
    window = open_window()
    window.change_language(language)
    content = window.content
    window.go_to(content.index_of(AFTER_MILD))
    page = window.current_page()
    emergency = page.findChild(QFrame, "warning-emergency")
    clinic_panel = page.findChild(QFrame, "warning-clinic")
    assert emergency.property("role") != clinic_panel.property("role"), "the two look different"
    qtbot.waitUntil(lambda: emergency.y() < clinic_panel.y(), timeout=2000)
    for sign in content.warning_signs.values():
        shown = page.findChild(QLabel, f"sign-{sign.id}")
        assert shown.isVisible() and sign.text in shown.text()
        home = emergency if sign.urgency == "emergency" else clinic_panel
        assert home.isAncestorOf(shown), f"{sign.id} is in the {sign.urgency} panel"
