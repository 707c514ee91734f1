"""The walkthrough's screens, one in view at a time, each built the first time it is needed.

Building a screen takes tens of milliseconds, so the next one is built (and the one in view
readies its own later work) just after the screen in view has painted, while the patient
reads. Only the screens beside the one in view are kept (``KEPT_AROUND``): each built
screen holds about a megabyte of widgets, so keeping every screen seen made a visit's memory
grow with its length. A display change would restyle every screen built so far, which took
over half a second; instead the screens out of view are dropped and built again when next
needed. A screen holding typing the session does not have yet is never dropped.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from counsel.ui.screens.base import ScreenPage

PREPARE_DELAY_MS = 50
KEPT_AROUND = 1  # screens kept built on each side of the one in view (Back and Next)


class ScreenStack(QStackedWidget):
    """Screens by index, built by ``build(index)``; ``count`` screens in all."""

    def __init__(self, build: Callable[[int], ScreenPage], count: int) -> None:
        super().__init__()
        self._build, self._count = build, count
        self.pages: dict[int, ScreenPage] = {}
        self.index = -1
        self._prepare_after_paint: QWidget | None = None

    def page(self, index: int) -> ScreenPage:
        if index not in self.pages:
            page = self._build(index)
            page.viewport.installEventFilter(self)
            self.addWidget(page)
            self.pages[index] = page
        return self.pages[index]

    def current_page(self) -> ScreenPage:
        return self.pages[self.index]

    def show_page(self, index: int) -> ScreenPage:
        """Bring screen ``index`` into view; the next one is built once it has painted."""
        self.index = index
        page = self.page(index)
        self.setCurrentWidget(page)
        self._prepare_after_paint = page.viewport
        return page

    def clear(self) -> None:
        """Drop every screen (a new session starts)."""
        for page in self.pages.values():
            self.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.index = -1

    def drop_hidden(self) -> None:
        """Before a display change: drop the screens out of view, except one holding typing
        the session does not have yet (a question being written)."""
        for index in [i for i in self.pages if i != self.index]:
            self._drop(index)  # now: a page waiting to be deleted is still restyled

    def _drop(self, index: int) -> None:
        page = self.pages[index]
        if not page.holds_unsaved_input():
            self.removeWidget(page)
            del self.pages[index]
            shiboken6.delete(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._prepare_after_paint:
            self._prepare_after_paint = None
            QTimer.singleShot(PREPARE_DELAY_MS, self._prepare_next)
        return super().eventFilter(watched, event)

    def _prepare_next(self) -> None:
        """Drop the screens far from the one in view, let that one ready itself (its later
        steps, say), and build and lay out the next screen off screen, so Next shows it at
        once: all after the screen in view has painted, so a screen change waits for none."""
        if not self.isVisible() or self.index not in self.pages:
            return
        for far in [i for i in self.pages if abs(i - self.index) > KEPT_AROUND]:
            self._drop(far)
        self.current_page().prepare()
        following = self.index + 1
        if following < self._count and following not in self.pages:
            page = self.page(following)
            page.resize(self.size())
            page.grab()
            page.prepare()
