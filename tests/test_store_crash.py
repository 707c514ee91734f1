"""Killing Counsel mid-save loses nothing committed; two windows can share one database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from counsel.core.content import Content
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_schema import DB_NAME

# A clinician working fast: each round adds an answer, a question and a stroke of signature
# ink, saves the draft and logs the screen, then reports the round as committed.
WRITER = """
import sys
from datetime import date
from pathlib import Path
from counsel.core.content_loader import load_content
from counsel.core.content import Content
from counsel.core.session import Session
from counsel.core.store_location import StoreLocation, open_store
from counsel.ink import Ink, InkPoint, Stroke

folder, url, name, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
content = load_content("en")
store = open_store(StoreLocation(folder, url), actor=name)
session = Session(content)
session.set_details(patient_name=name, date_of_birth=date(1950, 1, 2))
items = [(s.id, item.id) for s in content.screens for item in getattr(s, "items", ())
         if s.kind == "checklist"]
ink = Ink.empty(600, 200)
print("id", session.id, flush=True)
for number in range(1, rounds + 1):
    screen = content.screens[number % len(content.screens)]
    session.view(screen.id)
    session.answer_checklist(items[number % len(items)][1], "yes" if number % 2 else "no")
    session.add_question(f"Question {number}?", "An answer long enough to matter. " * 3)
    ink = ink.with_stroke(Stroke(tuple(
        InkPoint(20 + k * 9, 100 + (number * k) % 60, 0.5, number * 1000 + k * 8)
        for k in range(60))))
    session.set_signature("patient", name, ink)
    store.save_draft(session)
    store.log(session.id, "screen_viewed", screen=screen.id)
    print("committed", number, flush=True)
"""


def start_writer(location: StoreLocation, name: str, rounds: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(location.folder), location.url, name, str(rounds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(location: StoreLocation) -> str:
    """SQLite's check of the file; the server checks its own pages."""
    if location.on_server:
        return "ok"
    with closing(sqlite3.connect(location.folder / DB_NAME)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def check_committed(
    location: StoreLocation, content: Content, session_id: str, rounds: int, name: str
) -> None:
    """At least ``rounds`` saves and audit entries are there, and everything still verifies."""
    with open_store(location) as store:
        session = store.load(session_id, content)
        assert len(session.questions) >= rounds
        assert len(session.signatures["patient"].ink.strokes) >= rounds
        viewed = [e for e in store.audit_trail(session_id) if e.action == "screen_viewed"]
        assert len(viewed) >= rounds and {e.actor for e in viewed} == {name}
        assert store.verify().ok


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_writer_loses_no_committed_save(location, content) -> None:
    for kill_after in (25, 40):  # the second run also starts from a crashed database
        writer = start_writer(location, f"Crash Test {kill_after}", rounds=10_000)
        assert writer.stdout is not None
        session_id = writer.stdout.readline().split()[1]
        committed = 0
        for line in writer.stdout:
            committed = int(line.split()[1])
            if committed >= kill_after:
                os.kill(writer.pid, signal.SIGKILL)
                break
        remaining = writer.communicate(timeout=30)[0].split()
        committed = int(remaining[-1]) if remaining else committed
        assert writer.returncode == -signal.SIGKILL and committed >= kill_after
        assert integrity(location) == "ok"
        check_committed(location, content, session_id, committed, f"Crash Test {kill_after}")


def test_two_windows_saving_at_once_both_succeed(location, content) -> None:
    """Both start on a store that does not exist yet: whichever comes first creates it."""
    writers = {name: start_writer(location, name, rounds=30) for name in ("Window A", "Window B")}
    outputs = {name: writer.communicate(timeout=60) for name, writer in writers.items()}
    for name, writer in writers.items():
        out, err = outputs[name]
        assert writer.returncode == 0, err
        check_committed(location, content, out.split()[1], 30, name)
    assert integrity(location) == "ok"
    with open_store(location) as store:
        assert len(store.list_records()) == 2
