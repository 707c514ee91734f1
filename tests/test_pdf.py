"""The signed acknowledgement: what it says, on every page, and that it is written whole."""

from __future__ import annotations

import io
import os
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from counsel.core.content import ClinicSettings, Content, OutcomesScreen, QuizScreen
from counsel.core.demo import demo_session, signature_ink
from counsel.core.session import Session
from counsel.core.text_limits import LIMITS
from counsel.pdf import illustrations
from counsel.pdf.acknowledgement import build_acknowledgement, write_acknowledgement
from counsel.pdf.sections import appendix_screens

POINTS = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text with line breaks as spaces, so phrases wrapped across lines still match."""
    return " ".join(text.split())


def sealed_variant(content: Content, change) -> Session:
    """The demo session, changed by ``change`` before it is sealed."""
    session = demo_session(content, seal=False)
    change(session)
    session.seal()
    return session


def test_demo_pdf_records_who_what_and_the_answers(
    demo_pdf: bytes, demo: Session, content: Content
) -> None:
    pages = page_texts(demo_pdf)
    text = flat("\n".join(pages))
    expected = [
        "Zoë Nguyễn-Øberg (DEMO)",
        "Mar 14, 1948",
        "DEMO-0001",
        "L4-L5",
        "Dr. Łukasz Wróbel (DEMO), MD",
        "Ðorđe Petrović (DEMO)",
        content.procedure,
        content.sha256,
        content.version,
        f"Page 1 of {len(pages)}",
        f"Page {len(pages)} of {len(pages)}",
    ]
    for screen in appendix_screens(content):
        expected.append(screen.title)
        if isinstance(screen, OutcomesScreen):
            expected += [item.title for item in screen.items]
        for option in getattr(screen, "options", ()):
            expected.append(option.name)
    for entry in demo.questions:
        expected += [entry.question, entry.answer]
    quiz = next(s for s in content.screens if isinstance(s, QuizScreen))
    expected.append(f"{len(quiz.questions) - 1} of {len(quiz.questions)} right on the first try")
    missing = [phrase for phrase in expected if flat(phrase) not in text]
    assert missing == []


def test_every_page_names_the_patient(demo_pdf: bytes) -> None:
    pages = page_texts(demo_pdf)
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        assert "Zoë Nguyễn-Øberg (DEMO)" in page, number
        assert "DOB Mar 14, 1948" in page, number
        assert "Record DEMO-0001" in page, number
        assert f"Page {number} of {len(pages)}" in page


def test_signatures_are_vector_ink_not_pictures(demo_pdf: bytes, demo: Session) -> None:
    reader = PdfReader(io.BytesIO(demo_pdf))
    assert all(not page.images for page in reader.pages)
    curves = sum(page.get_contents().get_data().split().count(b"c") for page in reader.pages)
    points = sum(signature.ink.point_count for signature in demo.signatures.values())
    assert curves >= points * 0.9, "each piece of ink should be a Bézier curve"


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_page_size_follows_the_clinic(demo: Session, clinic: ClinicSettings, paper: str) -> None:
    data = build_acknowledgement(demo, replace(clinic, paper=paper))
    for page in PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            POINTS[paper], abs=0.5
        )


def test_an_unsigned_session_is_refused(
    content: Content, clinic: ClinicSettings, tmp_path: Path
) -> None:
    session = demo_session(content, seal=False)
    with pytest.raises(ValueError, match="not sealed"):
        build_acknowledgement(session, clinic)
    with pytest.raises(ValueError, match="not sealed"):
        write_acknowledgement(session, clinic, tmp_path / "ack.pdf")
    assert list(tmp_path.iterdir()) == []


def test_writing_puts_the_whole_pdf_in_place(
    demo: Session, clinic: ClinicSettings, tmp_path: Path
) -> None:
    target = tmp_path / "ack.pdf"
    target.write_bytes(b"an older copy")
    write_acknowledgement(demo, clinic, target)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(
        b"%%EOF"
    )
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize("existing", [None, b"an older copy"])
def test_a_write_that_fails_halfway_leaves_things_as_they_were(
    demo: Session,
    clinic: ClinicSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
    existing: bytes | None,
) -> None:
    target = tmp_path / "ack.pdf"
    if existing is not None:
        target.write_bytes(existing)

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError, match="No space"):
        write_acknowledgement(demo, clinic, target)
    monkeypatch.undo()
    if existing is None:
        assert list(tmp_path.iterdir()) == []
    else:
        assert list(tmp_path.iterdir()) == [target]
        assert target.read_bytes() == existing


def test_a_failed_build_writes_nothing(
    demo: Session, clinic: ClinicSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counsel.pdf.acknowledgement as acknowledgement

    def broken(*args: object) -> bytes:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(acknowledgement, "build_acknowledgement", broken)
    with pytest.raises(RuntimeError):
        write_acknowledgement(demo, clinic, tmp_path / "ack.pdf")
    assert list(tmp_path.iterdir()) == []


def test_very_long_questions_and_answers_wrap_across_pages(
    content: Content, clinic: ClinicSettings, demo_pdf: bytes
) -> None:
    longest_question, longest_answer = LIMITS["question"].chars, LIMITS["answer"].chars
    question = ("What about " + "my neighbour's cousin who had a different back procedure " * 60)[
        :longest_question
    ]
    answer = ("We talked it through. " * 400)[: longest_answer - 910] + "x" * 900 + " The end."
    session = sealed_variant(
        content, lambda s: [s.add_question(question, answer) for _ in range(3)]
    )
    data = build_acknowledgement(session, clinic)
    text = flat("\n".join(page_texts(data)))
    assert len(page_texts(data)) > len(page_texts(demo_pdf)) + 2
    assert flat(question)[:200] in text
    assert "The end." in text


def test_typed_text_is_printed_literally_not_as_markup(
    content: Content, clinic: ClinicSettings
) -> None:
    tricky = "Is <b>3 < 5</b> & 7 > 2? &amp; <font size=40>big</font>"
    session = sealed_variant(content, lambda s: s.add_question(tricky, "Yes & no <br/>."))
    text = flat("\n".join(page_texts(build_acknowledgement(session, clinic))))
    assert flat(tricky) in text
    assert "Yes & no <br/>." in text


def test_greek_and_cyrillic_names_survive(content: Content, clinic: ClinicSettings) -> None:
    patient, interpreter = "Σωκράτης Παπαδόπουλος", "Алёна Смирнова"

    def rename(session: Session) -> None:
        session.set_details(patient_name=patient)
        session.set_signature("patient", patient, signature_ink(patient))
        session.set_signature("interpreter", interpreter, signature_ink(interpreter))

    pages = page_texts(build_acknowledgement(sealed_variant(content, rename), clinic))
    assert all(patient in page for page in pages)
    assert interpreter in "\n".join(pages)


def test_times_are_local_and_name_their_zone(monkeypatch: pytest.MonkeyPatch, content) -> None:
    format_date, format_datetime = content.document.format_date, content.document.format_datetime
    moment = datetime(2026, 11, 25, 19, 5, tzinfo=UTC)
    for zone, expected in (
        ("UTC", "Nov 25, 2026, 7:05 PM UTC"),
        # POSIX rules, so the test needs no time zone database.
        ("EST5EDT,M3.2.0,M11.1.0", "Nov 25, 2026, 2:05 PM EST (UTC\u22125)"),
        ("IST-5:30", "Nov 26, 2026, 12:35 AM IST (UTC+5:30)"),
    ):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        assert format_datetime(moment) == expected
    monkeypatch.undo()
    time.tzset()
    assert format_date(moment.date()) == "Nov 25, 2026"


def test_a_second_pdf_reads_no_picture_again(
    demo: Session, clinic: ClinicSettings, demo_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pictures are parsed once per run: signing a second patient costs no file reading.
    (How long a PDF takes is measured by ``python -m bench`` against its targets.)"""
    parsed: list[str] = []
    real_parse = illustrations.svg2rlg
    monkeypatch.setattr(
        illustrations, "svg2rlg", lambda path: parsed.append(path) or real_parse(path)
    )
    build_acknowledgement(demo, clinic)
    assert parsed == []
