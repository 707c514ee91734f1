"""A clinic's exam rooms, for ``test_clinic_rooms``: each room a computer of its own (a records
folder with a copy of the one clinic key, its own settings) running Counsel as the README
starts it (``python main.py``), on the clinic's PostgreSQL server, its window in an area of
its own on one X screen (Xvfb with openbox), used with real X input only (xdotool): answering
Resume, typing, drawing signatures with the mouse, pressing Sign and finish and Retry.

Each step is checked where it lands (the record on the server, or the copy kept on the room's
computer while the server is away), never trusted to a wait. What makes real drags reliable:
one xdotool sends the whole stroke (``Desktop.drag``); a control is found on screen just
before it is used (the window's layout moves, as banners come and go); keys go to a window
made active first; the app keeps every pointer motion while a signature pad is shown (see
``counsel.ui.every_motion``: a busy app used to keep only where the pen went down and where
it lifted)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

from test_end_to_end import (
    ROOT,
    SIDEBAR_RIGHT,
    SIGNATURE,
    Box,
    Desktop,
    Record,
    signature_pad,
    text_field,
    wait_until,
)

from counsel.core.content import Content
from counsel.core.demo import demo_session
from counsel.core.pending_sessions import PendingSessions
from counsel.core.session import Session
from counsel.core.session_codec import session_from_dict
from counsel.core.store_location import StoreLocation, open_store
from counsel.ink import Ink

AREA_WIDTH = 1300  # each window (1280 wide, Counsel's preferred size) in an area this wide
SCREEN = (3 * AREA_WIDTH, 900)
NAV_TOP = 760  # in a room's area: Back and Next are below this


def visit_up_to_signing(content: Content, patient: str) -> Session:
    """A visit done as far as the signatures (the demo's: every topic discussed, the quiz
    right), shown last, and nobody signed yet: for a room to go on with."""
    session = demo_session(content, seal=False)
    session.id = uuid.uuid4().hex
    for role in list(session.signatures):
        session.set_signature(role, "", Ink.empty(1, 1))
    session.set_details(patient_name=patient)
    signatures = content.first_of_kind("signatures")
    assert signatures is not None
    session.view(signatures.id)
    return session


def typed_name(box: Box) -> bool:
    """A signer's Typed name (right of its label; the buttons above it are wider)."""
    return text_field(box) and box[0] > 400 and box[3] - box[1] < 60


def retry_signing(box: Box) -> bool:
    """Retry signing, the first button under the text of Next steps (above Back)."""
    left, top, right, bottom = box
    return SIDEBAR_RIGHT < left < 340 and right - left < 300 and bottom < NAV_TOP


class Room:
    """One exam room's computer and the test's hands on it."""

    def __init__(self, name: str, number: int, folder: Path, url: str, display: str) -> None:
        self.name, self.folder = name, folder
        self.left = number * AREA_WIDTH
        self.location = StoreLocation(folder / "records", url)
        self.desktop = Desktop(display, folder, (self.left, 0, self.left + AREA_WIDTH, SCREEN[1]))
        self.env = {
            **self.desktop.env,
            "QT_QPA_PLATFORM": "xcb",
            "COUNSEL_DATA_DIR": str(self.location.folder),
            "COUNSEL_DATABASE_URL": url,
            "COUNSEL_CONFIG_DIR": str(folder / "settings"),
            "COUNSEL_TTS_ENGINE": "mock",
        }
        self.app: subprocess.Popen | None = None
        self.window = ""
        self.record: Record | None = None

    def go_on_with(self, session: Session, content: Content) -> None:
        """Counsel started here, offered ``session`` to resume (stored as the draft changed
        last), and Resume answered; its window in the room's area."""
        with open_store(self.location) as store:
            store.save_draft(session)
        self.record = Record(self.location, content, session.id)
        log = (self.folder / "counsel.log").open("wb")
        self.app = subprocess.Popen(
            [sys.executable, "main.py"], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        self.window = self.desktop.window_named(content.title, self.app)
        self.desktop.xdotool("windowmove", "--sync", self.window, str(self.left), "0")
        offer = self.desktop.window_named("^Resume session", self.app)
        self.desktop.xdotool("windowactivate", "--sync", offer, "key", "Return")

    def activate(self) -> None:
        """The room's window active: keys go there."""
        self.desktop.xdotool("windowactivate", "--sync", self.window)

    def type_name(self, text: str) -> None:
        """The next signer's Typed name (after the focus), replaced by ``text``."""
        self.activate()
        self.desktop.tab_to(typed_name)
        self.desktop.keys("ctrl+a")
        self.desktop.type(text)

    def sign(self) -> int:
        """The next pad (after the focus) signed with the mouse; how many points were sent."""
        self.activate()
        return self.desktop.drag(self.desktop.tab_to(signature_pad), SIGNATURE)

    def stored(self) -> Session:
        """The session as the clinic's server holds it."""
        assert self.record is not None
        return self.record.session()

    def kept_here(self, content: Content) -> Session:
        """The session as kept on this computer while the server cannot be reached."""
        assert self.record is not None
        copy = PendingSessions(self.location.folder).stored_form(self.record.id)
        return session_from_dict(copy, content)

    def wait_until(self, what: str, check, timeout: float = 60) -> None:
        assert self.app is not None
        wait_until(f"{what} in {self.name}", check, self.app, timeout)

    def press_sign(self) -> None:
        """Sign and finish (after the clinician's pad, past Undo, Clear and the interpreter
        and witness choices: a filled button's focus ring is not the focus colour), and
        the question it asks answered "Sign and seal"."""
        self.activate()
        self.desktop.keys("Tab", "Tab", "Tab", "Tab", "Tab", "space")
        assert self.app is not None
        asked = self.desktop.window_named("^Sign and seal the record", self.app)
        self.desktop.xdotool("windowactivate", "--sync", asked, "key", "Return")

    def ready_to_retry_signing(self) -> None:
        """The focus on Retry signing (Next steps, once signing waits for the server)."""
        self.activate()
        self.desktop.tab_to(retry_signing)

    def close(self) -> str:
        """Counsel ended; what it printed."""
        if self.app is None:
            return ""
        if self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(20)
            except subprocess.TimeoutExpired:
                self.app.kill()
        return (self.folder / "counsel.log").read_text(errors="replace")
