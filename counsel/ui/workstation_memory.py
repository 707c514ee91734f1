"""What this computer remembers between sessions: the clinician who last used it (offered on
the next session's welcome screen), and whether to let a session be left mid-way."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counsel.core.session import Details, Session
from counsel.ui.workstation import workstation_settings

CLINICIAN = "clinician/name"
CREDENTIALS = "clinician/credentials"


def remember_clinician(details: Details) -> None:
    if details.clinician_name.strip():
        settings = workstation_settings()
        settings.setValue(CLINICIAN, details.clinician_name.strip())
        settings.setValue(CREDENTIALS, details.clinician_credentials.strip())


def last_clinician() -> tuple[str, str] | None:
    """(name, credentials) of the clinician who last used this computer, if any."""
    settings = workstation_settings()
    name = str(settings.value(CLINICIAN, "") or "")
    return (name, str(settings.value(CREDENTIALS, "") or "")) if name else None


def may_quit(parent: QWidget, session: Session, saved: bool) -> bool:
    """Leaving mid-session is asked about; the session stays saved and can be resumed."""
    from PySide6.QtWidgets import QMessageBox  # not at start-up: naming it makes its enums

    if session.is_blank or session.is_sealed:
        return True
    if saved:
        text = parent.tr(
            "This session is not signed yet. It is saved: Counsel offers to go on "
            "with it next time it starts.\n\nQuit now?"
        )
    else:
        text = parent.tr(
            "This session is not signed yet, and its latest changes could not be "
            "saved. Quitting now loses them.\n\nQuit anyway?"
        )
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Quit Counsel?"), text, parent=parent)
    box.setObjectName("confirmQuit")
    quit_button = box.addButton(parent.tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(parent.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is quit_button
