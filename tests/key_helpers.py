"""A clinic's own certificate authority and PKCS#12 file, and an intruder without the key."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from counsel.core.audit_chain import (
    ENTRY_COLUMNS,
    GENESIS,
    AuditEntry,
    canonical_json,
    seal_detail,
)
from counsel.core.audit_signatures import SIGNED_ACTIONS, signed_message
from counsel.core.clinic_key import ClinicIdentity
from counsel.core.store_schema import search_key


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def clinic_pkcs12(password: bytes, common_name: str) -> tuple[bytes, x509.Certificate]:
    """A PKCS#12 file as a clinic's CA issues it: a document-signing key and certificate, and
    the CA's certificate; returns the file and the signing certificate."""
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Riverside Demo Health CA (fictional)"))
        .issuer_name(_name("Riverside Demo Health CA (fictional)"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    usage = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"clinic", key, leaf, [ca], BestAvailableEncryption(password)
    )
    return data, leaf


def forge_without_the_key(
    path: Path, record_id: str, new_name: str, resign: ClinicIdentity | None = None
) -> None:
    """What anyone who can write the file can do: drop the guards, rename the patient of a
    signed record, and redo every digest, seal, checkpoint and hash so all agree again.
    Without the clinic key the signatures stay as they were, or are stripped, or (``resign``)
    are made again with the intruder's own key."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (trigger,) in triggers.fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        data, content_sha256, pdf = conn.execute(
            "SELECT data, content_sha256, pdf FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        session = json.loads(data)
        session["details"]["patient_name"] = new_name
        new_data = canonical_json(session)
        seal = seal_detail(record_id, new_data, content_sha256, pdf)
        conn.execute(
            "UPDATE records SET data = ?, patient_name = ?, search_key = ?, digest = ?"
            " WHERE id = ?",
            (
                new_data.decode(),
                new_name,
                search_key(new_name, session["details"]["record_number"]),
                seal["digest"],
                record_id,
            ),
        )
        conn.execute(
            "UPDATE audit SET detail = ? WHERE record_id = ? AND action = 'signed'",
            (canonical_json(seal).decode(), record_id),
        )
        hashes_so_far: dict[int, str] = {}
        previous = GENESIS
        rows = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM audit ORDER BY seq").fetchall()
        for row in rows:
            entry = AuditEntry(*row)
            if entry.action == "chain_verified":
                detail = entry.details()
                detail["through_hash"] = hashes_so_far[detail["through_seq"]]
                entry = replace(entry, detail=canonical_json(detail).decode())
            entry = replace(entry, prev_hash=previous)
            entry = replace(entry, hash=entry.expected_hash())
            conn.execute(
                "UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (entry.detail, entry.prev_hash, entry.hash, entry.seq),
            )
            if resign is not None and entry.action in SIGNED_ACTIONS:
                conn.execute(
                    "UPDATE audit_signatures SET certificate = ?, signature = ? WHERE seq = ?",
                    (resign.fingerprint, resign.sign(signed_message(entry.hash)), entry.seq),
                )
            hashes_so_far[entry.seq] = previous = entry.hash


def strip_signatures(path: Path, calls_all_unsigned: bool) -> None:
    """Remove every clinic-key signature, as a forger would to hide that they no longer match,
    and perhaps claim that signing began after the last entry (all of them "too old")."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("DELETE FROM audit_signatures")  # the triggers went in the forgery
        if calls_all_unsigned:
            conn.execute("UPDATE signed_from SET seq = 1000000")


def rsa_self_signed(
    common_name: str, *extensions: x509.ExtensionType
) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A self-signed RSA certificate for 30 days (critical ``extensions``), and its key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
    )
    for extension in extensions:
        builder = builder.add_extension(extension, critical=True)
    return builder.sign(key, hashes.SHA256()), key
