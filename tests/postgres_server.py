"""A throwaway PostgreSQL server for the tests: a real one, never a mock.

Started once per test run from the PostgreSQL installed on the machine (Debian's packages
put it in /usr/lib/postgresql/<version>/bin; ``scripts/setup.sh --test`` installs them),
in a fresh data folder, listening on 127.0.0.1 only, on a free port, trusting local
connections; stopped and deleted at the end. ``initdb`` refuses to run as root, so as root
the server runs as the ``postgres`` user. Each test gets a database of its own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

MIN_VERSION = 15


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """``start()``, then ``new_database()`` for each test; ``stop()`` at the end."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="counsel-postgres-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, tool: str, *args: str) -> None:
        command = [*self._as_postgres, str(self.bin / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode:
            raise ServerNotStarted(f"{tool} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> PostgresServer:
        if self._as_postgres:
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

    def stop(self) -> None:
        try:
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
