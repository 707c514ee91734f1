"""SQLite's own check of the database file, run beside the record check.

SQLite's check finds what hashes cannot: broken pages, lost rows, and in a full check
(``PRAGMA integrity_check``) an index that no longer matches its table (the list and search
read indexes, so a flipped byte there would show a record wrongly or not at all). Matching
each index to its table reads each record's search key, which lies after its PDF: in a store
with a pointer map (``store_schema.POINTER_MAP``, every store made since 2 Dec 2026) that is
the record's last page or two, in an older one every page of the record again. So a routine
check asks only for the rest (``PRAGMA quick_check``: every page, record and overflow
chain). Either reads the whole file in one statement, so it runs on a thread and connection
of its own while the records are read and hashed, and a cancelled check interrupts it. A store
on a PostgreSQL server has no file here to check: the server keeps its pages' checksums itself
(``initdb --data-checksums``) and reports what it finds damaged.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from counsel.core.audit_chain import Problem
from counsel.core.store_location import ServerDatabase
from counsel.core.store_schema import open_file_reader

DATABASE_FILE = "database file"  # where a Problem is when the file itself is damaged
MAX_MESSAGES = 20  # SQLite lists every broken page; the first ones say enough


class IntegrityCheck:
    """``start`` it, then ``problems`` once ``done`` (empty if the file is sound); ``full``
    also matches every index to its table."""

    def __init__(self, path: Path | ServerDatabase, *, full: bool) -> None:
        self._path = path
        self._pragma = "integrity_check" if full else "quick_check"
        self._conn: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="counsel-integrity", daemon=True)
        self._stopped = False
        self._lock = threading.Lock()
        self.problems: list[Problem] = []

    def start(self) -> None:
        self._thread.start()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, seconds: float) -> None:
        self._thread.join(seconds)

    def stop(self) -> None:
        """Interrupt the check (the user cancelled) and wait for its thread to end."""
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()
        self._thread.join()

    def _run(self) -> None:
        try:
            with self._lock:
                if self._stopped:
                    return
                if isinstance(self._path, ServerDatabase):
                    return  # the server checks its own pages (see the module's docstring)
                self._conn = open_file_reader(self._path)
            try:
                rows = self._conn.execute(f"PRAGMA {self._pragma}({MAX_MESSAGES})").fetchall()
            finally:
                with self._lock:
                    self._conn.close()
                    self._conn = None
        except (sqlite3.Error, OSError) as error:
            self.problems = [Problem(DATABASE_FILE, f"cannot be read ({error})")]
            return
        self.problems = [
            Problem(DATABASE_FILE, f"damaged: {message}") for (message,) in rows if message != "ok"
        ]
