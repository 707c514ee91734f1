"""Sessions kept on this computer while the clinic's records server cannot be reached.

When a save to the server fails, the whole session is written here, atomically, in the
records folder (owner-only, like the SQLite file), so a crash or a closed window during an
outage loses nothing. Once the server answers, the session is stored there (by its id: a
second store of the same session replaces the draft, never adds one) and its copy here is
removed. A copy is the session's stored form (``session_codec``), nothing else."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.audit_chain import canonical_json
from counsel.core.session_codec import session_to_dict
from counsel.core.store_schema import private_folder

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore
    from counsel.core.session import Session

FOLDER = "pending-sessions"
_SESSION_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


#: Makes a copy's stored form a session again, in its language (the window's contents).
Loader = Callable[[dict], "Session"]


class PendingSessions:
    """The copies waiting in ``records_folder``/pending-sessions, one file per session;
    ``load`` reads a copy back as a session, for storing it (``store_waiting``)."""

    def __init__(self, records_folder: Path, load: Loader | None = None) -> None:
        self.folder = Path(records_folder) / FOLDER
        self.load = load

    def _file(self, session_id: str) -> Path:
        if not _SESSION_ID.fullmatch(session_id):
            raise ValueError(f"not a session id: {session_id!r}")
        return self.folder / f"{session_id}.json"

    def keep(self, session: Session) -> None:
        """Write (or replace) the copy of ``session``: complete, or the previous one."""
        private_folder(self.folder)
        write_bytes_atomically(self._file(session.id), canonical_json(session_to_dict(session)))

    def discard(self, session_id: str) -> None:
        self._file(session_id).unlink(missing_ok=True)

    def waiting(self) -> list[str]:
        """The ids of the sessions kept here, oldest copy first."""
        if not self.folder.is_dir():
            return []
        copies = sorted(self.folder.glob("*.json"), key=lambda path: path.stat().st_mtime)
        return [path.stem for path in copies if _SESSION_ID.fullmatch(path.stem)]

    def stored_form(self, session_id: str) -> dict:
        return json.loads(self._file(session_id).read_bytes())

    def store_waiting(self, store: RecordStore, but: str = "") -> int:
        """Store every session kept here (``but`` the one on screen, which its recorder
        stores) in ``store`` as a draft, removing each copy once stored; how many were
        stored. By its id: a session stored already is replaced, never added twice; one
        signed on the server meanwhile stays as signed; a copy that cannot be read back
        stays in the folder, for IT to look at. Raises ``StoreUnavailable`` if the server
        stops answering (the rest stay waiting)."""
        from counsel.core.record_status import RecordSealedError

        assert self.load is not None, "made without a loader: it only keeps copies"
        stored = 0
        for session_id in self.waiting():
            if session_id == but:
                continue
            try:
                session = self.load(self.stored_form(session_id))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # unreadable: left in the folder for IT to look at, never half-stored
            with contextlib.suppress(RecordSealedError):  # signed on the server since: counts
                store.save_draft(session)
            self.discard(session_id)
            stored += 1
        return stored
