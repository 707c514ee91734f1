"""The store's own check of a PDF signed somewhere else (the window's PDF worker process).

The store seals only a PDF whose last signature was made with the clinic key and covers the
whole file. pyHanko, which signs the PDF and validates it fully for ``records verify``, costs
about 40 MB in any process that loads it; the window signs in its PDF worker instead, and
checks the answer here with what it holds already: the clinic certificate, ``cryptography``
and ``hashlib``. The check reads the few fields of the CMS signature it needs (RFC 5652:
the signed attributes, their message digest, the signature value) straight from the DER.
Qt-free.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization

from counsel.core.clinic_key import signature_is_valid

if TYPE_CHECKING:
    from cryptography import x509

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
_SHA256 = bytes.fromhex("0609608648016503040201")  # the DER of OID 2.16.840.1.101.3.4.2.1
_MESSAGE_DIGEST = bytes.fromhex("06092a864886f70d010904")  # OID 1.2.840.113549.1.9.4
_SEQUENCE, _SET, _OCTETS, _CONTEXT_0, _CONTEXT_1 = 0x30, 0x31, 0x04, 0xA0, 0xA1  # DER tags


class SignedPdf(bytes):
    """PDF bytes already signed with the clinic key, so the store does not sign them again
    (it checks them with ``clinic_signature_problem`` before it seals them)."""


class PdfSignatureError(Exception):
    """The PDF could not be signed (a time-stamp authority that does not answer, a bad PDF),
    or what came back signed does not carry the clinic's signature."""


@dataclass(frozen=True)
class _ClinicSignature:
    """What the checks need of a PDF's last signature, read from its DER."""

    signed_attributes: bytes  # re-tagged as the SET that was signed
    value: bytes
    signer: bytes  # the SignerInfo's IssuerAndSerialNumber contents ("" if named otherwise)
    certificates: tuple[bytes, ...]  # the DER of each certificate the signature carries
    stamped: bool  # carries unsigned attributes: a time stamp, which only pyHanko checks


def clinic_signature_problem(pdf: bytes, certificate: x509.Certificate) -> str:
    """What is wrong with the last signature in ``pdf`` (see ``HashedPdf.signature_problem``)."""
    return HashedPdf(pdf).signature_problem(certificate)


class HashedPdf:
    """A stored PDF read for verify in one pass over its bytes: the whole file's SHA-256 (what
    its seal recorded) and its last signature's digest, which covers the same bytes up to the
    signature's value and then the few after it, so the hash is copied there, not redone."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._range = _signed_range(pdf)
        whole = memoryview(pdf)  # hashed where it lies: a PDF is hundreds of KB
        if isinstance(self._range, str):
            self.sha256, self._signed_digest = hashlib.sha256(whole).hexdigest(), b""
            return
        first_end, second_start = self._range
        file_digest = hashlib.sha256(whole[:first_end])
        signed_digest = file_digest.copy()
        signed_digest.update(whole[second_start:])
        file_digest.update(whole[first_end:])
        self.sha256, self._signed_digest = file_digest.hexdigest(), signed_digest.digest()

    @functools.cached_property
    def cms(self) -> bytes | str:
        """The last signature's DER (a CMS ContentInfo), else what is wrong with it."""
        if isinstance(self._range, str):
            return self._range
        first_end, second_start = self._range
        try:
            return bytes.fromhex(self.pdf[first_end + 1 : second_start - 1].decode("ascii"))
        except ValueError as error:  # not hexadecimal
            return f"the signature is not readable ({error})"

    @functools.cached_property
    def _signature(self) -> _ClinicSignature | str:
        """The signature, read only when asked: a PDF many demo records share is checked once,
        though each of them is hashed."""
        cms = self.cms
        return cms if isinstance(cms, str) else _checked_signature(cms, self._signed_digest)

    @property
    def stamped(self) -> bool:
        """Whether the signature carries unsigned attributes (the authority's time stamp):
        what ``trusted_problem`` cannot vouch for."""
        return not isinstance(self._signature, str) and self._signature.stamped

    def signature_problem(self, certificate: x509.Certificate) -> str:
        """What is wrong with the last signature ("" if it covers the whole file, its digest
        matches the file and it was made by ``certificate``'s key with SHA-256)."""
        signature = self._signature
        if isinstance(signature, str):
            return signature
        if not signature_is_valid(
            certificate.public_key(), signature.signed_attributes, signature.value
        ):
            return "the signature was not made with the clinic key"
        return ""

    def trusted_problem(self, trusted: Mapping[str, x509.Certificate]) -> str:
        """``signature_problem`` against the clinic's certificates (by fingerprint): the one
        the signature names, else each in turn (a clinic has few). About a twentieth of
        pyHanko's full validation, so ``records verify`` can check every stored PDF."""
        signature = self._signature
        if isinstance(signature, str):
            return signature
        named = [c for c in trusted.values() if _names(c) == signature.signer]
        for certificate in named or trusted.values():
            if signature_is_valid(
                certificate.public_key(), signature.signed_attributes, signature.value
            ):
                return ""
        if named:
            return "the signature was not made with the clinic key"
        carried = [c for c in signature.certificates if _issuer_and_serial(c) == signature.signer]
        signer = hashlib.sha256(carried[0]).hexdigest() if carried else "none"
        return f"signed by a certificate that is not the clinic's ({signer})"


