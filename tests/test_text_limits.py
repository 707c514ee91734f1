"""Every typed field has a limit, declared once; the session refuses longer text with a typed
error and cleans what would break autosave or the PDF (lone surrogates, control characters);
the PDF lays out the longest allowed value of every field, words or one unbreakable string."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_text import page_texts

from counsel.core.content import ClinicSettings, Content
from counsel.core.demo import demo_session, signature_ink
from counsel.core.session import Session
from counsel.core.session_codec import session_to_dict
from counsel.core.text_limits import LIMITS, TextLimitError, clean_text
from counsel.pdf import build_pdf
from counsel.pdf.take_home import build_take_home

DETAILS = ("patient_name", "record_number", "clinician_name", "clinician_credentials")
HOSTILE = [
    "\ud800",
    "\udfff",
    "\x00",
    "\x07",
    "\x1b",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "é",
    "👩🏽‍⚕️",
]
typed = st.lists(st.one_of(st.characters(), st.sampled_from(HOSTILE)), max_size=200).map("".join)
fast = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _longest(field: str, unbreakable: bool) -> str:
    chars = LIMITS[field].chars
    return "W" * chars if unbreakable else ("Wordy " * chars)[: chars - 1].rstrip() + "W"


@pytest.mark.parametrize("field", DETAILS)
def test_each_detail_takes_its_limit_and_refuses_one_more(content: Content, field: str) -> None:
    session = Session(content)
    session.set_details(**{field: "x" * LIMITS[field].chars})
    with pytest.raises(TextLimitError) as refused:
        session.set_details(**{field: "x" * (LIMITS[field].chars + 1)})
    assert refused.value.field == field and refused.value.limit == LIMITS[field].chars
    assert getattr(session.details, field) == "x" * LIMITS[field].chars, "nothing half-done"


def test_questions_signers_and_drafts_are_limited_too(content: Content) -> None:
    session = Session(content)
    too_long = {name: "x" * (limit.chars + 1) for name, limit in LIMITS.items()}
    with pytest.raises(TextLimitError):
        session.add_question(too_long["question"])
    with pytest.raises(TextLimitError):
        session.add_question("Why?", too_long["answer"])
    with pytest.raises(TextLimitError):
        session.set_signature("witness", too_long["signer_name"], signature_ink("Ana"))
    with pytest.raises(TextLimitError):
        session.set_signature(
            "representative", "Ana", signature_ink("Ana"), too_long["relationship"]
        )
    with pytest.raises(TextLimitError):
        session.set_draft("answer", too_long["answer"])
    assert not session.questions and not session.signatures and not session.drafts


def test_control_characters_and_lone_surrogates_are_cleaned_away() -> None:
    assert clean_text("Ana\x00 \ud800Test\x1b-Patient\r\n") == "Ana Test-Patient "
    assert clean_text("first line\r\nsecond\tline\x07", multiline=True) == (
        "first line\nsecond\tline"
    )


@fast
@given(name=typed, question=typed, answer=typed)
def test_any_typed_text_is_kept_and_autosaved_or_refused_cleanly(
    store, content: Content, name: str, question: str, answer: str
) -> None:
    session = Session(content)
    try:
        session.set_details(patient_name=name)
    except TextLimitError:
        assert len(name) > LIMITS["patient_name"].chars and session.details.patient_name == ""
    session.set_details(record_number=name[:40])
    session.add_question(question or "?", answer)
    session.set_draft("answer", answer)
    json.dumps(session_to_dict(session)).encode("utf-8")  # autosave's form, strict UTF-8
    store.save_draft(session)
    assert store.load(session.id, content).details.patient_name == session.details.patient_name


@pytest.mark.parametrize("unbreakable", [False, True], ids=["words", "unbreakable"])
def test_the_pdf_lays_out_the_longest_value_of_every_field(
    content: Content, clinic: ClinicSettings, unbreakable: bool
) -> None:
    session = demo_session(content, seal=False)
    session.set_details(**{field: _longest(field, unbreakable) for field in DETAILS})
    for role in ("representative", "witness"):
        session.set_present(role, True)
    del session.signatures["patient"]  # a representative signs, with a relationship
    for role in ("representative", "clinician", "interpreter", "witness"):
        session.set_signature(
            role,
            _longest("signer_name", unbreakable),
            signature_ink("Ana"),
            _longest("relationship", unbreakable),
        )
    for _ in range(3):
        session.add_question(_longest("question", unbreakable), _longest("answer", unbreakable))
    session.seal()
    text = "".join(page_texts(build_pdf(session, clinic))).replace("\n", "")
    for field in DETAILS:  # every value is printed whole, wrapped but not cut
        assert _longest(field, unbreakable).replace(" ", "") in text.replace(" ", "")
    assert build_take_home(session, clinic).startswith(b"%PDF")


@settings(max_examples=12, deadline=None)
@given(name=typed, question=typed)
def test_the_pdf_prints_any_typed_text(
    content: Content, clinic: ClinicSettings, name: str, question: str
) -> None:
    session = demo_session(content, seal=False)
    session.set_details(patient_name="Ana " + name[:100], record_number=name[:40])
    session.add_question(question or "?", "Yes. " + name)  # unanswered cannot be signed
    session.seal()
    assert build_pdf(session, clinic).startswith(b"%PDF")
