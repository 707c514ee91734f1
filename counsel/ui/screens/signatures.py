"""``signatures``: who signs, their typed names and their ink; then the record is sealed.

Signing stays closed until everything before it is done; the screen lists what is missing and
jumps there. Sealing locks the session, so nothing that was signed can change.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counsel.core.consent_text import ConsentText, consent_of, likelihoods, performer
from counsel.core.content import SignaturesScreen
from counsel.core.rules import Missing, missing_before_signing, missing_signatures
from counsel.core.session import OPTIONAL_SIGNERS
from counsel.ink import Ink
from counsel.ui.gap_text import gap_sentence
from counsel.ui.length_counter import LengthCounter
from counsel.ui.screens.base import ScreenPage
from counsel.ui.signature_field import SignatureField
from counsel.ui.widgets import card, clear_layout, describe, label, labelled
from counsel.ui.wrap_button import WrapButton


class SignerBlock(QWidget):
    """One signer: a statement, the typed name (and relationship), and the pad."""

    edited = Signal(str)  # the signer typed or drew (never a redraw from the session)

    def __init__(self, role: str, heading: str, statement: str, relationship: bool = False):
        super().__init__()
        self.role = role
        self.heading = heading
        self.setObjectName(f"signer-{role}")
        frame, layout = card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout.addWidget(label(heading, "heading"))
        if statement:
            layout.addWidget(label(statement))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("signerName")
        self.name.setAccessibleName(self.tr("Typed name of the %1").replace("%1", heading))
        describe(self.name, self.tr("The signer's full name, as it should appear on the record"))
        form.addRow(self.tr("Typed name"), self.name)
        form.addRow("", LengthCounter(self.name, "signer_name"))
        self.relationship = QLineEdit()
        self.relationship.setObjectName("signerRelationship")
        self.relationship.setPlaceholderText(self.tr("For example: daughter, legal guardian"))
        self.relationship.setAccessibleName(self.tr("Relationship to the patient"))
        describe(self.relationship, self.relationship.placeholderText())
        if relationship:
            form.addRow(self.tr("Relationship to the patient"), self.relationship)
            form.addRow("", LengthCounter(self.relationship, "relationship"))
        layout.addLayout(form)
        self.field = SignatureField()
        self.field.setObjectName("signatureField")
        layout.addWidget(self.field)
        self.name.textEdited.connect(lambda: self.edited.emit(self.role))
        self.relationship.textEdited.connect(lambda: self.edited.emit(self.role))
        self.field.inkEdited.connect(lambda: self.edited.emit(self.role))

    def set_enabled_for_signing(self, enabled: bool) -> None:
        self.name.setEnabled(enabled)
        self.relationship.setEnabled(enabled)
        self.field.set_read_only(not enabled)


class SignaturesPage(ScreenPage):
    entry: SignaturesScreen
    shows = frozenset(
        {"details", "visits", "checklist", "questions", "quiz", "signatures", "present"}
    )

    def intro_text(self) -> str:
        consent = consent_of(self.context.content, self.context.clinic)
        return consent.intro if consent else self.entry.intro

    def build(self) -> None:
        self._shown_missing: list[Missing] | None = None
        statement, layout = card()
        statement.setObjectName("statement")
        consent = consent_of(self.context.content, self.context.clinic)
        self._performer_texts: list[tuple[QLabel, str]] = []
        if consent is not None:  # the patient reads every term before signing below them
            self.column.addWidget(self._consent_terms(consent))
        layout.addWidget(label(consent.statement if consent else self.entry.statement))
        self.column.addWidget(statement)
        self.notice, notice_layout = card("notice")
        self.notice.setObjectName("missingNotice")
        notice_layout.addWidget(label(self.tr("Before anyone signs, please finish:"), "heading"))
        self.missing_box = QVBoxLayout()
        notice_layout.addLayout(self.missing_box)
        self.column.addWidget(self.notice)
        self.by_patient = self._choice("signedByPatient", self.tr("The patient signs"))
        self.by_representative = self._choice(
            "signedByRepresentative",
            self.tr("A legally authorized representative signs for the patient"),
        )
        signer = QButtonGroup(self)
        signer.addButton(self.by_patient)
        signer.addButton(self.by_representative)
        self.by_patient.setChecked(True)
        self.column.addWidget(self.by_patient)
        self.column.addWidget(self.by_representative)
        self.blocks = {
            "patient": SignerBlock("patient", self.tr("Patient"), ""),
            "representative": SignerBlock(
                "representative", self.tr("Legally authorized representative"), "", True
            ),
            "clinician": SignerBlock(
                "clinician", self.tr("Clinician"), self.entry.clinician_statement
            ),
            "interpreter": SignerBlock(
                "interpreter", self.tr("Interpreter"), self.entry.interpreter_statement
            ),
            "witness": SignerBlock("witness", self.tr("Witness"), self.entry.witness_statement),
        }
        self.with_interpreter = self._choice(
            "withInterpreter", self.tr("An interpreter helped today")
        )
        self.with_witness = self._choice("withWitness", self.tr("A witness is present"))
        for role, block in self.blocks.items():
            if role == "interpreter":
                self.column.addWidget(self.with_interpreter)
            if role == "witness":
                self.column.addWidget(self.with_witness)
            self.column.addWidget(block)
            block.edited.connect(self._store)
        self.problems = label("", "bad")
        self.problems.setObjectName("signingProblems")
        self.column.addWidget(self.problems)
        self.sign_button = QPushButton(self.tr("Sign and finish"))
        self.sign_button.setObjectName("signAndFinish")
        self.sign_button.setProperty("role", "primary")
        describe(
            self.sign_button,
            self.tr(
                "Checks the signatures, then locks the record: nothing signed can change afterwards"
            ),
        )
        self.sign_button.clicked.connect(self.sign)
        self.column.addWidget(self.sign_button)
        for toggle in (self.by_patient, self.by_representative):
            toggle.clicked.connect(self._signers_chosen)
        for toggle in (self.with_interpreter, self.with_witness):
            toggle.clicked.connect(self._signers_chosen)
        self.inputs += [
            self.by_patient,
            self.by_representative,
            self.with_interpreter,
            self.with_witness,
            self.sign_button,
        ]

    def _choice(self, name: str, text: str) -> WrapButton:
        button = WrapButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        describe(button, self.tr("Shows or hides the place for this signature"))
        return button

    def _toggles(self) -> tuple[tuple[WrapButton, str], ...]:
        return (
            (self.by_representative, "representative"),
            (self.with_interpreter, "interpreter"),
            (self.with_witness, "witness"),
        )

    def _active_roles(self) -> list[str]:
        roles = ["representative" if self.by_representative.isChecked() else "patient"]
        roles.append("clinician")
        if self.with_interpreter.isChecked():
            roles.append("interpreter")
        if self.with_witness.isChecked():
            roles.append("witness")
        return roles

    def _signers_chosen(self) -> None:
        """The clinician chose who signs: kept in the session (a witness said to be present
        must then sign), and a signer no longer present loses their signature. Read from the
        buttons first: the session's answer redraws them as each part is stored."""
        present = {role: toggle.isChecked() for toggle, role in self._toggles()}
        active = self._active_roles()
        if self.session.is_sealed:
            return
        for role, here in present.items():
            self.session.set_present(role, here)
        for role in self.blocks:
            if role not in active and role in self.session.signatures:
                self.session.set_signature(role, "", Ink.empty(1, 1))

    def _store(self, role: str) -> None:
        """Write what the signer typed or drew into the session (the session is the record)."""
        if self.session.is_sealed:
            return
        block = self.blocks[role]
        ink = block.field.ink()
        self.session.set_signature(role, block.name.text(), ink, block.relationship.text())

    def shown(self) -> None:
        if self.session.needs_interpreter and not self.session.is_sealed:
            self.session.set_present("interpreter", True)  # counseling in another language
        details = self.session.details
        defaults = {
            "patient": details.patient_name,
            "clinician": ", ".join(
                p for p in (details.clinician_name, details.clinician_credentials) if p
            ),
        }
        for role, name in defaults.items():
            block = self.blocks[role]
            if not block.name.text() and role not in self.session.signatures:
                block.name.setText(name)

    def _show_problems(self) -> bool:
        """What still stops signing, in words; True if something does."""
        problems = missing_before_signing(self.session) + missing_signatures(self.session)
        content = self.context.content
        self.problems.setText("\n".join(gap_sentence(m, content) for m in problems))
        return bool(problems)

    def confirm_signing(self) -> bool:
        """Who signs, and that the record is sealed: asked once, before anything is locked."""
        names = [
            f"{self.blocks[role].heading}: {signature.name}"
            for role, signature in self.session.signatures.items()
        ]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign and seal the record?"),
            self.tr(
                "Signing now:\n%1\n\nThe record will then be sealed: "
                "nothing in it can be changed afterwards."
            ).replace("%1", "\n".join(names)),
            parent=self,
        )
        box.setObjectName("confirmSigning")
        sign = box.addButton(self.tr("Sign and seal"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not yet"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sign)
        box.exec()
        return box.clickedButton() is sign

    def sign(self) -> None:
        if self._show_problems() or not self.confirm_signing():
            return
        self.context.recorder.sign()  # the PDF is built in the background, then stored
        done = self.context.content.first_of_kind("done")
        if done is not None:
            self.jumpRequested.emit(done.id)

    def _consent_terms(self, consent: ConsentText) -> QWidget:
        """What the consent covers, as the PDF prints it above the signatures."""
        terms, layout = card()
        terms.setObjectName("consentTerms")
        words = self.context.content.document
        if words is not None:
            layout.addWidget(label(words.label("consent_terms"), "heading"))
        for element, part in consent.parts:
            layout.addWidget(label(part.heading, "rowlabel"))
            text = label(part.text)
            layout.addWidget(text)
            if "{clinician}" in part.text:
                self._performer_texts.append((text, part.text))
            if element == "success":
                for title, likely in likelihoods(self.context.content):
                    layout.addWidget(labelled(f"{title}:", likely))
        return terms

    def refresh(self) -> None:
        session = self.session
        for text, words in self._performer_texts:  # the clinician as typed on the first screen
            text.setText(words.replace("{clinician}", performer(session.details)))
        missing = missing_before_signing(session)
        self._show_missing(missing)
        self.notice.setVisible(bool(missing) and not session.is_sealed)
        ready = not missing and not session.is_sealed
        chosen = {role for role in OPTIONAL_SIGNERS if role in session.present}
        chosen |= session.signatures.keys() & set(OPTIONAL_SIGNERS)
        # The pair is exclusive: checking one is the only way to uncheck the other.
        (self.by_representative if "representative" in chosen else self.by_patient).setChecked(True)
        self.with_interpreter.setChecked("interpreter" in chosen)
        self.with_witness.setChecked("witness" in chosen)
        active = self._active_roles()
        for role, block in self.blocks.items():
            block.set_enabled_for_signing(ready)
            block.setVisible(role in active)
            self._show_signature(role, block)
        self.sign_button.setEnabled(ready)
        if self.problems.text():
            self._show_problems()  # a gap filled in disappears from the list at once

    def _show_missing(self, missing: list[Missing]) -> None:
        """One link per gap; rebuilt only when the gaps change, as every change calls refresh."""
        if missing == self._shown_missing:
            return
        self._shown_missing = missing
        clear_layout(self.missing_box)
        for entry in missing:
            link = WrapButton(gap_sentence(entry, self.context.content), "link")
            link.setObjectName("missingItem")
            link.clicked.connect(lambda _=False, s=entry.screen_id: self.jumpRequested.emit(s))
            self.missing_box.addWidget(link)

    def _show_signature(self, role: str, block: SignerBlock) -> None:
        """Show the session's signature for ``role``: its name, relationship and ink (no ink
        once it is removed; a suggested name stays until someone signs)."""
        signature = self.session.signatures.get(role)
        if signature is None:
            pad = block.field.pad
            if not pad.ink().is_empty:  # removed (the signer is no longer present)
                pad.set_ink(Ink.empty(pad.width(), pad.height()))
            return
        for edit, text in (
            (block.name, signature.name),
            (block.relationship, signature.relationship),
        ):
            if edit.text().strip() != text:  # the session keeps names without end spaces
                edit.setText(text)
        block.field.pad.set_ink(signature.ink)
