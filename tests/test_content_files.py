"""The shipped content, checked as data: it loads, and what a patient reads is backed."""

from __future__ import annotations

import re

from content_helpers import entries

from counsel.core.content import (
    ChecklistScreen,
    ComparisonScreen,
    Content,
    OutcomesScreen,
    QuizScreen,
)
from counsel.core.content_loader import named_illustrations, referenced_sources
from counsel.resources import illustration_path

FIGURE = re.compile(r"\d+(\.\d+)?\s*(%|percent|out of|in 100|points?\b)", re.IGNORECASE)


def test_every_figure_names_a_source(content: Content) -> None:
    unsourced = [
        (screen.id, text)
        for screen in content.screens
        for text, sources in entries(screen)
        if FIGURE.search(text or "") and not sources
    ]
    assert unsourced == []


def test_every_cited_source_exists_and_every_source_is_cited(content: Content) -> None:
    cited = {source for screen in content.screens for source in referenced_sources(screen)}
    assert cited <= set(content.sources)
    assert set(content.sources) <= cited


def test_every_illustration_named_exists(content: Content) -> None:
    names = {name for screen in content.screens for name in named_illustrations(screen)}
    assert names
    assert [name for name in names if not illustration_path(name).is_file()] == []


def test_the_walkthrough_covers_what_consent_needs(content: Content) -> None:
    kinds = [screen.kind for screen in content.screens]
    assert kinds[0] == "details" and kinds[-1] == "done"
    for kind in (
        "info",
        "checklist",
        "steps",
        "outcomes",
        "comparison",
        "questions",
        "quiz",
        "signatures",
    ):
        assert kind in kinds
    outcome_screens = [s for s in content.screens if isinstance(s, OutcomesScreen)]
    assert len(outcome_screens) == 2, "benefits and risks each have a screen"
    assert all(
        s.required for s in content.screens if s.kind not in ("details", "signatures", "done")
    )


def test_benefits_and_risks_are_given_equal_weight(content: Content) -> None:
    benefits, risks = [s for s in content.screens if isinstance(s, OutcomesScreen)]
    assert abs(len(benefits.items) - len(risks.items)) <= 4
    assert benefits.caution and risks.caution


def test_alternatives_include_doing_nothing_injections_and_surgery(content: Content) -> None:
    comparison = next(s for s in content.screens if isinstance(s, ComparisonScreen))
    assert len(comparison.options) >= 5
    for row in comparison.rows:
        assert set(row.values) == {option.id for option in comparison.options}


def test_quiz_has_about_five_questions_linked_to_real_screens(content: Content) -> None:
    quiz = next(s for s in content.screens if isinstance(s, QuizScreen))
    assert 4 <= len(quiz.questions) <= 7
    for question in quiz.questions:
        assert content.has_screen(question.covered_by)
        assert 0 <= question.answer < len(question.choices)


def test_checklist_can_reach_every_verdict(content: Content) -> None:
    checklist = next(s for s in content.screens if isinstance(s, ChecklistScreen))
    assert any(item.exclusion for item in checklist.items)
    assert set(checklist.results) == {"candidate", "review", "not_candidate"}


def test_no_untraceable_marketing_figures(content: Content) -> None:
    text = " ".join(t or "" for s in content.screens for t, _ in entries(s))
    for claim in ("79 percent", "79%", "53 percent", "34 percent"):
        assert claim not in text
