"""A change reaches only what shows it: typing is saved once it pauses, a click is one save,
and only the screens and sidebar rows that show the changed field are redrawn (counted,
never timed)."""

from __future__ import annotations

from ink_helpers import draw_stroke, find_pad
from PySide6.QtWidgets import QLineEdit, QWidget
from ui_driver import child, click, confirm_and_wait, drafts_written, type_text, typing_saved

from counsel.core.content import SureScreen
from counsel.core.demo import demo_session
from counsel.ui import screen_stack

DECISION_KINDS = ("values", "leaning", "sure")  # the screens that show decision answers


def _count_work(window, store, monkeypatch):
    """Every screen built (and kept, as the window would not); then count saves, screen
    refreshes and sidebar rows worked out."""
    monkeypatch.setattr(screen_stack, "KEPT_AROUND", len(window.content.screens))
    for index in range(len(window.content.screens)):
        window.go_to(index)
    window.go_to(0)
    work: dict[str, list] = {"saves": drafts_written(monkeypatch), "refreshed": [], "rows": []}
    for page in window.stack.pages.values():
        refresh = page.refresh
        monkeypatch.setattr(
            page,
            "refresh",
            lambda p=page, r=refresh: (work["refreshed"].append(p.entry.id), r()),
        )
    state_of = window.sidebar.state_of
    monkeypatch.setattr(
        window.sidebar,
        "state_of",
        lambda session, index: (work["rows"].append(index), state_of(session, index))[1],
    )
    return work


def test_a_typed_name_is_one_save_and_redraws_only_what_shows_it(
    qtbot, open_window, store, monkeypatch
) -> None:
    window = open_window()
    work = _count_work(window, store, monkeypatch)
    name = "Zoë Test-Patient"
    type_text(child(window.current_page(), QLineEdit, "patientName"), name)
    assert window.session.details.patient_name == name
    typing_saved(qtbot, window)
    assert len(work["saves"]) == 1, "the typing is saved once, when it pauses"
    # The welcome screen shows the name; signing lists what is missing, the name included.
    assert sorted(work["refreshed"]) == ["signatures"] * len(name) + ["welcome"] * len(name)
    assert work["rows"] == [window.content.index_of("welcome")] * len(name), "its row only"


def test_a_sure_answer_redraws_only_the_screen_that_shows_it(
    qtbot, open_window, store, monkeypatch
) -> None:
    window = open_window()
    sure = window.content.first_of_kind("sure")
    assert isinstance(sure, SureScreen)
    work = _count_work(window, store, monkeypatch)
    window.go_to(window.content.index_of(sure.id))
    for counted in work.values():
        counted.clear()
    question = sure.questions[0]
    click(qtbot, window.current_page(), f"choice-{question.id}-yes")
    assert window.session.decision(sure.id, question.id) == "yes"
    typing_saved(qtbot, window)
    assert len(work["saves"]) == 1
    decision_screens = {s.id for s in window.content.screens if s.kind in DECISION_KINDS}
    assert sure.id in work["refreshed"] and set(work["refreshed"]) <= decision_screens
    assert work["rows"] == [], "a SURE answer changes no screen's state in the sidebar"


def _ready_window(open_window, content):
    """A window on the demo visit, everything done but signing, at the signatures screen."""
    window = open_window(lambda: demo_session(content, seal=False))
    window.go_to(window.content.index_of(window.content.first_of_kind("signatures").id))
    return window, window.current_page()


def test_a_stroke_is_one_change_to_the_session_and_the_pad_shows_the_session_ink(
    open_window, content
) -> None:
    window, page = _ready_window(open_window, content)
    before = window.session.signatures["clinician"].ink
    heard: list[str] = []
    window.session.subscribe(heard.append)
    pad = find_pad(page.findChild(QWidget, "signer-clinician"))
    draw_stroke(pad, [(40, 60), (90, 80), (140, 70)])
    assert heard == ["signatures"]
    stored = window.session.signatures["clinician"].ink
    assert len(stored.strokes) == len(before.strokes) + 1
    assert pad.ink() == stored


def test_a_signer_no_longer_present_loses_their_signature_in_one_click(
    qtbot, open_window, content
) -> None:
    window, page = _ready_window(open_window, content)
    assert "interpreter" in window.session.signatures
    block = page.findChild(QWidget, "signer-interpreter")
    heard: list[str] = []
    window.session.subscribe(heard.append)
    click(qtbot, page, "withInterpreter")
    assert "interpreter" not in window.session.signatures
    assert heard == ["signatures"]
    assert not block.isVisible()
    assert find_pad(block).ink().is_empty
    click(qtbot, page, "withInterpreter")  # back: present, and to sign again
    assert "interpreter" in window.session.present
    assert "interpreter" not in window.session.signatures
    assert heard == ["signatures", "present"]
    assert block.isVisible()


def test_sign_and_finish_signs_once(qtbot, open_window, content, monkeypatch) -> None:
    window, page = _ready_window(open_window, content)
    signings: list[int] = []
    sign = window.recorder.sign
    monkeypatch.setattr(window.recorder, "sign", lambda: (signings.append(1), sign()))
    confirm_and_wait(qtbot, window, lambda: click(qtbot, page, "signAndFinish"))
    assert signings == [1]
    assert window.session.is_sealed and window.recorder.is_stored_signed
