"""Saving starts in Documents with a file name that says whose record it is, remembers the
folder, and confirms where the PDF went; names typed by anyone make a safe file name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_driver import answer_next_confirmation

from counsel.core.demo import demo_session
from counsel.ui.saving import record_file_name

SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")


def test_the_file_name_has_surname_date_and_record() -> None:
    name = record_file_name("Zoë Nguyễn-Øberg (DEMO)", date(2026, 11, 20), "DEMO/0001")
    assert name == "Nguyen-Oberg-2026-11-20-DEMO-0001-MILD-acknowledgement.pdf"


@given(st.text(), st.text(), st.dates() | st.none())
def test_any_typed_name_makes_a_safe_file_name(patient: str, record: str, day) -> None:
    name = record_file_name(patient, day, record)
    assert set(name) <= SAFE and name.endswith(".pdf") and len(name) < 140
    assert not name.startswith(("-", ".")) and "/" not in name and ".." not in name


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own Documents folder, declared the way the desktop declares it."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    (tmp_path / "xdg").mkdir()
    (tmp_path / "xdg" / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) == str(folder)
    return folder


def answer_save_dialog(qtbot, into: Path, seen: list, name: str = "") -> None:
    """When the save dialog opens: note where it starts and its name, save into ``into``
    (as ``name`` if given); then close the confirmation, noting what it says."""

    def save() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, save)
            return
        seen.append((dialog.directory().absolutePath(), Path(dialog.selectedFiles()[0]).name))
        dialog.selectFile(str(into / (name or Path(dialog.selectedFiles()[0]).name)))
        seen.append(answer_next_confirmation(button="Close"))  # receives the box's text
        dialog.accept()

    QTimer.singleShot(0, save)


def test_save_starts_in_documents_and_then_in_the_folder_used_last(
    qtbot, open_window, content, documents, tmp_path
) -> None:
    window = open_window(lambda: demo_session(content))
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    window.go_to(len(content.screens) - 1)
    page = window.current_page()
    elsewhere = tmp_path / "clinic-share"
    elsewhere.mkdir()
    seen: list = []
    answer_save_dialog(qtbot, elsewhere, seen)
    page.save_with_dialog()
    folder, name = seen[0]
    assert Path(folder) == documents
    assert name == "Nguyen-Oberg-2026-11-20-DEMO-0001-MILD-acknowledgement.pdf"
    saved = elsewhere / name
    assert saved.read_bytes() == window.recorder.pdf_bytes()
    assert str(saved) in seen[1][0], "the confirmation says where the PDF went"
    seen.clear()
    answer_save_dialog(qtbot, elsewhere, seen, "second-copy.pdf")
    page.save_with_dialog()
    assert Path(seen[0][0]) == elsewhere, "the next save starts where the last one went"
