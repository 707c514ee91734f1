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
    qtbot.waitUntil(lambda: window.session.is_sealed)  # once the last strokes are stored
    assert statuses == [True], "sealed; the PDF not built yet"
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
    from counsel.ui.background import pdf_worker

    window = open_window()
    worker = pdf_worker()
    qtbot.waitUntil(lambda: worker.answered >= 1, timeout=60000)  # the warm-up
    readied, answered = worker.pid, worker.answered
    assert readied is not None
    page = signed_pads(qtbot, window, content)
    confirm_and_wait(qtbot, window, lambda: click(qtbot, page, "signAndFinish"))
    # built and signed by the readied worker
    assert (worker.pid, worker.answered) == (readied, answered + 2)


def test_the_window_process_never_loads_the_pdf_libraries() -> None:
    """They stay in the worker (about 50 MB the window would otherwise keep)."""
    import subprocess
    import sys

    script = (
        "import sys, os\n"
        "from counsel.core.content_cache import load_startup_content\n"
        "from counsel.core.demo import demo_session\n"
        "from counsel.ui.background import build_pdf\n"
        "loaded = load_startup_content('en')\n"
        "pdf = build_pdf(demo_session(loaded.content), loaded.clinic)\n"
        "assert pdf.startswith(b'%PDF')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('reportlab', 'svglib', 'lxml', 'pikepdf')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


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
