"""Back / We discussed this / Next: the bar under every screen, outside its scrolling, so it
stays in reach however long the screen or large the text. Where the three do not fit on one
line (large text in a narrow window, a longer language), "We discussed this" takes a row of
its own above Back and Next, rather than every button breaking its words over two lines."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from counsel.core.content import Screen
from counsel.core.session import Session
from counsel.ui.widgets import describe
from counsel.ui.wrap_button import WrapButton

MARGINS = (16, 10, 16, 10)
#: Two rows close together take about the height of one row of buttons whose words wrapped,
#: so the screen above keeps its room (and a picture its size) at large text.
TWO_ROWS_MARGINS = (16, 2, 16, 2)
ROW_GAP = 6


class NavBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navBar")
        self._rows = rows = QVBoxLayout(self)
        rows.setContentsMargins(*MARGINS)
        rows.setSpacing(ROW_GAP)
        self._own_row = QHBoxLayout()  # "We discussed this" where the buttons need two rows
        self._own_row.addStretch(1)
        self._own_row.addStretch(1)
        rows.addLayout(self._own_row)
        self._row = layout = QHBoxLayout()
        rows.addLayout(layout)
        self.back_button = WrapButton(self.tr("◀  Back"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Previous screen (Alt+Left)"))
        self.discussed_button = WrapButton(self.tr("We discussed this"))
        self.discussed_button.setObjectName("discussedButton")
        self.discussed_button.setCheckable(True)
        self.discussed_button.setToolTip(self.tr("Mark this topic as discussed (Ctrl+D)"))
        self.next_button = WrapButton(self.tr("Next  ▶"), "primary")
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(self.tr("Next screen (Alt+Right)"))
        self.return_button = WrapButton("", "link")
        self.return_button.setObjectName("returnButton")
        describe(self.return_button, self.tr("Goes back to the screen you came from"))
        self.return_to = -1  # the screen a link jumped from ("Go back to: ..." in the quiz)
        for button in (self.back_button, self.discussed_button, self.next_button):
            describe(button, button.toolTip())
        layout.addWidget(self.back_button)
        layout.addWidget(self.return_button)
        layout.addStretch(1)
        layout.addWidget(self.discussed_button)
        layout.addStretch(1)
        layout.addWidget(self.next_button)

    def discussed_on_its_own_row(self) -> bool:
        return self._own_row.indexOf(self.discussed_button) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange()

    def _arrange(self) -> None:
        """One row if every shown button fits on it with its words on one line, else two."""
        shown = [
            button
            for button in (self.back_button, self.return_button, self.discussed_button)
            if not button.isHidden()
        ] + [self.next_button]
        margins = self._rows.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        spacing = self._row.spacing() * (len(shown) - 1)
        alone = sum(button.one_line_width() for button in shown) + spacing > room
        discussed = self.discussed_button
        discussed.setMinimumWidth(min(discussed.one_line_width(), room) if alone else 0)
        if alone == self.discussed_on_its_own_row():
            return
        self._rows.setContentsMargins(*(TWO_ROWS_MARGINS if alone else MARGINS))
        (self._row if alone else self._own_row).removeWidget(discussed)
        if alone:
            self._own_row.insertWidget(1, discussed)  # between its stretches
        else:
            self._row.insertWidget(self._row.count() - 2, discussed)

    def show_state(
        self, index: int, count: int, screen: Screen, session: Session, presenting: bool
    ) -> None:
        if index == self.return_to:
            self.return_to = -1
        if self.return_to >= 0:
            came_from = session.content.screens[self.return_to].nav_title
            self.return_button.setText(self.tr("Back to: %1").replace("%1", came_from))
        self.return_button.setVisible(self.return_to >= 0)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.discussed_button.setVisible(screen.required and not presenting)
        self.discussed_button.setEnabled(not session.is_sealed)
        discussed = session.is_discussed(screen.id)
        self.discussed_button.setChecked(discussed)
        self.discussed_button.setText(
            self.tr("✓  Discussed") if discussed else self.tr("We discussed this")
        )
        self._arrange()
