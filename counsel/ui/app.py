"""Creating the Qt application: fonts, style, and the main window for a new session."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counsel.core.content import ClinicSettings, Content
from counsel.core.record_store import RecordStore
from counsel.core.session import Session
from counsel.resources import font_path
from counsel.ui.display import Display, apply_display
from counsel.ui.main_window import MainWindow

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
    apply_display(Display())
    return app


def create_main_window(
    content: Content, clinic: ClinicSettings, store: RecordStore
) -> MainWindow:
    return MainWindow(
        content, clinic, store,
        new_session=lambda: Session(content, clinic_language=clinic.language),
    )


def run_app(content: Content, clinic: ClinicSettings) -> int:
    """The interactive app over the clinic's record store; offers to resume unfinished work."""
    from counsel.core.store_schema import default_data_dir
    from counsel.ui.resume import offer_resume

    app = prepare_application()
    with RecordStore.in_folder(default_data_dir(clinic.records_folder)) as store:
        window = create_main_window(content, clinic, store)
        window.show()
        offer_resume(window, store)
        return app.exec()
