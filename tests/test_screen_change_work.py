"""A screen change measures no text: the next screen is built and laid out while the one in
view is read, each label keeping its height at each width, so Next only shows it. Before,
each word-wrapped label laid its text out again at every layout pass, about two hundred
times for the Signatures screen, half of the work of showing it (counted, never timed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from ui_driver import child

from counsel.core.demo import demo_session


class Painted(QObject):
    """Notes the first paint of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.painted = self.painted or event.type() == QEvent.Type.Paint
        return False


def test_next_lays_out_no_text_twice(qtbot, open_window, content, monkeypatch) -> None:
    measured: list[QLabel] = []  # since the last Next
    every: list[QLabel] = []
    measure = QLabel.heightForWidth

    def counted(label: QLabel, width: int) -> int:
        measured.append(label)
        every.append(label)
        return measure(label, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    window = open_window(lambda: demo_session(content, seal=False))
    next_button = child(window, QPushButton, "nextButton")
    for visit in ("first", "again"):
        window.go_to(0)
        for index in range(1, len(content.screens)):
            qtbot.waitUntil(lambda i=index: i in window.stack.pages)  # built while read
            measured.clear()
            next_button.click()
            painted = Painted(window.current_page())
            qtbot.waitUntil(lambda p=painted: p.painted)
            page = window.current_page()  # (the nav bar's words change with the screen)
            again = [label.text() for label in measured if page.isAncestorOf(label)]
            assert again == [], f"{page.entry.id}, {visit} visit: text laid out again"
    assert len(every) > len(content.screens), "building the screens measured their labels"
