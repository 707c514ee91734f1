"""Creating the Qt application: fonts, style, and the main window for a new session."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counsel.core.content import ClinicSettings, Content
from counsel.core.session import Session
from counsel.resources import font_path
from counsel.ui.main_window import MainWindow
from counsel.ui.theme import style_sheet

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with Counsel's bundled font and style sheet applied."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Counsel")
    app.setOrganizationName("Counsel")
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(font_path(name)))
    app.setFont(QFont("DejaVu Sans"))
    app.setStyleSheet(style_sheet())
    return app


def create_main_window(content: Content, clinic: ClinicSettings) -> MainWindow:
    return MainWindow(content, clinic, new_session=lambda: Session(content))
