"""The acknowledgement in the patient's language, a bilingual copy, and document.toml as data."""

from __future__ import annotations

import io
import re
import string
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from counsel.core.content import (
    LEANING,
    ChecklistScreen,
    ClinicSettings,
    Content,
    LeaningScreen,
    OutcomesScreen,
    QuizScreen,
    SureScreen,
)
from counsel.core.content_loader import load_content
from counsel.core.demo import DEMO_START, DemoClock, demo_session, signature_ink
from counsel.core.formatting import DocumentWords
from counsel.core.session import Session
from counsel.core.toml_reader import ContentError
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.sections import appendix_screens
from counsel.pdf.take_home import build_take_home


def flat_text(data: bytes) -> str:
    """Every page's text, line breaks as spaces, so phrases wrapped across lines still match."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def spanish() -> Content:
    return load_content("es")


@pytest.fixture(scope="module")
def spanish_demo(spanish: Content) -> Session:
    return demo_session(spanish)


@pytest.fixture(scope="module")
def spanish_text(spanish_demo: Session, clinic: ClinicSettings) -> str:
    return flat_text(build_acknowledgement(spanish_demo, clinic))


@pytest.fixture(scope="module")
def bilingual_text(spanish_demo: Session, clinic: ClinicSettings, content: Content) -> str:
    return flat_text(build_acknowledgement(spanish_demo, clinic, bilingual_with=content))


def words(content: Content) -> DocumentWords:
    assert content.document is not None
    return content.document


def literal_parts(pattern: str) -> list[str]:
    """The fixed wording of a label, between its placeholders."""
    return [flat(text) for text, *_ in string.Formatter().parse(pattern) if text.strip()]


def test_the_spanish_pdf_is_in_spanish(spanish_text: str, spanish: Content) -> None:
    expected = [
        "Constancia de orientación",
        "Fecha de nacimiento",
        "Número de expediente",
        "Nac. 14 mar 1948",
        "14 mar 1948",
        "20 nov 2026, 09:00 UTC",
        "Página 1 de",
        "Se mostró a las",
        "Profesional de salud, MD",
        "Intérprete",
        "Firmado y protegido contra cambios a las",
        "Lo que el paciente reconoce",
    ]
    expected += [screen.title for screen in appendix_screens(spanish)]
    for screen in spanish.screens:
        if isinstance(screen, OutcomesScreen):
            expected += [item.title for item in screen.items]
    assert [phrase for phrase in expected if flat(phrase) not in spanish_text] == []


def test_no_english_label_is_left_in_the_spanish_pdf(
    spanish_text: str, spanish_demo: Session, spanish: Content, content: Content
) -> None:
    """What may stay English: what was typed (the demo's questions), and the citations."""
    text = spanish_text
    typed = [part for entry in spanish_demo.questions for part in (entry.question, entry.answer)]
    for kept in typed + [source.citation for source in spanish.sources.values()]:
        text = text.replace(flat(kept), "")
    english, spanish_words = words(content).labels, words(spanish).labels
    assert [name for name in english if english[name] == spanish_words[name]] == ["answer_no"]
    left = [
        (name, part)
        for name, pattern in english.items()
        for part in literal_parts(pattern)
        if part not in literal_parts(spanish_words[name])
        and len(part) > 2
        and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    ]
    assert left == []


def test_dates_and_times_follow_the_language(
    spanish: Content, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    moment = datetime(2026, 11, 25, 14, 5, tzinfo=UTC)
    es, en = words(spanish), words(content)
    assert es.format_date(date(1948, 3, 14)) == "14 mar 1948"
    assert es.format_datetime(moment) == "25 nov 2026, 14:05 UTC"
    assert es.format_time(moment.replace(hour=9)) == "09:05 UTC"
    assert en.format_datetime(moment) == "Nov 25, 2026, 2:05 PM UTC"
    monkeypatch.undo()
    time.tzset()


def test_the_bilingual_pdf_has_both_languages(
    bilingual_text: str, spanish: Content, content: Content, spanish_demo: Session
) -> None:
    titles = [screen.title for screen in appendix_screens(spanish) + appendix_screens(content)]
    expected = titles + [
        "Fecha de nacimiento",
        "Date of birth",
        "Lo que el paciente reconoce",
        "What the patient acknowledges",
        flat(content.first_of_kind("signatures").statement),  # type: ignore[union-attr]
        "Página 1 de",
    ]
    assert [phrase for phrase in expected if flat(phrase) not in bilingual_text] == []
    for entry in spanish_demo.questions:  # typed once, as typed, never translated
        assert bilingual_text.count(flat(entry.question)) == 1
    for signature in spanish_demo.signatures.values():
        assert flat(signature.name) in bilingual_text


def test_a_bilingual_copy_needs_a_second_language(
    spanish_demo: Session, spanish: Content, clinic: ClinicSettings
) -> None:
    with pytest.raises(ValueError, match="second language"):
        build_acknowledgement(spanish_demo, clinic, bilingual_with=spanish)


def sparse_session(content: Content, asked: bool = True) -> Session:
    """A signed session that left most things out: the PDF's rarer wording all shows."""
    session = Session(content, clock=DemoClock())
    session.set_details(patient_name="Ana Ruiz (TEST)")
    checklist = next(s for s in content.screens if isinstance(s, ChecklistScreen))
    quiz = next(s for s in content.screens if isinstance(s, QuizScreen))
    session.view(checklist.id)
    session.answer_checklist(checklist.items[0].id, "unsure")
    session.answer_checklist(checklist.items[1].id, "no")
    session.set_content(load_content("en" if content.language == "es" else "es"))
    session.view(quiz.id)  # shown in the other language only
    session.set_content(content)
    session.answer_quiz(quiz.questions[0].id, (quiz.questions[0].answer + 1) % 2, False)
    # What the decision aid records, where a session has it (read through session_facts).
    leaning = next(s for s in content.screens if isinstance(s, LeaningScreen))
    session.decide(leaning.id, LEANING, leaning.choices[1].id)
    sure = next(s for s in content.screens if isinstance(s, SureScreen))
    for number, question in enumerate(sure.questions):
        session.decide(sure.id, question.id, "no" if number == 1 else "yes")
    if asked:
        session.add_question("¿Y después?", "")  # and not answered
    session.set_signature("representative", "Rosa Ruiz", signature_ink("Rosa Ruiz"), "hija")
    session.set_signature("witness", "Tom Lee", signature_ink("Tom Lee"))
    session.sealed_at = DEMO_START + timedelta(days=1)  # signed the next day
    return session


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_label_is_used_and_none_is_missing(
    language: str,
    content: Content,
    clinic: ClinicSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Demo and sparse sessions between them print every label of document.toml."""
    shown = load_content(language)
    used: set[str] = set()
    label = DocumentWords.label

    def recording(self: DocumentWords, name: str, **values: object) -> str:
        used.add(name)
        return label(self, name, **values)

    monkeypatch.setattr(DocumentWords, "label", recording)
    other = load_content("es" if language == "en" else "en")
    for session in (demo_session(shown), sparse_session(shown), sparse_session(shown, False)):
        build_acknowledgement(session, clinic)
        build_acknowledgement(session, clinic, bilingual_with=other)
        build_take_home(session, replace(clinic, portal="https://portal.example.org"))
        build_acknowledgement(session, replace(clinic, document_type="consent"))
    assert used == set(words(shown).labels)


def leaning_choice(content: Content) -> str:
    """What ``sparse_session`` records as the leaning, as the content words it."""
    return next(s for s in content.screens if isinstance(s, LeaningScreen)).choices[1].text


def test_the_sparse_spanish_pdf_says_what_is_missing(
    clinic: ClinicSettings, spanish: Content
) -> None:
    text = flat_text(build_acknowledgement(sparse_session(spanish), clinic))
    for phrase in (
        "No se anotó",
        "No se mostró antes de firmar.",
        "Idioma: español, inglés.",
        f"Se inclina por {leaning_choice(spanish)}",
        "3 de 4 contestadas con sí.",
        "Respuestas que hay que revisar:",
        "1 en total; 1 sin respuesta escrita: • ¿Y después?",
        "No se marcó como tratado.",
        "No sé",
        "Sin respuesta",
        "No se contestaron todas las preguntas",
        "No se anotó ninguna respuesta.",
        "Representante legal autorizado (hija)",
        "Testigo",
        "el 21 nov 2026 a las",
    ):
        assert phrase in text, phrase


def edit_document(root: Path, language: str, old: str, new: str) -> None:
    path = root / "content" / language / "document.toml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("language", "old", "new", "message"),
    [
        (
            "es",
            'page = "Página {number} de {total}"\n',
            "",
            r"content/es/document\.toml: labels\.page: missing"
            r" \(content/en/document\.toml has it\)",
        ),
        (
            "en",
            'page = "Page {number} of {total}"\n',
            "",
            r"content/en/document\.toml: labels\.page: missing"
            r" \(content/es/document\.toml has it\)",
        ),
        (
            "es",
            "[labels]\n",
            '[labels]\npaje = "Página"\n',
            r"content/es/document\.toml: labels\.paje: not in content/en/document\.toml",
        ),
        (
            "es",
            "Página {number} de {total}",
            "Página {numero} de {total}",
            r"labels\.page: fills \['numero', 'total'\], but in content/en/document\.toml"
            r" \['number', 'total'\]",
        ),
        ("es", "Página {number}", "Página {number", r"labels\.page: .*brace"),
        ("es", 'date = "{day} {month} {year}"', 'date = "{dia} {month} {year}"', r"date: .*dia"),
        ("es", '"sept", ', "", r"content/es/document\.toml: months: needs 12 month names"),
    ],
)
def test_a_broken_document_file_is_a_clear_error(
    resources_copy: Path, language: str, old: str, new: str, message: str
) -> None:
    edit_document(resources_copy, language, old, new)
    with pytest.raises(ContentError, match=message):
        load_content(language, resources_copy)
