"""A clinic tried as a clinic would: exam rooms, each its own Counsel process with its own
window and records folder (a copy of the one clinic key, as the README asks), on one
PostgreSQL server. Each room goes through a visit in the real window up to the signatures;
the server is then restarted while the rooms go on typing (kept on each computer); once each
window says the server answers again, all rooms sign at the same moment. The test then lists
and verifies everything from the records office, a fourth computer with the clinic's
certificates only (trusted from the server, no private key), through ``counsel records``.

The rooms and the test agree on each step through files in a shared folder (``Steps``): a
room writes ``<room>.<step>`` when it is there, the test writes ``<step>`` to let them on.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

STEP_TIMEOUT_S = 60
#: A room's window asks the server again this often (20 s in a clinic).
RECONNECT_MS = 300
UNREACHABLE = "The clinic server (127.0.0.1) cannot be reached."
BACK = "The clinic server (127.0.0.1) answers again"


class Steps:
    def __init__(self, folder: Path, room: str = "") -> None:
        self.folder, self.room = folder, room

    def reached(self, step: str) -> None:
        (self.folder / f"{self.room}.{step}").write_text("")

    def let_on(self, step: str) -> None:
        (self.folder / step).write_text("")

    def all_reached(self, step: str, rooms: list[str], still_running) -> None:
        """Wait (the test) for every room at ``step``; a room that ended fails it."""
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while not all((self.folder / f"{room}.{step}").exists() for room in rooms):
            assert still_running(), f"a room ended before {step}"
            assert time.monotonic() < deadline, f"not every room reached {step}"
            time.sleep(0.1)


def room(steps_folder: Path, name: str) -> dict[str, str]:
    """One room's visit in the real window, on the records folder and server of its
    environment (``COUNSEL_DATA_DIR``, ``COUNSEL_DATABASE_URL``); what it signed."""
    from ink_helpers import sign
    from PySide6.QtWidgets import QWidget
    from pytestqt.qt_compat import qt_api
    from pytestqt.qtbot import QtBot
    from ui_driver import (
        answer_next_confirmation,
        click,
        type_into,
        typing_saved,
        walk_to_signatures,
    )

    from counsel.core.content_loader import load_clinic, load_content
    from counsel.core.store_location import store_location
    from counsel.ui import reconnect
    from counsel.ui.app import (
        OpenedOnFirstUse,
        create_main_window,
        open_clinic_store,
        prepare_application,
    )
    from counsel.ui.background import pdf_worker

    reconnect.RECONNECT_EVERY_MS = RECONNECT_MS
    qt_api.set_qt_api("pyside6")
    qtbot = QtBot(None)  # pytest-qt's driver, outside pytest: clicks, typing and waiting
    steps = Steps(steps_folder, name)
    prepare_application([])
    content, clinic = load_content("en"), load_clinic()
    store = OpenedOnFirstUse(lambda: open_clinic_store(clinic), store_location(clinic))
    window = create_main_window(content, clinic, store)  # type: ignore[arg-type]
    window.resize(1280, 820)
    window.show()

    def banner_says(text: str) -> bool:
        return window.banner.isVisible() and window.banner.message.text().startswith(text)

    def wait_for(step: str) -> None:
        qtbot.waitUntil(lambda: (steps_folder / step).exists(), timeout=STEP_TIMEOUT_S * 1000)

    walk_to_signatures(qtbot, window, content)
    signatures = window.index
    typing_saved(qtbot, window)
    steps.reached("at-signatures")

    wait_for("server-away")  # the server stopped: the visit goes on, on this computer
    window.go_to(0)
    type_into(qtbot, window.current_page(), "recordNumber", f"{name}-during-restart")
    qtbot.waitUntil(lambda: banner_says(UNREACHABLE), timeout=STEP_TIMEOUT_S * 1000)
    window.go_to(signatures)
    steps.reached("kept-here")

    wait_for("server-back")
    qtbot.waitUntil(lambda: banner_says(BACK), timeout=STEP_TIMEOUT_S * 1000)
    page = window.current_page()
    for role in ("patient", "clinician"):
        sign(page.findChild(QWidget, f"signer-{role}"))
    steps.reached("ready-to-sign")

    wait_for("sign")  # every room at once
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=STEP_TIMEOUT_S * 1000)
    signed = {"id": window.session.id, "record_number": window.session.details.record_number}
    window.close()
    store.close()
    pdf_worker().close()
    return signed


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(room(Path(argv[0]), argv[1])), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(sys.argv[1:])
