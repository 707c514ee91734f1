"""An RFC 3161 time stamp in the signed PDF, from a real HTTP time-stamp authority on this
machine (pyHanko's test authority behind a local server); a clinic.toml address checked
at start-up, not at signing; and the authority's certificate kept in the store with each
stamped PDF, so the records office, which never asked that authority, can check its stamps
once someone has compared the certificate with the authority's."""

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
from engines import REFUSED, raw
from key_helpers import rsa_self_signed
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper
from test_record_store import FAKE_PDF, make_session
from test_records_cli import run

from counsel.core.clinic_key import KEY_FOLDER, TIMESTAMP_AUTHORITIES, Keyring, fingerprint
from counsel.core.content_loader import load_clinic
from counsel.core.record_store import RecordStore
from counsel.core.session_recorder import SessionRecorder
from counsel.core.store_location import StoreLocation, open_store
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


def sign_stamped(store: RecordStore, content, clinic, clock, url: str) -> str:
    session = make_session(content, clock, seal=True)
    SessionRecorder(store, session, replace(clinic, timestamp_url=url), lambda s, c: FAKE_PDF)
    assert store.record(session.id).status == "signed"
    return session.id


def test_each_stamped_pdf_keeps_the_authoritys_certificate_once_for_good(
    location, content, clinic, clock, authority
) -> None:
    url, certificate = authority
    with open_store(location) as store:
        assert store.stored_stamp_certificates() == {}
        sign_stamped(store, content, clinic, clock, url)
        sign_stamped(store, content, clinic, clock, url)
        assert store.stored_stamp_certificates() == {fingerprint(certificate): certificate}
        with raw(store) as conn, pytest.raises(REFUSED, match="kept for good"):
            conn.execute("DELETE FROM time_stamp_certificates")


def test_the_office_trusts_the_authority_from_the_server_and_checks_its_stamps(
    postgres_server, tmp_path: Path, content, clinic, clock, authority
) -> None:
    url, certificate = authority
    database = postgres_server.new_database()
    room, office = tmp_path / "room", tmp_path / "office"
    with open_store(StoreLocation(room, database), clinic="Clinica Demo") as store:
        sign_stamped(store, content, clinic, clock, url)
    clinic_key = Keyring(room / KEY_FOLDER).identity().fingerprint
    assert run(office, "records", "key", "trust", clinic_key, database_url=database).returncode == 0

    before = run(office, "records", "verify", "--full", database_url=database)
    assert before.returncode == 3 and "PDF signature: the signature is not valid" in before.stdout
    listed = run(office, "records", "key", "trust", database_url=database)
    stamps = fingerprint(certificate)
    line = "Not trusted here, time stamps: Demo time-stamp authority, valid"
    assert line in listed.stdout and stamps in listed.stdout, listed.stdout
    trusted = run(office, "records", "key", "trust", stamps, database_url=database)
    assert trusted.returncode == 0, trusted.stderr
    after = run(office, "records", "verify", "--full", database_url=database)
    assert after.returncode == 0, after.stdout + after.stderr
    postgres_server.drop_database(database)
