"""Every patient-facing text reads at or below a US 8th-grade level (Flesch-Kincaid), and the
Spanish reads as "fairly easy" or easier (Fernández-Huerta, the usual Spanish measure)."""

from __future__ import annotations

import pytest
import textstat

from counsel.core.content import Screen
from counsel.core.content_loader import language_names, load_content

MAX_GRADE = 8.0
MIN_SPANISH_EASE = 70.0
MIN_WORDS = 15  # shorter texts (a heading, a yes/no choice) give meaningless scores


def patient_texts(screen: Screen) -> list[str]:
    texts = [screen.intro]
    for part in ("sections", "steps", "items", "options", "questions"):
        for entry in getattr(screen, part, ()):
            texts += [
                getattr(entry, name, "")
                for name in ("text", "action", "help", "explanation", "caution", "compared_with")
            ]
            texts += list(getattr(entry, "bullets", ()))
            texts += [sign.text for sign in getattr(entry, "signs", ())]
    for name in ("statement", "caution", "text"):
        texts.append(getattr(screen, name, ""))
    return [text for text in texts if len(text.split()) >= MIN_WORDS]


def difficulty(text: str, language: str) -> tuple[bool, float]:
    """(acceptable, score) in the language's own measure."""
    if language == "es":
        textstat.set_lang("es")
        score = textstat.fernandez_huerta(text)
        return score >= MIN_SPANISH_EASE, score
    textstat.set_lang("en_US")
    score = textstat.flesch_kincaid_grade(text)
    return score <= MAX_GRADE, score


@pytest.mark.parametrize("language", sorted(language_names()))
def test_content_is_plain_language(language: str) -> None:
    content = load_content(language)
    hard = []
    for screen in content.screens:
        for text in patient_texts(screen):
            ok, score = difficulty(text, language)
            if not ok:
                hard.append((score, screen.id, text))
    worst = sorted(hard, reverse=language != "es")[:5]
    report = "\n".join(f"{score:.1f} {screen}: {text[:120]}" for score, screen, text in worst)
    assert hard == [], f"{len(hard)} passages are too hard; the worst:\n{report}"
