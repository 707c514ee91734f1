"""Where the clinic signs the procedure consent in Counsel, the patient signs what it prints."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from counsel.core.content import ClinicSettings, Content, SignaturesScreen
from counsel.core.session import Session
from counsel.ui.app import prepare_application
from counsel.ui.main_window import MainWindow


def statement_on_screen(qtbot, content: Content, clinic: ClinicSettings, store, clock) -> str:
    prepare_application([])
    window = MainWindow(
        content, clinic, store, new_session=lambda in_use: Session(in_use, clock=clock)
    )
    qtbot.addWidget(window)
    window.show()
    window.go_to(next(i for i, s in enumerate(content.screens) if s.kind == "signatures"))
    card = window.current_page().findChild(QWidget, "statement")
    return " ".join(label.text() for label in card.findChildren(QLabel))


@pytest.mark.parametrize("document_type", ["acknowledgement", "consent"])
def test_the_statement_on_screen_is_the_one_the_pdf_prints(
    qtbot, content: Content, clinic: ClinicSettings, store, clock, document_type: str
) -> None:
    signing = content.first_of_kind("signatures")
    assert isinstance(signing, SignaturesScreen) and content.consent is not None
    shown = statement_on_screen(
        qtbot, content, replace(clinic, document_type=document_type), store, clock
    )
    expected, other = signing.statement, content.consent.statement
    if document_type == "consent":
        expected, other = other, expected
    assert expected in shown and other not in shown
