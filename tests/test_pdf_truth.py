"""Every statement in the acknowledgement is true of the session it was built from.

Generated sessions, partial (signed on paper with gaps, as an imported or older record may
be) and complete, in one or two languages: the PDF never says "not shown" of a screen that
was shown, never "not discussed" of a screen without the mark, names each screen's
language, and prints the counts and names exactly as the session holds them.
"""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_text import flat, page_texts

from counsel.core import session_facts as facts
from counsel.core.content import ChecklistScreen, ClinicSettings, Content, QuizScreen
from counsel.core.content_loader import load_clinic, load_content
from counsel.core.demo import DemoClock, signature_ink
from counsel.core.session import CHECKLIST_ANSWERS, Session
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.sections import appendix_screens

CONTENTS = {language: load_content(language) for language in ("en", "es")}
CLINIC: ClinicSettings = load_clinic()

names = st.text(
    st.characters(min_codepoint=0x41, max_codepoint=0x4FF, categories=("Lu", "Ll")),
    min_size=2,
    max_size=18,
).map(lambda letters: f"{letters} (TEST)")
typed = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x24F, categories=("L", "N", "P", "Zs")),
    max_size=60,
).map(str.strip)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    language = draw(st.sampled_from(sorted(CONTENTS)))
    content: Content = CONTENTS[language]
    other = CONTENTS["es" if language == "en" else "en"]
    clock = DemoClock()
    session = Session(content, clock=clock)
    session.set_details(
        patient_name=draw(names), clinician_name=draw(names), clinician_credentials="MD"
    )
    for screen in appendix_screens(content):
        if draw(st.booleans()):
            session.view(screen.id)
            if draw(st.integers(0, 5)) == 0:  # a language change on this screen, and back
                session.set_content(other)
                session.set_content(content)
            if screen.required and draw(st.booleans()):
                session.mark_discussed(screen.id)
        if isinstance(screen, ChecklistScreen):
            for item in screen.items:
                answer = draw(st.sampled_from((None, *CHECKLIST_ANSWERS)))
                if answer:
                    session.answer_checklist(item.id, answer)
        if isinstance(screen, QuizScreen):
            for question in screen.questions:
                for choice in draw(st.lists(st.integers(0, len(question.choices) - 1), max_size=3)):
                    session.answer_quiz(question.id, choice, choice == question.answer)
    for question, answer in draw(st.lists(st.tuples(typed, typed), max_size=4)):
        if question:
            session.add_question(question, answer)
    signer = draw(st.sampled_from(("patient", "representative")))
    for role in (signer, "clinician", *draw(st.sets(st.sampled_from(("interpreter", "witness"))))):
        name = session.details.clinician_name if role == "clinician" else draw(names)
        relationship = "hija" if role == "representative" else ""
        session.set_signature(role, name, signature_ink(name), relationship)
    session.sealed_at = session.clock() + timedelta(minutes=1)  # signed as it stands
    return session


def screen_texts(text: str, session: Session) -> dict[str, str]:
    """Each appendix screen's part of the text, from its numbered title to the next."""
    words = session.content.document
    assert words is not None
    position = text.index(flat(words.label("appendix")))
    screens = appendix_screens(session.content)
    starts = []
    for number, screen in enumerate(screens, 1):
        position = text.index(flat(f"{number}. {screen.title}"), position)
        starts.append(position)
    ends = [*starts[1:], len(text)]
    return {s.id: text[a:b] for s, a, b in zip(screens, starts, ends, strict=True)}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_the_pdf_never_contradicts_the_session(session: Session) -> None:
    pages = page_texts(build_acknowledgement(session, CLINIC))
    text = flat("\n".join(pages))
    words = session.content.document
    assert words is not None
    say = words.label
    several = len(facts.session_languages(session)) > 1
    for screen_id, part in screen_texts(text, session).items():
        screen = session.content.screen(screen_id)
        visit = session.visits.get(screen_id)
        if visit is None:
            assert flat(say("not_shown")) in part
            assert flat(screen.summary) not in part
            continue
        assert flat(say("not_shown")) not in part
        assert (flat(say("not_discussed")) in part) == (
            screen.required and visit.discussed_at is None
        )
        if several:
            names = ", ".join(say(f"language_{code}") for code in visit.languages)
            assert flat(say("shown_in", languages=names)) in part
    summary = text[: text.index(flat(say("appendix")))]  # pages 1-2 unless much is open
    tally = facts.quiz_tally(session)
    assert tally is not None
    assert (
        flat(say("quiz_tally", first=tally.first_right, final=tally.final_right, total=tally.total))
        in summary
    )
    if session.questions:
        assert re.search(rf"\b{len(session.questions)}\b", summary)
    for signature in session.signatures.values():
        assert flat(signature.name) in summary
    assert flat(session.details.clinician_name + ", MD") in summary
