"""Many exam rooms on one records server: each room a process that drafts, autosaves after
every change and signs, for as long as asked; then the store is checked for what each room
says it stored.

The tests run it for ``ROOM_SECONDS`` (20 s); to try a clinic's morning for longer:

    .venv/bin/python tests/many_rooms.py --rooms 10 --seconds 60

which starts its own throwaway PostgreSQL server (or uses ``--url``) and prints what each
room did and whether everything was found and verified.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOMS = 10
ROOM_SECONDS = 20


def room(folder: Path, url: str, name: str, seconds: float) -> dict[str, object]:
    """One room's work until ``seconds`` have passed; what it stored, to check afterwards."""
    from test_record_store import stand_in_pdf
    from test_session_rules import complete_session

    from counsel.core.content_loader import load_content
    from counsel.core.session import utc_now
    from counsel.core.store_location import StoreLocation, open_store

    content = load_content("en")
    pdf = stand_in_pdf(name)
    signed, saves, deadline = [], 0, time.monotonic() + seconds
    with open_store(StoreLocation(folder, url), actor=name) as store:
        while True:
            session = complete_session(content, utc_now)
            session.set_details(patient_name=f"{name} patient {len(signed)} (DEMO)")
            for number, screen in enumerate(content.screens):
                session.add_question(f"Question {number}?", "An answer.")
                store.save_draft(session)  # autosave after every change
                store.log(session.id, "screen_viewed", screen=screen.id)
                saves += 1
            if time.monotonic() > deadline:  # left as a draft, as at the end of a day
                return {"signed": signed, "draft": [session.id, len(session.questions)],
                        "saves": saves}  # fmt: skip
            session.seal()
            store.seal(session, pdf)
            signed.append(session.id)


def start_rooms(folder: Path, url: str, rooms: int, seconds: float) -> list[subprocess.Popen]:
    """The clinic key is made once, before the rooms start, as a clinic copies it to each."""
    from counsel.core.store_location import StoreLocation, open_store

    with open_store(StoreLocation(folder, url)) as store:
        store.keys.identity()
    script = [sys.executable, str(Path(__file__).resolve()), "room", str(folder), url]
    return [
        subprocess.Popen(
            [*script, f"Room {n + 1}", str(seconds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(rooms)
    ]


@dataclass
class Outcome:
    """What the rooms reported and what the store holds of it."""

    reports: list[dict]
    errors: list[str]
    missing: list[str]
    records: int
    verified: bool

    @property
    def signed(self) -> int:
        return sum(len(report["signed"]) for report in self.reports)


def run_rooms(folder: Path, url: str, rooms: int = ROOMS, seconds: float = ROOM_SECONDS) -> Outcome:
    from counsel.core.content_loader import load_content
    from counsel.core.store_location import StoreLocation, open_store

    content = load_content("en")
    processes = start_rooms(folder, url, rooms, seconds)
    reports, errors = [], []
    for process in processes:
        out, err = process.communicate(timeout=seconds + 300)
        if process.returncode:
            errors.append(err.strip().splitlines()[-1] if err.strip() else str(process.returncode))
        else:
            reports.append(json.loads(out))
    missing = []
    with open_store(StoreLocation(folder, url)) as store:
        for report in reports:
            for record_id in report["signed"]:
                if store.record(record_id).status != "signed" or not store.pdf_bytes(record_id):
                    missing.append(record_id)
            draft_id, questions = report["draft"]
            if len(store.load(draft_id, content).questions) != questions:
                missing.append(draft_id)  # its last autosave is not what is stored
        total = store.count_records()
        verified = store.verify(full=True).ok
    return Outcome(reports, errors, missing, total, verified)


def main(argv: list[str]) -> int:
    if argv[:1] == ["room"]:
        folder, url, name, seconds = Path(argv[1]), argv[2], argv[3], float(argv[4])
        print(json.dumps(room(folder, url, name, seconds)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rooms", type=int, default=ROOMS)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", default="", help="the server (default: a throwaway one)")
    args = parser.parse_args(argv)
    from postgres_server import PostgresServer

    server = None if args.url else PostgresServer().start()
    try:
        url = args.url or server.new_database()
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_rooms(Path(folder), url, args.rooms, args.seconds)
    finally:
        if server is not None:
            server.stop()
    saves = sum(report["saves"] for report in outcome.reports)
    print(f"{args.rooms} rooms for {args.seconds:g} s: {outcome.signed} signed, {saves} autosaves,"
          f" {outcome.records} records; errors: {outcome.errors or 'none'};"
          f" missing: {outcome.missing or 'none'}; chain verifies: {outcome.verified}")  # fmt: skip
    return 0 if outcome.verified and not (outcome.errors or outcome.missing) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
