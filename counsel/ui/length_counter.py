"""A counter under a text field, shown as the text nears the field's limit, and the limit
itself: typing stops there (a paste is cut there), so the session never refuses what the
window let through. The limits come from the Qt-free core (`counsel.core.text_limits`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from counsel.core.text_limits import COUNTER_FROM, limit_of


class LengthCounter(QLabel):
    """Limits ``edit`` to ``field``'s length; make it before connecting anything that reads
    the text, so a paste is cut before the session sees it. Place it under the field."""

    def __init__(self, edit: QLineEdit | QPlainTextEdit, field: str) -> None:
        super().__init__()
        self.edit = edit
        self.limit = limit_of(field).chars
        self.setObjectName("lengthCounter")
        self.setProperty("role", "muted")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        if isinstance(edit, QLineEdit):
            edit.setMaxLength(self.limit)
            edit.textChanged.connect(self._show)
        else:
            edit.textChanged.connect(self._cap)

    def _cap(self) -> None:
        assert isinstance(self.edit, QPlainTextEdit)
        text = self.edit.toPlainText()
        if len(text) > self.limit:
            from PySide6.QtGui import QTextCursor  # not at start-up: naming it makes its enums

            self.edit.setPlainText(text[: self.limit])  # signals again, with the capped text
            self.edit.moveCursor(QTextCursor.MoveOperation.End)
            return
        self._show(text)

    def _show(self, text: str) -> None:
        length = len(text)
        if length >= self.limit:
            words = self.tr("%1 of %2 characters: no more fit here")
        else:
            words = self.tr("%1 of %2 characters")
        self.setText(words.replace("%1", str(length)).replace("%2", str(self.limit)))
        self.setVisible(length >= COUNTER_FROM * self.limit)
