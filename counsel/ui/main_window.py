"""The main window: sidebar, the current screen, and Back / Discussed / Next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from counsel.core.content import ClinicSettings, Content
from counsel.core.session import Session
from counsel.core.session_recorder import SessionRecorder
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_writer import StoreWriter
from counsel.ui.background import build_pdf, run_in_background, sign_pdf, store_lane, warm_up_pdf
from counsel.ui.display import Display, DisplayChoice, DisplayControls, apply_display
from counsel.ui.failure_banner import FailureBanner
from counsel.ui.languages import Languages
from counsel.ui.nav_bar import NavBar
from counsel.ui.read_aloud import ReadAloud, ReadAloudControls, reading_parts
from counsel.ui.save_indicator import SaveIndicator, side_by_side
from counsel.ui.save_status import LIST_WAIT_MS, SaveStatus
from counsel.ui.screen_stack import ScreenStack
from counsel.ui.screens.base import ScreenContext, ScreenPage
from counsel.ui.screens.registry import SCREEN_CLASSES
from counsel.ui.session_bridge import SessionBridge
from counsel.ui.sidebar import Sidebar
from counsel.ui.store_place import store_place
from counsel.ui.window_actions import add_menus, add_shortcuts
from counsel.ui.window_fit import keep_inside_screen, place_window, remember_window
from counsel.ui.workstation_memory import may_quit, remember_clinician

if TYPE_CHECKING:
    from counsel.core.pending_sessions import PendingSessions
    from counsel.core.record_store import RecordStore
    from counsel.ui.records_window import RecordsWindow

FRAME_SETTLE_MS = 200  # the window manager frames a new window within a few frames
PDF_WARM_UP_DELAY_MS = 1500  # after the first frame, while the first screen is read
NAV_BAR_SHOWS = frozenset({"visits", "sealed", "unsealed"})  # what Back/Discussed/Next show


class MainWindow(QMainWindow):
    """Shows one screen at a time; screens are built the first time they are needed.

    The session owns the content in use (its language): the window is laid out in it, and
    again when the session's content changes."""

    def __init__(
        self,
        content: Content,
        clinic: ClinicSettings,
        store: RecordStore,
        new_session: Callable[[Content], Session],
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.clinic = clinic
        self.store = store
        #: Every write for the sessions shown here, in order, off the window's thread.
        self.writer = StoreWriter(store.another_connection, store_lane)
        self.new_session = new_session
        self._pdf_warmed = False  # readied once, after the first frame
        self.languages = Languages(content)
        self.display_choice = DisplayChoice(self)  # the text size and contrast in use
        self.display_choice.changed.connect(self._display_changed)
        self.presenting = False
        self._display_before = self.display  # restored when presenting ends
        self.reader = ReadAloud(self)
        self.opens_maximised = place_window(self)
        self._maximised_before = False  # restored when presenting ends
        self.bridge: SessionBridge | None = None
        self.recorder: SessionRecorder | None = None
        self.saving = SaveStatus(parent=self)  # the recorder's state, for all that show it
        self._laid_out_in: Content | None = None  # the content the widgets show
        self.store_place = store_place(store)
        self.save_indicator = SaveIndicator(self.saving)
        corner = side_by_side(self.menuBar(), self.save_indicator, self.store_place)
        self.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
        add_shortcuts(self)
        self.start(session or new_session(content))

    @property
    def content(self) -> Content:
        """The content in use: the session's."""
        return self.session.content

    def _build(self) -> None:
        """Lay out the window in the session's language (again after a language change)."""
        self.reader.stop()
        self.languages.use(self.content.language)  # the interface's translators
        self._laid_out_in = self.content
        self.setWindowTitle(self.content.title)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = Sidebar(self.content, self.languages.names)
        self.sidebar.screenChosen.connect(self.go_to)
        self.sidebar.languageChosen.connect(self.change_language)
        self.read_controls = ReadAloudControls(self.reader)
        self.read_controls.readRequested.connect(self.read_aloud)
        self.read_controls.rowChanged.connect(self._fit_sidebar)
        self.read_controls.language = self.content.language
        self.sidebar.panel.insertWidget(1, self.read_controls)
        self.display_controls = DisplayControls(self.display_choice)
        self.sidebar.footer.addWidget(self.display_controls)
        row.addWidget(self.sidebar)
        right = QVBoxLayout()
        right.setSpacing(0)
        row.addLayout(right, 1)
        self.store_place.retranslate()
        self.save_indicator.show_state()
        self.banner = FailureBanner(self.saving, self.store_place.server)
        right.addWidget(self.banner)
        self.stack = ScreenStack(self._new_page, len(self.content.screens))
        right.addWidget(self.stack, 1)
        self.nav = NavBar()
        self.back_button = self.nav.back_button
        self.next_button = self.nav.next_button
        self.discussed_button = self.nav.discussed_button
        self.back_button.clicked.connect(lambda: self.go_to(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.index + 1))
        self.discussed_button.clicked.connect(self._toggle_discussed)
        self.nav.return_button.clicked.connect(lambda: self.go_to(self.nav.return_to))
        right.addWidget(self.nav)
        previous = self.takeCentralWidget()
        if previous is not None:  # the old language's widgets, pages included
            previous.setParent(None)
            previous.deleteLater()
        self.setCentralWidget(central)
        self._fit_sidebar()  # its words are measured in the window's text size
        self.menuBar().clear()
        add_menus(self)

    def _fit_sidebar(self) -> None:
        self.sidebar.set_scale(self.display.scale, self.read_controls.one_row_width())

    def set_presenting(self, presenting: bool) -> None:
        """Full screen, larger type and only what the patient needs; Ctrl+Shift+P returns."""
        self.presenting = presenting
        self.sidebar.setVisible(not presenting)
        self.menuBar().setVisible(not presenting)
        for page in self.stack.pages.values():
            page.set_presenting(presenting)
        if presenting:
            self._display_before = self.display
            self._maximised_before = self.isMaximized()
            self.set_display(replace(self.display, scale=max(self.display.scale, 150)))
            self.showFullScreen()
        else:
            self.set_display(self._display_before)
            self.showMaximized() if self._maximised_before else self.showNormal()
            keep_inside_screen(self)
        self._update_nav()

    def read_aloud(self) -> None:
        """Speak the current screen in the session's language."""
        labels = self.current_page().findChildren(QLabel)
        self.reader.read(reading_parts(labels), self.content.language)

    @property
    def display(self) -> Display:
        return self.display_choice.current

    def set_display(self, display: Display) -> None:
        self.display_choice.set(display)

    def _display_changed(self, display: Display) -> None:
        """New text size or contrast, applied at once to every screen (once: restyling every
        screen is the slowest thing the window does)."""
        self.stack.drop_hidden()  # built again at the new size when next needed: quicker
        apply_display(display, self)
        self._fit_sidebar()

    def change_language(self, language: str) -> None:
        """Go on in ``language`` without losing anything entered, on the same screen."""
        if language != self.content.language and not self.session.is_sealed:
            self.session.set_content(self.languages.content(language))  # laid out on "content"

    def show_records(self) -> RecordsWindow | None:
        """The records list; choosing an unfinished session resumes it here (None: the
        records server cannot be reached, which the user is told)."""
        from PySide6.QtWidgets import QMessageBox  # not at start-up: naming it makes its enums

        from counsel.ui.records_window import RecordsWindow  # PDF viewer: not at start-up
        from counsel.ui.resume import resume_or_set_aside  # it builds on this window

        assert self.content.document is not None and self.recorder is not None
        self.saving.flush()  # the list shows this session as it is now
        self.saving.wait_for_writes(LIST_WAIT_MS)
        if self.recorder.waiting_for_server:  # said without waiting for it here
            self.saving.reconnect.now()  # asked on another thread
            QMessageBox.warning(
                self,
                self.tr("Records"),
                self.tr(
                    "The records are on the clinic server (%1), which cannot be reached. "
                    "Try again once it answers."
                ).replace("%1", self.store_place.server),
            )
            return None
        window = RecordsWindow(self.store, self.content.document, self)  # it reads on its own
        window.resumeRequested.connect(lambda record_id: resume_or_set_aside(self, record_id))
        window.open()
        return window

    @property
    def session(self) -> Session:
        assert self.bridge is not None
        return self.bridge.session

    def start(self, session: Session, at_screen: int = 0) -> None:
        """Show ``session`` in its language, dropping the screens of any earlier one; every
        change is saved."""
        if self.bridge is not None:
            self.bridge.detach()
            self.bridge.deleteLater()
        self.saving.flush()
        away = None  # the server the last session waited for: this one waits for it too
        if self.recorder is not None:
            self.recorder.close()
            away = self.recorder.failure if self.recorder.waiting_for_server else None
        # The recorder listens first, so the record is stored before any screen reacts.
        self.recorder = SessionRecorder(
            self.store,
            session,
            self.clinic,
            build_pdf,
            run=run_in_background,
            pending=self._pending_copies(),
            sign_pdf=sign_pdf,
            writer=self.writer,
        )
        if isinstance(away, StoreUnavailable):
            self.recorder.server_unreachable(away)
        self.bridge = SessionBridge(session, self)
        self.saving.follow(self.recorder)
        self.bridge.changed.connect(self._session_changed)
        if self._laid_out_in is session.content:
            self.stack.clear()
        else:
            self._build()
        self.go_to(at_screen)

    def _pending_copies(self) -> PendingSessions | None:
        """Where a session waits while the clinic server is away (none for this computer's
        file; loaded only then, as it brings the database modules with it)."""
        if not self.store.host:
            return None
        from counsel.core.pending_sessions import PendingSessions
        from counsel.core.session_codec import session_from_dict

        return PendingSessions(
            self.store.path.parent,
            lambda data: session_from_dict(data, self.languages.content(data["language"])),
        )

    def start_new(self) -> None:
        """An empty session, in the language in use."""
        self.start(self.new_session(self.content))

    def resume(self, record_id: str) -> None:
        """Reopen a stored session where it was left, in the language it was in."""
        language = self.store.stored_language(record_id)
        session = self.store.load(record_id, self.languages.content(language))
        last = session.last_viewed_screen
        self.start(session, session.content.index_of(last) if last else 0)
        keep_inside_screen(self)

    def show_on_screen(self) -> None:
        """Show as the user last had it on this screen (maximised or at its size)."""
        self.showMaximized() if self.opens_maximised else self.show()

    def showEvent(self, event: QShowEvent) -> None:
        """Once the window manager has added its title bar, make sure it all fits."""
        super().showEvent(event)
        QTimer.singleShot(FRAME_SETTLE_MS, self, lambda: keep_inside_screen(self))

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first frame (however long a busy computer takes to paint it), and while
        the first screen is read, ready the PDF machinery so signing does not wait for it."""
        super().paintEvent(event)
        if not self._pdf_warmed:
            self._pdf_warmed = True
            QTimer.singleShot(
                PDF_WARM_UP_DELAY_MS, self, lambda: warm_up_pdf(self.content, self.clinic)
            )

    def changeEvent(self, event: QEvent) -> None:
        """Typing held back is saved when the window loses focus (another window, a dialog)."""
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.saving.flush()
        super().changeEvent(event)

    def quit_asking(self) -> None:
        """Quit (Ctrl+Q) or the window's close button: asked first in the middle of a session."""
        assert self.recorder is not None
        self.saving.flush()
        self.saving.finish_writing(self)  # asked once whether the session is safe
        if may_quit(self, self.session, saved=self.recorder.failure is None):
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.saving.flush()
        self.saving.finish_writing(self)  # so whether saving works is known before asking
        if event.spontaneous():  # the window manager's close button
            assert self.recorder is not None
            if not may_quit(self, self.session, saved=self.recorder.failure is None):
                event.ignore()
                return
        if not self.presenting:
            remember_window(self)
        super().closeEvent(event)

    def _new_page(self, index: int) -> ScreenPage:
        screen = self.content.screens[index]
        assert self.bridge is not None and self.recorder is not None
        context = ScreenContext(
            self.content, self.clinic, self.bridge, self.saving, self.display_choice
        )
        page = SCREEN_CLASSES[screen.kind](screen, context)
        page.jumpRequested.connect(lambda screen_id: self.go_to_screen(screen_id, index))
        page.newSessionRequested.connect(self.start_new)
        page.set_presenting(self.presenting)
        return page

    @property
    def index(self) -> int:
        """The screen in view (-1 before the first is shown)."""
        return self.stack.index

    def current_page(self) -> ScreenPage:
        return self.stack.current_page()

    def go_to_screen(self, screen_id: str, came_from: int = -1) -> None:
        """Follow a link to a screen; the nav bar then offers the way back to ``came_from``."""
        if self.content.has_screen(screen_id):
            done = self.content.first_of_kind("done")
            self.nav.return_to = -1 if done and screen_id == done.id else came_from
            self.go_to(self.content.index_of(screen_id))

    def go_to(self, index: int) -> None:
        """Show screen ``index``; the visit's save also stores any typing held back."""
        if not 0 <= index < len(self.content.screens) or index == self.index:
            return
        self.reader.stop()
        leaving = self.stack.pages.get(self.index)
        focused = QApplication.focusWidget()
        page = self.stack.show_page(index)
        self.session.view(page.entry.id)
        page.shown()
        self._update_nav()
        if leaving is not None and focused is not None and leaving.isAncestorOf(focused):
            self._focus_into(page)

    def _focus_into(self, page: ScreenPage) -> None:
        """A screen reached from a control on the screen before (Sign and finish, an answer,
        Alt+Right) takes the focus at its first control in Tab order, else Next: left to Qt,
        the focus stayed on the hidden screen, or went to the top of the sidebar."""
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            control = tabbable and widget is not page.scroller  # it shows no focus ring
            if control and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        if self.next_button.isEnabled():
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _toggle_discussed(self) -> None:
        if not self.session.is_sealed:
            screen_id = self.content.screens[self.index].id
            self.session.mark_discussed(screen_id, not self.session.is_discussed(screen_id))

    def toggle_discussed_key(self) -> None:
        if self.discussed_button.isVisible() and self.discussed_button.isEnabled():
            self._toggle_discussed()

    def _session_changed(self, what: str) -> None:
        """The sidebar redraws the rows that field can change; the nav bar shows the screen
        in view's discussed state and the seal."""
        if what == "content":  # another language: laid out again, on the same screen
            index = self.index
            self._build()
            self.go_to(index)
            return
        if what == "details":
            remember_clinician(self.session.details)
        self.sidebar.refresh(self.session, what)
        if what in NAV_BAR_SHOWS:
            self._show_nav_state()

    def _update_nav(self) -> None:
        self.sidebar.select(self.index)
        self.sidebar.refresh(self.session)
        self._show_nav_state()

    def _show_nav_state(self) -> None:
        screen = self.content.screens[self.index]
        self.nav.show_state(
            self.index, len(self.content.screens), screen, self.session, self.presenting
        )
