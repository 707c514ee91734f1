"""Plain sentences for what is missing before signing (``rules.Gap``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counsel.core.content import Content
from counsel.core.rules import Gap, Missing


def _tr(text: str) -> str:
    return QCoreApplication.translate("GapText", text)


def role_name(role: str) -> str:
    names = {
        "patient": _tr("patient"),
        "representative": _tr("representative"),
        "clinician": _tr("clinician"),
        "interpreter": _tr("interpreter"),
        "witness": _tr("witness"),
    }
    return names[role]


def describe(missing: Missing, content: Content) -> str:
    title = content.screen(missing.screen_id).title if missing.screen_id else ""
    role = role_name(missing.role) if missing.role else ""
    texts = {
        Gap.PATIENT_NAME: _tr("Type the patient's name."),
        Gap.DATE_OF_BIRTH: _tr("Type the patient's date of birth."),
        Gap.CLINICIAN_NAME: _tr("Type the clinician's name."),
        Gap.CLINICIAN_CREDENTIALS: _tr("Type the clinician's credentials."),
        Gap.LEVELS: _tr("Choose the planned spine level(s)."),
        Gap.NOT_DISCUSSED: _tr("Mark “%1” as discussed."),
        Gap.CHECKLIST_UNANSWERED: _tr("Answer every question in “%1”."),
        Gap.QUIZ_UNANSWERED: _tr("Answer every question in “%1”."),
        Gap.QUIZ_NOT_CORRECT: _tr("Review the questions in “%1” until each answer is right."),
        Gap.SIGNATURE_MISSING: _tr("The %2 needs to sign."),
        Gap.SIGNATURE_TOO_SMALL: _tr("The %2's signature is too small: please sign again."),
        Gap.SIGNER_NAME_MISSING: _tr("Type the %2's name."),
        Gap.RELATIONSHIP_MISSING: _tr("Type the representative's relationship to the patient."),
    }
    return texts[missing.gap].replace("%1", title).replace("%2", role)
