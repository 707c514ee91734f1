"""Done means, tried as a clinic would: three exam rooms, each a Counsel window in its own
process, on one PostgreSQL server; the server is restarted in the middle of their visits and
they go on; they sign at the same moment; the records office lists and verifies all of them
from a fourth computer. Nothing is lost (see ``clinic_rooms``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clinic_rooms import Steps

from counsel.core.clinic_key import KEY_FOLDER
from counsel.core.store_location import StoreLocation, open_store

HERE = Path(__file__).resolve().parent
ROOMS = ["Room-1", "Room-2", "Room-3"]
pytestmark = pytest.mark.needs_qt  # each room is a Qt window in a process of its own


def counsel(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(HERE.parent / "main.py"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


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
    rooms = []
    for name in ROOMS:
        shutil.copytree(clinic_key, tmp_path / name / KEY_FOLDER)
        env = {**os.environ, "COUNSEL_DATA_DIR": str(tmp_path / name), "COUNSEL_DATABASE_URL": url}
        script = [sys.executable, str(HERE / "clinic_rooms.py"), str(steps_folder), name]
        rooms.append(subprocess.Popen(script, env=env, stdout=subprocess.PIPE, text=True))

    def running() -> bool:
        return all(process.poll() is None for process in rooms)

    try:
        steps.all_reached("at-signatures", ROOMS, running)
        postgres_server.pause()  # restarted by its administrator in the middle of the visits
        steps.let_on("server-away")
        steps.all_reached("kept-here", ROOMS, running)
        postgres_server.resume()
        steps.let_on("server-back")
        steps.all_reached("ready-to-sign", ROOMS, running)
        steps.let_on("sign")
        signed = [json.loads(process.communicate(timeout=120)[0]) for process in rooms]
    finally:
        for process in rooms:
            process.kill() if process.poll() is None else None
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
    for record in signed:
        line = next(line for line in listing.stdout.splitlines() if record["id"][:8] in line)
        assert "signed" in line and record["record_number"] in line
    assert len([line for line in listing.stdout.splitlines() if "signed" in line]) == 3
    verified = counsel("records", "verify", "--full", env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK" in verified.stdout and "3 records" in verified.stdout
    postgres_server.drop_database(url)
