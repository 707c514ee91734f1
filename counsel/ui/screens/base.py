"""The contract every screen kind follows, and the page layout they share.

A screen is built from its content entry and the session, shows itself, writes what the user
does into the session, and redraws when a field it shows changes (``shows``). What a screen
still lacks before signing is the core's to say (``rules.screen_gaps``). It never keeps the
only copy of state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from counsel.core.content import ClinicSettings, Content, Screen, Section
from counsel.core.frozen import Frozen
from counsel.core.session import CHANGES, Session
from counsel.core.session_recorder import SessionRecorder
from counsel.ui.choice_buttons import ChoiceButtons, answer_card
from counsel.ui.display import Display, DisplayChoice
from counsel.ui.illustration import IllustrationView
from counsel.ui.save_status import SaveStatus
from counsel.ui.session_bridge import SessionBridge
from counsel.ui.warning_signs import warning_panel
from counsel.ui.widgets import bullet_list, label
from counsel.ui.wrap_button import WrapButton

SIDE_BY_SIDE_MIN_WIDTH = 1200
STACKED_PICTURE_HEIGHT = 220
LABELLED_PICTURE_HEIGHT = 260  # room for a picture's words at their readable minimum
PICTURE_SHARE = 0.38  # above the text, a picture takes at most this share of the screen
#: Changes every screen answers: signing locks its inputs.
EVERY_SCREEN = frozenset({"sealed", "unsealed"})


class ScreenContext(Frozen, kw_only=False):
    content: Content
    clinic: ClinicSettings
    bridge: SessionBridge
    saving: SaveStatus  # the session's recorder and whether its record is saved
    display: DisplayChoice = field(default_factory=DisplayChoice)  # the window's, in the app

    @property
    def session(self) -> Session:
        return self.bridge.session

    @property
    def recorder(self) -> SessionRecorder:
        assert self.saving.recorder is not None, "a screen shows a session being recorded"
        return self.saving.recorder


class ScreenPage(QWidget):
    """Base of all screens: title, intro, a text column and the illustration beside it."""

    jumpRequested = Signal(str)  # go to the screen with this id
    newSessionRequested = Signal()  # start over with an empty session
    #: The session fields (``session.CHANGES``) this kind shows: a change to any other field
    #: leaves the screen as it is.
    shows: frozenset[str] = frozenset()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        unknown = cls.shows - CHANGES
        assert not unknown, f"{cls.__name__} shows fields the session does not have: {unknown}"

    def __init__(self, screen: Screen, context: ScreenContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = screen
        self.context = context
        self.setObjectName(f"screen-{screen.id}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Made here rather than asked of the scroll area: PySide6 answers viewport() on Qt's
        # own by looking through every widget class it has not loaded yet (about 50 Python
        # enums, tens of milliseconds of the first screen).
        self.viewport = QWidget()
        self.scroller.setViewport(self.viewport)
        outer.addWidget(self.scroller)
        inner = QWidget()
        self.scroller.setWidget(inner)
        page = QVBoxLayout(inner)
        page.setContentsMargins(32, 24, 32, 24)
        page.setSpacing(14)
        self.inputs: list[QWidget] = []
        self.clinician_only: list[QWidget] = []  # hidden while presenting to the patient
        self.title_label = label(screen.title, "title")
        self.title_label.setObjectName("screenTitle")
        page.addWidget(self.title_label)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.row.setSpacing(28)
        page.addLayout(self.row, 1)
        self.column = QVBoxLayout()
        self.column.setSpacing(12)
        self.row.addLayout(self.column, 3)
        self.illustration = IllustrationView(
            screen.illustration, labels_for=context.content.labels_for
        )
        side = QVBoxLayout()
        side.addWidget(self.illustration)
        side.addStretch(1)
        if screen.illustration:  # without a picture, the text has the whole width and height
            self.row.addLayout(side, 2)
        if intro_text := self.intro_text():
            intro = label(intro_text)
            intro.setObjectName("screenIntro")
            self.column.addWidget(intro)
        self.build()
        self.column.addStretch(1)
        context.bridge.changed.connect(self._session_changed)
        context.display.changed.connect(self._display_changed)
        self._display_changed(context.display.current)
        self._apply_lock()
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Picture beside the text on wide screens, above it (smaller) on narrow ones."""
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.BottomToTop
        if self.row.direction() != direction:
            self.row.setDirection(direction)
        self._limit_picture()
        super().resizeEvent(event)

    def _display_changed(self, display: Display) -> None:
        """The text size the patient chose: the words on the picture, and its room, grow."""
        self.illustration.set_text_scale(display.scale / 100)
        self._limit_picture()

    def _limit_picture(self) -> None:
        """Above the text, the picture grows with the text size, so its larger labels keep
        the room the art planned for them instead of crowding it; a picture with words is
        a little taller, so they need not shrink onto the drawing."""
        if self.row.direction() == QBoxLayout.Direction.LeftToRight:
            self.illustration.setMaximumHeight(16777215)
        else:
            labelled = bool(self.illustration.labels())
            base = LABELLED_PICTURE_HEIGHT if labelled else STACKED_PICTURE_HEIGHT
            room = round(self.height() * PICTURE_SHARE)  # the text starts in view
            text_scale = max(1.0, self.context.display.current.scale / 100)
            height = min(round(base * text_scale), room) if room else base
            self.illustration.setMaximumHeight(height)

    @property
    def session(self) -> Session:
        return self.context.session

    def intro_text(self) -> str:
        """The words under the title ("": none)."""
        return self.entry.intro

    def build(self) -> None:
        """Add the kind's own widgets to ``self.column``."""

    def refresh(self) -> None:
        """Bring the widgets in line with the session (after a change or a reload)."""

    def set_presenting(self, presenting: bool) -> None:
        """Patient-facing presentation: the clinician's controls step out of the way."""
        for widget in self.clinician_only:
            widget.setVisible(not presenting)

    def holds_unsaved_input(self) -> bool:
        """Whether the screen shows something entered that the session does not hold yet
        (then it is kept, not built again, when the display changes)."""
        return False

    def prepare(self) -> None:
        """Work done in an idle moment so the screen then responds at once (none by default)."""

    def shown(self) -> None:
        """Called each time the screen comes into view."""

    def views(self) -> int:
        """How many views the screen shows one at a time (a procedure's steps); most, one."""
        return 1

    def show_view(self, index: int) -> None:
        """Bring view ``index`` of :meth:`views` into sight."""

    def _session_changed(self, what: str) -> None:
        if what in EVERY_SCREEN:
            self._apply_lock()
            self.refresh()
        elif what in self.shows:
            self.refresh()

    def _apply_lock(self) -> None:
        """Once signed, nothing on any screen accepts input."""
        for widget in self.inputs:
            widget.setEnabled(not self.session.is_sealed)

    def add_sections(self, sections: tuple[Section, ...]) -> None:
        for section in sections:
            if section.urgency:
                self.column.addWidget(warning_panel(section))
                self.add_sources(section.sources)
                continue
            self.column.addWidget(label(section.heading, "heading"))
            if section.text:
                self.column.addWidget(label(section.text))
            if section.bullets:
                self.column.addWidget(bullet_list(section.bullets))
            self.add_sources(section.sources)

    def add_answer_cards(
        self, items: Sequence[tuple[str, str]], choices: Sequence[tuple[str, str]], prefix: str
    ) -> list[ChoiceButtons]:
        """A card per (id, text) item with its choice buttons, answered into the session."""
        groups = []
        for item_id, text in items:
            frame, buttons = answer_card(
                self.context.bridge, self.entry.id, item_id, text, choices, f"{prefix}-{item_id}"
            )
            groups.append(buttons)
            self.inputs += buttons.buttons
            self.column.addWidget(frame)
        return groups

    def add_pager(
        self, previous: str, following: str, names: tuple[str, str]
    ) -> tuple[WrapButton, WrapButton]:
        """Back / next buttons inside a screen that shows one thing at a time."""
        row = QHBoxLayout()
        buttons = WrapButton(previous), WrapButton(following)
        for button, name in zip(buttons, names, strict=True):
            button.setObjectName(name)
        row.addWidget(buttons[0])
        row.addStretch(1)
        row.addWidget(buttons[1])
        self.column.addLayout(row)
        return buttons

    def add_sources(self, source_ids: tuple[str, ...]) -> None:
        if source_ids:
            self.column.addWidget(label(self.sources_text(source_ids), "source"))

    def sources_text(self, source_ids: tuple[str, ...]) -> str:
        """'Source: ...' naming each publication, or '' when there is none."""
        if not source_ids:
            return ""
        sources = [self.context.content.sources[s] for s in source_ids]
        paid = self.tr("%1 (paid for by the device maker)")
        names = "; ".join(paid.replace("%1", s.short) if s.industry else s.short for s in sources)
        return self.tr("Source: %1").replace("%1", names)
