"""A PDF signed outside the store (the window's PDF worker process) is sealed only if it
carries the clinic key's signature over the whole file, checked without pyHanko."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from key_helpers import rsa_self_signed
from test_record_store import FAKE_PDF, make_session

from counsel.core.clinic_key import ClinicIdentity, self_signed
from counsel.core.clinic_signature import (
    HashedPdf,
    PdfSignatureError,
    SignedPdf,
    clinic_signature_problem,
)
from counsel.core.record_status import RecordNotFoundError
from counsel.core.signed_pdf import pdf_signature_problem, sign_pdf
from counsel.pdf.worker import PdfWorker

SIGNED_BY_ANOTHER_CLINIC = sign_pdf(FAKE_PDF, self_signed("Another clinic (fictional)"))


def rsa_identity() -> ClinicIdentity:
    """A clinic CA may issue an RSA signing key rather than the P-256 Counsel makes."""
    certificate, key = rsa_self_signed("RSA clinic (fictional)")
    return ClinicIdentity(key, certificate)


@pytest.mark.parametrize("identity", [self_signed("EC clinic (fictional)"), rsa_identity()])
def test_a_pdf_signed_in_the_pdf_worker_is_sealed_and_verifies(
    store, content, clock, identity
) -> None:
    store.keys.install(identity)
    worker = PdfWorker()
    try:
        signed = worker.sign(FAKE_PDF, store.keys.identity(), "")  # the key crosses as PEM
    finally:
        worker.close()
    assert isinstance(signed, SignedPdf)
    assert clinic_signature_problem(signed, identity.certificate) == ""
    session = make_session(content, clock, seal=True)
    store.seal(session, signed)
    assert store.pdf_bytes(session.id) == signed
    assert pdf_signature_problem(signed, store.keys.certificates()) == ""
    assert store.verify(full=True).ok


def test_the_clinic_identity_crosses_to_the_worker_whole() -> None:
    identity = rsa_identity()
    again = pickle.loads(pickle.dumps(identity))
    assert again.fingerprint == identity.fingerprint
    assert again.sign(b"entry") != b"" and again.key_pem() == identity.key_pem()


def flipped(data: bytes, at: int) -> SignedPdf:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return SignedPdf(changed)


@pytest.mark.parametrize(
    ("pdf", "problem"),
    [
        (SIGNED_BY_ANOTHER_CLINIC, "not made with the clinic key"),
        (SignedPdf(FAKE_PDF), "not signed"),
        (flipped(SIGNED_BY_ANOTHER_CLINIC, 40), "digest does not match"),
        (SignedPdf(SIGNED_BY_ANOTHER_CLINIC + b"\n%% added\n"), "does not cover the whole file"),
    ],
    ids=["another key", "unsigned", "changed after signing", "added to after signing"],
)
def test_a_pdf_said_to_be_signed_that_is_not_the_clinics_is_never_sealed(
    store, content, clock, pdf: bytes, problem: str
) -> None:
    session = make_session(content, clock, seal=True)
    with pytest.raises(PdfSignatureError, match=problem):
        store.seal(session, pdf)
    with pytest.raises(RecordNotFoundError):
        store.record(session.id)


IDENTITY = self_signed("Damage clinic (fictional)")
TRUSTED = {IDENTITY.fingerprint: IDENTITY.certificate}
SIGNED = sign_pdf(FAKE_PDF, IDENTITY)
SIGNED_CMS = bytes.fromhex(
    re.search(rb"/Contents <([0-9a-fA-F]+)>", SIGNED).group(1).decode()  # type: ignore[union-attr]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at=st.integers(min_value=0, max_value=len(SIGNED) - 1), value=st.integers(1, 255))
def test_any_damage_to_a_signed_pdf_is_found_and_never_raises(at: int, value: int) -> None:
    changed = bytearray(SIGNED)
    changed[at] ^= value
    problem = clinic_signature_problem(bytes(changed), IDENTITY.certificate)
    [byte_range] = re.findall(rb"/ByteRange \[0 (\d+) (\d+)", SIGNED)
    in_signature_value = int(byte_range[0]) <= at < int(byte_range[1])
    # Only a change to the signature value's unused padding may leave it valid.
    assert problem != "" or in_signature_value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=st.binary(max_size=600) | st.builds(lambda b: SIGNED_CMS[:b], st.integers(0, 5000)))
def test_any_signature_value_is_checked_with_a_message_never_a_traceback(value: bytes) -> None:
    pdf = pdf_signed_with(value)
    assert clinic_signature_problem(pdf, IDENTITY.certificate) != ""
    assert HashedPdf(pdf).trusted_problem(TRUSTED) != ""  # as verify checks it
    assert HashedPdf(pdf).stamped in (True, False)


@pytest.mark.parametrize("flip", [0x01, 0x80, 0xFF])
def test_every_byte_of_the_signature_damaged_is_a_message_never_a_traceback(flip: int) -> None:
    """Each byte of the CMS signature changed in turn (a length, a tag, an OID, a value):
    what hypothesis once found at one byte, checked at all of them."""
    der = SIGNED_CMS.rstrip(b"\0")  # the signature, without the space left for a larger one
    for at in range(len(der)):
        damaged = bytearray(der)
        damaged[at] ^= flip
        pdf = pdf_signed_with(bytes(damaged))
        assert clinic_signature_problem(pdf, IDENTITY.certificate)
        assert HashedPdf(pdf).trusted_problem(TRUSTED)


def pdf_signed_with(value: bytes) -> bytes:
    """A PDF whose one signature's value is ``value``, its byte range around it."""
    head = b"%PDF-1.7\n<< /ByteRange [0 0000000000 0000000000 0000000000] /Contents "
    tail = b" >>\n%%EOF\n"
    contents = b"<" + value.hex().encode() + b">"
    pdf = head + contents + tail
    numbers = (len(head), len(head) + len(contents), len(tail))
    return pdf.replace(b"0000000000 0000000000 0000000000", b"%010d %010d %010d" % numbers)
