"""A patient can switch to Spanish at any point without losing anything, and then sees Spanish."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit
from ui_driver import answer_checklist, click, fill_details, typing_saved

from counsel.core.content_loader import load_content
from counsel.resources import resources_dir


def choose_language(window, code: str) -> None:
    combo: QComboBox = window.findChild(QComboBox, "languageChoice")
    index = combo.findData(code)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def english_only_strings() -> set[str]:
    """Interface and content strings whose Spanish differs: none may show in Spanish."""
    tree = ElementTree.parse(resources_dir() / "translations" / "counsel_es.ts")
    strings = {
        message.findtext("source")
        for message in tree.iter("message")
        if message.findtext("translation") not in ("", message.findtext("source"))
    }
    english, spanish = load_content("en"), load_content("es")
    for en_screen, es_screen in zip(english.screens, spanish.screens, strict=True):
        for field in ("title", "nav_title", "intro"):
            if getattr(en_screen, field) != getattr(es_screen, field):
                strings.add(getattr(en_screen, field))
    return {s.strip() for s in strings if s and len(s.strip()) > 3}


def visible_texts(window) -> list[str]:
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text().strip():
            texts.append(widget.text().strip())
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText():
            texts.append(edit.placeholderText())
    sidebar = window.sidebar.list
    texts += [sidebar.item(i).text().split("  ", 1)[-1] for i in range(sidebar.count())]
    return texts


def test_switching_to_spanish_keeps_everything_entered(qtbot, open_window, content) -> None:
    window = open_window()
    fill_details(qtbot, window, "Zoë Test", "Test Clinician")
    checklist_index = next(i for i, s in enumerate(content.screens) if s.kind == "checklist")
    window.go_to(checklist_index)
    answer_checklist(qtbot, window, content.screens[checklist_index])
    answers = dict(window.session.checklist)

    choose_language(window, "es")

    spanish = load_content("es")
    assert window.session.content.language == "es"
    assert window.index == checklist_index, "the same screen stays in view"
    assert window.current_page().title_label.text() == spanish.screens[checklist_index].title
    assert window.session.checklist == answers
    assert window.session.details.patient_name == "Zoë Test"
    next_text = QCoreApplication.translate("NavBar", "Next  ▶")
    assert next_text != "Next  ▶"
    assert window.findChild(QAbstractButton, "nextButton").text() == next_text
    click(qtbot, window, "nextButton")
    assert window.session.visits  # still recording, now in Spanish


def test_counts_are_grouped_as_the_interface_language_writes_them(qtbot, open_window) -> None:
    """A count of records reads "12,345" in English and "12.345" in Spanish, also on a
    computer set to no language at all (the tests' C locale groups no digits)."""
    window = open_window()
    assert QLocale().toString(12345) == "12,345"
    choose_language(window, "es")
    assert QLocale().toString(12345) == "12.345"
    choose_language(window, "en")
    assert QLocale().toString(12345) == "12,345"


def test_no_english_is_left_on_any_spanish_screen(qtbot, open_window, content) -> None:
    window = open_window()
    choose_language(window, "es")
    english = english_only_strings()
    leftovers = set()
    for index in range(len(content.screens)):
        window.go_to(index)
        QApplication.processEvents()
        leftovers |= {text for text in visible_texts(window) if text in english}
    assert leftovers == set()


def test_a_resumed_session_comes_back_in_its_language(qtbot, open_window, store) -> None:
    window = open_window()
    choose_language(window, "es")
    fill_details(qtbot, window, "Test Español", "Test Clinician")
    draft = window.session.id
    window.close()
    again = open_window()
    again.resume(draft)
    assert again.session.content.language == "es"
    assert again.content.language == "es"


def test_a_spanish_session_offers_a_bilingual_copy(qtbot, open_window, content, tmp_path) -> None:
    from pypdf import PdfReader

    from counsel.core.demo import demo_session

    spanish = load_content("es")
    window = open_window(lambda: demo_session(spanish))
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    window.go_to(len(content.screens) - 1)
    page = window.current_page()
    button = page.findChild(QAbstractButton, "saveBilingual")
    assert button.isVisible()
    target = tmp_path / "bilingual.pdf"
    page.save_bilingual_to(target)
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert spanish.screens[5].title in text and content.screens[5].title in text
    typing_saved(qtbot, window)  # the trail's entry is written by the window's writer
    assert "pdf_exported" in [e.action for e in window.store.audit_trail(window.session.id)]


def test_a_new_session_goes_on_in_the_language_in_use(qtbot, open_window) -> None:
    window = open_window()
    choose_language(window, "es")
    fill_details(qtbot, window, "Test Español", "Test Clinician")
    window.start_new()
    assert window.session.details.patient_name == ""
    assert window.session.content.language == "es"
    assert window.windowTitle() == load_content("es").title
