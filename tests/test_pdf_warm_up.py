"""The PDF machinery is readied once, after the window's first frame: on a busy computer the
first screen must not wait behind it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

import counsel.ui.main_window as main_window
from counsel.core.session import Session
from counsel.ui.app import prepare_application


class Order(QObject):
    """Notes the window's paint events in the same list as the warm-ups."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_the_pdf_is_readied_once_and_only_after_the_first_frame(
    qtbot, content, clinic, store, clock, monkeypatch
) -> None:
    events: list[str] = []
    monkeypatch.setattr(main_window, "PDF_WARM_UP_DELAY_MS", 0)
    monkeypatch.setattr(main_window, "warm_up_pdf", lambda *_: events.append("warm-up"))
    prepare_application([])
    window = main_window.MainWindow(content, clinic, store, lambda c: Session(c, clock=clock))
    qtbot.addWidget(window)
    order = Order(events)
    window.installEventFilter(order)
    window.show()
    qtbot.waitUntil(lambda: "warm-up" in events)
    assert events[0] == "paint"
    window.update()  # later frames do not ready it again
    qtbot.waitUntil(lambda: events.count("paint") > 1)
    qtbot.wait(20)
    assert events.count("warm-up") == 1
