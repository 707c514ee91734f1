"""Plain sentences for what is missing before signing (``rules.Gap``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from counsel.core.content import Content
from counsel.core.gaps import Gap
from counsel.core.rules import Missing

ROLE_NAMES = {
    "patient": QT_TRANSLATE_NOOP("GapText", "patient"),
    "representative": QT_TRANSLATE_NOOP("GapText", "representative"),
    "clinician": QT_TRANSLATE_NOOP("GapText", "clinician"),
    "interpreter": QT_TRANSLATE_NOOP("GapText", "interpreter"),
    "witness": QT_TRANSLATE_NOOP("GapText", "witness"),
}

# %1 is a screen's title, %2 a signer's role.
GAP_TEXTS = {
    Gap.PATIENT_NAME: QT_TRANSLATE_NOOP("GapText", "Type the patient's name."),
    Gap.DATE_OF_BIRTH: QT_TRANSLATE_NOOP("GapText", "Type the patient's date of birth."),
    Gap.CLINICIAN_NAME: QT_TRANSLATE_NOOP("GapText", "Type the clinician's name."),
    Gap.CLINICIAN_CREDENTIALS: QT_TRANSLATE_NOOP("GapText", "Type the clinician's credentials."),
    Gap.LEVELS: QT_TRANSLATE_NOOP("GapText", "Choose the planned spine level(s)."),
    Gap.NOT_DISCUSSED: QT_TRANSLATE_NOOP("GapText", "Mark “%1” as discussed."),
    Gap.CHECKLIST_UNANSWERED: QT_TRANSLATE_NOOP("GapText", "Answer every question in “%1”."),
    Gap.QUIZ_UNANSWERED: QT_TRANSLATE_NOOP("GapText", "Answer every question in “%1”."),
    Gap.QUIZ_NOT_CORRECT: QT_TRANSLATE_NOOP(
        "GapText", "Review the questions in “%1” until each answer is right."
    ),
    Gap.QUESTION_UNANSWERED: QT_TRANSLATE_NOOP(
        "GapText", "Write down the answer to every question in “%1”."
    ),
    Gap.SIGNATURE_MISSING: QT_TRANSLATE_NOOP("GapText", "The %2 needs to sign."),
    Gap.SIGNATURE_TOO_SMALL: QT_TRANSLATE_NOOP(
        "GapText", "The %2's signature is too small: please sign again."
    ),
    Gap.SIGNER_NAME_MISSING: QT_TRANSLATE_NOOP("GapText", "Type the %2's name."),
    Gap.RELATIONSHIP_MISSING: QT_TRANSLATE_NOOP(
        "GapText", "Type the representative's relationship to the patient."
    ),
}


def _tr(text: object) -> str:  # QT_TRANSLATE_NOOP's result is typed object
    return QCoreApplication.translate("GapText", str(text))


def gap_sentence(missing: Missing, content: Content) -> str:
    title = content.screen(missing.screen_id).title if missing.screen_id else ""
    role = _tr(ROLE_NAMES[missing.role]) if missing.role else ""
    return _tr(GAP_TEXTS[missing.gap]).replace("%1", title).replace("%2", role)
