"""The certificates of the time-stamp authority go into the store with each stamped PDF, so
the records office, which never asked that authority, can check its stamps once someone has
compared its certificate with the authority's (a real HTTP authority on this machine:
pyHanko's test authority, from ``test_pdf_timestamp``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from engines import REFUSED, raw
from test_pdf_timestamp import authority  # noqa: F401 (the fixture)
from test_record_store import FAKE_PDF, make_session
from test_records_cli import run

from counsel.core.clinic_key import KEY_FOLDER, Keyring, fingerprint
from counsel.core.record_store import RecordStore
from counsel.core.session_recorder import SessionRecorder
from counsel.core.store_location import StoreLocation, open_store


def sign_stamped(store: RecordStore, content, clinic, clock, url: str) -> str:
    session = make_session(content, clock, seal=True)
    SessionRecorder(store, session, replace(clinic, timestamp_url=url), lambda s, c: FAKE_PDF)
    assert store.record(session.id).status == "signed"
    return session.id


def test_each_stamped_pdf_keeps_the_authoritys_certificate_once_for_good(
    location,
    content,
    clinic,
    clock,
    authority,  # noqa: F811
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
    postgres_server,
    tmp_path: Path,
    content,
    clinic,
    clock,
    authority,  # noqa: F811
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
