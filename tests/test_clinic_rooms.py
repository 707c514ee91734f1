"""Done means, tried as a clinic would: three exam rooms, each a Counsel window in its own
process on its own X server (Xvfb, openbox), driven by real X input where a person types,
draws and presses Sign, on one PostgreSQL server; the server is restarted in the middle of
their visits and they go on; they sign at the same moment; the records office lists and
verifies all of them from a fourth computer. Nothing is lost (see ``clinic_rooms``)."""

from __future__ import annotations

import json
import operator
import os
import shutil
import subprocess
import sys
from contextlib import ExitStack
from functools import reduce
from pathlib import Path

import pytest
from clinic_rooms import Steps, patient
from test_end_to_end import SIGNATURE, Box, Desktop, x_display

from counsel.core.clinic_key import KEY_FOLDER
from counsel.core.store_location import StoreLocation, open_store

HERE = Path(__file__).resolve().parent
ROOMS = ["Room-1", "Room-2", "Room-3"]
SCREEN = (1366, 2400)  # each room's window tall enough to show both pads and Sign at once
pytestmark = pytest.mark.needs_qt  # each room is a Qt window in a process of its own


def counsel(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(HERE.parent / "main.py"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def window_corner(desktop: Desktop, room: subprocess.Popen) -> tuple[int, int]:
    """Where X shows the room's window (its inside, below the title bar)."""
    window = desktop.window_named("Understanding the MILD procedure", room)
    shell = desktop.xdotool("getwindowgeometry", "--shell", window)
    found = dict(line.split("=") for line in shell.splitlines())
    return int(found["X"]), int(found["Y"])


def visit_rooms(
    steps: Steps, desktops: dict[str, Desktop], rooms: list[subprocess.Popen], server
) -> list[dict[str, str]]:
    """Each room's visit, the server restarted on the way; what each signed."""

    def running() -> bool:
        return all(process.poll() is None for process in rooms)

    try:
        steps.all_reached("shown", ROOMS, running)
        corners = {
            name: window_corner(desktops[name], room)
            for name, room in zip(ROOMS, rooms, strict=True)
        }

        def on_screen(name: str, step: str, *keys: str) -> Box:
            left, top, right, bottom = reduce(operator.getitem, keys, steps.where(name, step))
            x, y = corners[name]
            return left + x, top + y, right + x, bottom + y

        for name, desktop in desktops.items():  # the clinician types the name, then Next
            desktop.click(on_screen(name, "shown", "name"))
            desktop.type(patient(name))
            desktop.click(on_screen(name, "shown", "next"))
        steps.all_reached("at-signatures", ROOMS, running)
        server.pause()  # restarted by its administrator in the middle of the visits
        steps.let_on("server-away")
        steps.all_reached("kept-here", ROOMS, running)
        server.resume()
        steps.let_on("server-back")
        steps.all_reached("ready-to-sign", ROOMS, running)
        for name, desktop in desktops.items():  # the patient signs, then the clinician
            for role in ("patient", "clinician"):
                desktop.drag(on_screen(name, "ready-to-sign", "pads", role), SIGNATURE)
        steps.all_reached("signed-by-hand", ROOMS, running)
        for name, desktop in desktops.items():  # Sign in every room at once
            desktop.click(on_screen(name, "signed-by-hand", "sign"))
        for desktop in desktops.values():
            desktop.keys("Return")  # "Sign and seal"
        return [json.loads(process.communicate(timeout=120)[0]) for process in rooms]
    finally:
        for process in rooms:
            process.kill() if process.poll() is None else None


def test_three_rooms_sign_at_once_through_a_server_restart_and_the_office_verifies_all(
    postgres_server, tmp_path: Path
) -> None:
    url = postgres_server.new_database()
    clinic_key = tmp_path / "clinic-it" / KEY_FOLDER
    with open_store(StoreLocation(clinic_key.parent, url)) as store:
        store.keys.identity()  # made once by the clinic's IT, then copied to each room
    steps_folder = tmp_path / "steps"
    steps_folder.mkdir()
    steps = Steps(steps_folder)
    with ExitStack() as displays:
        desktops = {
            name: Desktop(displays.enter_context(x_display(SCREEN)), tmp_path / name)
            for name in ROOMS
        }
        rooms = []
        for name in ROOMS:
            shutil.copytree(clinic_key, tmp_path / name / KEY_FOLDER)
            env = {**desktops[name].env, "QT_QPA_PLATFORM": "xcb", "COUNSEL_DATABASE_URL": url,
                   "COUNSEL_DATA_DIR": str(tmp_path / name)}  # fmt: skip
            script = [sys.executable, str(HERE / "clinic_rooms.py"), str(steps_folder), name]
            rooms.append(subprocess.Popen(script, env=env, stdout=subprocess.PIPE, text=True))
        signed = visit_rooms(steps, desktops, rooms, postgres_server)
    assert [process.returncode for process in rooms] == [0, 0, 0]
    assert sorted(record["record_number"] for record in signed) == [
        f"{name}-during-restart" for name in ROOMS
    ], "what was typed while the server was away reached it"

    # The records office: no clinic key; it trusts the clinic's certificate the server keeps,
    # once compared with what a room shows.
    room_env = {**os.environ, "COUNSEL_DATA_DIR": str(tmp_path / ROOMS[0])}
    shown = counsel("records", "key", "show", env=room_env).stdout
    fingerprint = shown.split("Signing now:")[1].split("SHA-256 ")[1].split()[0]
    env = {**os.environ, "COUNSEL_DATA_DIR": str(tmp_path / "office"), "COUNSEL_DATABASE_URL": url}
    assert counsel("records", "key", "trust", fingerprint, env=env).returncode == 0
    listing = counsel("records", "list", env=env)
    assert listing.returncode == 0, listing.stderr
    for name, record in zip(ROOMS, signed, strict=True):
        line = next(line for line in listing.stdout.splitlines() if record["id"][:8] in line)
        assert "signed" in line and record["record_number"] in line
        assert patient(name) in line, "the name typed on the room's keyboard"
    assert len([line for line in listing.stdout.splitlines() if "signed" in line]) == 3
    verified = counsel("records", "verify", "--full", env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK" in verified.stdout and "3 records" in verified.stdout
    postgres_server.drop_database(url)
