"""The list of screens with each one's state, and overall progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counsel.core.content import Content
from counsel.core.rules import gaps_read, screen_gaps
from counsel.core.session import Session
from counsel.ui.widgets import describe, label

BASE_WIDTH = 270
MAX_WIDTH = 320
#: Changes that can change any screen's state (seen, discussed, signed); any other change
#: only the states of the screens whose gaps read it (``rules.gaps_read``).
ROW_STATE_CHANGES = frozenset({"visits", "sealed", "unsealed", "content"})


class Sidebar(QWidget):
    screenChosen = Signal(int)
    languageChosen = Signal(str)

    def __init__(
        self, content: Content, languages: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarPanel")
        self.content = content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = scroll = QScrollArea()  # at large text the whole panel scrolls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        self.footer = QVBoxLayout()  # below the scrolling part: in reach at any text size
        self.footer.setContentsMargins(10, 0, 10, 8)
        outer.addLayout(self.footer)
        self.inner = inner = QWidget()
        inner.setObjectName("sidebarPanel")
        scroll.setWidget(inner)
        self.panel = layout = QVBoxLayout(inner)
        layout.setContentsMargins(10, 12, 10, 10)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.setAccessibleName(self.tr("Language"))
        describe(
            self.language, self.tr("The language of the screens, of reading aloud and of the PDF")
        )
        for code, name in languages.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(content.language))
        self.language.activated.connect(
            lambda index: self.languageChosen.emit(self.language.itemData(index))
        )
        layout.addWidget(self.language)
        self.progress_text = label("", "muted")
        self.progress_text.setObjectName("progressText")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)
        self.list = QListWidget()
        self.list.setObjectName("sidebar")
        self.list.setAccessibleName(self.tr("Screens"))
        describe(
            self.list,
            self.tr("Every topic, in order, and whether it was discussed; choose one to go there"),
        )
        for screen in content.screens:
            QListWidgetItem(screen.nav_title, self.list)
        self._states = ["not seen"] * len(content.screens)  # as last shown, by screen
        self.list.setWordWrap(True)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        layout.addWidget(self.list)
        layout.addStretch(1)
        self.list.currentRowChanged.connect(self._row_changed)
        self.set_scale(100)

    def set_scale(self, scale: int) -> None:
        """Wider for larger text, but never more than a third of a 1024-pixel window."""
        self.setFixedWidth(min(BASE_WIDTH * scale // 100, MAX_WIDTH))

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.screenChosen.emit(row)

    def select(self, index: int) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        self.show_row(index)

    def show_row(self, index: int) -> None:
        """Scroll the panel so the screen in view is seen in the list, not cut off below."""
        item = self.list.item(index)
        if item is None:
            return
        rect = self.list.visualItemRect(item)
        centre = self.list.viewport().mapTo(self.inner, rect.center())
        self.scroller.ensureVisible(centre.x(), centre.y(), 0, rect.height())

    def state_of(self, session: Session, index: int) -> str:
        """``discussed``, ``incomplete``, ``seen`` or ``not seen``."""
        screen = self.content.screens[index]
        if session.is_sealed and screen.kind in ("signatures", "done"):
            return "discussed"  # signed: those screens are done too
        if session.is_discussed(screen.id):
            return "incomplete" if screen_gaps(screen, session) else "discussed"
        return "seen" if session.is_seen(screen.id) else "not seen"

    def refresh(self, session: Session, changed: str = "") -> None:
        """Bring the rows in line with the session: after a change to one field (``changed``),
        only the rows of screens whose state that field can change ("": every row)."""
        self.language.setEnabled(not session.is_sealed)
        for index, screen in enumerate(self.content.screens):
            if changed in ROW_STATE_CHANGES or not changed or changed in gaps_read(screen.kind):
                self._show_state(index, self.state_of(session, index))
        required = self.content.required_screens
        done = sum(self._states[self.content.index_of(s.id)] == "discussed" for s in required)
        self.progress.setMaximum(len(required))
        self.progress.setValue(done)
        self.progress_text.setText(
            self.tr("%1 of %2 topics discussed")
            .replace("%1", str(done))
            .replace("%2", str(len(required)))
        )

    def _show_state(self, index: int, state: str) -> None:
        self._states[index] = state
        marks = {"discussed": "✓", "incomplete": "!", "seen": "•", "not seen": "○"}
        words = {
            "discussed": self.tr("discussed"),
            "incomplete": self.tr("discussed, but something is missing"),
            "seen": self.tr("seen"),
            "not seen": self.tr("not seen yet"),
        }
        title = self.content.screens[index].nav_title
        item = self.list.item(index)
        item.setText(f"{marks[state]}  {title}")
        item.setToolTip(words[state])
        item.setData(Qt.ItemDataRole.UserRole, state)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {words[state]}")
