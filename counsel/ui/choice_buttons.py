"""One answer out of a few, as large wrapping buttons bound to a decision in the session.

The values, leaning and SURE screens all ask this way; the session holds the answer and the
buttons only show it, so a language change or a resumed session shows the same choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QWidget

from counsel.ui.session_bridge import SessionBridge
from counsel.ui.widgets import card, describe, label
from counsel.ui.wrap_button import WrapButton


class ChoiceButtons(QWidget):
    def __init__(
        self,
        bridge: SessionBridge,
        screen_id: str,
        item_id: str,
        choices: Sequence[tuple[str, str]],
        question: str,
        columns: int = 2,
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.screen_id, self.item_id = screen_id, item_id
        self.setObjectName(f"choices-{item_id}")
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (value, text) in enumerate(choices):
            button = WrapButton(text)
            button.setCheckable(True)
            button.setObjectName(f"choice-{item_id}-{value}")
            button.setAccessibleName(f"{question} {text}")
            describe(button, question)
            button.clicked.connect(lambda _=False, v=value: self._choose(v))
            self.group.addButton(button)
            grid.addWidget(button, index // columns, index % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    @property
    def buttons(self) -> list[WrapButton]:
        return [button for button in self.group.buttons() if isinstance(button, WrapButton)]

    def _choose(self, value: str) -> None:
        self.bridge.session.decide(self.screen_id, self.item_id, value)

    def show_chosen(self) -> None:
        """Check the button of the session's answer, or none."""
        chosen = self.bridge.session.decision(self.screen_id, self.item_id)
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(button.objectName() == f"choice-{self.item_id}-{chosen}")
        self.group.setExclusive(True)


def answer_card(
    bridge: SessionBridge,
    screen_id: str,
    item_id: str,
    text: str,
    choices: Sequence[tuple[str, str]],
    name: str,
) -> tuple[QFrame, ChoiceButtons]:
    """A card with the question (or priority) as its heading and its answers below."""
    frame, layout = card()
    frame.setObjectName(name)
    layout.addWidget(label(text, "heading"))
    buttons = ChoiceButtons(bridge, screen_id, item_id, choices, text)
    layout.addWidget(buttons)
    return frame, buttons
