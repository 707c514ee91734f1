"""The list of screens with each one's state, and overall progress."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollBar,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counsel.core.content import Content
from counsel.core.rules import gaps_read, screen_gaps
from counsel.core.screen_kinds import SCREEN_KINDS
from counsel.core.session import Session
from counsel.ui.widgets import describe, label

BASE_WIDTH = 270
MAX_WIDTH = 320
#: Changes that can change any screen's state (seen, discussed, signed); any other change
#: only the states of the screens whose gaps read it (``rules.gaps_read``).
ROW_STATE_CHANGES = frozenset({"visits", "sealed", "unsealed", "content"})
ROW_PADDING = 2 * 8  # a row's padding, each side (see theme.py)


class WrappedRows(QStyledItemDelegate):
    """Measures a row at the width its words are drawn in (inside the row's padding, and
    beside the scroll bar even before it shows), so a long title at large text wraps onto a
    second line instead of being cut to "…", and a title that fits on one line is measured
    as one line (measured narrower, some one-line rows had a second line's empty space).

    Each measure is kept for its words, width and text size: the list asks for every row's
    size at each screen change (about 60 times), and the words change far more rarely."""

    def __init__(self, parent: QListWidget) -> None:
        super().__init__(parent)
        self._measured: dict[tuple[str, int, int, bool], QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        bar = cast(QListWidget, option.widget).verticalScrollBar()
        text = str(index.data())
        key = (text, option.rect.width(), option.font.pixelSize(), bar.isVisible())
        if key[2] < 0:  # a size in points
            key = (*key[:2], round(option.font.pointSizeF() * 100), key[3])
        if key not in self._measured:
            self._measured[key] = self._measure(option, index, bar)
        return self._measured[key]

    def _measure(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        bar: QScrollBar,
    ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        # The bar's own width, as the style gives it (asking the style itself would load
        # QStyle's Python enums before the first paint, about 20 ms).
        room = option.rect.width() - (0 if bar.isVisible() else bar.sizeHint().width())
        narrower.rect.setWidth(room - ROW_PADDING)
        hint = super().sizeHint(narrower, index)
        return QSize(min(hint.width(), room), hint.height())


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
        outer.setSpacing(0)
        # The controls above the list keep the height their words need at any text size;
        # the list of screens takes what is left and scrolls (the sidebar's text grows less
        # than the screen's, see ``theme.sidebar_pt``, so a 1024x600 window holds it all).
        self.panel = layout = QVBoxLayout()
        layout.setContentsMargins(10, 12, 10, 6)
        outer.addLayout(layout)
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
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        self.list = QListWidget()
        self.list.setObjectName("sidebar")
        self.list.setAccessibleName(self.tr("Screens"))
        describe(
            self.list,
            self.tr("Every topic, in order, and whether it was discussed; choose one to go there"),
        )
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappedRows(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows re-wrap at a new width
        # The rows come after the settings above, each of which lays out the rows there are.
        for screen in content.screens:
            QListWidgetItem(screen.nav_title, self.list)
        self._states = [""] * len(content.screens)  # as last shown, by screen ("": not yet)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        list_margins = QVBoxLayout()
        list_margins.setContentsMargins(10, 0, 10, 6)
        list_margins.addWidget(self.list)
        outer.addLayout(list_margins, 1)
        self.footer = QVBoxLayout()  # below the list: in reach at any text size
        self.footer.setContentsMargins(10, 0, 10, 8)
        outer.addLayout(self.footer)
        self.list.currentRowChanged.connect(self._row_changed)
        self.set_scale(100)

    def set_scale(self, scale: int, one_row: int = 0) -> None:
        """Wider for larger text, and to hold ``one_row`` pixels of controls side by side
        (Read aloud and Stop in Spanish), but never more than a third of a 1024-pixel window."""
        margins = self.panel.contentsMargins()
        wanted = max(BASE_WIDTH * scale // 100, one_row + margins.left() + margins.right())
        self.setFixedWidth(min(wanted, MAX_WIDTH))

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.screenChosen.emit(row)

    def select(self, index: int) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        self.show_row(index)

    def show_row(self, index: int) -> None:
        """Scroll the list so the screen in view is seen in it, not cut off below."""
        item = self.list.item(index)
        if item is not None:
            self.list.doItemsLayout()  # rows measured in the current text size first
            self.list.scrollToItem(item)
            # Once more when pending layouts have settled the list's height and rows.
            QTimer.singleShot(0, self, lambda: self.list.scrollToItem(item))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A shorter window keeps the screen in view in sight in the list."""
        super().resizeEvent(event)
        self.show_row(self.list.currentRow())

    def state_of(self, session: Session, index: int) -> str:
        """``discussed``, ``incomplete``, ``seen`` or ``not seen``."""
        screen = self.content.screens[index]
        if session.is_sealed and SCREEN_KINDS[screen.kind].done_by_signing:
            return "discussed"
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
        if self._states[index] == state:
            return  # as shown: setting the same words would lay the list out again
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
        item.setText(f"{marks[state]}\N{NO-BREAK SPACE}{title}")  # the mark stays on its line
        item.setToolTip(words[state])
        item.setData(Qt.ItemDataRole.UserRole, state)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {words[state]}")
