"""``leaning`` (where are you leaning): one choice today, which the patient may change later."""

from __future__ import annotations

from counsel.core.content_decision import LeaningScreen
from counsel.ui.choice_buttons import ChoiceButtons
from counsel.ui.screens.base import ScreenPage

LEANING = "leaning"  # the item id the answer is stored under


class LeaningPage(ScreenPage):
    screen: LeaningScreen

    def build(self) -> None:
        choices = [(choice.id, choice.text) for choice in self.screen.choices]
        self.choices = ChoiceButtons(
            self.context.bridge, self.screen.id, LEANING, choices, self.screen.title, columns=1
        )
        self.inputs += self.choices.buttons
        self.column.addWidget(self.choices)

    def refresh(self) -> None:
        self.choices.show_chosen()

    def is_complete(self) -> bool:
        return self.session.decision(self.screen.id, LEANING) is not None
