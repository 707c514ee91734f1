"""``steps`` (the procedure): one step per view, with its own back and next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from counsel.core.content import StepsScreen
from counsel.ui.display import Display
from counsel.ui.screens.base import ScreenPage
from counsel.ui.step_player import StepPlayer, reading_ms
from counsel.ui.widgets import card, describe, enable_keeping_focus, label


class StepsPage(ScreenPage):
    entry: StepsScreen

    def build(self) -> None:
        # The step player takes the place of the still picture and keeps which step is shown.
        self.player = StepPlayer(
            [step.illustration or self.entry.illustration for step in self.entry.steps],
            step_ms=[reading_ms(f"{step.title} {step.text}") for step in self.entry.steps],
            labels_for=self.context.content.labels_for,
        )
        self.row.replaceWidget(self.illustration, self.player)
        self.illustration.hide()
        self.illustration.deleteLater()
        self.illustration = self.player  # type: ignore[assignment]
        self.player.currentChanged.connect(self._show_text)
        self.counter = label("", "muted")
        self.counter.setObjectName("stepCounter")
        self.column.addWidget(self.counter)
        frame, layout = card()
        self.step_title = label("", "heading")
        self.step_title.setObjectName("stepTitle")
        self.step_text = label("")
        self.step_text.setObjectName("stepText")
        self.step_sources = label("", "source")
        layout.addWidget(self.step_title)
        layout.addWidget(self.step_text)
        layout.addWidget(self.step_sources)
        self.column.addWidget(frame)
        self.previous_button, self.next_button = self.add_pager(
            self.tr("◀  Previous step"), self.tr("Next step  ▶"), ("previousStep", "nextStep")
        )
        describe(self.previous_button, self.tr("Shows the step before this one"))
        describe(self.next_button, self.tr("Shows the next step of the procedure"))
        self.previous_button.clicked.connect(lambda: self.show_view(self.player.index() - 1))
        self.next_button.clicked.connect(lambda: self.show_view(self.player.index() + 1))
        self._show_text(0)

    def _display_changed(self, display: Display) -> None:
        super()._display_changed(display)
        self.player.set_text_scale(display.scale / 100)

    def views(self) -> int:
        return len(self.entry.steps)

    def show_view(self, index: int) -> None:
        self.player.go_to(index)

    def prepare(self) -> None:
        self.player.prepare()

    def _show_text(self, index: int) -> None:
        steps = self.entry.steps
        step = steps[index]
        self.counter.setText(
            self.tr("Step %1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(steps)))
        )
        self.step_title.setText(step.title)
        self.step_text.setText(step.text)
        self.step_sources.setText(self.sources_text(step.sources))
        self.step_sources.setVisible(bool(step.sources))
        enable_keeping_focus(self.previous_button, index > 0, self.next_button)
        enable_keeping_focus(self.next_button, index < len(steps) - 1, self.previous_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Right:
            self.show_view(self.player.index() + 1)
        elif event.key() == Qt.Key.Key_Left:
            self.show_view(self.player.index() - 1)
        else:
            super().keyPressEvent(event)
