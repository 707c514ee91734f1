"""The clinic key: made private at first start, imported from the clinic's CA, rotated
without orphaning old records; and what it buys: a forgery without it fails verify."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from key_helpers import clinic_pkcs12, forge_without_the_key, strip_signatures
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from test_record_store import FAKE_PDF, make_session

from counsel import records_cli
from counsel.core.clinic_key import KEY_FILE, KEY_FOLDER, ClinicKeyError, Keyring, self_signed
from counsel.core.record_store import RecordStore
from counsel.core.session_recorder import SessionRecorder
from counsel.core.signed_pdf import _asn1_certificate, pdf_signature_problem
from counsel.pdf import build_pdf
from counsel.pdf.archival_check import archival_problems


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sign_one(store: RecordStore, content, clock, **details: object) -> str:
    session = make_session(content, clock, seal=True, **details)
    store.seal(session, FAKE_PDF)
    return session.id


def test_the_key_is_private_from_its_first_byte_and_in_the_clinics_name(
    private_data_dir, clinic, monkeypatch
) -> None:
    """Even with a umask that lets everyone read, no key file is ever anything but 0600."""
    modes_before_rename: dict[str, int] = {}
    real_replace = os.replace

    def spying_replace(source, target) -> None:
        modes_before_rename[Path(target).name] = mode(Path(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spying_replace)
    old_umask = os.umask(0)
    try:
        with RecordStore.in_folder(private_data_dir, clinic=clinic.name) as store:
            identity = store.keys.identity()  # made at first use
    finally:
        os.umask(old_umask)
    folder = private_data_dir / KEY_FOLDER
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert {path.name for path in files} >= {KEY_FILE, "signing-certificate.pem"}
    assert set(modes_before_rename.values()) == {0o600}
    assert all(mode(path) == 0o600 for path in files)
    assert mode(folder) == 0o700 and mode(folder / "certificates") == 0o700
    [name] = identity.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert name.value == clinic.name


def test_the_stored_and_exported_pdf_carries_a_signature_any_reader_can_check(
    store, content, clinic, tmp_path
) -> None:
    from counsel.core.demo import demo_session

    session = demo_session(content)
    SessionRecorder(store, session, clinic, build_pdf).close()  # signs, as the window does
    exported = tmp_path / "acknowledgement.pdf"
    store.export_pdf(session.id, exported)
    signed = exported.read_bytes()
    trust = ValidationContext(
        trust_roots=[_asn1_certificate(store.keys.identity().certificate)], allow_fetching=False
    )

    def verdict(data: bytes) -> bool:
        [signature] = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
        return validate_pdf_signature(signature, trust).bottom_line

    assert verdict(signed)
    assert signed.startswith(build_pdf(session, clinic))  # an incremental update after it
    assert archival_problems(signed) == []  # still PDF/A-3b
    checked = subprocess.run(["qpdf", "--check", str(exported)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    flipped = bytearray(signed)
    flipped[len(signed) // 3] ^= 0x01
    assert not verdict(bytes(flipped))
    assert store.verify().ok


def test_a_pkcs12_file_from_the_clinics_ca_signs_from_then_on(
    private_data_dir, content, clock, monkeypatch, capsys
) -> None:
    p12, leaf = clinic_pkcs12(b"correct horse 7", "Riverside Spine (demo) document signing")
    path = private_data_dir.parent / "clinic.p12"
    path.write_bytes(p12)
    monkeypatch.setenv("COUNSEL_P12_PASSWORD", "wrong password")
    assert records_cli.main(["key", "import", str(path)]) == 1
    assert "wrong password or not a PKCS#12" in capsys.readouterr().err

    monkeypatch.setenv("COUNSEL_P12_PASSWORD", "correct horse 7")
    assert records_cli.main(["key", "import", str(path)]) == 0
    assert records_cli.main(["key", "show"]) == 0
    output = capsys.readouterr()
    assert "correct horse" not in output.out + output.err
    assert "Riverside Spine (demo) document signing" in output.out
    assert "issued by: Riverside Demo Health CA" in output.out

    with RecordStore.in_folder(private_data_dir) as store:
        record = sign_one(store, content, clock)
        assert store.keys.identity().certificate == leaf
        assert pdf_signature_problem(store.pdf_bytes(record), store.keys.certificates()) == ""
        report = store.verify(full=True)
    assert report.ok and len(report.signed_by) == 1
    assert report.signed_by[0][0].startswith("Riverside Spine (demo) document signing")


def test_records_signed_before_a_rotation_still_verify_and_say_which_certificate(
    store, content, clock, capsys
) -> None:
    before = sign_one(store, content, clock)
    old = store.keys.identity()
    store.keys.rotate()
    after = sign_one(store, content, clock)
    assert store.keys.identity().fingerprint != old.fingerprint

    report = store.verify(full=True)
    assert report.ok and [count for _, count in report.signed_by] == [1, 1]
    assert store.verify(before).signed_by[0][0].endswith(old.fingerprint)
    assert not store.verify(after).signed_by[0][0].endswith(old.fingerprint)
    assert records_cli.main(["key", "show"]) == 0
    assert "Earlier (still verifies what it signed): " in capsys.readouterr().out
    assert records_cli.main(["verify", "--full"]) == 0
    assert capsys.readouterr().out.count("Signed by ") == 2
    assert records_cli.main(["verify", "--full", "--pdf-validation"]) == 0  # pyHanko agrees
    assert capsys.readouterr().out.count("Signed by ") == 2


@pytest.mark.parametrize(
    "intruder",
    ["keeps the signatures", "strips them", "strips them and calls all unsigned", "signs with own"],
)
def test_a_forgery_that_redoes_every_hash_without_the_key_is_found(
    store, content, clock, intruder: str
) -> None:
    record = sign_one(store, content, clock, patient_name="Zoë Nguyen-Oberg (DEMO)")
    sign_one(store, content, clock)
    assert store.verify().ok  # a signed checkpoint now covers both
    path = store.path
    store.close()
    own_key = self_signed("Riverside Spine & Pain Center (demo)")  # the same name, not the key
    forge_without_the_key(
        path, record, "Someone Else (DEMO)", own_key if intruder == "signs with own" else None
    )
    if intruder.startswith("strips them"):
        strip_signatures(path, calls_all_unsigned=intruder.endswith("unsigned"))

    with RecordStore(path) as reopened:
        assert reopened.record(record).patient_name == "Someone Else (DEMO)"
        for report in (reopened.verify(), reopened.verify(full=True), reopened.verify(record)):
            found = " ".join(str(problem) for problem in report.problems)
            assert not report.ok
            expected = {
                "keeps the signatures": "its clinic-key signature does not match the entry",
                "strips them": "not signed with the clinic key",
                "strips them and calls all unsigned": "not signed with the clinic key",
                "signs with own": "signed by a certificate that is not the clinic's",
            }[intruder]
            assert expected in found
            assert "session data" not in found and "digest" not in found  # all redone


def test_a_missing_or_damaged_key_is_a_clear_message_never_a_traceback(
    store, content, clinic, clock, capsys
) -> None:
    sign_one(store, content, clock)
    key = store.keys.key_path
    key.unlink()
    assert records_cli.main(["key", "show"]) == 1
    assert "The clinic key is missing from" in capsys.readouterr().err

    store.keys.rotate()  # a key again, then damaged on disk
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    assert records_cli.main(["add-demo"]) == records_cli.EXIT_UNUSABLE
    assert "is damaged" in capsys.readouterr().err

    with RecordStore(store.path) as reopened:
        session = make_session(content, clock, seal=True)
        recorder = SessionRecorder(reopened, session, clinic, lambda s, c: FAKE_PDF)
        assert isinstance(recorder.signing_failure, ClinicKeyError)
        assert not session.is_sealed  # Sign did nothing, and says why
        assert reopened.verify(full=True).ok  # checking needs the certificates only


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), password=st.none() | st.binary(max_size=40))
def test_any_file_offered_as_pkcs12_is_imported_or_refused_with_a_message(
    tmp_path_factory, data: bytes, password: bytes | None
) -> None:
    keys = Keyring(tmp_path_factory.mktemp("keys") / KEY_FOLDER)
    with pytest.raises(ClinicKeyError, match="PKCS#12"):
        keys.import_pkcs12(data, password)
    assert not keys.folder.exists()  # nothing half-installed


def test_two_connections_opened_at_first_start_share_one_new_key(tmp_path: Path) -> None:
    """The window's store and its writer open at once on a new computer: one key is made,
    not one each (the second would orphan the records the first signs)."""
    folder = tmp_path / KEY_FOLDER
    start = threading.Barrier(8)

    def first_use() -> str:
        start.wait()
        return Keyring(folder, "Test clinic").identity().fingerprint

    with ThreadPoolExecutor(8) as pool:
        fingerprints = set(pool.map(lambda _: first_use(), range(8)))
    assert len(fingerprints) == 1
    assert set(Keyring(folder, "Test clinic").certificates()) == fingerprints
