"""``quiz`` (check your understanding): teach-back, one question at a time.

A wrong answer is not a failure: it explains, links to the screen that covers the point, and
lets the patient try again. Every attempt is kept in the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup

from counsel.core.content import QuizQuestion, QuizScreen
from counsel.core.rules import screen_gaps
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, describe, enable_keeping_focus, label, restyle
from counsel.ui.wrap_button import WrapButton


class QuizPage(ScreenPage):
    entry: QuizScreen
    shows = frozenset({"quiz"})

    def build(self) -> None:
        self.index = 0
        self.counter = label("", "muted")
        self.counter.setObjectName("quizCounter")
        self.column.addWidget(self.counter)
        frame, layout = card()
        self.question_label = label("", "heading")
        self.question_label.setObjectName("quizQuestion")
        layout.addWidget(self.question_label)
        self.choice_group = QButtonGroup(self)
        self.choices: list[WrapButton] = []
        for index in range(max(len(q.choices) for q in self.entry.questions)):
            choice = WrapButton()
            choice.setCheckable(True)
            choice.setObjectName(f"choice-{index}")
            describe(choice, self.tr("Chooses this answer"))
            self.choice_group.addButton(choice, index)
            layout.addWidget(choice)
            self.choices.append(choice)
            self.inputs.append(choice)
        self.check_button = WrapButton(self.tr("Check my answer"), "primary")
        self.check_button.setObjectName("checkAnswer")
        describe(self.check_button, self.tr("Says whether the chosen answer is right, and why"))
        self.check_button.clicked.connect(self._check)
        self.inputs.append(self.check_button)
        layout.addWidget(self.check_button)
        self.feedback = label("")
        self.feedback.setObjectName("quizFeedback")
        self.explanation = label("")
        self.explanation.setObjectName("quizExplanation")
        self.review_button = WrapButton(role="link")
        self.review_button.setObjectName("reviewLink")
        describe(self.review_button, self.tr("Goes back to the screen that explains this"))
        self.review_button.clicked.connect(self._review)
        for widget in (self.feedback, self.explanation, self.review_button):
            layout.addWidget(widget)
        self.column.addWidget(frame)
        self.previous_button, self.next_button = self.add_pager(
            self.tr("◀  Previous question"),
            self.tr("Next question  ▶"),
            ("previousQuestion", "nextQuestion"),
        )
        describe(self.previous_button, self.tr("Shows the question before this one"))
        describe(self.next_button, self.tr("Shows the next question"))
        self.previous_button.clicked.connect(lambda: self.show_question(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_question(self.index + 1))
        self.score = label("", "muted")
        self.score.setObjectName("quizScore")
        self.column.addWidget(self.score)
        self.show_question(0)

    @property
    def question(self) -> QuizQuestion:
        return self.entry.questions[self.index]

    def show_question(self, index: int) -> None:
        questions = self.entry.questions
        self.index = max(0, min(index, len(questions) - 1))
        question = self.question
        self.counter.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(questions)))
        )
        self.question_label.setText(question.text)
        for number, choice in enumerate(self.choices):
            choice.setVisible(number < len(question.choices))
            if number < len(question.choices):
                choice.setText(question.choices[number])
        answer = self.choices[0]  # a question shown from its pager is answered next
        enable_keeping_focus(self.previous_button, self.index > 0, answer)
        enable_keeping_focus(self.next_button, self.index < len(questions) - 1, answer)
        self.refresh()

    def _check(self) -> None:
        choice = self.choice_group.checkedId()
        if choice < 0:
            self.feedback.setText(self.tr("Please choose an answer first."))
            return
        self.session.answer_quiz(self.question.id, choice, choice == self.question.answer)
        if not screen_gaps(self.entry, self.session) and not self.session.is_discussed(
            self.entry.id
        ):
            self.session.mark_discussed(self.entry.id)  # every answer right: covered

    def _review(self) -> None:
        self.jumpRequested.emit(self.question.covered_by)

    def _enter_at(self, number: int) -> None:
        """Tab enters the answers at the chosen one, or at the first: Qt keeps the answer
        focused last as the group's only Tab stop, which on a new question would be the
        answer clicked on the question before."""
        tab = Qt.FocusPolicy.TabFocus
        for index, choice in enumerate(self.choices):
            policy = choice.focusPolicy()
            choice.setFocusPolicy(policy | tab if index == number else policy & ~tab)

    def refresh(self) -> None:
        question = self.question
        attempt = self.session.latest_quiz_choice(question.id)
        self.choice_group.setExclusive(False)
        for number, choice in enumerate(self.choices):
            choice.setChecked(attempt is not None and attempt.choice == number)
        self.choice_group.setExclusive(True)
        self._enter_at(attempt.choice if attempt is not None else 0)
        answered = attempt is not None
        self.explanation.setVisible(answered)
        self.review_button.setVisible(attempt is not None and not attempt.correct)
        if attempt is None:
            self.feedback.setText("")
        elif attempt.correct:
            self.feedback.setText(self.tr("✓  That's right."))
            self.feedback.setProperty("role", "good")
        else:
            self.feedback.setText(self.tr("Not quite. Let's look at this again."))
            self.feedback.setProperty("role", "bad")
        restyle(self.feedback)
        self.explanation.setText(question.explanation)
        covered = self.context.content.screen(question.covered_by)
        self.review_button.setText(self.tr("Go back to: %1").replace("%1", covered.title))
        answered_all = [self.session.latest_quiz_choice(q.id) for q in self.entry.questions]
        right = sum(1 for a in answered_all if a is not None and a.correct)
        self.score.setText(
            self.tr("%1 of %2 answered correctly")
            .replace("%1", str(right))
            .replace("%2", str(len(self.entry.questions)))
        )
