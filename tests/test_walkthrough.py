"""A whole consent conversation through the real widgets, ending in the signed PDF."""

from __future__ import annotations

import io

import pytest
from ink_helpers import draw_stroke
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from ui_driver import child, click, sign_all, walk_to_signatures

from counsel.core.content import OutcomesScreen
from counsel.ui.main_window import MainWindow


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_full_walkthrough_produces_the_signed_pdf(qtbot, window, content, tmp_path) -> None:
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)

    session = window.session
    assert session.is_sealed
    assert window.current_page().entry.kind == "done"
    done = window.current_page()
    target = tmp_path / "ack.pdf"
    done.save_to(target)
    data = target.read_bytes()
    assert data == window.recorder.pdf_bytes(), "the saved file is the stored, signed PDF"
    text = pdf_text(data)
    for expected in (
        "Zoë Nguyễn-Øberg",
        "Łukasz Wróbel",
        "L4-L5",
        "TEST-42",
        "Will I need to stay overnight?",
        "No, you go home the same day.",
        content.sha256,
    ):
        assert expected in text.replace("\n", " ") or expected in text, expected
    risks = [s for s in content.screens if isinstance(s, OutcomesScreen)][1]
    for item in risks.items:
        assert item.title in text.replace("\n", " ")
    assert [a.correct for a in session.quiz[next(iter(session.quiz))]] == [False, True]
    assert {"patient", "clinician"} <= set(session.signatures)
    assert all(s.ink.point_count > 50 for s in session.signatures.values())


def test_signing_is_closed_until_everything_is_discussed(qtbot, window, content) -> None:
    signatures = next(i for i, s in enumerate(content.screens) if s.kind == "signatures")
    window.go_to(signatures)
    page = window.current_page()
    assert child(page, QWidget, "missingNotice").isVisible()
    assert not child(page, QPushButton, "signAndFinish").isEnabled()
    links = [w for w in page.findChildren(QPushButton, "missingItem") if w.isVisible()]
    assert links and "patient's name" in links[0].text()
    qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert window.index == 0, "the first missing item jumps to the details screen"


def test_an_empty_or_tiny_signature_is_refused(qtbot, window, content) -> None:
    walk_to_signatures(qtbot, window, content)
    page = window.current_page()
    draw_stroke(
        child(page.findChild(QWidget, "signer-patient"), QWidget, "signaturePad"),
        [(50, 50), (52, 51)],
    )
    click(qtbot, page, "signAndFinish")
    problems = child(page, QLabel, "signingProblems").text()
    assert "patient's signature is too small" in problems
    assert "clinician needs to sign" in problems
    assert not window.session.is_sealed


def test_after_signing_nothing_can_be_edited(qtbot, window, content) -> None:
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)
    window.go_to(0)
    assert not child(window.current_page(), QWidget, "patientName").isEnabled()
    assert not child(window, QPushButton, "discussedButton").isEnabled()
    name_before = window.session.details.patient_name
    window.go_to(content.index_of("signatures"))
    assert child(window.current_page(), QWidget, "signaturePad").is_read_only()
    assert window.session.details.patient_name == name_before


def test_sidebar_shows_progress_and_state(qtbot, window, content) -> None:
    click(qtbot, window, "nextButton")
    click(qtbot, window, "discussedButton")
    sidebar = window.sidebar
    assert sidebar.state_of(window.session, 0) == "seen"
    assert sidebar.state_of(window.session, 1) == "discussed"
    assert sidebar.state_of(window.session, 2) == "not seen"
    required = len(content.required_screens)
    assert sidebar.progress_text.text() == f"1 of {required} topics discussed"


def test_keyboard_moves_between_screens(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.session.is_discussed(window.content.screens[1].id)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.index == 0


def test_saving_to_an_unwritable_place_leaves_nothing(qtbot, window, content, tmp_path) -> None:
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)
    target = tmp_path / "exports"
    target.mkdir()
    with pytest.raises(OSError):
        window.current_page().save_to(target / "missing-folder" / "ack.pdf")
    assert list(target.iterdir()) == []
