"""A test run that is killed leaves its PostgreSQL cluster behind; the next run stops and
deletes it, and never touches a cluster whose test run is still going (this one's)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from postgres_server import PostgresServer, remove_stale_clusters

HERE = Path(__file__).resolve().parent
START_AND_WAIT = """
import sys, time
sys.path.insert(0, sys.argv[1])
from postgres_server import PostgresServer
server = PostgresServer().start()
if sys.argv[2] == "hung":
    server.hang()  # killed while a test held its server hung
print(server.folder, server.port, flush=True)
time.sleep(600)
"""


def answers(port: int) -> bool:
    try:
        psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=5
        ).close()
    except psycopg.OperationalError:
        return False
    return True


def server_processes(folder: Path) -> list[str]:
    """The processes still running from ``folder``'s cluster (by their command line)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(folder).encode() in cmdline.read_bytes():
                found.append(cmdline.parent.name)
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="owners are found in /proc")
@pytest.mark.parametrize("state", ["answering", "hung"])
def test_a_killed_runs_cluster_is_removed_and_a_running_ones_kept(
    postgres_server: PostgresServer, state: str
) -> None:
    run = subprocess.Popen(
        [sys.executable, "-c", START_AND_WAIT, str(HERE), state],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None
    folder_text, port_text = run.stdout.readline().split()
    left, port = Path(folder_text), int(port_text)
    assert answers(port) == (state == "answering")
    run.send_signal(signal.SIGKILL)  # as a test run stopped hard: no clean-up ran
    run.wait(30)
    assert left.is_dir() and server_processes(left), "the killed run's cluster outlived it"

    removed = remove_stale_clusters(postgres_server.bin, postgres_server.as_postgres)
    assert left in removed
    assert not left.exists() and not server_processes(left)
    assert postgres_server.folder.is_dir() and answers(postgres_server.port), "in use: kept"
