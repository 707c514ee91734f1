"""``questions``: the patient's questions and the clinician's answers, typed in as they talk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counsel.core.content import QuestionsScreen
from counsel.ui.length_counter import LengthCounter
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, clear_layout, describe, label
from counsel.ui.wrap_button import WrapButton


class QuestionsPage(ScreenPage):
    entry: QuestionsScreen
    shows = frozenset({"questions", "drafts"})
    question: QLineEdit

    def build(self) -> None:
        self.editing: int | None = None
        if self.entry.prompts:
            self.column.addWidget(label(self.tr("Questions other patients often ask:"), "muted"))
            for prompt in self.entry.prompts:
                button = WrapButton(prompt, "link")
                describe(button, self.tr("Puts this question in the box below"))
                button.setObjectName("prompt")
                button.clicked.connect(lambda _=False, text=prompt: self._suggest(text))
                self.column.addWidget(button)
                self.inputs.append(button)
        frame, layout = card()
        self.question = QLineEdit()
        self._field(
            layout,
            self.question,
            "questionInput",
            self.tr("Question"),
            self.tr("What the patient asked"),
        )
        layout.addWidget(LengthCounter(self.question, "question"))
        self.answer = QPlainTextEdit()
        self._field(
            layout, self.answer, "answerInput", self.tr("Answer"), self.tr("The clinician's answer")
        )
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(110)
        layout.addWidget(self.answer)
        layout.addWidget(LengthCounter(self.answer, "answer"))
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Add question"))
        self.save_button.setObjectName("addQuestion")
        self.save_button.setProperty("role", "primary")
        describe(self.save_button, self.tr("Keeps the question and its answer in the record"))
        self.save_button.clicked.connect(self._save)
        self.question.returnPressed.connect(self.answer.setFocus)
        self.question.textEdited.connect(lambda text: self._keep("question", text))
        self.answer.textChanged.connect(lambda: self._keep("answer", self.answer.toPlainText()))
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.column.addWidget(frame)
        self.clinician_only.append(frame)
        self.inputs += [self.question, self.answer, self.save_button]
        self.list_box = QWidget()
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.list_box)
        self.shown_questions: tuple[tuple, bool] | None = None

    @staticmethod
    def _field(
        layout: QVBoxLayout, edit: QLineEdit | QPlainTextEdit, name: str, title: str, hint: str
    ) -> None:
        """A headed text box; the hint shows inside it and is its spoken description."""
        layout.addWidget(label(title, "heading"))
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(title)
        describe(edit, hint)
        layout.addWidget(edit)

    def _keep(self, key: str, text: str) -> None:
        """Typing is kept in the session as it happens: Next, a crash or a new text size
        loses nothing, and the question comes back here until it is added."""
        if not self.session.is_sealed:
            self.session.set_draft(key, text)

    def _suggest(self, text: str) -> None:
        self.question.setText(text)
        self._keep("question", text)
        self.scroller.ensureWidgetVisible(self.question)
        self.question.setFocus()

    def _save(self) -> None:
        question = self.question.text().strip()
        if not question:
            self.question.setFocus()
            return
        answer = self.answer.toPlainText()
        if self.editing is None:
            self.session.add_question(question, answer)
        else:
            self.session.edit_question(self.editing, question, answer)
        self._set_editing(None)
        self.question.clear()
        self.answer.clear()
        for key in ("question", "answer"):
            self._keep(key, "")
        self.question.setFocus()

    def _set_editing(self, index: int | None) -> None:
        self.editing = index
        self._keep("editing", "" if index is None else str(index))
        self.save_button.setText(
            self.tr("Add question") if index is None else self.tr("Save changes")
        )

    def _edit(self, index: int) -> None:
        entry = self.session.questions[index]
        self.question.setText(entry.question)
        self.answer.setPlainText(entry.answer)
        self._keep("question", entry.question)
        self._set_editing(index)
        self.question.setFocus()

    def _show_drafts(self) -> None:
        session = self.session
        if self.question.text() != session.draft("question"):
            self.question.setText(session.draft("question"))
        if self.answer.toPlainText() != session.draft("answer"):
            self.answer.setPlainText(session.draft("answer"))
        editing = session.draft("editing")
        if editing.isdigit() and int(editing) < len(session.questions):
            self.editing = int(editing)
            self.save_button.setText(self.tr("Save changes"))

    def refresh(self) -> None:
        self._show_drafts()
        questions = tuple(self.session.questions)
        if (questions, self.session.is_sealed) == self.shown_questions:
            return
        self.shown_questions = (questions, self.session.is_sealed)
        clear_layout(self.list_layout)
        if not questions:
            self.list_layout.addWidget(label(self.tr("No questions recorded yet."), "muted"))
        for index, entry in enumerate(questions):
            frame, layout = card()
            frame.setObjectName(f"question-{index}")
            layout.addWidget(label(self.tr("Q: %1").replace("%1", entry.question), "heading"))
            layout.addWidget(
                label(self.tr("A: %1").replace("%1", entry.answer or self.tr("(no answer yet)")))
            )
            if not self.session.is_sealed:
                row = QHBoxLayout()
                edit = QPushButton(self.tr("Edit"))
                edit.setObjectName("editQuestion")
                describe(edit, self.tr("Puts this question back in the boxes above to change it"))
                edit.clicked.connect(lambda _=False, i=index: self._edit(i))
                remove = QPushButton(self.tr("Remove"))
                remove.setObjectName("removeQuestion")
                describe(remove, self.tr("Takes this question out of the record"))
                remove.clicked.connect(lambda _=False, i=index: self.session.remove_question(i))
                row.addWidget(edit)
                row.addWidget(remove)
                row.addStretch(1)
                layout.addLayout(row)
            self.list_layout.addWidget(frame)
