"""Sign and finish asks once, naming who signs and that the record will be sealed; then the
Done screen appears at once and the PDF is built in the background, not on the window."""

from __future__ import annotations

from ink_helpers import sign
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from ui_driver import answer_next_confirmation, child, click, confirm_and_wait, walk_to_signatures

from counsel.core.content import Content


def signed_pads(qtbot, window, content: Content):
    """Walk to the signatures screen and sign both pads; the screen, not yet finished."""
    walk_to_signatures(qtbot, window, content)
    page = window.current_page()
    for role in ("patient", "clinician"):
        sign(page.findChild(object, f"signer-{role}"))
    return page


def test_signing_asks_first_naming_the_signers_and_the_seal(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    page = signed_pads(qtbot, window, content)
    answer_next_confirmation(Qt.Key.Key_Escape)  # "Not yet"
    click(qtbot, page, "signAndFinish")
    assert not window.session.is_sealed
    seen = confirm_and_wait(qtbot, window, lambda: click(qtbot, page, "signAndFinish"))
    details = window.session.details
    assert details.patient_name in seen[0] and details.clinician_name in seen[0]
    assert "sealed" in seen[0]


def test_the_done_screen_appears_while_the_pdf_is_built_in_the_background(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    page = signed_pads(qtbot, window, content)
    statuses = []
    window.session.subscribe(
        lambda what: what == "sealed" and statuses.append(window.recorder.sealing)
    )
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    assert window.session.is_sealed and statuses == [True], "sealed; the PDF not built yet"
    done = window.current_page()
    assert done.entry.kind == "done"
    status = child(done, QLabel, "doneStatus")
    assert "Saving" in status.text()
    assert not child(done, QPushButton, "newSession").isVisible()
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    assert status.text() == "Signed and saved. Here is the acknowledgement."
    assert done.preview.page_count() > 1


def test_signing_reuses_the_pdf_machinery_readied_after_the_first_paint(
    qtbot, open_window, content: Content
) -> None:
    from counsel.pdf.illustrations import picture_mask

    window = open_window()
    qtbot.waitUntil(lambda: picture_mask.cache_info().currsize >= 12, timeout=30000)
    page = signed_pads(qtbot, window, content)
    pictures_read = picture_mask.cache_info().misses
    confirm_and_wait(qtbot, window, lambda: click(qtbot, page, "signAndFinish"))
    assert picture_mask.cache_info().misses == pictures_read, "no picture read again to sign"


def test_a_gap_filled_in_leaves_the_list_of_what_stops_signing(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)
    page = window.current_page()
    sign(page.findChild(object, "signer-patient"))
    click(qtbot, page, "signAndFinish")
    problems = child(page, QLabel, "signingProblems")
    assert "clinician needs to sign" in problems.text()
    sign(page.findChild(object, "signer-clinician"))
    assert "clinician needs to sign" not in problems.text()
