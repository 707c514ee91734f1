"""Signed acknowledgements: nothing is lost, nothing signed changes, every record can be found.

Drafts are saved after every change, so a crash or a power cut loses at most the last touch.
A sealed record (signed, withdrawn or corrected) is never updated or deleted: a withdrawal or a
correction is a new row linked to the original, and the database's own triggers refuse changes
that bypass this class. Every step is written to a hash-chained audit trail (``audit_chain``)
that ``verify`` checks. Nothing here logs; patient data stays in the records table only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager, closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counsel.core import audit_chain as chain
from counsel.core import audit_signatures as signatures
from counsel.core import record_query as query
from counsel.core import sealed_rows as sealed
from counsel.core import store_schema as schema
from counsel.core.clinic_key import KEY_FOLDER, ClinicKeyError, Keyring
from counsel.core.clinic_signature import SignedPdf
from counsel.core.content import Content
from counsel.core.database import Database
from counsel.core.export_guard import write_export
from counsel.core.record_query import NEWEST_FIRST, RecordFilter, RecordOrder, RecordSummary
from counsel.core.record_status import (
    CORRECTION,
    IN_PROGRESS,
    WITHDRAWN,
    RecordNotFoundError,
    RecordSealedError,
)
from counsel.core.session import Clock, Session, utc_now
from counsel.core.session_codec import SessionFormatError, session_from_dict, session_to_dict
from counsel.core.store_location import ServerDatabase, StoreLocation
from counsel.core.store_verify import CHECKPOINT, Verification, verify_record
from counsel.core.time_stamps import keep_stamp_certificates, kept_stamp_certificates

if TYPE_CHECKING:
    from cryptography import x509

#: Entries only the store writes, as part of the change they describe.
STORE_ACTIONS = (
    "session_started",
    *chain.SEALING_ACTIONS,
    "draft_deleted",
    "draft_set_aside",
    CHECKPOINT,
)


@dataclass(frozen=True)
class Amendment:
    """A withdrawal or correction: its own sealed row, linked to the record it is about."""

    id: str
    kind: str
    text: str
    by: str
    at: datetime


class RecordStore:
    """One connection to the records database: the SQLite file at ``database`` (several
    windows may share one file), or the clinic's server (``ServerDatabase``: every room's
    windows share it).

    ``keys`` is the clinic key that signs sealed records, checkpoints and PDFs (by default
    the ``clinic-key`` folder beside the SQLite file, made at first use; a server store is
    given this computer's, see ``store_location``)."""

    def __init__(
        self,
        database: Path | ServerDatabase,
        *,
        actor: str | None = None,
        clock: Clock = utc_now,
        on_upgrade: schema.UpgradeProgress | None = None,
        keys: Keyring | None = None,
    ) -> None:
        if not isinstance(database, ServerDatabase):
            database = Path(database)
        elif keys is None:
            raise ValueError("a store on a server needs this computer's clinic key folder")
        self.database = database
        self.actor = actor or schema.login_name()
        self.workstation = schema.workstation_name()
        self._clock = clock
        self.keys = keys or Keyring(self.path.parent / KEY_FOLDER)
        self.read_only = schema.is_read_only_copy(database) if isinstance(database, Path) else False
        if self.read_only:  # list and check a restored backup without changing a byte of it
            self._conn = schema.open_reader(database)
        else:
            self._conn = schema.open_store_database(database, on_upgrade=on_upgrade)

    @property
    def path(self) -> Path:
        """The SQLite file; for a server store, where it would be (this computer's records
        folder, which exports are kept out of)."""
        if isinstance(self.database, Path):
            return self.database
        return self.keys.folder.parent / schema.DB_NAME

    @property
    def host(self) -> str:
        """The server holding the records, by host name; empty for this computer's file."""
        return self.database.host if isinstance(self.database, ServerDatabase) else ""

    @classmethod
    def in_folder(
        cls,
        folder: Path,
        *,
        actor: str | None = None,
        clock: Clock = utc_now,
        on_upgrade: schema.UpgradeProgress | None = None,
        clinic: str = "",
    ) -> RecordStore:
        """Open the store in Counsel's data folder, which only its owner may enter; a clinic
        key made for it is in ``clinic``'s name."""
        path = Path(folder) / schema.DB_NAME
        if not schema.is_read_only_copy(path):
            schema.private_folder(Path(folder))
        keys = Keyring(path.parent / KEY_FOLDER, clinic)
        return cls(path, actor=actor, clock=clock, on_upgrade=on_upgrade, keys=keys)

    @classmethod
    def at(
        cls,
        location: StoreLocation,
        *,
        clinic: str = "",
        actor: str | None = None,
        clock: Clock = utc_now,
        on_upgrade: schema.UpgradeProgress | None = None,
    ) -> RecordStore:
        """The store at ``location`` (see ``store_location.open_store``)."""
        if not location.on_server:
            return cls.in_folder(
                location.folder, actor=actor, clock=clock, on_upgrade=on_upgrade, clinic=clinic
            )
        keys = Keyring(schema.private_folder(location.folder) / KEY_FOLDER, clinic)
        return cls(location.database, actor=actor, clock=clock, keys=keys)

    def another_connection(self) -> RecordStore:
        """The same store through a connection of its own, for a thread of its own (the
        window's writer): a write that waits for the server never holds up a read here."""
        return RecordStore(self.database, actor=self.actor, clock=self._clock, keys=self.keys)

    def interrupt(self) -> None:
        """From another thread: stop the statement this store's connection waits on (a server
        that does not answer); it fails as a whole, as a lost connection does."""
        self._conn.interrupt()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def _now(self) -> str:
        return schema.utc_text(self._clock())

    def _status(self, record_id: str) -> str | None:
        row = self._conn.execute("SELECT status FROM records WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def _log(self, record_id: str, action: str, detail: dict[str, Any]) -> None:
        """An entry naming the record's clinician as typed (none yet: empty), this computer
        and the account using it; signed with the clinic key if it seals or checkpoints."""
        row = self._conn.execute(
            "SELECT clinician FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        entry = chain.next_entry(
            chain.last_entry(self._conn),
            record_id,
            self._now(),
            self.actor,
            action,
            detail,
            clinician=row[0] if row else "",
            workstation=self.workstation,
        )
        chain.store_entry(self._conn, entry)
        signatures.sign_entry(self._conn, entry, self.keys)

    def sign_pdf(self, pdf: bytes, timestamp_url: str = "") -> SignedPdf:
        """``pdf`` signed with the clinic key in this process (pyHanko loads); the window signs
        in its PDF worker instead (``SessionRecorder``'s ``sign``)."""
        from counsel.core.signed_pdf import sign_pdf

        return sign_pdf(pdf, self.keys.identity(), timestamp_url)

    def save_draft(self, session: Session) -> None:
        """Store the session as it is now (cheap enough to call after every change).

        A session sealed in memory is still saved as a draft until ``seal`` stores its PDF, so a
        crash between signing and storing loses nothing: resuming finds it signed.
        """
        self.save_stored_draft(session_to_dict(session))

    def save_stored_draft(self, data: dict[str, Any]) -> None:
        """``save_draft`` for a session in its stored form (``session_codec``): the window
        takes it as the session is, and writes it on its writer's thread."""
        row = schema.stored_session_row(data, self._now())
        with schema.transaction(self._conn):
            status = self._status(row["id"])
            if status not in (None, IN_PROGRESS):
                raise RecordSealedError(f"record {row['id']} is signed and cannot change")
            schema.put_row(self._conn, row, exists=status is not None)
            if status is None:
                self._log(row["id"], "session_started", {})

    def seal(self, session: Session, pdf_bytes: bytes) -> str:
        """Store a signed session with its PDF, read-only from now on; returns its digest.
        The PDF is stored signed with the clinic key: signed here unless it is already, and
        refused (``PdfSignatureError``) unless its signature is the clinic key's over all of it."""
        if not session.is_sealed:
            raise ValueError("only a sealed (signed) session can be stored as signed")
        return self.seal_stored(session_to_dict(session), pdf_bytes)

    def seal_stored(self, data: dict[str, Any], pdf_bytes: bytes) -> str:
        """``seal`` for a signed session already in its stored form (``session_codec``), as
        demo stores of thousands of records are built."""
        if not data.get("sealed_at"):
            raise ValueError("only a sealed (signed) session can be stored as signed")
        if not pdf_bytes:
            raise ValueError("a signed record needs its PDF")
        if not isinstance(pdf_bytes, SignedPdf):
            pdf_bytes = self.sign_pdf(pdf_bytes)
        sealed.check_pdf(pdf_bytes, self.keys)
        row, detail = sealed.signed_row(data, pdf_bytes, self._now())
        with schema.transaction(self._conn, durable=True):
            status = self._status(row["id"])
            if status not in (None, IN_PROGRESS):
                raise RecordSealedError(f"record {row['id']} is already signed")
            if status is None:
                self._log(row["id"], "session_started", {})
            schema.put_row(self._conn, row, exists=status is not None)
            self._log(row["id"], "signed", detail)
            keep_stamp_certificates(self._conn, pdf_bytes)
        return detail["digest"]

    def batch(self) -> AbstractContextManager[Database]:
        """Make every change inside one transaction, written to disk once at the end."""
        return schema.transaction(self._conn, durable=True)

    def seal_many(self, records: Iterable[sealed.ToSeal]) -> int:
        """``seal_stored`` each record (none of them in the store yet), then its amendments,
        all in one transaction of a few statements (``sealed_rows``): how a store of years is
        built. Returns how many."""
        writer = sealed.Writer(self.actor, self.workstation, self._now)
        with self.batch() as conn:
            return sealed.seal_many(conn, records, self.keys, writer)

    def withdraw(self, record_id: str, reason: str, by: str) -> str:
        """A withdrawal: a new linked record; the signed one stays exactly as signed."""
        return self._amend(record_id, WITHDRAWN, "withdrawn", reason, by)

    def correct(self, record_id: str, text: str, by: str) -> str:
        """Add a correction to a signed record as a new linked record; returns its id."""
        return self._amend(record_id, CORRECTION, "corrected", text, by)

    def _amend(self, record_id: str, kind: str, action: str, text: str, by: str) -> str:
        if not text.strip() or not by.strip():
            raise ValueError("a withdrawal or correction needs a reason and who gave it")
        with schema.transaction(self._conn, durable=True) as conn:
            original = self.record(record_id)
            if original.status == IN_PROGRESS:
                raise ValueError(f"record {record_id} is not signed; delete the draft instead")
            if original.status == WITHDRAWN:
                raise RecordSealedError(f"record {record_id} is already withdrawn")
            columns = ("id", *sealed.AMENDMENT_COPIES)
            copied = conn.execute(
                f"SELECT {', '.join(columns)} FROM records WHERE id = ?", (record_id,)
            ).fetchone()
            amended = dict(zip(columns, copied, strict=True))
            row, detail = sealed.amendment_row(amended, kind, text, by, self._now())
            schema.put_row(self._conn, row, exists=False)
            self._log(record_id, action, detail)
        return str(row["id"])

    def delete_draft(self, record_id: str) -> None:
        """Remove an unsigned draft and all its patient data; its audit entries stay (they hold
        none), leaving no copy of it behind (``store_schema.forget_deleted``)."""
        with schema.transaction(self._conn, durable=True) as conn:
            status = self._status(record_id)
            if status is None:
                raise RecordNotFoundError(f"no record {record_id}")
            if status != IN_PROGRESS:
                raise RecordSealedError(f"record {record_id} is signed and cannot be deleted")
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
            self._log(record_id, "draft_deleted", {})
        schema.forget_deleted(self._conn)

    def log(self, record_id: str, action: str, **detail: str | int | bool) -> None:
        """Add what happened during a session (screen_viewed, discussed, pdf_printed, ...)."""
        if action in STORE_ACTIONS:
            raise ValueError(f"{action!r} entries are written by the store as it happens")
        with schema.transaction(self._conn):
            if self._status(record_id) is None:
                raise RecordNotFoundError(f"no record {record_id}")
            self._log(record_id, action, detail)

    # -- reading -----------------------------------------------------------------------------

    def list_records(
        self,
        search: str = "",
        since: date | None = None,
        until: date | None = None,
        *,
        order: RecordOrder = NEWEST_FIRST,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[RecordSummary]:
        """The records matching (see ``RecordFilter``) in ``order``, from ``offset``, at most
        ``limit`` of them: a page of the list costs the same in a store of any size."""
        return query.page(self._conn, RecordFilter(search, since, until), order, offset, limit)

    def count_records(
        self,
        search: str = "",
        since: date | None = None,
        until: date | None = None,
        *,
        at_most: int | None = None,
    ) -> int:
        """How many records match; with ``at_most``, ``at_most + 1`` means "more than that"."""
        return query.count(self._conn, RecordFilter(search, since, until), at_most)

    def record(self, record_id: str) -> RecordSummary:
        found = query.one(self._conn, record_id)
        if found is None:
            raise RecordNotFoundError(f"no record {record_id}")
        return found

    def amendments(self, record_id: str) -> list[Amendment]:
        rows = self._conn.execute(
            "SELECT id, data FROM records WHERE links_to = ? ORDER BY created_at", (record_id,)
        )
        notes = [(row[0], json.loads(row[1])) for row in rows]
        return [
            Amendment(rid, n["kind"], n["text"], n["by"], datetime.fromisoformat(n["at"]))
            for rid, n in notes
        ]

    def load(self, record_id: str, content: Content) -> Session:
        row = self._conn.execute(
            "SELECT data FROM records WHERE id = ? AND links_to IS NULL", (record_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(f"no record {record_id}")
        return session_from_dict(json.loads(row[0]), content)

    def stored_language(self, record_id: str) -> str:
        """The content language a stored session was last in, to reopen it in that language."""
        row = self._conn.execute(
            "SELECT CASE WHEN json_valid(data) THEN json_extract(data, '$.language') END"
            " FROM records WHERE id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(f"no record {record_id}")
        if row[0] is None:
            raise SessionFormatError(f"stored session {record_id} is not readable")
        return str(row[0])

    def pdf_bytes(self, record_id: str) -> bytes:
        """The PDF exactly as it was signed, for reprinting."""
        row = self._conn.execute("SELECT pdf FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None or row[0] is None:
            raise RecordNotFoundError(f"no signed PDF for record {record_id}")
        return bytes(row[0])

    def unfinished(self) -> str | None:
        """The draft to offer to resume at start-up: the one changed last, of those readable
        (valid JSON), not set aside (``set_aside``) and last worked on at this computer (on a
        clinic server, another room's open visit is not this room's to resume; it stays in
        the records list)."""
        row = self._conn.execute(
            "SELECT id FROM records r WHERE status = 'in_progress' AND json_valid(data)"
            " AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.record_id = r.id"
            " AND a.action = 'draft_set_aside')"
            " AND COALESCE((SELECT a.workstation FROM audit a WHERE a.record_id = r.id"
            " ORDER BY a.seq DESC LIMIT 1), '') IN (?, '')"
            " ORDER BY updated_at DESC LIMIT 1",
            (self.workstation,),
        ).fetchone()
        return row[0] if row else None

    def set_aside(self, record_id: str) -> None:
        """Stop offering a draft that cannot be read back; it stays in the list to delete."""
        with schema.transaction(self._conn):
            if self._status(record_id) != IN_PROGRESS:
                raise RecordSealedError(f"record {record_id} is not a draft")
            self._log(record_id, "draft_set_aside", {})

    def audit_trail(self, record_id: str) -> list[chain.AuditEntry]:
        return chain.entries(self._conn, record_id)

    # -- exporting and checking --------------------------------------------------------------

    def export_pdf(self, record_id: str, path: Path, *, overwrite: bool = False) -> None:
        """The PDF as signed, written atomically where ``export_guard`` allows."""
        pdf = self.write_pdf(record_id, path, overwrite=overwrite)
        self.log(record_id, "pdf_exported", pdf_sha256=chain.sha256_hex(pdf))

    def write_pdf(self, record_id: str, path: Path, *, overwrite: bool = False) -> bytes:
        """``export_pdf`` without its audit entry (the window writes that on its writer's
        thread); the PDF written."""
        pdf = self.pdf_bytes(record_id)
        write_export(path, pdf, self.path.parent, overwrite=overwrite)
        return pdf

    def export_audit(self, record_id: str, path: Path, *, overwrite: bool = False) -> None:
        """The record's trail as .json or .csv, with hashes, so it can be checked elsewhere."""
        trail = self.audit_trail(record_id)
        if not trail:
            raise RecordNotFoundError(f"no audit trail for record {record_id}")
        data = chain.trail_bytes(trail, Path(path).suffix)
        write_export(path, data, self.path.parent, overwrite=overwrite)

    def stored_stamp_certificates(self) -> dict[str, x509.Certificate]:
        """The certificates of the time-stamp authorities whose stamps stored PDFs carry, by
        fingerprint: not trusted for that either (``Keyring.trust_timestamp_authority``)."""
        return kept_stamp_certificates(self._conn)

    def stored_certificates(self) -> dict[str, x509.Certificate]:
        """The clinic certificates that signed into this store (its public parts), by
        fingerprint: not trusted for that (``Keyring.trust`` is the user's choice)."""
        return signatures.stored_certificates(self._conn)

    def verify(
        self, record_id: str | None = None, *, full: bool = False, pdf_validation: bool = False
    ) -> chain.VerifyReport:
        """Check one record (its rows, its entries and their links in the chain), or the store:
        what is new since the last check that found it intact, or everything if ``full``;
        each PDF also through pyHanko's full validation if ``pdf_validation``."""
        if record_id is None:
            return self.verification(full=full, pdf_validation=pdf_validation).run()
        self.record(record_id)  # an unknown id raises RecordNotFoundError
        with closing(schema.open_reader(self.database)) as reader, schema.read_transaction(reader):
            return verify_record(reader, record_id, self.keys, pdf_validation=pdf_validation)

    def verification(self, *, full: bool = False, pdf_validation: bool = False) -> Verification:
        """The store's check, to run a step at a time (see ``Verification``); a read-only
        copy is checked without remembering how far."""
        remember = None if self.read_only else self._remember
        return Verification(
            self.database,
            full=full,
            remember=remember,
            keys=self.keys,
            pdf_validation=pdf_validation,
        )

    def _remember(self, checkpoint: dict[str, Any]) -> bool:
        """Add the signed checkpoint. A computer without the clinic key (the records office's)
        adds none, and makes no key of its own to sign one with, which it would publish to the
        store: the next check starts from the last signed one (checking more, never less)."""
        if not self.keys.key_path.exists():
            return False
        try:
            with schema.transaction(self._conn):
                self._log("", CHECKPOINT, checkpoint)
        except ClinicKeyError:
            return False
        return True
