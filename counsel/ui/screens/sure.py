"""``sure`` (the SURE test): four yes/no questions; each "no" tells the clinician what to revisit.

The patient answers; the clinician's panel (hidden while presenting) lists every "no" with
what to talk about and a way back to that screen, so decisional conflict is acted on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from counsel.core.content import SureQuestion, SureScreen
from counsel.core.decision_rules import sure_score, sure_to_revisit
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, clear_layout, describe, label
from counsel.ui.wrap_button import WrapButton


class SurePage(ScreenPage):
    entry: SureScreen
    shows = frozenset({"decisions"})

    def build(self) -> None:
        answers = [("yes", self.tr("Yes")), ("no", self.tr("No"))]
        self.answers = self.add_answer_cards(
            [(question.id, question.text) for question in self.entry.questions], answers, "sure"
        )
        panel, layout = card("notice")
        panel.setObjectName("sureForClinician")
        self.score = label("", "heading")
        self.score.setObjectName("sureScore")
        layout.addWidget(self.score)
        self.revisits = QVBoxLayout()
        self.shown_revisits: tuple[SureQuestion, ...] = ()
        layout.addLayout(self.revisits)
        self.clinician_only.append(panel)
        self.column.addWidget(panel)

    def refresh(self) -> None:
        for buttons in self.answers:
            buttons.show_chosen()
        answers = self.session.decisions.get(self.entry.id, {})
        score = sure_score(self.entry, answers)
        total = len(self.entry.questions)
        if score is None:
            left = sum(q.id not in answers for q in self.entry.questions)
            self.score.setText(
                self.tr("For the clinician: %n question(s) still to answer.", "", left)
            )
        else:
            self.score.setText(
                self.tr("For the clinician: %1 of %2 answered yes.")
                .replace("%1", str(score))
                .replace("%2", str(total))
            )
        to_revisit = sure_to_revisit(self.entry, answers)
        if to_revisit == self.shown_revisits:
            return  # unchanged: keep the widgets (one may have the keyboard focus)
        self.shown_revisits = to_revisit
        clear_layout(self.revisits)
        for question in to_revisit:
            self.revisits.addWidget(
                self._revisit(question.text, question.revisit, question.revisit_screen)
            )

    def _revisit(self, question: str, advice: str, screen_id: str) -> QWidget:
        box = QWidget()
        box.setObjectName("sureRevisit")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(label(self.tr("No to: %1").replace("%1", question), "rowlabel"))
        layout.addWidget(label(advice))
        target = self.context.content.screen(screen_id)
        button = WrapButton(self.tr("Go to: %1").replace("%1", target.nav_title), "link")
        describe(button, self.tr("Goes back to the screen to talk about this again"))
        button.clicked.connect(lambda _=False: self.jumpRequested.emit(screen_id))
        layout.addWidget(button)
        return box
