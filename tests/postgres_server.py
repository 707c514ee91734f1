"""A throwaway PostgreSQL server for the tests: a real one, never a mock.

Started once per test run from the PostgreSQL installed on the machine (Debian's packages
put it in /usr/lib/postgresql/<version>/bin; ``scripts/setup.sh --test`` installs them),
in a fresh data folder, listening on 127.0.0.1 only, on a free port, trusting local
connections; stopped and deleted at the end. ``initdb`` refuses to run as root, so as root
the server runs as the ``postgres`` user. Each test gets a database of its own.

A test run that is killed cannot stop its server: each cluster's folder names the process that
owns it (``OWNER``), and the next run stops and deletes the clusters whose owner has ended,
never one whose owner is still running (another test run on the same machine).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

MIN_VERSION = 15
PREFIX = "counsel-postgres-"
OWNER = "owner"  # in a cluster's folder: its test run's process id and start time


class ServerNotStarted(Exception):
    """Why no server could be started here (no PostgreSQL installed, initdb failed, ...)."""


def _binaries() -> Path:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    if found and int(found[-1].parent.parent.name) >= MIN_VERSION:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ServerNotStarted(
        f"PostgreSQL {MIN_VERSION} or later is not installed (apt-get install postgresql)"
    )


def _started(pid: int) -> str:
    """When process ``pid`` started (so a reused id is not taken for it); "" if it is gone.
    The 22nd field of /proc/<pid>/stat, after the command name in parentheses."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _owner_running(folder: Path) -> bool:
    """Whether the test run that made ``folder`` still runs. A folder without its owner
    written yet (another run starting this instant) counts as in use."""
    try:
        pid, started = (folder / OWNER).read_text().split()
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return _started(int(pid)) == started


def remove_stale_clusters(binaries: Path, as_postgres: list[str]) -> list[Path]:
    """Stop and delete the clusters left by test runs that ended without stopping them
    (killed); the ones removed."""
    removed = []
    for folder in sorted(Path(tempfile.gettempdir()).glob(f"{PREFIX}*")):
        if _owner_running(folder):
            continue
        if (folder / "data" / "postmaster.pid").exists():
            _wake(folder / "data")  # a server hung by a test hears no stop till it goes on
            stop = [*as_postgres, str(binaries / "pg_ctl"), "-D", str(folder / "data")]
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                subprocess.run([*stop, "-m", "immediate", "-w", "stop"], capture_output=True,
                               timeout=60, check=False)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _processes(data: Path) -> list[int]:
    """A server's processes: the postmaster (its pid file's first line) and its children
    (each backend, the background workers)."""
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                children.append(int(stat.parent.name))
    return [postmaster, *children]


def _wake(data: Path) -> None:
    """SIGCONT to a server's processes, whether or not a test hung them."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for pid in _processes(data):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """``start()``, then ``new_database()`` for each test; ``stop()`` at the end."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        remove_stale_clusters(self.bin, self.as_postgres)
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.folder / OWNER).write_text(f"{os.getpid()} {_started(os.getpid())}")
        self.data = self.folder / "data"
        self.port = _free_port()

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_postgres, str(self.bin / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode:
            raise ServerNotStarted(f"{tool} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> PostgresServer:
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--data-checksums", "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        self.resume()
        return self

    def resume(self) -> None:
        """Start (again, after ``pause``) on the same port and data."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port}"
            f" -c unix_socket_directories={self.folder} -c max_connections=200"
            " -c fsync=off -c full_page_writes=off"  # a throwaway cluster: no disk syncs
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                  "-o", options, "start")  # fmt: skip

    def pause(self) -> None:
        """Stop the server as an administrator would (fast: connections are cut)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def hang(self) -> None:
        """A hung server (SIGSTOP): connections stay open and the kernel still answers for
        them, but no statement ever comes back, and a new connection waits for its timeout."""
        for pid in _processes(self.data):
            os.kill(pid, signal.SIGSTOP)

    def wake(self) -> None:
        """The hung server goes on (SIGCONT) where it stopped."""
        _wake(self.data)

    def stop(self) -> None:
        try:
            _wake(self.data)  # a test that failed while its server hung: stopped, not left
            self.pause()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        """A superuser connection to the server's own database, for creating and tampering."""
        return psycopg.connect(self.url(), autocommit=True)

    def new_database(self) -> str:
        """An empty database of its own; returns its URL."""
        name = f"counsel_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
