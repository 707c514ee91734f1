"""``values`` (what matters most to you): the patient's ratings, and which options fit them.

The fit lists every option in the content's order with what it serves; it never ranks them
or names a winner, so the screen helps the patient weigh the options without choosing for them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from counsel.core.content import ValuesScreen
from counsel.core.decision_rules import option_fits
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, label, labelled, set_labelled


class ValuesPage(ScreenPage):
    entry: ValuesScreen
    shows = frozenset({"decisions"})

    def build(self) -> None:
        scale = [(step.id, step.text) for step in self.entry.scale]
        self.ratings = self.add_answer_cards(
            [(priority.id, priority.text) for priority in self.entry.priorities], scale, "priority"
        )
        frame, layout = card("notice")
        frame.setObjectName("optionFits")
        layout.addWidget(label(self.tr("Which choices fit what matters most to you"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Each choice, with the things you rated in the top two steps that it fits."
                ),
                "muted",
            )
        )
        self.fits: dict[str, QLabel] = {}
        for option in self.entry.choices:
            line = labelled(option.text, "")
            line.setObjectName(f"fit-{option.id}")
            layout.addWidget(line)
            self.fits[option.id] = line
        self.column.addWidget(frame)

    def refresh(self) -> None:
        for buttons in self.ratings:
            buttons.show_chosen()
        ratings = self.session.decisions.get(self.entry.id, {})
        for fit in option_fits(self.entry, ratings):
            served = "; ".join(priority.text for priority in fit.serves)
            set_labelled(
                self.fits[fit.option.id], f"{fit.option.text}:", served or self.tr("none of them")
            )
