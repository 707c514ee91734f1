"""An RFC 3161 time stamp in the signed PDF, from a real HTTP time-stamp authority on this
machine (pyHanko's test authority behind a local server); and a clinic.toml address checked
at start-up, not at signing."""

from __future__ import annotations

import asyncio
import io
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID
from key_helpers import rsa_self_signed
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper
from test_record_store import FAKE_PDF, make_session

from counsel.core.clinic_key import TIMESTAMP_AUTHORITIES
from counsel.core.content_loader import load_clinic
from counsel.core.session_recorder import SessionRecorder
from counsel.core.toml_reader import ContentError


def _authority() -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
    return rsa_self_signed("Demo time-stamp authority", usage)


@pytest.fixture(scope="module")
def authority() -> Iterator[tuple[str, x509.Certificate]]:
    """A time-stamp authority answering over HTTP on localhost: its URL and certificate."""
    certificate, key = _authority()
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = asyncio.run(stamper.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa", certificate
    server.shutdown()


def test_a_signed_pdf_carries_the_authoritys_time_stamp_and_verify_checks_it(
    store, content, clinic, clock, authority
) -> None:
    url, certificate = authority
    session = make_session(content, clock, seal=True)
    SessionRecorder(store, session, replace(clinic, timestamp_url=url), lambda s, c: FAKE_PDF)
    pdf = store.pdf_bytes(session.id)
    [signature] = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    attributes = [a["type"].native for a in signature.signer_info["unsigned_attrs"]]
    assert attributes == ["signature_time_stamp_token"]
    problems = [str(p) for p in store.verify(full=True).problems]
    assert len(problems) == 1 and "PDF signature: the signature is not valid" in problems[0]

    trusted = store.keys.folder / TIMESTAMP_AUTHORITIES
    trusted.mkdir()
    (trusted / "authority.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    assert store.verify(full=True).ok


def test_an_authority_that_does_not_answer_stops_signing_and_says_so(
    store, content, clinic, clock
) -> None:
    session = make_session(content, clock, seal=True)
    nowhere = replace(clinic, timestamp_url="http://127.0.0.1:9/tsa")  # the discard port
    recorder = SessionRecorder(store, session, nowhere, lambda s, c: FAKE_PDF)
    assert "did not answer" in str(recorder.signing_failure)
    assert not session.is_sealed and store.record(session.id).status == "in_progress"


@pytest.mark.parametrize(
    "address",
    [
        "ftp://tsa.example.org",
        "tsa.example.org/tsa",
        "http://",
        "http://a b/tsa",
        "http://[::1",
        "1",
    ],
)
def test_a_time_stamp_address_that_is_not_a_web_address_stops_start_up(
    resources_copy: Path, address: str
) -> None:
    clinic_file = resources_copy / "clinic.toml"
    text = clinic_file.read_text(encoding="utf-8").replace(
        'timestamp_url = ""', f'timestamp_url = "{address}"'
    )
    clinic_file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="clinic.toml: timestamp_url: must be an http"):
        load_clinic(resources_copy)
