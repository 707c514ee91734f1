"""``leaning`` (where are you leaning): one choice today, which the patient may change later."""

from __future__ import annotations

from counsel.core.content import LEANING, LeaningScreen
from counsel.ui.choice_buttons import ChoiceButtons
from counsel.ui.screens.base import ScreenPage


class LeaningPage(ScreenPage):
    entry: LeaningScreen
    shows = frozenset({"decisions"})

    def build(self) -> None:
        choices = [(choice.id, choice.text) for choice in self.entry.choices]
        self.choices = ChoiceButtons(
            self.context.bridge, self.entry.id, LEANING, choices, self.entry.title, columns=1
        )
        self.inputs += self.choices.buttons
        self.column.addWidget(self.choices)

    def refresh(self) -> None:
        self.choices.show_chosen()
