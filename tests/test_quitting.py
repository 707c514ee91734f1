"""Quitting waits for what is being stored, and for nothing else: a record signed just
before the window closes is stored signed; the PDF worker's warm-up, a throwaway demo PDF,
is cut short instead of holding the app's exit (its thread is joined as the app ends)."""

from __future__ import annotations

from test_signing_feedback import signed_pads
from ui_driver import answer_next_confirmation, click

from counsel.core.content import ClinicSettings, Content
from counsel.core.record_status import SIGNED
from counsel.core.record_store import RecordStore
from counsel.ui import background


def test_closing_just_after_sign_and_finish_stores_the_record_signed(
    qtbot, open_window, content: Content, store: RecordStore
) -> None:
    window = open_window()
    page = signed_pads(qtbot, window, content)
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    qtbot.waitUntil(lambda: window.session.is_sealed)  # once the last strokes are stored
    assert window.recorder.sealing, "the PDF is still being built as the window closes"
    window.close()
    assert not window.recorder.sealing
    assert store.record(window.session.id).status == SIGNED


def test_quitting_cuts_the_pdf_warm_up_short(
    qtbot, content: Content, clinic: ClinicSettings
) -> None:
    worker = background.pdf_worker()
    answered = worker.answered
    results: list[object] = []
    background.run_in_background(lambda: worker.warm_up(content, clinic), results.append)
    qtbot.waitUntil(lambda: worker.pid is not None)  # started, loading its libraries
    background.stop_pdf_worker()
    qtbot.waitUntil(lambda: bool(results))  # the warm-up's thread is free: the app can end
    assert isinstance(results[0], RuntimeError)
    assert worker.answered == answered, "the demo PDF was not finished"
    assert worker.pid is None
