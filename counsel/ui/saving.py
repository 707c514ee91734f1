"""Saving a record's PDF where the user chooses: the dialog opens in Documents (then in the
folder used last on this computer) with a file name that says whose record it is, and a
message confirms where it went, with a button that opens that folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from counsel.ui.workstation import workstation_settings

LAST_FOLDER = "saving/last-folder"
UNSAFE = re.compile(r"[^A-Za-z0-9]+")
#: Letters that Unicode does not split into a plain letter and an accent.
PLAIN = str.maketrans(
    {
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "ß": "ss",
        "Þ": "Th",
        "þ": "th",
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Saving", text)


def safe_part(text: str) -> str:
    """``text`` as letters, digits and hyphens only: accents dropped (Zoë → Zoe), anything
    else (slashes, dots, spaces) turned into a hyphen; safe on every file system."""
    plain = unicodedata.normalize("NFKD", text.translate(PLAIN))
    ascii_text = plain.encode("ascii", "ignore").decode()
    return UNSAFE.sub("-", ascii_text).strip("-")[:40].strip("-")


def record_file_name(
    patient_name: str, day: date | None, record_number: str, kind: str = "MILD-acknowledgement"
) -> str:
    """Surname, date and record number first, so a folder of records sorts by patient."""
    words = patient_name.replace("(", " ").replace(")", " ").split()
    surname = next((w for w in reversed(words) if safe_part(w) and w.upper() != "DEMO"), "")
    parts = [safe_part(surname), day.isoformat() if day else "", safe_part(record_number), kind]
    return "-".join(part for part in parts if part) + ".pdf"


def start_folder() -> Path:
    """The folder saved to last on this computer, if it is still there; else Documents."""
    last = workstation_settings().value(LAST_FOLDER, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_pdf_with_dialog(
    parent: QWidget, suggested: str, save: Callable[[Path], None]
) -> Path | None:
    """Ask where, save with ``save(path)``, confirm; the path saved to, or None."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        _tr("Save the acknowledgement"),
        str(start_folder() / suggested),
        _tr("PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    if not may_replace(parent, path, Path(chosen)):
        return None
    try:
        save(path)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _tr("Could not save"),
            _tr("The PDF was not saved: %1").replace("%1", error.strerror or str(error)),
        )
        return None
    workstation_settings().setValue(LAST_FOLDER, str(path.parent))
    confirm_saved(parent, path)
    return path


def may_replace(parent: QWidget, path: Path, confirmed: Path) -> bool:
    """Whether ``path`` may be written: it is new, it is the file the save dialog already
    confirmed replacing, or the user says yes now (a suffix was added to the name chosen)."""
    if not path.exists() or path == confirmed:
        return True
    answer = QMessageBox.question(
        parent,
        _tr("Replace the file?"),
        _tr("%1 already exists. Replace it?").replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_saved(parent: QWidget, path: Path) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Saved"),
        _tr("The acknowledgement was saved as:\n%1").replace("%1", str(path)),
        parent=parent,
    )
    box.setObjectName("savedConfirmation")
    open_folder = box.addButton(_tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
