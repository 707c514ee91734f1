"""A batch of audit entries checked against the rows they sealed: the work of a check.

Each sealing entry's row is read with the batch's others in one query (from a server, one
round trip a batch, not one a record), hashed once (its PDF for its seal and its signature
alike), compared with what the entry recorded and with what its shown columns must say, and
its PDF's signature and the entry's own are checked. The same functions serve a check done
in this process (``store_verify``) and one spread over worker processes (``verify_workers``).
"""

from __future__ import annotations

from typing import Any, cast

from counsel.core.audit_chain import AuditEntry, Problem, SealedRow, row_problems
from counsel.core.audit_signatures import ClinicTrust, Signature
from counsel.core.clinic_signature import HashedPdf
from counsel.core.database import Database
from counsel.core.shown_fields import SESSIONS_BY_ID, SHOWN_SQL, sealed_values, shown_problems
from counsel.core.store_schema import with_blobs

ROW = (
    "SELECT id, CAST(data AS BLOB), CAST(content_sha256 AS BLOB), CAST(pdf AS BLOB),"
    " CAST(digest AS BLOB) FROM records"
)
PARTS = 5  # the sealed parts come first
SEALED = "status <> 'in_progress'"
GONE = "sealed in the audit trail but no longer a sealed record"

#: A sealed row as ``CHECKED`` reads it, and for an amendment the id and session of the
#: record it amends (None for a signed session, or if that record is gone).
RowToCheck = tuple[tuple[Any, ...], tuple[Any, ...] | None]
#: An audit entry as read, its signature (certificate fingerprint and signature, None:
#: unsigned) and, if it sealed a row, what it recorded.
EntryRead = tuple[AuditEntry, Signature | None, dict[str, Any] | None]
#: An entry read, with the row it sealed as stored (None: gone).
EntryToCheck = tuple[AuditEntry, Signature | None, dict[str, Any] | None, RowToCheck | None]
#: An entry, what is wrong with its signature, and what differs in the row it sealed (None if
#: it sealed none).
EntryChecked = tuple[AuditEntry, list[Problem], list[Problem] | None]


#: A sealed row to check, for ``id IN (…)`` to end: its sealed parts (``ROW``), then its
#: shown columns.
CHECKED = ROW.replace(" FROM records", f", {SHOWN_SQL} FROM records") + f" WHERE {SEALED} AND id"


def with_rows(conn: Database, batch: list[EntryRead]) -> list[EntryToCheck]:
    """``batch`` with each sealed row, and for an amendment the session of the record it
    amends: one query for the rows, one for the amended records."""
    sealed_ids = [str(sealing.get("sealed_id")) for _, _, sealing in batch if sealing is not None]
    rows = by_id(conn, CHECKED, sealed_ids)
    amended = [e.record_id for e, _, s in batch if s is not None and e.action != "signed"]
    originals = by_id(conn, SESSIONS_BY_ID, amended)
    checked: list[EntryToCheck] = []
    for entry, signature, sealing in batch:
        row = None if sealing is None else rows.get(str(sealing.get("sealed_id")))
        checked.append(
            (
                entry,
                signature,
                sealing,
                None if row is None else (row, originals.get(entry.record_id)),
            )
        )
    return checked


def by_id(conn: Database, sql: str, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The rows of ``sql`` (which ends naming the id column) whose id is one of ``ids``."""
    if not ids:
        return {}
    unique = list(dict.fromkeys(ids))
    found = with_blobs(conn, f"{sql} IN ({', '.join('?' * len(unique))})", unique)
    return {row[0]: tuple(row) for row in found}


def checked_row_problems(
    trust: ClinicTrust,
    entry: AuditEntry,
    sealing: dict[str, Any],
    checked: RowToCheck,
) -> list[Problem]:
    """The row's sealed parts against the entry's digests, and its shown columns against what
    its sealed data and the entry imply; an intact row (its digests perhaps recomputed) must
    also hold a PDF the clinic key signed."""
    row, original = checked
    pdf = HashedPdf(row[3]) if row[3] else None
    problems = row_problems(cast(SealedRow, row[:PARTS]), sealing, pdf.sha256 if pdf else None)
    if any(problem.what == "session data" for problem in problems):
        return problems  # what the columns should show is no longer known
    problems += shown_problems(
        row[0],
        row[PARTS:],
        sealed_values(row[1]),
        entry.action,
        entry.record_id,
        sealed_values(original[1]) if original else None,
    )
    return problems or trust.pdf_problems(entry.seq, row[0], pdf)


def batch_problems(trust: ClinicTrust, batch: list[EntryToCheck]) -> list[EntryChecked]:
    """Each entry's signature and sealed row checked: hashing a record's bytes and checking
    signatures are most of a check's work."""
    return [
        (
            entry,
            trust.signature_problems(entry, signature),
            None if sealing is None else _sealed_problems(trust, entry, sealing, row),
        )
        for entry, signature, sealing, row in batch
    ]


def _sealed_problems(
    trust: ClinicTrust,
    entry: AuditEntry,
    sealing: dict[str, Any],
    row: RowToCheck | None,
) -> list[Problem]:
    if row is None:
        sealed_id = str(sealing.get("sealed_id"))
        return [Problem(f"record {sealed_id}", GONE)]
    return checked_row_problems(trust, entry, sealing, row)
