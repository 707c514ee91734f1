"""Creating the Qt application: fonts, style, and the main window for a new session."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from counsel.allocator import tune_allocator
from counsel.core.content import ClinicSettings, Content
from counsel.core.session import Session
from counsel.core.store_location import DB_NAME
from counsel.resources import font_path, icon_path
from counsel.ui.background import stop_pdf_worker
from counsel.ui.display import Display, apply_display
from counsel.ui.main_window import MainWindow

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore
    from counsel.core.store_location import StoreLocation

APP_ID = "org.counsel.Counsel"  # the desktop entry and AppStream metainfo in packaging/linux
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RESUME_OFFER_DELAY_MS = 150  # after the first screen has painted


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with Counsel's bundled font and style sheet applied."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Counsel")
    app.setOrganizationName("Counsel")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path())))
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(font_path(name)))
    app.setFont(QFont("DejaVu Sans"))
    apply_display(Display())
    return app


def create_main_window(content: Content, clinic: ClinicSettings, store: RecordStore) -> MainWindow:
    return MainWindow(
        content,
        clinic,
        store,
        new_session=lambda in_use: Session(in_use, clinic_language=clinic.language),
    )


def show_ready_to_type(window: MainWindow) -> None:
    """Shown with the cursor in the first screen's first field (the patient's name), where
    the visit starts, rather than in the first control Qt finds (the language list)."""
    window.show_on_screen()
    inputs = window.stack.current_page().inputs
    if inputs:
        inputs[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)


class OpenedOnFirstUse:
    """The record store, opened the first time something uses it.

    A new session writes nothing until something is entered, so the first screen paints
    without loading the database (or reaching the server); the offer to resume comes just
    after. Where it is (``host``, ``database``, ``path``) is known without opening it, and a
    server that cannot be reached is tried again at the next use."""

    def __init__(self, opener: Callable[[], RecordStore], location: StoreLocation) -> None:
        self._opener = opener
        self._store: RecordStore | None = None
        self.host = location.host
        self.database = location.database
        self.path = location.folder / DB_NAME

    def __getattr__(self, name: str) -> Any:
        if self._store is None:
            self._store = self._opener()
        return getattr(self._store, name)

    def another_connection(self) -> RecordStore:
        """The store opened again, for the window's writer (on its own thread)."""
        return self._opener()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def open_clinic_store(clinic: ClinicSettings) -> RecordStore:
    """The clinic's records, and its signing key, made here at first start so it can be backed
    up before the first record (a key that cannot be read is reported when signing)."""
    from counsel.core.clinic_key import ClinicKeyError
    from counsel.core.store_location import open_store, store_location

    store = open_store(store_location(clinic), clinic=clinic.name)
    with contextlib.suppress(ClinicKeyError):
        store.keys.identity()
    return store


def offer_resume_once_ready(window: MainWindow, store: RecordStore, clinic: ClinicSettings) -> None:
    """Offer to resume; first upgrade the records database, showing its progress, if this
    Counsel is newer than the one that wrote it (the window paints and waits meanwhile)."""
    from counsel.core.store_location import store_location
    from counsel.core.store_schema import needs_upgrade
    from counsel.ui.resume import offer_resume, offer_resume_from_server
    from counsel.ui.store_upgrade import StoreUpgrade

    location = store_location(clinic)
    path = location.folder / DB_NAME
    if location.on_server:  # upgraded as it is opened
        offer_resume_from_server(window, store)
        return
    if not needs_upgrade(path):
        offer_resume(window, store)
        return
    upgrade = StoreUpgrade(path, window)  # the window owns it
    upgrade.upgraded.connect(lambda: offer_resume(window, store))
    upgrade.start()


def run_app(content: Content, clinic: ClinicSettings) -> int:
    """The interactive app over the clinic's record store; offers to resume unfinished work."""
    app = prepare_application()
    from counsel.core.store_location import store_location

    opened = OpenedOnFirstUse(lambda: open_clinic_store(clinic), store_location(clinic))
    store = cast("RecordStore", opened)
    try:
        window = create_main_window(content, clinic, store)
        app.aboutToQuit.connect(window.saving.flush)  # typing held back is stored
        show_ready_to_type(window)
        QTimer.singleShot(RESUME_OFFER_DELAY_MS, tune_allocator)  # after the first paint
        QTimer.singleShot(
            RESUME_OFFER_DELAY_MS, lambda: offer_resume_once_ready(window, store, clinic)
        )
        return app.exec()
    finally:
        stop_pdf_worker()
        store.close()
