"""``comparison`` (alternatives): MILD beside one other option at a time, row by row.

Two columns stay readable in large type where a five-column table would not; the PDF prints
the full table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from counsel.core.content import ComparisonScreen
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, describe, label
from counsel.ui.wrap_button import WrapButton

PICKER_COLUMNS = 2


class ComparisonPage(ScreenPage):
    entry: ComparisonScreen

    def build(self) -> None:
        reference, *others = self.entry.options
        self.reference = reference
        self.column.addWidget(label(self.tr("Compare %1 with:").replace("%1", reference.name)))
        picker = QGridLayout()
        self.picker = QButtonGroup(self)
        for index, option in enumerate(others):
            button = WrapButton(option.name)
            button.setCheckable(True)
            button.setObjectName(f"option-{option.id}")
            describe(
                button,
                self.tr("Shows this choice beside %1, point by point").replace(
                    "%1", reference.name
                ),
            )
            button.clicked.connect(lambda _=False, o=option.id: self.show_option(o))
            self.picker.addButton(button)
            picker.addWidget(button, index // PICKER_COLUMNS, index % PICKER_COLUMNS)
        self.column.addLayout(picker)
        frame, layout = card()
        self.option_title = label("", "heading")
        self.option_title.setObjectName("optionTitle")
        self.option_text = label("")
        layout.addWidget(self.option_title)
        layout.addWidget(self.option_text)
        self.column.addWidget(frame)
        self.other_heading = label("", "rowlabel")
        self._add_row(None, label(reference.name, "rowlabel"), self.other_heading)
        self.cells: list[QLabel] = []
        for row in self.entry.rows:
            cell = label("")
            cell.setObjectName("otherCell")
            self.cells.append(cell)
            self._add_row(label(row.label, "heading"), label(row.values[reference.id]), cell)
        row_sources = (source for row in self.entry.rows for source in row.sources)
        self.add_sources(tuple(dict.fromkeys(row_sources)))
        self.show_option(others[0].id)

    def _add_row(self, heading: QLabel | None, mild: QLabel, other: QLabel) -> None:
        """The row's name above, then MILD and the other option side by side (two columns
        stay readable at large text sizes where three would not fit)."""
        frame = QFrame()
        frame.setProperty("role", "row")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(10, 8, 10, 8)
        if heading is not None:
            layout.addWidget(heading)
        values = QHBoxLayout()
        values.setSpacing(16)
        for cell in (mild, other):
            cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            values.addWidget(cell, 1)
        layout.addLayout(values)
        self.column.addWidget(frame)

    def show_option(self, option_id: str) -> None:
        option = next(o for o in self.entry.options if o.id == option_id)
        for button in self.picker.buttons():
            button.setChecked(button.objectName() == f"option-{option_id}")
        self.option_title.setText(option.name)
        self.option_text.setText(option.text)
        self.other_heading.setText(option.name)
        for cell, row in zip(self.cells, self.entry.rows, strict=True):
            cell.setText(row.values[option_id])
        self.illustration.set_name(option.illustration or self.entry.illustration)
        self._limit_picture()  # the option's picture may have words where the other had none
