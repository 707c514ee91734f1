"""The acknowledgement's first pages tell the story, in type an older reader can read."""

from __future__ import annotations

from pdf_text import flat, page_texts, runs

from counsel.core.content import ChecklistScreen, ClinicSettings, ComparisonScreen, Content
from counsel.core.demo import demo_session, signature_ink
from counsel.core.session import Session
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.styles import MARGIN


def first_pages(data: bytes) -> str:
    return flat("\n".join(page_texts(data)[:2]))


def test_the_first_two_pages_tell_the_whole_story(
    demo_pdf: bytes, demo: Session, content: Content
) -> None:
    checklist = content.first_of_kind("checklist")
    assert isinstance(checklist, ChecklistScreen)
    text = first_pages(demo_pdf)
    expected = [
        "Acknowledgement of counseling",
        "Zoë Nguyễn-Øberg (DEMO)",
        content.procedure,
        "L4-L5",
        "Nov 20, 2026, 9:00 AM UTC",
        "Dr. Łukasz Wróbel (DEMO), MD",
        f"Candidacy {checklist.results['candidate'].title}",
        "Teach-back 4 of 5 right on the first try; 5 of 5 right after review.",
        "Questions 3 asked, each with a written answer.",
        f"Topics {len(content.required_screens)} of {len(content.required_screens)} required"
        " topics marked as discussed.",
        "Language English",
        "What the patient acknowledges",
        "Patient Zoë Nguyễn-Øberg (DEMO) · signed at",
        "Clinician, MD Dr. Łukasz Wróbel (DEMO) · signed at",
        "Interpreter Ðorđe Petrović (DEMO) · signed at",
        "Signed and locked against changes at",
    ]
    assert [phrase for phrase in expected if flat(phrase) not in text] == []
    # The demo records a leaning and a SURE test with one "no".
    assert "Leaning toward" in text and flat("SURE test 3 of 4 answered yes.") in text
    assert page_texts(demo_pdf)[2].count("The session in detail") == 1


def test_answers_to_look_at_and_open_questions_are_on_the_first_pages(
    content: Content, clinic: ClinicSettings
) -> None:
    checklist = content.first_of_kind("checklist")
    assert isinstance(checklist, ChecklistScreen)
    doubtful, against = checklist.items[0], checklist.items[-1]
    session = demo_session(content, seal=False)
    session.answer_checklist(doubtful.id, "unsure")
    session.add_question("Can my daughter come to the procedure?")
    session.add_question("Does Medicare pay for it?", "Usually, yes.")
    session.set_signature("witness", "Tom Lee (TEST)", signature_ink("Tom Lee"))
    # Signing waits for every answer (the patient signs that questions were answered), so a
    # record with an open question is one signed before that rule: sealed as it was stored.
    session.sealed_at = session.clock()
    text = first_pages(build_acknowledgement(session, clinic))
    for phrase in (
        f"{checklist.results['review'].title}",
        "Answers that need a closer look:",
        f"• {doubtful.text} — Not sure",
        "5 asked; 1 without a written answer: • Can my daughter come to the procedure?",
        "Witness Tom Lee (TEST) · signed",
    ):
        assert flat(phrase) in text, phrase
    assert flat(against.text) not in text  # answered as expected: nothing to look at


def test_type_sizes_by_role(demo_pdf: bytes, content: Content, clinic: ClinicSettings) -> None:
    """Body 11 pt, nothing under 9 pt (the words on the pictures and the running header and
    footer included); the options comparison at body size."""
    page_height = 792.0  # the demo clinic prints on letter paper
    assert clinic.paper == "letter"
    found = runs(demo_pdf)
    body = [run for run in found if MARGIN < run.y < page_height - MARGIN]
    assert [(run.page, run.size, run.text) for run in body if run.size < 9] == []
    furniture = [run for run in found if not MARGIN < run.y < page_height - MARGIN]
    assert furniture and min(run.size for run in furniture) >= 9
    by_size: dict[float, int] = {}
    for run in body:
        by_size[run.size] = by_size.get(run.size, 0) + len(run.text)
    assert max(by_size, key=by_size.__getitem__) >= 11  # most of the text is body text
    comparison = content.first_of_kind("comparison")
    assert isinstance(comparison, ComparisonScreen)
    cells = [
        " ".join(value.split()[:3]) for row in comparison.rows for value in row.values.values()
    ]
    labels = [row.label for row in comparison.rows]
    picture_words = {
        word
        for labels_of in content.illustration_labels.values()
        for label in labels_of
        for word in label.text.split()
    }
    for words in labels + cells:
        sizes = {
            run.size
            for run in body
            if words in run.text and not set(run.text.split()) <= picture_words
        }
        assert sizes and min(sizes) >= 10, words


def test_reading_order_is_header_body_footer(demo_pdf: bytes) -> None:
    """An untagged PDF is read in stream order: who it is about first, the page number last."""
    pages = page_texts(demo_pdf)
    for number, text in enumerate(pages, 1):
        assert text.startswith("Zoë Nguyễn-Øberg (DEMO) · DOB Mar 14, 1948"), number
        assert text.rstrip().endswith(f"Page {number} of {len(pages)}"), number
    assert "Riverside Spine & Pain Center" in pages[0].split("\n")[1]
