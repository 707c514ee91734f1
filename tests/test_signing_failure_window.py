"""On the Done screen: when the signed record's PDF cannot be built, the screen says signing
did not finish and why, the session is unsigned, and signing again with a working PDF
builder shows the signed record."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from reportlab.platypus.doctemplate import LayoutError

from counsel.core.demo import demo_session
from counsel.core.session_recorder import SessionRecorder
from counsel.pdf import build_pdf
from counsel.ui.app import prepare_application
from counsel.ui.save_status import SaveStatus
from counsel.ui.screens.base import ScreenContext
from counsel.ui.screens.done import DonePage
from counsel.ui.session_bridge import SessionBridge


def test_the_done_screen_says_why_signing_did_not_finish(qtbot, store, content, clinic):
    prepare_application([])

    def failing(session, clinic) -> bytes:
        raise LayoutError("a table cell too large for the page")

    session = demo_session(content, seal=False)
    recorder = SessionRecorder(store, session, clinic, failing)
    context = ScreenContext(content, clinic, SessionBridge(session), SaveStatus(recorder))
    page = DonePage(content.first_of_kind("done"), context)
    qtbot.addWidget(page)
    page.show()
    status = page.findChild(QLabel, "doneStatus")
    recorder.sign()
    assert not session.is_sealed
    assert status.text().startswith("Signing did not finish: a table cell too large")
    recorder.make_pdf = build_pdf
    recorder.sign()
    assert recorder.is_stored_signed
    assert status.text() == "Signed and saved. Here is the acknowledgement."
