"""Checking the store against its audit trail, one entry and one record at a time.

A full check reads each audit entry in order and, for each entry that sealed a row, that row
alone; then every sealed row's id, to find rows no entry sealed. Nothing is collected on the
way, so memory stays flat however many years of records there are. A check that finds
everything intact appends a checkpoint entry (``chain_verified``: how far, the hash there, how
many sealed rows); the next routine check starts after it and verifies only what is new. The
checkpoint is chained like every entry, and a routine check confirms the entry it names still
has that hash; a full check still reads everything. Sealing entries and checkpoints carry the
clinic key's signature and stored PDFs their own (``audit_signatures``), checked on the way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, cast

from counsel.core.audit_chain import (
    ENTRY_COLUMNS,
    GENESIS,
    SEALING_ACTIONS,
    AuditEntry,
    ChainCheck,
    Problem,
    SealedRow,
    VerifyReport,
    entries,
    entry_problems,
    row_problems,
    sealing_detail,
)
from counsel.core.audit_signatures import ClinicTrust
from counsel.core.clinic_key import Keyring
from counsel.core.database import Database
from counsel.core.file_integrity import DATABASE_FILE, IntegrityCheck
from counsel.core.read_ahead import worked_in_order
from counsel.core.shown_fields import ORIGINAL_SQL, SHOWN_SQL, shown_problems
from counsel.core.store_location import ServerDatabase
from counsel.core.store_schema import open_reader, streamed

CHECKPOINT = "chain_verified"
_ROW = (
    "SELECT id, CAST(data AS BLOB), CAST(content_sha256 AS BLOB), CAST(pdf AS BLOB),"
    " CAST(digest AS BLOB) FROM records"
)
#: A sealed row to check: its sealed parts (``_ROW``), then its shown columns (``SHOWN_SQL``).
_CHECKED_ROW = _ROW.replace(" FROM records", f", {SHOWN_SQL} FROM records")
_PARTS = 5  # the sealed parts come first
_SEALED = "status <> 'in_progress'"
# Sealed rows, each from an index holding its status (reading a row means reading its data).
_SEALED_IDS = (
    f"SELECT id, NULL FROM records INDEXED BY records_by_started"
    f" WHERE links_to IS NULL AND {_SEALED}",
    f"SELECT id, links_to FROM records INDEXED BY records_amendments"
    f" WHERE links_to IS NOT NULL AND {_SEALED}",
)
_SEALING_ENTRY = (
    f"SELECT 1 FROM audit WHERE record_id = ? AND action IN {SEALING_ACTIONS!r}"
    " AND instr(detail, ?) > 0 LIMIT 1"
)

Remember = Callable[[dict[str, Any]], None]


class Verification:
    """One check of the whole store, run a step at a time (``steps``) so a window can show
    progress and stop it; ``report`` is set once every step has run.

    It reads through a read-only connection of its own, in one transaction: one snapshot of
    the store, whatever other windows sign meanwhile, so it never reports a half-written
    signing as tampering. SQLite's integrity check of the file runs beside it, and its
    findings come first. ``remember`` (None for a read-only copy) records a checkpoint."""

    def __init__(
        self, path: Path | ServerDatabase, *, full: bool, remember: Remember | None, keys: Keyring
    ) -> None:
        self.path = path
        self._remember = remember
        self._conn = open_reader(path)
        self._trust: ClinicTrust | None = None
        self._unreadable: sqlite3.DatabaseError | None = None
        self.full, self.total = full, 0
        self.after_seq, self.after_hash, self._sealed_before = 0, GENESIS, 0
        self._sealed_now = 0
        self.report: VerifyReport | None = None
        try:
            self._conn.execute("BEGIN")
            self._trust = ClinicTrust(self._conn, keys)
            checkpoint = None if full else _last_checkpoint(self._conn)
            self.full = checkpoint is None
            self.after_seq, self.after_hash, self._sealed_before = checkpoint or (0, GENESIS, 0)
            last_seq = self._conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
            self._sealed_now = _sealed_count(self._conn)
            self.total = max(last_seq - self.after_seq, 0) + (self._sealed_now if self.full else 0)
        except sqlite3.DatabaseError as error:
            self._unreadable = error  # reported by ``steps``, after the integrity check

    def close(self) -> None:
        """End the read transaction and the connection (also when the check never ran)."""
        self._conn.close()

    def steps(self) -> Generator[int, None, None]:
        """Check one entry or sealed row per step; yields how many of ``total`` are done."""
        integrity = IntegrityCheck(self.path)
        integrity.start()
        progress = _Progress()
        try:
            if self._unreadable is None:
                try:
                    yield from self._checked(progress)
                except sqlite3.DatabaseError as error:
                    self._unreadable = error
            while not integrity.done:  # the window stays live while SQLite finishes
                integrity.wait(0.01)
                yield progress.done
        finally:
            integrity.stop()
            self.close()
        problems = integrity.problems + progress.problems
        if self._unreadable is not None:
            problems.append(Problem(DATABASE_FILE, f"cannot be read ({self._unreadable})"))
        chain = progress.chain
        trust = self._trust
        self.report = VerifyReport(
            progress.sealings,
            chain.checked,
            chain.prev_hash,
            tuple(problems),
            trust.signed_by() if trust else (),
            trust.before_keys if trust else 0,
        )
        if (
            self._remember is not None
            and not problems
            and chain.checked
            and progress.last_action != CHECKPOINT
        ):
            self._remember(
                {
                    "through_seq": chain.expected_seq - 1,
                    "through_hash": chain.prev_hash,
                    "sealed_rows": self._sealed_now,
                }
            )

    def _checked(self, progress: _Progress) -> Iterator[int]:
        trust = self._trust
        assert trust is not None  # set whenever the store could be read
        progress.chain = ChainCheck(self.after_seq, self.after_hash)
        problems = progress.problems
        problems += self._checkpoint_problems()
        work = partial(_sealed_problems, trust)
        for entry, sealed_problems in worked_in_order(self._entries_and_rows(), work):
            problems += progress.chain.add(entry) + trust.entry_problems(entry)
            if sealed_problems is not None:
                progress.sealings += 1
                problems += sealed_problems
            progress.last_action = entry.action
            progress.done += 1
            yield progress.done
        if self.full:
            for row_id, links_to in self._sealed_ids():
                problems += self._sealing_entry_problems(row_id, links_to)
                progress.done += 1
                yield progress.done
        elif self._sealed_now != self._sealed_before + progress.sealings:
            problems.append(
                Problem(
                    "sealed records",
                    "more or fewer than the audit trail sealed; a full check names them",
                    str(self._sealed_before + progress.sealings),
                    str(self._sealed_now),
                )
            )

    def run(self) -> VerifyReport:
        for _ in self.steps():
            pass
        assert self.report is not None
        return self.report

    def _checkpoint_problems(self) -> list[Problem]:
        if not self.after_seq:
            return []
        row = self._conn.execute(
            "SELECT hash FROM audit WHERE seq = ?", (self.after_seq,)
        ).fetchone()
        if row is None or row[0] != self.after_hash:
            return [
                Problem(
                    f"audit entry {self.after_seq}",
                    "changed since the last check",
                    self.after_hash,
                    row[0] if row else "nothing",
                )
            ]
        return []

    def _entries_and_rows(self) -> Iterator[_EntryToCheck]:
        """Each entry after the checkpoint, in order; with the row it sealed, if it sealed one."""
        entries = streamed(
            self._conn,
            f"SELECT {ENTRY_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq",
            (self.after_seq,),
        )
        for values in entries:
            entry = AuditEntry(*values)
            sealing = sealing_detail(entry)
            if sealing is None:
                yield entry, None, None
                continue
            sealed_id = str(sealing.get("sealed_id"))
            row = self._conn.execute(
                f"{_CHECKED_ROW} WHERE id = ? AND {_SEALED}", (sealed_id,)
            ).fetchone()
            yield entry, sealing, _with_original(self._conn, entry, row)

    def _sealed_ids(self) -> Iterator[tuple[str, str | None]]:
        for statement in _SEALED_IDS:
            yield from streamed(self._conn, statement)

    def _sealing_entry_problems(self, row_id: str, links_to: str | None) -> list[Problem]:
        needle = f'"sealed_id":"{row_id}"'
        if self._conn.execute(_SEALING_ENTRY, (links_to or row_id, needle)).fetchone():
            return []
        row = self._conn.execute(f"{_ROW} WHERE id = ?", (row_id,)).fetchone()
        return row_problems(row, None)


@dataclass
class _Progress:
    """How far a check got, and what it found on the way."""

    done: int = 0
    sealings: int = 0
    last_action: str = ""
    chain: ChainCheck = field(default_factory=ChainCheck)
    problems: list[Problem] = field(default_factory=list)


#: A sealed row as ``_CHECKED_ROW`` reads it, with the sealed values of the record it
#: amends (None for a signed session).
_RowToCheck = tuple[tuple[Any, ...], list[Any] | None]
#: An audit entry; if it sealed a row, what it recorded and the row as stored (None: gone).
_EntryToCheck = tuple[AuditEntry, dict[str, Any] | None, _RowToCheck | None]


def _with_original(
    conn: Database, entry: AuditEntry, row: Sequence[Any] | None
) -> _RowToCheck | None:
    if row is None:
        return None
    if entry.action == "signed":
        return tuple(row), None
    original = conn.execute(ORIGINAL_SQL, (entry.record_id,)).fetchone()
    return tuple(row), json.loads(original[0]) if original and original[0] else None


def _checked_row_problems(
    trust: ClinicTrust, entry: AuditEntry, sealing: dict[str, Any], checked: _RowToCheck
) -> list[Problem]:
    """The row's sealed parts against the entry's digests, and its shown columns against what
    its sealed data and the entry imply; an intact row (its digests perhaps recomputed) must
    also hold a PDF the clinic key signed."""
    row, original = checked
    problems = row_problems(cast(SealedRow, row[:_PARTS]), sealing)
    if any(problem.what == "session data" for problem in problems):
        return problems  # what the columns should show is no longer known
    problems += shown_problems(row[0], row[_PARTS:], entry.action, entry.record_id, original)
    return problems or trust.pdf_problems(entry.seq, row[0], row[3], str(sealing.get("pdf_sha256")))


def _sealed_problems(
    trust: ClinicTrust, item: _EntryToCheck
) -> tuple[AuditEntry, list[Problem] | None]:
    """The entry, and what differs in the row it sealed (None if it sealed none): run on the
    read-ahead thread, as hashing a record's bytes is most of a check's work."""
    entry, sealing, row = item
    if sealing is None:
        return entry, None
    if row is None:
        sealed_id = str(sealing.get("sealed_id"))
        gone = "sealed in the audit trail but no longer a sealed record"
        return entry, [Problem(f"record {sealed_id}", gone)]
    return entry, _checked_row_problems(trust, entry, sealing, row)


def verify_record(conn: Database, record_id: str, keys: Keyring) -> VerifyReport:
    """One record: its sealed rows (it and its amendments), its audit entries with their
    signatures, and each entry's link to its neighbours in the chain; nothing else is read."""
    trust = ClinicTrust(conn, keys)
    trail = entries(conn, record_id)
    problems: list[Problem] = []
    for entry in trail:
        problems += entry_problems(entry) + _link_problems(conn, entry)
        problems += trust.entry_problems(entry)
    sealings = {str(d.get("sealed_id")): (e, d) for e in trail if (d := sealing_detail(e))}
    linked = [
        row[0] for row in conn.execute("SELECT id FROM records WHERE links_to = ?", (record_id,))
    ]
    rows = [
        row
        for row_id in dict.fromkeys([record_id, *sealings, *linked])
        if (row := conn.execute(f"{_CHECKED_ROW} WHERE id = ? AND {_SEALED}", (row_id,)).fetchone())
    ]
    for row in rows:
        if row[0] not in sealings:
            problems += row_problems(cast(SealedRow, tuple(row[:_PARTS])), None)
            continue
        entry, sealing = sealings[row[0]]
        checked_row = _with_original(conn, entry, row)
        assert checked_row is not None
        problems += _checked_row_problems(trust, entry, sealing, checked_row)
    checked = {row[0] for row in rows}
    problems += [
        Problem(f"record {sealed_id}", "sealed in the audit trail but no longer a sealed record")
        for sealed_id in sealings
        if sealed_id not in checked
    ]
    head = conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return VerifyReport(
        len(rows),
        len(trail),
        head[0] if head else GENESIS,
        tuple(problems),
        trust.signed_by(),
        trust.before_keys,
    )