def _checked_signature(cms: bytes, signed_digest: bytes) -> _ClinicSignature | str:
    """The signature in ``cms`` if its message digest is ``signed_digest`` (the file's bytes
    it covers), else what is wrong."""
    try:
        signature = _signer_info(cms)
        message_digest = _message_digest(signature.signed_attributes)
    except (ValueError, IndexError, StopIteration) as error:  # damaged DER, of any shape
        return f"the signature is not readable ({error or 'a part is missing'})"
    if message_digest != signed_digest:
        return "the signature's digest does not match the file"
    return signature


def _signed_range(pdf: bytes) -> tuple[int, int] | str:
    """Where the last signature's value starts and ends, if its byte range covers the whole
    file but the value (written as hexadecimal between angle brackets); else what is wrong."""
    byte_range = _BYTE_RANGE.match(pdf, max(pdf.rfind(b"/ByteRange"), 0))
    if byte_range is None:
        return "the PDF is not signed"
    start, first_end, second_start, second_length = map(int, byte_range.groups())
    if start != 0 or second_start + second_length != len(pdf) or first_end >= second_start:
        return "the signature does not cover the whole file"
    if pdf[first_end : first_end + 1] != b"<" or pdf[second_start - 1 : second_start] != b">":
        return "the signature's byte range does not leave out exactly its own value"
    return first_end, second_start


def _signer_info(cms: bytes) -> _ClinicSignature:
    """The first signer's signature, from a CMS ContentInfo holding SignedData."""
    content_info = _children(cms, _element(cms, 0))
    signed_data = _children(cms, _children(cms, content_info[1])[0])
    signer_infos = _children(cms, signed_data[-1])
    fields = _children(cms, signer_infos[0])
    if _raw(cms, _children(cms, fields[2])[0]) != _SHA256:  # its digest algorithm
        raise ValueError("not a SHA-256 signature")
    attributes = next((f for f in fields if cms[f[0]] == _CONTEXT_0), None)
    if attributes is None:
        raise ValueError("no signed attributes")
    signature = next(field for field in fields if cms[field[0]] == _OCTETS)
    carried = next((f for f in signed_data[3:-1] if cms[f[0]] == _CONTEXT_0), None)
    return _ClinicSignature(
        signed_attributes=bytes([_SET]) + cms[attributes[0] + 1 : attributes[2]],
        value=cms[signature[1] : signature[2]],
        signer=cms[fields[1][1] : fields[1][2]] if cms[fields[1][0]] == _SEQUENCE else b"",
        certificates=tuple(_raw(cms, c) for c in _children(cms, carried)) if carried else (),
        stamped=any(cms[f[0]] == _CONTEXT_1 for f in fields),
    )


@functools.lru_cache(maxsize=16)
def _names(certificate: x509.Certificate) -> bytes:
    """How a SignerInfo names ``certificate``: worked out once, not for each of a store's PDFs."""
    return _issuer_and_serial(certificate.public_bytes(serialization.Encoding.DER))


def _issuer_and_serial(certificate: bytes) -> bytes:
    """A certificate's issuer and serial number as a SignerInfo names its signer."""
    try:
        fields = _children(certificate, _children(certificate, _element(certificate, 0))[0])
        fields = fields[1:] if certificate[fields[0][0]] == _CONTEXT_0 else fields  # its version
        return _raw(certificate, fields[2]) + _raw(certificate, fields[0])
    except (ValueError, IndexError):
        return b"\0"  # names no signer


def _message_digest(signed_attributes: bytes) -> bytes | None:
    for attribute in _children(signed_attributes, _element(signed_attributes, 0)):
        kind, values = _children(signed_attributes, attribute)[:2]
        if _raw(signed_attributes, kind) == _MESSAGE_DIGEST:
            value = _children(signed_attributes, values)[0]
            return signed_attributes[value[1] : value[2]]
    return None


Element = tuple[int, int, int]  # where its tag is, where its value starts, where it ends


def _element(data: bytes, at: int) -> Element:
    """The DER element whose tag is at ``at`` (single-byte tags, definite lengths)."""
    length, start = data[at + 1], at + 2
    if length & 0x80:
        size = length & 0x7F
        if not 0 < size <= 4:
            raise ValueError("a length DER does not allow")
        length, start = int.from_bytes(data[start : start + size], "big"), start + size
    if start + length > len(data):
        raise ValueError("an element longer than the signature")
    return at, start, start + length


def _raw(data: bytes, element: Element) -> bytes:
    return data[element[0] : element[2]]


def _children(data: bytes, parent: Element) -> list[Element]:
    found, at = [], parent[1]
    while at < parent[2]:
        child = _element(data, at)
        found.append(child)
        at = child[2]
    return found
