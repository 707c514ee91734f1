"""The acknowledgement PDF signed with the clinic key (PAdES, through pyHanko), and checked.

The signature is added as an incremental update after the end of the archival file, so the
PDF/A file is left byte for byte as it was, with the signature after it: any PDF reader then
shows whether anything changed since signing. The update leaves the document information and
XMP as they were (pyHanko would otherwise rewrite both, and they must agree for PDF/A).
A clinic that names an RFC 3161 time-stamp authority (``timestamp_url`` in clinic.toml) gets
the authority's proof of when it was signed inside the signature. Qt-free; pyHanko loads
at the first signature or check, never at start-up, and the window signs in its PDF worker
process (``counsel/pdf/worker.py``), so pyHanko never loads into the window's.
"""

from __future__ import annotations

import io
import urllib.request
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization

from counsel.core.clinic_key import ClinicIdentity, fingerprint
from counsel.core.clinic_signature import PdfSignatureError, SignedPdf

if TYPE_CHECKING:
    from cryptography import x509

SIGNATURE_FIELD = "ClinicSignature"
TIMESTAMP_TIMEOUT_S = 10
#: Room left in the file for a time-stamped signature (its chain and the authority's token),
#: so the authority is asked once; without a time stamp pyHanko measures what it needs.
TIMESTAMPED_SIGNATURE_SPACE = 32_768


def sign_pdf(pdf: bytes, identity: ClinicIdentity, timestamp_url: str = "") -> SignedPdf:
    """``pdf`` with the clinic's PAdES signature appended (and a time stamp if a URL is set)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError

    class KeepMetadata(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:  # the archival metadata stays exactly as written
            pass

    signer = signers.SimpleSigner(
        signing_cert=_asn1_certificate(identity.certificate),
        signing_key=_asn1_key(identity),
        cert_registry=_registry(identity.chain),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, subfilter=fields.SigSeedSubFilter.PADES
    )
    try:
        writer = KeepMetadata(io.BytesIO(pdf))
        signed = signers.PdfSigner(
            meta, signer, timestamper=_timestamper(timestamp_url) if timestamp_url else None
        ).sign_pdf(writer, bytes_reserved=TIMESTAMPED_SIGNATURE_SPACE if timestamp_url else None)
    except (PdfError, SigningError, OSError, ValueError) as error:
        raise PdfSignatureError(f"the PDF could not be signed: {error}") from error
    return SignedPdf(signed.getvalue())


def pdf_signature_problem(
    pdf: bytes,
    trusted: dict[str, x509.Certificate],
    timestamp_authorities: Iterable[x509.Certificate] = (),
) -> str:
    """What is wrong with the PDF's clinic signature ("" when pyHanko's overall verdict,
    ``bottom_line``, is that it is intact, valid, by a clinic certificate and covers the
    whole file). Checked as of when it says it was signed, so a record signed before a
    certificate expired or was rotated out still verifies."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as error:
        return f"not a readable PDF ({error})"
    if len(signatures) != 1:
        return f"{len(signatures)} signatures where the clinic's one should be"
    signature = signatures[0]
    certificate = signature.signer_cert
    signer = fingerprint(_crypto_certificate(certificate)) if certificate else ""
    if signer not in trusted:
        return f"signed by a certificate that is not the clinic's ({signer or 'none'})"
    roots = [_asn1_certificate(trusted[signer])]
    authorities = list(timestamp_authorities)
    when = signature.self_reported_timestamp
    try:
        status = validate_pdf_signature(
            signature,
            ValidationContext(trust_roots=roots, moment=when, allow_fetching=False),
            ts_validation_context=ValidationContext(
                trust_roots=[_asn1_certificate(c) for c in authorities], allow_fetching=False
            )
            if authorities
            else None,
        )
    except (PdfError, ValueError, KeyError, TypeError) as error:
        return f"the signature cannot be checked ({error})"
    if status.bottom_line:
        return ""
    return (
        "the signature is not valid: the file changed since signing"
        if not status.intact
        else f"the signature is not valid ({status.summary()})"
    )


def _timestamper(url: str) -> Any:
    """An RFC 3161 client over the standard library (pyHanko's own needs aiohttp/requests)."""
    from asn1crypto import tsp
    from pyhanko.sign.timestamps import TimeStamper, TimestampRequestError

    class UrllibTimeStamper(TimeStamper):
        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            request = urllib.request.Request(
                url, data=req.dump(), headers={"Content-Type": "application/timestamp-query"}
            )
            try:
                with urllib.request.urlopen(request, timeout=TIMESTAMP_TIMEOUT_S) as response:
                    return tsp.TimeStampResp.load(response.read())
            except (OSError, ValueError) as error:
                raise TimestampRequestError(
                    f"the time-stamp authority at {url} did not answer: {error}"
                ) from error

    return UrllibTimeStamper()


def _asn1_certificate(certificate: x509.Certificate) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _crypto_certificate(certificate: Any) -> x509.Certificate:
    from cryptography import x509

    return x509.load_der_x509_certificate(certificate.dump())


def _asn1_key(identity: ClinicIdentity) -> Any:
    from asn1crypto import keys

    return keys.PrivateKeyInfo.load(
        identity.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _registry(chain: tuple[x509.Certificate, ...]) -> Any:
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    return SimpleCertificateStore.from_certs([_asn1_certificate(c) for c in chain])
