"""Checking the store against its audit trail, a few records at a time.

A full check reads the audit entries in order and, for each batch of them, the rows they
sealed, in one query (from a server, one round trip a batch, not one a record); then, in one
statement over the indexes, any sealed row no entry sealed. Nothing else is collected on the
way, so memory stays flat however many years of records there are. Each batch goes to a
checking thread, which hashes the records (each PDF once, for its seal and its signature) and
checks the signatures (``sealed_checks``), while this thread reads the next batches and
follows the chain; a large check also hands batches to a worker process (``verify_workers``),
as the interpreter lock would otherwise keep it to about one core.
A check that finds everything intact appends a checkpoint entry (``chain_verified``: how far,
the hash there, how many sealed rows); the next routine check starts after it and verifies
only what is new. The checkpoint is chained like every entry, and a routine check confirms the
entry it names still has that hash; a full check still reads everything. Sealing entries and
checkpoints carry the clinic key's signature and stored PDFs their own (``audit_signatures``),
checked on the way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import repeat
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
from counsel.core.sealed_checks import (
    CHECKED,
    GONE,
    PARTS,
    ROW,
    SEALED,
    EntryChecked,
    EntryRead,
    batch_problems,
    by_id,
    checked_row_problems,
    with_rows,
)
from counsel.core.shown_fields import SESSIONS_BY_ID
from counsel.core.store_location import ServerDatabase
from counsel.core.store_schema import open_reader, streamed
from counsel.core.verify_workers import (
    CheckHere,
    WorkerSetup,
    checked_beside_a_worker,
    worth_workers,
)

CHECKPOINT = "chain_verified"
#: Each entry with its clinic-key signature, if it has one, in order.
_ENTRIES = (
    f"SELECT {ENTRY_COLUMNS}, audit_signatures.seq IS NOT NULL, certificate,"
    " CAST(signature AS BLOB) FROM audit LEFT JOIN audit_signatures USING (seq)"
    " WHERE seq > ? ORDER BY seq"
)
# Sealed rows, each from an index holding its status (reading a row means reading its data).
_SEALED_IDS = (
    f"SELECT id, NULL AS links_to FROM records INDEXED BY records_by_started"
    f" WHERE links_to IS NULL AND {SEALED}",
    f"SELECT id, links_to FROM records INDEXED BY records_amendments"
    f" WHERE links_to IS NOT NULL AND {SEALED}",
)
#: Sealed rows that no sealing entry names (an entry about the record, or about the record it
#: amends): one statement over the indexes, which reads only the rows it finds.
_UNSEALED = (
    f"{ROW} WHERE id IN (SELECT id FROM ({' UNION ALL '.join(_SEALED_IDS)}) AS sealed"
    " WHERE NOT EXISTS (SELECT 1 FROM audit"
    " WHERE audit.record_id = coalesce(nullif(sealed.links_to, ''), sealed.id)"
    f" AND audit.action IN {SEALING_ACTIONS!r}"
    """ AND instr(audit.detail, '"sealed_id":"' || sealed.id || '"') > 0))"""
)
#: What goes to a checking thread or process at once: few records (each is a session and its
#: PDF), but enough entries that handing them over costs little beside checking them.
_BATCH_ENTRIES = 64
_BATCH_ROWS = 16
#: Threads checking batches in this process, beside this one reading.
_THREADS = 2

#: Records a checkpoint; False if it could not be signed (no clinic key here).
Remember = Callable[[dict[str, Any]], bool]


class Verification:
    """One check of the whole store, run a step at a time (``steps``) so a window can show
    progress and stop it; ``report`` is set once every step has run.

    It reads through a read-only connection of its own, in one transaction: one snapshot of
    the store, whatever other windows sign meanwhile, so it never reports a half-written
    signing as tampering. SQLite's integrity check of the file runs beside it, and its
    findings come first. ``remember`` (None for a read-only copy) records a checkpoint;
    ``pdf_validation`` adds pyHanko's full validation of each PDF (``ClinicTrust``);
    ``in_workers`` has a worker process share the checking, or not (None: when the check is
    large enough to repay starting one, ``verify_workers``)."""

    def __init__(
        self,
        path: Path | ServerDatabase,
        *,
        full: bool,
        remember: Remember | None,
        keys: Keyring,
        pdf_validation: bool = False,
        in_workers: bool | None = None,
    ) -> None:
        self.path = path
        self._in_workers = in_workers
        self._remember = remember
        self._checkpoint: dict[str, Any] = {}  # how far an intact check got, to remember
        self.pdf_validation = pdf_validation
        self._conn = open_reader(path)
        self._trust: ClinicTrust | None = None
        self._unreadable: sqlite3.DatabaseError | None = None
        self.full, self.total = full, 0
        self._indexes_matched = full  # asked for a full check (``IntegrityCheck``)
        self.after_seq, self.after_hash, self._sealed_before = 0, GENESIS, 0
        self._sealed_now = 0
        self.report: VerifyReport | None = None
        try:
            self._conn.execute("BEGIN")
            self._trust = ClinicTrust(self._conn, keys, pdf_validation=pdf_validation)
            checkpoint = None if full else _last_checkpoint(self._conn)
            self.full = checkpoint is None
            self.after_seq, self.after_hash, self._sealed_before = checkpoint or (0, GENESIS, 0)
            last_seq = self._conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
            self._sealed_now = _sealed_count(self._conn)
            # A step per entry; a full check ends with one more, for rows no entry sealed.
            self.total = max(last_seq - self.after_seq, 0) + (1 if self.full else 0)
        except sqlite3.DatabaseError as error:
            self._unreadable = error  # reported by ``steps``, after the integrity check

    def close(self) -> None:
        """End the read transaction and the connection (also when the check never ran)."""
        self._conn.close()

    def steps(self) -> Generator[int, None, None]:
        """``checking``, then ``remember``: the whole check on one thread."""
        yield from self.checking()
        self.remember()

    def checking(self) -> Generator[int, None, None]:
        """Check one entry or sealed row per step; yields how many of ``total`` are done, and
        sets ``report`` at the end. It writes nothing, so it may run on any thread."""
        integrity = IntegrityCheck(self.path, full=self._indexes_matched)
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
        if not problems and chain.checked and progress.last_action != CHECKPOINT:
            self._checkpoint = {
                "through_seq": chain.expected_seq - 1,
                "through_hash": chain.prev_hash,
                "sealed_rows": self._sealed_now,
            }

    def remember(self) -> None:
        """After ``checking`` found everything intact, record how far, on the thread that
        owns the store (a read-only copy remembers nothing)."""
        if self._remember is not None and self._checkpoint and self.report is not None:
            remembered = self._remember(self._checkpoint)
            self.report = replace(self.report, unremembered=not remembered)

    def each_checked(self) -> Iterator[None]:
        """``steps`` once for each entry or row checked (a step checks several), for progress
        that counts what passes through it."""
        done = 0
        for now in self.steps():
            yield from repeat(None, now - done)
            done = now

    def _checked(self, progress: _Progress) -> Iterator[int]:
        trust = self._trust
        assert trust is not None  # set whenever the store could be read
        progress.chain = ChainCheck(self.after_seq, self.after_hash)
        problems = progress.problems
        problems += self._checkpoint_problems()
        checked = self._checked_batches(trust)
        with closing(checked):
            for batch in checked:
                for entry, signature_problems, sealed_problems in batch:
                    problems += progress.chain.add(entry) + signature_problems
                    if sealed_problems is not None:
                        progress.sealings += 1
                        problems += sealed_problems
                    progress.last_action = entry.action
                progress.done += len(batch)
                yield progress.done
        if self.full:
            problems += [
                p for row in self._conn.execute(_UNSEALED) for p in row_problems(row, None)
            ]
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

    def _checked_batches(self, trust: ClinicTrust) -> Generator[list[EntryChecked], None, None]:
        """The entries after the checkpoint, a batch at a time, each with what is wrong with
        it and the row it sealed: checked here and in a worker process (``verify_workers``)
        when there is enough to check, else by threads here."""
        workers = worth_workers(self.total) if self._in_workers is None else self._in_workers
        if workers and trust.certificates:  # with none, "no certificates" is said once, here
            setup = WorkerSetup.of(self.path, self._conn, trust)
            here = CheckHere(self._conn, trust)
            return checked_beside_a_worker(setup, self._batches(), here)
        read = (with_rows(self._conn, batch) for batch in self._batches())
        work = partial(batch_problems, trust)
        return worked_in_order(read, work, workers=_THREADS)

    def _batches(self) -> Iterator[list[EntryRead]]:
        """Each entry after the checkpoint, in order, with its signature and what it sealed
        (if it sealed a row), a few records at a time."""
        batch: list[EntryRead] = []
        sealings = 0
        for *values, signed, signer, signature in streamed(self._conn, _ENTRIES, (self.after_seq,)):
            entry = AuditEntry(*values)
            sealing = sealing_detail(entry)
            sealings += sealing is not None
            batch.append(
                (entry, (str(signer), bytes(signature or b"")) if signed else None, sealing)
            )
            if sealings == _BATCH_ROWS or len(batch) == _BATCH_ENTRIES:
                yield batch
                batch, sealings = [], 0
        if batch:
            yield batch


@dataclass
class _Progress:
    """How far a check got, and what it found on the way."""

    done: int = 0
    sealings: int = 0
    last_action: str = ""
    chain: ChainCheck = field(default_factory=ChainCheck)
    problems: list[Problem] = field(default_factory=list)


def verify_record(
    conn: Database, record_id: str, keys: Keyring, *, pdf_validation: bool = False
) -> VerifyReport:
    """One record: its sealed rows (it and its amendments), its audit entries with their
    signatures, and each entry's link to its neighbours in the chain; nothing else is read."""
    trust = ClinicTrust(conn, keys, pdf_validation=pdf_validation)
    trail = entries(conn, record_id)
    problems: list[Problem] = []
    for entry in trail:
        problems += entry_problems(entry) + _link_problems(conn, entry)
        problems += trust.entry_problems(entry)
    sealings = {str(d.get("sealed_id")): (e, d) for e in trail if (d := sealing_detail(e))}
    linked = [
        row[0] for row in conn.execute("SELECT id FROM records WHERE links_to = ?", (record_id,))
    ]
    ids = list(dict.fromkeys([record_id, *sealings, *linked]))
    found = by_id(conn, CHECKED, ids)
    rows = [found[row_id] for row_id in ids if row_id in found]
    originals = by_id(conn, SESSIONS_BY_ID, [record_id])
    for row in rows:
        if row[0] not in sealings:
            problems += row_problems(cast(SealedRow, row[:PARTS]), None)
            continue
        entry, sealing = sealings[row[0]]
        original = None if entry.action == "signed" else originals.get(entry.record_id)
        problems += checked_row_problems(trust, entry, sealing, (row, original))
    checked = {row[0] for row in rows}
    problems += [
        Problem(f"record {sealed_id}", GONE) for sealed_id in sealings if sealed_id not in checked
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
