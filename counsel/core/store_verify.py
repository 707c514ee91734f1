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

import sqlite3
from collections.abc import Callable, Generator, Iterator
from typing import Any

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

CHECKPOINT = "chain_verified"
_ROW = (
    "SELECT id, CAST(data AS BLOB), CAST(content_sha256 AS BLOB), CAST(pdf AS BLOB),"
    " CAST(digest AS BLOB) FROM records"
)
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
    progress and stop it; ``report`` is set once every step has run."""

    def __init__(
        self, conn: sqlite3.Connection, *, full: bool, remember: Remember, keys: Keyring
    ) -> None:
        self._conn = conn
        self._remember = remember
        self._trust = ClinicTrust(conn, keys)
        checkpoint = None if full else _last_checkpoint(conn)
        self.full = checkpoint is None
        self.after_seq, self.after_hash, self._sealed_before = checkpoint or (0, GENESIS, 0)
        last_seq = conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
        self._sealed_now = _sealed_count(conn)
        self.total = max(last_seq - self.after_seq, 0) + (self._sealed_now if self.full else 0)
        self.report: VerifyReport | None = None

    def steps(self) -> Generator[int, None, None]:
        """Check one entry or sealed row per step; yields how many of ``total`` are done."""
        problems = self._checkpoint_problems()
        chain = ChainCheck(self.after_seq, self.after_hash)
        done = sealings = 0
        last_action = ""
        rows = self._conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq", (self.after_seq,)
        )
        for row in rows:
            entry = AuditEntry(*row)
            problems += chain.add(entry) + self._trust.entry_problems(entry)
            if (sealing := sealing_detail(entry)) is not None:
                sealings += 1
                problems += self._sealed_by(sealing, entry.seq)
            last_action = entry.action
            done += 1
            yield done
        if self.full:
            for row_id, links_to in self._sealed_ids():
                problems += self._sealing_entry_problems(row_id, links_to)
                done += 1
                yield done
        elif self._sealed_now != self._sealed_before + sealings:
            problems.append(
                Problem(
                    "sealed records",
                    "more or fewer than the audit trail sealed; a full check names them",
                    str(self._sealed_before + sealings),
                    str(self._sealed_now),
                )
            )
        self.report = VerifyReport(
            sealings,
            chain.checked,
            chain.prev_hash,
            tuple(problems),
            self._trust.signed_by(),
            self._trust.before_keys,
        )
        if not problems and chain.checked and last_action != CHECKPOINT:
            self._remember(
                {
                    "through_seq": chain.expected_seq - 1,
                    "through_hash": chain.prev_hash,
                    "sealed_rows": self._sealed_now,
                }
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

    def _sealed_by(self, sealing: dict[str, Any], seq: int) -> list[Problem]:
        sealed_id = str(sealing.get("sealed_id"))
        row = self._conn.execute(f"{_ROW} WHERE id = ? AND {_SEALED}", (sealed_id,)).fetchone()
        if row is None:
            return [
                Problem(
                    f"record {sealed_id}", "sealed in the audit trail but no longer a sealed record"
                )
            ]
        # A row whose parts differ from its seal is reported as such; one that matches (its
        # digests perhaps recomputed) must also hold a PDF the clinic key signed.
        return row_problems(row, sealing) or self._trust.pdf_problems(
            seq, sealed_id, row[3], str(sealing.get("pdf_sha256"))
        )

    def _sealed_ids(self) -> Iterator[tuple[str, str | None]]:
        for statement in _SEALED_IDS:
            yield from self._conn.execute(statement)

    def _sealing_entry_problems(self, row_id: str, links_to: str | None) -> list[Problem]:
        needle = f'"sealed_id":"{row_id}"'
        if self._conn.execute(_SEALING_ENTRY, (links_to or row_id, needle)).fetchone():
            return []
        row = self._conn.execute(f"{_ROW} WHERE id = ?", (row_id,)).fetchone()
        return row_problems(row, None)


def verify_record(conn: sqlite3.Connection, record_id: str, keys: Keyring) -> VerifyReport:
    """One record: its sealed rows (it and its amendments), its audit entries with their
    signatures, and each entry's link to its neighbours in the chain; nothing else is read."""
    trust = ClinicTrust(conn, keys)
    trail = entries(conn, record_id)
    problems: list[Problem] = []
    for entry in trail:
        problems += entry_problems(entry) + _link_problems(conn, entry)
        problems += trust.entry_problems(entry)
    sealings = {str(d.get("sealed_id")): d for e in trail if (d := sealing_detail(e))}
    sealed_at = {str(d.get("sealed_id")): e.seq for e in trail if (d := sealing_detail(e))}
    rows: list[SealedRow] = [
        *conn.execute(f"{_ROW} WHERE id = ? AND {_SEALED}", (record_id,)),
        *conn.execute(f"{_ROW} WHERE links_to = ? AND {_SEALED}", (record_id,)),
    ]
    for row in rows:
        sealing = sealings.get(row[0])
        found = row_problems(row, sealing)
        if not found and sealing is not None:  # intact: its PDF must carry the clinic's signature
            pdf_sha256 = str(sealing.get("pdf_sha256"))
            found = trust.pdf_problems(sealed_at[row[0]], row[0], row[3], pdf_sha256)
        problems += found
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


def _link_problems(conn: sqlite3.Connection, entry: AuditEntry) -> list[Problem]:
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


def _last_checkpoint(conn: sqlite3.Connection) -> tuple[int, str, int] | None:
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


def _sealed_count(conn: sqlite3.Connection) -> int:
    return sum(
        conn.execute(f"SELECT count(*) FROM ({statement})").fetchone()[0]
        for statement in _SEALED_IDS
    )
