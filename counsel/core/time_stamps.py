"""The certificates of the time-stamp authorities whose stamps the stored PDFs carry.

A PDF signed with a time stamp (``timestamp_url`` in clinic.toml) holds the authority's
certificate and those above it that the authority sent. The store keeps them, append-only,
when it seals the PDF, so that a computer that never asked that authority (the records office)
can list them and, once someone has compared one with the authority's published one, trust it
(``records key trust``) and check the stamps. As with the clinic's certificates, the store's
copy is never trusted by itself: whoever can write the database could add one. Qt-free;
``asn1crypto`` is loaded only for a PDF that carries a stamp.
"""

from __future__ import annotations

from cryptography import x509

from counsel.core.audit_signatures import publish_certificate, stored_certificates
from counsel.core.clinic_signature import HashedPdf
from counsel.core.database import Database

TOKEN = "signature_time_stamp_token"
TABLE = "time_stamp_certificates"


def stamp_certificates(pdf: bytes) -> list[x509.Certificate]:
    """The certificates the time stamp of ``pdf``'s last signature carries (none if it has
    no stamp, or one that cannot be read)."""
    signed = HashedPdf(pdf)
    cms = signed.cms
    if isinstance(cms, str) or not signed.stamped:
        return []
    from asn1crypto import cms as asn1_cms

    found = []
    try:
        signer = asn1_cms.ContentInfo.load(cms)["content"]["signer_infos"][0]
        for attribute in signer["unsigned_attrs"]:
            if attribute["type"].native != TOKEN:
                continue
            for token in attribute["values"]:
                for choice in token["content"]["certificates"]:
                    found.append(x509.load_der_x509_certificate(choice.chosen.dump()))
    except (ValueError, KeyError, TypeError, IndexError):
        return []
    return found


def keep_stamp_certificates(conn: Database, pdf: bytes) -> None:
    """Keep, once each, the certificates ``pdf``'s time stamp carries; inside the caller's
    write transaction (the one that seals it)."""
    for certificate in stamp_certificates(pdf):
        publish_certificate(conn, certificate, TABLE)


def kept_stamp_certificates(conn: Database) -> dict[str, x509.Certificate]:
    """The time-stamp certificates the store keeps, by fingerprint (not a list to trust)."""
    return stored_certificates(conn, TABLE)
