"""Turns the Qt-free session's change callbacks into a Qt signal widgets can connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from counsel.core.session import Session


class SessionBridge(QObject):
    changed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._unsubscribe = session.subscribe(self.changed.emit)

    def detach(self) -> None:
        self._unsubscribe()
