"""The rows a sealing writes, and many sealings written at once.

A record store of a clinic's years (``records add-demo --count 50000``) is built from
thousands of sealings. Made one by one, each costs a dozen statements, and on a server a dozen
round trips; here a batch of them is worked out in order as ``RecordStore`` would write them
one at a time (the same rows, audit entries and signatures, chained the same way), then sent
as three statements: COPY on the server, ``executemany`` in SQLite.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import astuple, dataclass
from typing import Any

from counsel.core import audit_chain as chain
from counsel.core import audit_signatures as signatures
from counsel.core import store_schema as schema
from counsel.core.clinic_key import Keyring
from counsel.core.clinic_signature import PdfSignatureError, SignedPdf, clinic_signature_problem
from counsel.core.database import Database
from counsel.core.record_status import CORRECTION, SIGNED, WITHDRAWN
from counsel.core.shown_fields import COPIED_COLUMNS
from counsel.core.time_stamps import keep_stamp_certificates

#: What an amendment copies from the record it amends.
AMENDMENT_COPIES = (*COPIED_COLUMNS, "content_sha256")


@dataclass(frozen=True)
class ToSeal:
    """A signed session in its stored form (``session_codec``), its PDF signed with the clinic
    key, and its later amendments as (kind, text), each by the session's clinician."""

    data: dict[str, Any]
    pdf: SignedPdf
    amendments: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Writer:
    """Who writes, and when it is: what every audit entry names."""

    actor: str
    workstation: str
    now: Callable[[], str]


def amendment_row(
    original: Mapping[str, Any], kind: str, text: str, by: str, now: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """A withdrawal's or correction's own sealed row, linked to ``original`` (its
    ``AMENDMENT_COPIES`` columns at least), and the detail of the entry that seals it."""
    note = {"kind": kind, "text": text.strip(), "by": by.strip(), "at": now}
    row = {column: original[column] for column in AMENDMENT_COPIES}
    row.update(
        id=uuid.uuid4().hex,
        data=chain.canonical_json(note).decode(),
        created_at=now,
        updated_at=now,
        status=kind,
        links_to=original["id"],
    )
    detail = chain.seal_detail(row["id"], row["data"].encode(), row["content_sha256"], b"")
    return {**row, "digest": detail["digest"]}, detail


def signed_row(data: dict[str, Any], pdf: bytes, now: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A signed session's row and the detail of the entry that seals it."""
    row = schema.stored_session_row(data, now)
    detail = chain.seal_detail(row["id"], row["data"].encode(), row["content_sha256"], pdf)
    row.update(status=SIGNED, pdf=pdf, digest=detail["digest"])
    return row, detail


def check_pdf(pdf: bytes, keys: Keyring) -> None:
    """Refuse a PDF whose signature is not the clinic key's over all of it."""
    problem = clinic_signature_problem(pdf, keys.identity().certificate)
    if problem:
        raise PdfSignatureError(f"the signed PDF was not stored: {problem}")


class _Batch:
    """Rows and entries of a batch, in the order the store would have written them."""

    def __init__(self, conn: Database, keys: Keyring, writer: Writer) -> None:
        self.keys, self.writer = keys, writer
        self.last = chain.last_entry(conn)
        self.signed: list[dict[str, Any]] = []
        self.amendments: list[dict[str, Any]] = []
        self.entries: list[tuple[Any, ...]] = []
        self.signatures: list[tuple[int, str, bytes]] = []

    def log(
        self, record_id: str, action: str, detail: Mapping[str, object], clinician: str
    ) -> None:
        entry = chain.next_entry(
            self.last, record_id, self.writer.now(), self.writer.actor, action, detail,
            clinician=clinician, workstation=self.writer.workstation,
        )  # fmt: skip
        self.last = (entry.seq, entry.hash)
        self.entries.append(astuple(entry))
        signature = signatures.entry_signature(entry, self.keys)
        if signature is not None:
            self.signatures.append(signature)

    def seal(self, record: ToSeal) -> None:
        row, detail = signed_row(record.data, record.pdf, self.writer.now())
        self.log(row["id"], "session_started", {}, "")  # before its row, as ``seal`` logs it
        self.signed.append(row)
        self.log(row["id"], "signed", detail, row["clinician"])
        for kind, text in record.amendments:
            amendment, detail = amendment_row(row, kind, text, row["clinician"], self.writer.now())
            self.amendments.append(amendment)
            self.log(row["id"], _AMENDING[kind], detail, row["clinician"])


_AMENDING = {WITHDRAWN: "withdrawn", CORRECTION: "corrected"}


def seal_many(conn: Database, records: Iterable[ToSeal], keys: Keyring, writer: Writer) -> int:
    """Store ``records`` inside the caller's write transaction; returns how many."""
    batch, checked = _Batch(conn, keys, writer), set[bytes]()
    for record in records:
        if record.pdf not in checked:
            check_pdf(record.pdf, keys)
            keep_stamp_certificates(conn, record.pdf)
            checked.add(record.pdf)
        batch.seal(record)
    if not batch.signed:
        return 0
    for rows in (batch.signed, batch.amendments):  # amendments after the rows they amend
        if rows:
            columns = tuple(rows[0])
            schema.insert_many(conn, "records", columns, [[r[c] for c in columns] for r in rows])
    schema.insert_many(conn, "audit", chain.ENTRY_COLUMNS.split(", "), batch.entries)
    schema.insert_many(conn, "audit_signatures", ("seq", "certificate", "signature"),
                       batch.signatures)  # fmt: skip
    signatures.note_signing(conn, keys)
    return len(batch.signed)
