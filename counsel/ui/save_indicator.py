""" "Saving…" / "Saved" at the right end of the main window's menu bar, beside where the records
are kept: the clinician sees that what was typed is stored without being asked to save.

It shows ``SaveStatus``: "Saving…" while typing waits for a pause (or the signed record is
being stored), "Saved" once the store holds everything on screen, and "Not saved" while a
save fails (the failure banner above the screen says why and offers Retry). Small and muted
like the place beside it: staff's line, not the patient's.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from counsel.ui.save_status import SaveState, SaveStatus
from counsel.ui.widgets import restyle

ROLES = {SaveState.SAVED: "muted", SaveState.SAVING: "muted", SaveState.FAILED: "bad"}


class SaveIndicator(QLabel):
    def __init__(self, status: SaveStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self.setContentsMargins(8, 0, 6, 0)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status = status
        status.changed.connect(self.show_state)
        self.show_state()

    def _texts(self) -> dict[SaveState, str]:
        return {
            SaveState.SAVED: self.tr("Saved"),
            SaveState.SAVING: self.tr("Saving…"),
            SaveState.FAILED: self.tr("Not saved"),
        }

    def show_state(self) -> None:
        """The saving state now, in the interface's language (again after it changes)."""
        state = self.status.state
        self.setText(self._texts()[state])
        self.setProperty("role", ROLES[state])
        restyle(self)

    def sizeHint(self) -> QSize:
        """As wide as its widest word in the text size in use, whatever it says now, so that
        the place beside it never moves or is covered."""
        margins = self.contentsMargins()
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in self._texts().values())
        return QSize(widest + margins.left() + margins.right(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def side_by_side(parent: QWidget, *widgets: QWidget) -> QWidget:
    """``widgets`` in a row with no margins, owned by ``parent``: the menu bar takes one widget
    for its corner."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget)
    return row
