"""``done``: the signed acknowledgement as stored, previewed, saved where the user chooses,
and printed. Reprints are byte for byte the PDF that was signed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counsel.core.content import DoneScreen
from counsel.ui.flow_layout import FlowLayout
from counsel.ui.pdf_preview import PdfPreview
from counsel.ui.saving import record_file_name, save_pdf_with_dialog
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import describe, label
from counsel.ui.wrap_button import WrapButton


class DonePage(ScreenPage):
    entry: DoneScreen

    def build(self) -> None:
        self.shown_pdf = False
        self.status = label("", "heading")
        self.status.setObjectName("doneStatus")
        self.column.addWidget(self.status)
        self.column.addWidget(label(self.entry.text))
        row = FlowLayout()
        self.save_button = WrapButton(self.tr("Save PDF…"), role="primary")
        self.save_button.setObjectName("savePdf")
        self.print_button = WrapButton(self.tr("Print…"))
        self.print_button.setObjectName("printPdf")
        self.new_button = WrapButton(self.tr("Start a new session"))
        self.new_button.setObjectName("newSession")
        self.bilingual_button = WrapButton(self.tr("Save a bilingual copy for the clinic…"))
        self.bilingual_button.setObjectName("saveBilingual")
        self.retry_button = WrapButton(self.tr("Try saving the record again"))
        self.retry_button.setObjectName("retrySeal")
        self.sign_link = WrapButton(self.tr("Go to signatures"))
        self.sign_link.setObjectName("goToSignatures")
        descriptions = (
            (self.save_button, self.tr("Saves the signed PDF exactly as stored")),
            (self.print_button, self.tr("Prints the signed PDF exactly as stored")),
            (
                self.bilingual_button,
                self.tr("Saves a copy in both languages for the clinic's file"),
            ),
            (self.new_button, self.tr("Starts again with an empty session; this one stays saved")),
            (self.retry_button, self.tr("Tries again to store the signed record")),
            (self.sign_link, self.tr("Goes to the signatures screen")),
        )
        for button, description in descriptions:
            describe(button, description)
            row.addWidget(button)
        self.column.addLayout(row)
        self._build_take_home_row()
        self.save_button.clicked.connect(self.save_with_dialog)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.bilingual_button.clicked.connect(self.save_bilingual_with_dialog)
        self.new_button.clicked.connect(self.newSessionRequested)
        self.retry_button.clicked.connect(self._retry)
        signatures = self.context.content.first_of_kind("signatures")
        self.sign_link.clicked.connect(
            lambda: self.jumpRequested.emit(signatures.id if signatures else "")
        )
        self.preview = PdfPreview()
        self.preview.setMinimumHeight(520)
        self.column.addWidget(self.preview)
        self.context.saving.changed.connect(self._saving_changed)

    def _build_take_home_row(self) -> None:
        """The patient's large-print copy to take home, saved or printed."""
        row = FlowLayout()
        self.take_home_save = WrapButton(self.tr("Save take-home copy…"))
        self.take_home_save.setObjectName("saveTakeHome")
        describe(
            self.take_home_save,
            self.tr("Saves a large-print copy in the patient's language to take home"),
        )
        self.take_home_print = WrapButton(self.tr("Print take-home copy…"))
        self.take_home_print.setObjectName("printTakeHome")
        describe(
            self.take_home_print,
            self.tr("Prints a large-print copy in the patient's language to take home"),
        )
        for button in (self.take_home_save, self.take_home_print):
            row.addWidget(button)
        self.column.addLayout(row)
        self.take_home_save.clicked.connect(
            lambda: self._save_as(
                self.suggested_file_name().replace(".pdf", "-take-home.pdf"), self.save_take_home_to
            )
        )
        self.take_home_print.clicked.connect(self.print_take_home_with_dialog)

    def take_home_pdf(self) -> bytes:
        """In the patient's language, and bilingual where the visit used a second one."""
        from counsel.core.content_loader import load_content
        from counsel.pdf.take_home import build_take_home, second_language

        clinic = self.context.clinic
        other = second_language(self.session, clinic)
        return build_take_home(self.session, clinic, load_content(other) if other else None)

    def save_take_home_to(self, path: Path) -> None:
        from counsel.core.atomic_file import write_bytes_atomically

        data = self.take_home_pdf()
        write_bytes_atomically(path, data)
        self.context.recorder.exported(data)

    def print_take_home_with_dialog(self) -> None:
        printing = PdfPreview(self)
        printing.hide()
        data = self.take_home_pdf()
        printing.set_pdf(data)
        if printing.print_with_dialog():
            self.context.recorder.exported(data)
        printing.deleteLater()

    def refresh(self) -> None:
        recorder = self.context.recorder
        sealed = self.session.is_sealed
        stored = recorder.is_stored_signed
        if stored:
            self.status.setText(self.tr("Signed and saved. Here is the acknowledgement."))
        elif recorder.sealing:
            self.status.setText(self.tr("Signed. Saving the signed record…"))
        elif sealed:
            self.status.setText(
                self.tr("Signed, but the record could not be saved: %1").replace(
                    "%1", str(recorder.failure or "")
                )
            )
        elif recorder.signing_next:
            self.status.setText(self.tr("Saving what was entered, then signing…"))
        elif recorder.waiting_to_sign:
            self.status.setText(
                self.tr(
                    "Signing waits for the clinic server, which cannot be reached. Nothing was "
                    "sealed and nothing is lost. Press Retry signing once the server answers."
                )
            )
        elif recorder.signing_failure is not None:
            self.status.setText(
                self.tr(
                    "Signing did not finish: %1. Nothing was sealed and nothing is lost; "
                    "go back to Signatures and sign again."
                ).replace("%1", str(recorder.signing_failure))
            )
        else:
            self.status.setText(
                self.tr("Not signed yet. The acknowledgement appears here after signing.")
            )
        for button in (
            self.save_button,
            self.print_button,
            self.preview,
            self.take_home_save,
            self.take_home_print,
        ):
            button.setVisible(stored)
        self.bilingual_button.setVisible(stored and self.session.needs_interpreter)
        self.new_button.setVisible(sealed and not recorder.sealing)
        self.retry_button.setVisible(
            (sealed and not stored and not recorder.sealing) or recorder.waiting_to_sign
        )
        self.retry_button.setText(
            self.tr("Retry signing")
            if recorder.waiting_to_sign
            else self.tr("Try saving the record again")
        )
        self.sign_link.setVisible(not sealed)
        self.illustration.setVisible(not stored and bool(self.entry.illustration))
        if stored and not self.shown_pdf:
            self.preview.set_pdf(recorder.pdf_bytes())
            self.shown_pdf = True

    def _saving_changed(self) -> None:
        """The signed record stored, or failing to be (an unsigned session's saves are the
        banner's to show; a signing that did not finish unseals, which redraws every screen)."""
        recorder = self.context.recorder
        if self.session.is_sealed or recorder.signing_next or recorder.waiting_to_sign:
            self.refresh()

    def _retry(self) -> None:
        """Signing again, or storing the signed record; a server that stopped answering is
        asked first, on another thread (see ``reconnect``)."""
        recorder = self.context.recorder
        if recorder.waiting_for_server:
            self.context.saving.reconnect.now(recorder.sign if recorder.waiting_to_sign else None)
        elif recorder.signing_next:
            self.status.setText(self.tr("Saving what was entered, then signing…"))
        elif recorder.waiting_to_sign:
            recorder.sign()
        else:
            recorder.retry()
        self.refresh()

    def suggested_file_name(self) -> str:
        details, sealed = self.session.details, self.session.sealed_at
        return record_file_name(
            details.patient_name, sealed.date() if sealed else None, details.record_number
        )

    def save_to(self, path: Path) -> None:
        self.context.recorder.export_pdf(path)

    def save_bilingual_to(self, path: Path) -> None:
        """The signed record with the clinic's language beside the patient's, for the file.

        The stored record stays the one in the patient's language; this copy is made from it."""
        from counsel.core.content_loader import load_content
        from counsel.pdf.acknowledgement import write_acknowledgement

        clinic = self.context.clinic
        write_acknowledgement(
            self.session, clinic, path, bilingual_with=load_content(clinic.language)
        )
        self.context.recorder.exported(path.read_bytes())

    def save_with_dialog(self) -> None:
        self._save_as(self.suggested_file_name(), self.save_to)

    def save_bilingual_with_dialog(self) -> None:
        self._save_as(
            self.suggested_file_name().replace(".pdf", "-bilingual.pdf"), self.save_bilingual_to
        )

    def _save_as(self, suggested: str, save: Callable[[Path], None]) -> None:
        save_pdf_with_dialog(self, suggested, save)

    def print_with_dialog(self) -> None:
        if self.preview.print_with_dialog():
            self.context.recorder.printed()
