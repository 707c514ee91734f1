"""The patient's own values, leaning and SURE answers: kept in the session, saved, audited,
shown to the clinician, and printed in the acknowledgement, in every language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_helpers import demo_pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from ui_driver import click

from counsel.core.content import ClinicSettings, Content, LeaningScreen, SureScreen, ValuesScreen
from counsel.core.content_loader import language_names, load_content
from counsel.core.decision_rules import option_fits, sure_score, sure_to_revisit
from counsel.core.demo import demo_session
from counsel.core.session import Session
from counsel.core.session_codec import session_from_dict, session_to_dict
from counsel.core.session_recorder import SessionRecorder
from counsel.core.toml_reader import ContentError
from counsel.pdf import build_pdf
from counsel.ui.wrap_button import WrapButton

LANGUAGES = sorted(language_names())


def first(content: Content, kind: type):
    return next(s for s in content.screens if isinstance(s, kind))


def test_the_fit_lists_what_each_option_serves_without_ranking(content: Content) -> None:
    values = first(content, ValuesScreen)
    top, low = values.scale[-1].id, values.scale[0].id
    ratings = {p.id: (top if i == 0 else low) for i, p in enumerate(values.priorities)}
    fits = option_fits(values, ratings)
    assert [f.option.id for f in fits] == [o.id for o in values.choices], "content order"
    chosen = values.priorities[0]
    for fit in fits:
        assert fit.serves == ((chosen,) if fit.option.id in chosen.fits else ())


def test_sure_flags_every_no_and_scores_only_when_complete(content: Content) -> None:
    sure = first(content, SureScreen)
    answers = {q.id: "yes" for q in sure.questions[:-1]}
    assert sure_score(sure, answers) is None
    answers[sure.questions[-1].id] = "no"
    assert sure_score(sure, answers) == len(sure.questions) - 1
    assert sure_to_revisit(sure, answers) == (sure.questions[-1],)


def test_answers_survive_saving_and_old_records_without_them_still_open(
    content: Content, clock
) -> None:
    session = Session(content, clock=clock)
    leaning = first(content, LeaningScreen)
    session.decide(leaning.id, "leaning", leaning.choices[-1].id)
    data = json.loads(json.dumps(session_to_dict(session)))
    assert session_from_dict(data, content).decisions == session.decisions
    del data["decisions"]
    assert session_from_dict(data, content).decisions == {}
    session.decide(leaning.id, "leaning", None)
    assert session.decisions == {} and session.is_blank


def test_each_answer_is_audited_by_id_only(content: Content, clinic, store, clock) -> None:
    session = Session(content, clock=clock)
    recorder = SessionRecorder(store, session, clinic, build_pdf)
    sure = first(content, SureScreen)
    session.decide(sure.id, sure.questions[0].id, "no")
    session.decide(sure.id, sure.questions[0].id, "yes")
    session.decide(sure.id, sure.questions[0].id, None)
    recorder.close()
    trail = store.audit_trail(session.id)
    logged = [json.loads(e.detail) for e in trail if e.action == "decision_answered"]
    assert [d["value"] for d in logged] == ["no", "yes", ""]
    assert all(d["screen"] == sure.id and d["item"] == sure.questions[0].id for d in logged)


@pytest.mark.parametrize("language", LANGUAGES)
def test_values_leaning_and_sure_answers_reach_the_pdf(
    language: str, clinic: ClinicSettings
) -> None:
    content = load_content(language)
    session = demo_session(content, seal=False)
    text = demo_pdf_text(content, clinic)
    values, leaning, sure = (first(content, k) for k in (ValuesScreen, LeaningScreen, SureScreen))
    scale = {step.id: step.text for step in values.scale}
    for priority in values.priorities:
        rating = scale[session.decisions[values.id][priority.id]]
        assert f"{' '.join(priority.text.split())} {rating}" in text
    chosen = {c.id: c.text for c in leaning.choices}[session.decisions[leaning.id]["leaning"]]
    assert f"{content.document.label('leaning')}: {chosen}" in text
    to_revisit = sure_to_revisit(sure, session.decisions[sure.id])
    assert to_revisit, "the demo has a SURE 'no' to talk through"
    for question in to_revisit:
        assert " ".join(question.revisit.split()) in text


def test_rating_a_priority_shows_which_options_fit(qtbot, open_window) -> None:
    window = open_window()
    values = first(window.content, ValuesScreen)
    window.go_to(window.content.index_of(values.id))
    page = window.current_page()
    priority, top = values.priorities[0], values.scale[-1]
    option = next(o for o in values.choices if o.id in priority.fits)
    other = next(o for o in values.choices if o.id not in priority.fits)
    fit = page.findChild(QLabel, f"fit-{option.id}")
    assert priority.text not in fit.text()
    click(qtbot, page, f"choice-{priority.id}-{top.id}")
    assert window.session.decision(values.id, priority.id) == top.id
    assert priority.text in fit.text()
    assert priority.text not in page.findChild(QLabel, f"fit-{other.id}").text()


def test_a_sure_no_tells_the_clinician_what_to_revisit(qtbot, open_window) -> None:
    window = open_window()
    sure = first(window.content, SureScreen)
    window.go_to(window.content.index_of(sure.id))
    page = window.current_page()
    question = sure.questions[1]
    click(qtbot, page, f"choice-{question.id}-no")
    panel = page.findChild(QWidget, "sureForClinician")
    texts = " ".join(w.text() for w in panel.findChildren(QLabel))
    assert question.revisit in texts
    window.set_presenting(True)
    assert not panel.isVisible(), "the clinician's notes step aside while presenting"
    window.set_presenting(False)
    target = window.content.screen(question.revisit_screen)
    link = next(b for b in panel.findChildren(WrapButton) if target.nav_title in b.text())
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert window.current_page().entry.id == target.id


@pytest.mark.parametrize(
    ("language", "screen", "old", "new", "named"),
    [
        ("en", "sure", 'revisit_screen = "values"', 'revisit_screen = "nowhere"', "nowhere"),
        ("es", "values", 'fits = ["mild", "laminectomy"]', 'fits = ["mild", "yoga"]', "yoga"),
    ],
)
def test_a_link_to_a_missing_screen_or_option_stops_counsel(
    resources_copy: Path, language: str, screen: str, old: str, new: str, named: str
) -> None:
    path = resources_copy / "content" / language / "screens" / f"{screen}.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError, match=f"{screen}.toml.*{named}"):
        load_content(language, resources_copy)
