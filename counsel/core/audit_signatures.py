"""Audit entries signed with the clinic key, and the check that finds a keyless forgery.

Each entry that seals a record, and each checkpoint, is signed over its hash; as that hash
covers the one before it, a signature pins the whole trail up to its entry. Someone who can
write the database but lacks the key can recompute every digest and hash, but not these
signatures. Stored PDFs carry the clinic's PAdES signature, checked here too. Entries
written before the store signed anything (before schema version 5) are not signed; the
report counts them. Qt-free.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import Counter

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from counsel.core.audit_chain import SEALING_ACTIONS, AuditEntry, Problem
from counsel.core.clinic_key import Keyring, describe, fingerprint, signature_is_valid
from counsel.core.clinic_signature import HashedPdf
from counsel.core.database import Database

#: Sealing entries and checkpoints ("chain_verified"): what a verification trusts.
SIGNED_ACTIONS = (*SEALING_ACTIONS, "chain_verified")
#: An entry's signature as stored: the signing certificate's fingerprint, the signature.
Signature = tuple[str, bytes]


def signed_message(entry_hash: str) -> bytes:
    return b"counsel audit entry\0" + entry_hash.encode()


def sign_entry(conn: Database, entry: AuditEntry, keys: Keyring) -> None:
    """Sign ``entry`` if it is one verify trusts; inside the transaction that added it. The
    first signature also notes, beside the key, where the store began signing."""
    signature = entry_signature(entry, keys)
    if signature is not None:
        conn.execute(INSERT_SIGNATURE, signature)
        note_signing(conn, keys)


INSERT_SIGNATURE = "INSERT INTO audit_signatures (seq, certificate, signature) VALUES (?, ?, ?)"


def entry_signature(entry: AuditEntry, keys: Keyring) -> tuple[int, str, bytes] | None:
    """The audit_signatures row for ``entry``, if it is one verify trusts (else None)."""
    if entry.action not in SIGNED_ACTIONS:
        return None
    identity = keys.identity()
    return entry.seq, identity.fingerprint, identity.sign(signed_message(entry.hash))


def note_signing(conn: Database, keys: Keyring) -> None:
    """After storing a signature: where the store began signing, beside the key, and the
    signing certificate's public part in the store."""
    keys.note_signing_began(_signed_from(conn))
    publish_certificate(conn, keys.identity().certificate)


def publish_certificate(
    conn: Database, certificate: x509.Certificate, table: str = "clinic_certificates"
) -> None:
    """Keep ``certificate``'s public part in the store (once), so that another computer
    can be given what it needs to check what it signed (``records key trust``)."""
    name = fingerprint(certificate)
    if conn.execute(f"SELECT 1 FROM {table} WHERE fingerprint = ?", (name,)).fetchone() is None:
        conn.execute(
            f"INSERT INTO {table} (fingerprint, pem) VALUES (?, ?)",
            (name, certificate.public_bytes(serialization.Encoding.PEM).decode()),
        )


def stored_certificates(
    conn: Database, table: str = "clinic_certificates"
) -> dict[str, x509.Certificate]:
    """The certificates the store has kept, by fingerprint: what others signed with, not
    a list to trust (anyone who can write the store could add one)."""
    found = {}
    for name, pem in conn.execute(f"SELECT fingerprint, pem FROM {table}"):
        with contextlib.suppress(ValueError):
            found[str(name)] = x509.load_pem_x509_certificate(str(pem).encode())
    return found


def _signed_from(conn: Database) -> int:
    row = conn.execute("SELECT min(seq) FROM signed_from").fetchone()
    return row[0] if row and row[0] is not None else 1


