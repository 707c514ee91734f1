"""Done means, tried as a clinic would: three exam rooms, each Counsel started as the README
starts it, its window on one X screen (Xvfb, openbox), on one PostgreSQL server, used with
real X input only (see ``clinic_rooms``). Each room goes on with its visit, the patient signs
with the mouse; the server is restarted in the middle: meanwhile the clinician types their
name and signs, and presses Sign and finish, which waits for the server; once it is back,
Retry signing is pressed in the three rooms at once. Nothing is lost: the records office lists
and verifies all three from a fourth computer, every point of every signature in them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clinic_rooms import SCREEN, Room, visit_up_to_signing
from test_end_to_end import x_display

from counsel.core.clinic_key import KEY_FOLDER
from counsel.core.content import Content
from counsel.core.store_location import StoreLocation, open_store

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ["Room-1", "Room-2", "Room-3"]
pytestmark = pytest.mark.needs_qt  # each room is Counsel's window in a process of its own


def counsel(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def patient(room: str) -> str:
    return f"{room} Patient (DEMO)"


def clinician(room: str) -> str:
    return f"Dr. {room} Clinician (DEMO), MD"


def visit_the_rooms(rooms: list[Room], server, content: Content) -> dict[str, int]:
    """Each room's visit, the server restarted on the way; the points sent for each
    signature (by room and role)."""
    sent: dict[str, int] = {}
    for room in rooms:  # one after another: each is offered the draft changed last, its own
        room.go_on_with(visit_up_to_signing(content, patient(room.name)), content)
        sent[f"{room.name} patient"] = room.sign()
        room.wait_until("stored the patient's ink", lambda r=room: r.stored().signatures["patient"])
    server.pause()  # restarted by its administrator in the middle of the visits
    for room in rooms:
        room.type_name(clinician(room.name))
        sent[f"{room.name} clinician"] = room.sign()
        room.wait_until(
            "kept the clinician's name and ink on its computer",
            lambda r=room: r.kept_here(content).signatures["clinician"].ink.strokes,
        )
        room.press_sign()
        room.ready_to_retry_signing()
    server.resume()
    first, *others = rooms  # Retry signing, in the three rooms at once
    keys = [first.window, "key", "space"]
    for room in others:
        keys += ["windowactivate", "--sync", room.window, "key", "space"]
    first.desktop.xdotool("windowactivate", "--sync", *keys)
    for room in rooms:
        # three PDFs built and signed at once, on a computer that may be busy: a while
        room.wait_until("signed", lambda r=room: r.stored().is_sealed, timeout=180)
    return sent


def test_three_rooms_sign_at_once_through_a_server_restart_and_the_office_verifies_all(
    postgres_server, tmp_path: Path, content: Content
) -> None:
    url = postgres_server.new_database()
    clinic_key = tmp_path / "clinic-it" / KEY_FOLDER
    with open_store(StoreLocation(clinic_key.parent, url)) as store:
        store.keys.identity()  # made once by the clinic's IT, then copied to each room
    with x_display(SCREEN) as display:
        rooms = [
            Room(name, number, tmp_path / name, url, display) for number, name in enumerate(ROOMS)
        ]
        for room in rooms:
            shutil.copytree(clinic_key, room.location.folder / KEY_FOLDER)
        try:
            sent = visit_the_rooms(rooms, postgres_server, content)
        finally:
            rooms[0].desktop.area = None  # the three windows as they were at the end, kept
            rooms[0].desktop.screenshot().save(str(tmp_path / "the-three-rooms.png"))
            printed = {room.name: room.close() for room in rooms}
            print(printed)  # shown if the test fails
    for name, output in printed.items():
        assert "Traceback" not in output, f"{name} failed: {output}"
    signed = {room.name: room.stored() for room in rooms}
    for name, session in signed.items():
        for role, typed in (("patient", patient(name)), ("clinician", clinician(name))):
            signature = session.signatures[role]
            assert signature.name == typed, "what was typed reached the server"
            points = [len(stroke.points) for stroke in signature.ink.strokes]
            assert points == [sent[f"{name} {role}"]], "every point drawn was kept"

    # The records office: no clinic key; it trusts the clinic's certificate the server keeps,
    # once compared with what a room shows.
    room_env = {**os.environ, "COUNSEL_DATA_DIR": str(rooms[0].location.folder)}
    shown = counsel("records", "key", "show", env=room_env).stdout
    fingerprint = shown.split("Signing now:")[1].split("SHA-256 ")[1].split()[0]
    env = {**os.environ, "COUNSEL_DATA_DIR": str(tmp_path / "office"), "COUNSEL_DATABASE_URL": url}
    assert counsel("records", "key", "trust", fingerprint, env=env).returncode == 0
    listing = counsel("records", "list", env=env)
    assert listing.returncode == 0, listing.stderr
    for name, session in signed.items():
        line = next(line for line in listing.stdout.splitlines() if session.id[:8] in line)
        assert "signed" in line and patient(name) in line
    assert len([line for line in listing.stdout.splitlines() if "signed" in line]) == 3
    verified = counsel("records", "verify", "--full", env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK" in verified.stdout and "3 records" in verified.stdout
    postgres_server.drop_database(url)
