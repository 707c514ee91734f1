"""``details`` (welcome): what the visit is, and who is in the room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLineEdit, QWidget

from counsel.core.content import DetailsScreen
from counsel.core.dates import parse_birth_date
from counsel.ui.length_counter import LengthCounter
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, describe, label, restyle
from counsel.ui.workstation_memory import last_clinician
from counsel.ui.wrap_button import WrapButton

LEVELS_PER_ROW = 3


class DetailsPage(ScreenPage):
    entry: DetailsScreen
    shows = frozenset({"details", "drafts"})

    def build(self) -> None:
        frame, layout = card()
        layout.addWidget(label(self.tr("Who is here today"), "heading"))
        form = QFormLayout()
        form.setSpacing(10)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)
        self.patient_name = self._line(
            form,
            "patientName",
            self.tr("Patient name"),
            self.tr("Patient's full name"),
            "patient_name",
        )
        self.date_of_birth = self._line(
            form, "dateOfBirth", self.tr("Date of birth"), self.tr("MM/DD/YYYY"), "date_of_birth"
        )
        self.date_hint = label("", "bad")
        self.date_hint.setObjectName("dateOfBirthHint")
        self.date_hint.hide()
        form.addRow("", self.date_hint)
        self.record_number = self._line(
            form, "recordNumber", self.tr("Record number"), self.tr("Optional"), "record_number"
        )
        self.clinician_name = self._line(
            form,
            "clinicianName",
            self.tr("Clinician"),
            self.tr("Clinician's full name"),
            "clinician_name",
        )
        self.credentials = self._line(
            form,
            "clinicianCredentials",
            self.tr("Credentials"),
            self.tr("MD, DO, NP, PA-C ..."),
            "clinician_credentials",
        )
        self.same_clinician = WrapButton("", "link")
        self.same_clinician.setObjectName("sameClinician")
        describe(self.same_clinician, self.tr("Fills in the clinician who last used this computer"))
        self.same_clinician.clicked.connect(self._use_last_clinician)
        form.addRow("", self.same_clinician)
        levels = QWidget()
        levels_grid = QGridLayout(levels)
        levels_grid.setContentsMargins(0, 0, 0, 0)
        self.level_boxes: dict[str, QCheckBox] = {}
        for index, level in enumerate(self.context.clinic.levels):
            box = QCheckBox(level)
            box.setObjectName(f"level-{level}")
            describe(box, self.tr("A spine level the procedure is planned at"))
            box.toggled.connect(self._levels_changed)
            row, column = divmod(index, LEVELS_PER_ROW)
            levels_grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignLeft)
            self.level_boxes[level] = box
            self.inputs.append(box)
        form.addRow(self.tr("Planned level(s)"), levels)
        self.column.addWidget(frame)
        self.add_sections(self.entry.sections)
        self.patient_name.textEdited.connect(
            lambda text: self.session.set_details(patient_name=text)
        )
        self.date_of_birth.textEdited.connect(self._date_edited)
        self.record_number.textEdited.connect(
            lambda text: self.session.set_details(record_number=text)
        )
        self.clinician_name.textEdited.connect(
            lambda text: self.session.set_details(clinician_name=text)
        )
        self.credentials.textEdited.connect(
            lambda text: self.session.set_details(clinician_credentials=text)
        )

    def _use_last_clinician(self) -> None:
        last = last_clinician()
        if last is not None:
            self.session.set_details(clinician_name=last[0], clinician_credentials=last[1])

    def _line(self, form: QFormLayout, name: str, title: str, hint: str, field: str) -> QLineEdit:
        """A labelled text field with its length counter; the hint shows inside it and is its
        spoken description."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(title)
        describe(edit, hint)
        form.addRow(title, edit)
        form.addRow("", LengthCounter(edit, field))
        self.inputs.append(edit)
        return edit

    def _date_edited(self, text: str) -> None:
        value = parse_birth_date(text)
        invalid = bool(text.strip()) and value is None
        self.date_of_birth.setProperty("invalid", invalid)
        restyle(self.date_of_birth)
        self.date_hint.setText(
            self.tr("Please type a real date of birth, for example 03/14/1948.") if invalid else ""
        )
        self.date_hint.setVisible(invalid)
        self.session.set_details(date_of_birth=value)
        self.session.set_draft("date_of_birth", text if invalid else "")  # to correct later

    def _levels_changed(self) -> None:
        chosen = tuple(level for level, box in self.level_boxes.items() if box.isChecked())
        self.session.set_details(levels=chosen)

    def refresh(self) -> None:
        details = self.session.details
        last = last_clinician()
        offer = last is not None and not details.clinician_name and not self.session.is_sealed
        self.same_clinician.setVisible(offer)
        if offer and last is not None:
            who = ", ".join(part for part in last if part)
            self.same_clinician.setText(
                self.tr("Same clinician as last time: %1").replace("%1", who)
            )
        for edit, value in (
            (self.patient_name, details.patient_name),
            (self.record_number, details.record_number),
            (self.clinician_name, details.clinician_name),
            (self.credentials, details.clinician_credentials),
        ):
            if edit.text() != value:
                edit.setText(value)
        if details.date_of_birth and parse_birth_date(self.date_of_birth.text()) is None:
            self.date_of_birth.setText(details.date_of_birth.strftime("%m/%d/%Y"))
        elif not self.date_of_birth.text() and self.session.draft("date_of_birth"):
            self._date_edited(self.session.draft("date_of_birth"))
            self.date_of_birth.setText(self.session.draft("date_of_birth"))
        for level, box in self.level_boxes.items():
            if box.isChecked() != (level in details.levels):
                box.blockSignals(True)
                box.setChecked(level in details.levels)
                box.blockSignals(False)
