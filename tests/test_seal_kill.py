"""Counsel killed (SIGKILL) at any point while a record is being sealed: the store stays
consistent, and the session is either signed, sealed and verifiable, or still the draft it was,
ready to resume."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from test_record_store import FAKE_PDF, make_session, open_at

from counsel.core.record_status import IN_PROGRESS, SIGNED
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import StoreLocation
from counsel.core.store_schema import DB_NAME

# Seals the stored session given, killing itself at the chosen moment: as SQLite starts its
# Nth statement ("statement N"), or after N instructions of a statement ("opcode N").
SEALER = """
import json, os, signal, sys
from pathlib import Path
from counsel.core.record_store import RecordStore
folder, data, how, n = Path(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], int(sys.argv[4])
store = RecordStore.in_folder(folder)
seen = 0
def count(*_):
    global seen
    seen += 1
    if seen >= n:
        os.kill(os.getpid(), signal.SIGKILL)
    return 0
if how == "statement":
    store._conn.set_trace_callback(count)
else:
    n, every = 1, n
    store._conn.set_progress_handler(count, every)
store.seal_stored(data, Path(sys.argv[5]).read_bytes())
print("sealed")
"""
# The same on the server: the sealing process dies as it is about to send its Nth statement,
# in the middle of its transaction; the server rolls back what was not committed.
SERVER_SEALER = """
import json, os, signal, sys
from pathlib import Path
from counsel.core.store_location import StoreLocation, open_store
folder, data, url, n = Path(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], int(sys.argv[4])
store = open_store(StoreLocation(folder, url))
send, seen = store._conn.execute, 0
def counted(*args):
    global seen
    seen += 1
    if seen >= n:
        os.kill(os.getpid(), signal.SIGKILL)
    return send(*args)
store._conn.execute = counted
store.seal_stored(data, Path(sys.argv[5]).read_bytes())
print("sealed")
"""
SURE_OUTCOMES = {("statement", 1): IN_PROGRESS, ("opcode", 1): IN_PROGRESS, ("opcode", 800): SIGNED}
KILL_POINTS = [("statement", n) for n in range(1, 16)] + [
    ("opcode", n) for n in (1, 5, 20, 50, 100, 200, 400, 800)
]


@pytest.mark.parametrize(("how", "n"), KILL_POINTS)
def test_a_kill_during_sealing_leaves_it_signed_or_resumable_and_the_store_sound(
    tmp_path, content, clock, how, n
) -> None:
    location = StoreLocation(tmp_path / "data")
    status = killed_while_sealing(location, tmp_path, content, clock, SEALER, how, str(n))
    with closing(sqlite3.connect(location.folder / DB_NAME)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert status == SURE_OUTCOMES.get((how, n), status)  # the points reach both outcomes


@pytest.mark.parametrize("n", range(1, 16))
def test_a_kill_during_sealing_on_the_server_leaves_it_signed_or_resumable(
    tmp_path, content, clock, postgres_server, n
) -> None:
    url = postgres_server.new_database()
    location = StoreLocation(tmp_path / "data", url)
    status = killed_while_sealing(location, tmp_path, content, clock, SERVER_SEALER, url, str(n))
    assert status == {1: IN_PROGRESS, 15: SIGNED}.get(n, status)
    postgres_server.drop_database(url)


def killed_while_sealing(
    location: StoreLocation, tmp_path, content, clock, sealer: str, *how: str
) -> str:
    """Seal a stored draft in a child process that ``sealer`` kills part-way; check what is
    left in the store and return the record's status."""
    with open_at(location, clock) as store:
        session = make_session(content, clock, patient_name="Ilse Varga")
        store.save_draft(session)
        draft = session_to_dict(store.load(session.id, content))
    session.seal()
    pdf = tmp_path / "acknowledgement.pdf"
    pdf.write_bytes(FAKE_PDF)
    data = json.dumps(session_to_dict(session))
    child = subprocess.run(
        [sys.executable, "-c", sealer, str(location.folder), data, *how, str(pdf)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode in (0, -signal.SIGKILL), child.stderr
    with open_at(location, clock) as store:
        assert store.verify(full=True).ok
        status = store.record(session.id).status
        if status == SIGNED:
            assert store.pdf_bytes(session.id).startswith(FAKE_PDF)  # and its signature
            assert session_to_dict(store.load(session.id, content)) == session_to_dict(session)
            assert [e.action for e in store.audit_trail(session.id)][-1] == "signed"
        else:
            assert status == IN_PROGRESS and child.returncode == -signal.SIGKILL
            assert store.unfinished() == session.id
            assert session_to_dict(store.load(session.id, content)) == draft
            assert "signed" not in [e.action for e in store.audit_trail(session.id)]
    if child.returncode == 0:
        assert status == SIGNED
    return status
