"""``checklist`` (is MILD right for you): the clinician's yes / no / not sure answers."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton

from counsel.core.content import ChecklistScreen
from counsel.core.rules import candidacy, needs_a_closer_look
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, describe, label, restyle


class ChecklistPage(ScreenPage):
    entry: ChecklistScreen
    shows = frozenset({"checklist"})

    def build(self) -> None:
        answers = (("yes", self.tr("Yes")), ("no", self.tr("No")), ("unsure", self.tr("Not sure")))
        self.groups: dict[str, QButtonGroup] = {}
        for item in self.entry.items:
            frame, layout = card()
            frame.setObjectName(f"item-{item.id}")
            layout.addWidget(label(item.text))
            if item.help:
                layout.addWidget(label(item.help, "muted"))
            row = QHBoxLayout()
            group = QButtonGroup(frame)
            for value, text in answers:
                button = QPushButton(text)
                button.setCheckable(True)
                button.setObjectName(f"answer-{item.id}-{value}")
                button.setAccessibleName(f"{item.text} {text}")
                describe(button, item.help or self.tr("The clinician's answer for this question"))
                button.clicked.connect(lambda _=False, i=item.id, v=value: self._answer(i, v))
                group.addButton(button)
                row.addWidget(button)
                self.inputs.append(button)
                self.clinician_only.append(button)
            row.addStretch(1)
            layout.addLayout(row)
            self.groups[item.id] = group
            self.column.addWidget(frame)
        result, self.result_layout = card()
        result.setObjectName("candidacyResult")
        self.verdict_title = label("", "heading")
        self.verdict_title.setObjectName("verdictTitle")
        self.verdict_text = label("")
        self.closer_look = label("")
        self.closer_look.setObjectName("closerLook")
        self.result_layout.addWidget(self.verdict_title)
        self.result_layout.addWidget(self.verdict_text)
        self.result_layout.addWidget(self.closer_look)
        self.column.addWidget(result)

    def _answer(self, item_id: str, value: str) -> None:
        self.session.answer_checklist(item_id, value)

    def refresh(self) -> None:
        for item_id, group in self.groups.items():
            chosen = self.session.checklist.get(item_id)
            for button in group.buttons():
                wanted = button.objectName().endswith(f"-{chosen}")
                if button.isChecked() != wanted:
                    group.setExclusive(False)
                    button.setChecked(wanted)
                    group.setExclusive(True)
        verdict = candidacy(self.entry, self.session.checklist)
        if verdict is None:
            left = sum(item.id not in self.session.checklist for item in self.entry.items)
            self.verdict_title.setText(self.tr("Result: answer every question above"))
            self.verdict_title.setProperty("role", "heading")
            self.verdict_text.setText(self.tr("%n question(s) still to answer.", "", left))
        else:
            result = self.entry.results[verdict]
            self.verdict_title.setText(result.title)
            self.verdict_title.setProperty("role", f"verdict-{verdict}")
            self.verdict_text.setText(result.text)
        looks = needs_a_closer_look(self.entry, self.session.checklist)
        heading = self.tr("Answers to look at more closely:")
        self.closer_look.setText("\n".join([heading, *(f"•  {item.text}" for item in looks)]))
        self.closer_look.setVisible(bool(looks))
        restyle(self.verdict_title)