def _link_problems(conn: Database, entry: AuditEntry) -> list[Problem]:
    """The entry points at the one before it, and the one after it points at this one."""
    problems = []
    follows = "does not follow the entry before it (missing or reordered entries)"
    before = conn.execute("SELECT hash FROM audit WHERE seq = ?", (entry.seq - 1,)).fetchone()
    if entry.seq > 1 and before is None:
        problems.append(Problem(f"audit entry {entry.seq - 1}", "missing"))
    elif entry.prev_hash != (before[0] if before else GENESIS):
        problems.append(
            Problem(
                f"audit entry {entry.seq}",
                follows,
                before[0] if before else GENESIS,
                entry.prev_hash,
            )
        )
    after = conn.execute("SELECT prev_hash FROM audit WHERE seq = ?", (entry.seq + 1,)).fetchone()
    if after is not None and after[0] != entry.hash:
        problems.append(Problem(f"audit entry {entry.seq + 1}", follows, entry.hash, after[0]))
    return problems


def _last_checkpoint(conn: Database) -> tuple[int, str, int] | None:
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM audit WHERE record_id = '' AND action = ?"
        " ORDER BY seq DESC LIMIT 1",
        (CHECKPOINT,),
    ).fetchone()
    if row is None:
        return None
    try:
        detail = AuditEntry(*row).details()
        return int(detail["through_seq"]), str(detail["through_hash"]), int(detail["sealed_rows"])
    except (ValueError, KeyError, TypeError):
        return None  # a mangled checkpoint: check everything (the chain names the entry)


def _sealed_count(conn: Database) -> int:
    return sum(
        conn.execute(f"SELECT count(*) FROM ({statement}) AS sealed").fetchone()[0]
        for statement in _SEALED_IDS
    )
