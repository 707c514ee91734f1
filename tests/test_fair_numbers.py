"""Numbers a patient can weigh fairly (IPDAS): sourced, absolute, compared, with their limits.

Checked over every language as data (digits, ids and sources, not English words), then on
the benefits screen and in the signed PDF.
"""

from __future__ import annotations

import re

import pytest
from content_helpers import demo_pdf_text, entries
from PySide6.QtWidgets import QLabel

from counsel.core.content import ClinicSettings, Content, OutcomesScreen
from counsel.core.content_loader import language_names, load_content

LANGUAGES = sorted(language_names())
DIGIT = re.compile(r"\d")
RELATIVE = re.compile(r"\d\s*(%|percent|por ciento)", re.IGNORECASE)
ZERO_OF_373 = "373"  # the pooled safety review: no serious problem in 373 people
UPPER_BOUND = re.compile(r"\b1\b\D{1,12}\b100\b")  # "1 in 100", "1 de cada 100"


def all_texts(content: Content) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.id, text, sources) for s in content.screens for text, sources in entries(s) if text]


def benefits(content: Content) -> OutcomesScreen:
    screen = content.screen("benefits")
    assert isinstance(screen, OutcomesScreen)
    return screen


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_on_the_decision_screens_names_a_source(language: str) -> None:
    content = load_content(language)
    decision = {"benefits", "risks", "alternatives"}
    unsourced = [
        (screen_id, text[:60])
        for screen_id, text, sources in all_texts(content)
        if screen_id in decision and DIGIT.search(text) and not sources
    ]
    assert unsourced == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_figure_is_a_percentage(language: str) -> None:
    """Everything is "in 100" (one denominator), never a percent change with no baseline."""
    relative = [(s, t[:60]) for s, t, _ in all_texts(load_content(language)) if RELATIVE.search(t)]
    assert relative == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_zero_always_comes_with_its_upper_bound(language: str) -> None:
    zeros = [t for _, t, _ in all_texts(load_content(language)) if ZERO_OF_373 in t]
    assert zeros, "the safety review is quoted"
    assert [t for t in zeros if not UPPER_BOUND.search(t.split(ZERO_OF_373, 1)[1])] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_benefit_with_a_number_says_what_it_was_compared_with(language: str) -> None:
    missing = [
        item.id
        for item in benefits(load_content(language)).items
        if DIGIT.search(item.text)
        and item.id not in ("same_day", "small_opening")
        and not item.compared_with
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_picture_shows_the_same_number_as_its_words(language: str) -> None:
    content = load_content(language)
    for screen in content.screens:
        for item in getattr(screen, "items", ()):
            figure = getattr(item, "figure", None)
            if figure is not None and figure.per_100 is not None:
                number = f"{figure.per_100:g}"
                assert re.search(rf"\b{re.escape(number)}\b", figure.text), item.id
                assert re.search(rf"\b{re.escape(number)}\b", item.text), item.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_sources_paid_for_by_the_maker_are_marked_on_screen(open_window, language: str) -> None:
    window = open_window()
    window.change_language(language)
    content = window.content
    marker = {"en": "paid for by the device maker", "es": "pagado por el fabricante"}[language]
    for screen_id in ("benefits", "risks", "alternatives"):
        window.go_to(content.index_of(screen_id))
        shown = [
            w.text()
            for w in window.current_page().findChildren(QLabel)
            if w.property("role") == "source"
        ]
        named = {sid for _, _, sources in all_texts(content) for sid in sources}
        for source in (content.sources[sid] for sid in named):
            lines = [t for t in shown if source.short in t]
            if not lines:
                continue
            marked = f"{source.short} ({marker}" in " ".join(lines)
            assert marked == source.industry, f"{screen_id}: {source.id}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_prints_each_benefit_with_its_comparison(
    language: str, clinic: ClinicSettings
) -> None:
    content = load_content(language)
    text = demo_pdf_text(content, clinic)
    label = content.document.label("compared_with") if content.document else ""
    for item in benefits(content).items:
        if item.compared_with:
            assert f"{label}: {' '.join(item.compared_with.split())}" in text, item.id