class ClinicTrust:
    """One verification's view of the clinic's certificates: checks entry and PDF signatures
    and counts which certificate signed each sealed record (from several threads at once).
    ``signed_from``, if given, is where the check's own view found signing began (a worker
    process's view, ``verify_workers``, must agree with it)."""

    def __init__(
        self,
        conn: Database,
        keys: Keyring,
        *,
        pdf_validation: bool = False,
        signed_from: int | None = None,
    ) -> None:
        self._conn = conn
        self.pdf_validation = pdf_validation
        self.folder = keys.folder
        self.certificates = keys.certificates()
        # Each certificate's key, read once for the thousands of entries it signed.
        self._public_keys = {name: c.public_key() for name, c in self.certificates.items()}
        self._told_no_certificates = False
        self._authorities = keys.timestamp_authorities()
        try:
            in_database = _signed_from(conn)
            self._kept = stored_certificates(conn)  # the store's, to name an untrusted signer
        except sqlite3.DatabaseError:  # a file that cannot be read: the check reports that
            in_database, self._kept = 1, {}
        began = keys.signing_began()
        self.signed_from = in_database if began is None else min(in_database, began)
        if signed_from is not None:
            self.signed_from = signed_from
        self.signers: Counter[str] = Counter()  # sealed records per certificate fingerprint
        self.before_keys = 0  # sealed records from before the store signed anything
        self._pdf_verdicts: dict[str, str] = {}  # a PDF shared by demo records is checked once
        self._counting = threading.Lock()  # the counts above, from the checking threads

    def entry_problems(self, entry: AuditEntry) -> list[Problem]:
        row = self._conn.execute(
            "SELECT certificate, CAST(signature AS BLOB) FROM audit_signatures WHERE seq = ?",
            (entry.seq,),
        ).fetchone()
        return self.signature_problems(entry, (str(row[0]), bytes(row[1] or b"")) if row else None)

    def signature_problems(self, entry: AuditEntry, signature: Signature | None) -> list[Problem]:
        """What is wrong with ``entry``'s ``signature`` as stored (None: it has none)."""
        if entry.action not in SIGNED_ACTIONS:
            return []
        where = f"audit entry {entry.seq}"
        if signature is None:
            if entry.seq < self.signed_from:
                with self._counting:
                    self.before_keys += entry.action in SEALING_ACTIONS
                return []
            return [Problem(where, "not signed with the clinic key")]
        signer, signed = signature
        if not self.certificates:  # said once, not for every record
            with self._counting:
                return [] if self._told_no_certificates else [self._no_certificates()]
        public_key = self._public_keys.get(signer)
        if public_key is None:
            return [self._untrusted(where, signer)]
        if not signature_is_valid(public_key, signed_message(entry.hash), signed):
            return [Problem(where, "its clinic-key signature does not match the entry")]
        with self._counting:
            self.signers[signer] += entry.action in SEALING_ACTIONS
        return []

    def pdf_problems(self, seq: int, record_id: str, pdf: HashedPdf | None) -> list[Problem]:
        """The stored PDF's signature, for records sealed since the store signs (an amendment
        has no PDF); ``pdf`` was hashed once, for its seal and its signature alike."""
        if pdf is None or seq < self.signed_from or not self.certificates:
            return []
        if pdf.sha256 not in self._pdf_verdicts:
            self._pdf_verdicts[pdf.sha256] = self._pdf_signature_problem(pdf)
        problem = self._pdf_verdicts[pdf.sha256]
        return [Problem(f"record {record_id}", f"PDF signature: {problem}")] if problem else []

    def _pdf_signature_problem(self, pdf: HashedPdf) -> str:
        """The clinic key's signature over the whole file, checked directly (about 0.3 ms);
        pyHanko's full validation (about 11 ms) where asked, or where the signature carries a
        time stamp, whose authority only it checks."""
        problem = pdf.trusted_problem(self.certificates)
        if problem or not (self.pdf_validation or pdf.stamped):
            return problem
        from counsel.core.signed_pdf import pdf_signature_problem

        return pdf_signature_problem(pdf.pdf, self.certificates, self._authorities)

    def _untrusted(self, where: str, signer: str) -> Problem:
        """A signer this computer does not trust: the clinic's, not trusted here yet (the
        store keeps its certificate), or not the clinic's."""
        if signer in self._kept:
            return Problem(
                where,
                "signed by a certificate this computer does not trust yet; if it is the"
                " clinic's (as 'counsel records key show' says on an exam-room computer),"
                f" trust it with 'counsel records key trust {signer}'",
            )
        return Problem(where, "signed by a certificate that is not the clinic's", "", signer)

    def _no_certificates(self) -> Problem:
        self._told_no_certificates = True
        server = (
            ", or trust the clinic's among those the store keeps ('counsel records key trust')"
            if self._kept
            else ""
        )
        return Problem(
            str(self.folder),
            "no clinic certificates here to check the signatures with: copy the clinic-key"
            f" folder beside the database (a backup needs it too){server}",
        )

    def take_counts(self) -> tuple[Counter[str], int]:
        """The counts since the last call (``signers``, ``before_keys``), which start again:
        a worker process's share of a check, for ``add_counts`` in the check's process."""
        with self._counting:
            counts = self.signers, self.before_keys
            self.signers, self.before_keys = Counter(), 0
        return counts

    def add_counts(self, signers: Counter[str], before_keys: int) -> None:
        with self._counting:
            self.signers += signers
            self.before_keys += before_keys

    def signed_by(self) -> tuple[tuple[str, int], ...]:
        """Each certificate that signed records, oldest first, described, with how many."""
        used = sorted(
            (self.certificates[signer].not_valid_before_utc, signer)
            for signer, count in self.signers.items()
            if count
        )
        return tuple((describe(self.certificates[s]), self.signers[s]) for _, s in used)
