"""The records office checks, on the clinic server, what every exam room signed, from a
computer without the clinic key: the server keeps the public part of each key that signed
(also what ``records migrate`` brings), and the office trusts the clinic's once someone has
compared it with what a room shows. A certificate the server keeps is never trusted by itself:
whoever can write the database could add one."""

from __future__ import annotations

from pathlib import Path

from test_record_store import FAKE_PDF, make_session
from test_records_cli import run

from counsel.core.clinic_key import KEY_FOLDER, Keyring
from counsel.core.store_location import StoreLocation, open_store


def sign_in_room(folder: Path, url: str, content, clock, patient: str) -> str:
    with open_store(StoreLocation(folder, url), clinic="Clinica Demo") as store:
        session = make_session(content, clock, patient_name=patient, seal=True)
        store.seal(session, FAKE_PDF)
    return session.id


def clinic_fingerprint(room: Path) -> str:
    return Keyring(room / KEY_FOLDER).identity().fingerprint


def test_the_office_trusts_the_clinics_certificate_from_the_server_then_verifies(
    postgres_server, tmp_path: Path, content, clock
) -> None:
    url = postgres_server.new_database()
    rooms = [tmp_path / "room-1", tmp_path / "room-2"]
    Keyring(rooms[0] / KEY_FOLDER, "Clinica Demo").identity()  # one clinic key, copied
    Keyring(rooms[1] / KEY_FOLDER).install(Keyring(rooms[0] / KEY_FOLDER).identity())
    for number, room in enumerate(rooms):
        sign_in_room(room, url, content, clock, f"Room {number} patient (DEMO)")
    office = tmp_path / "office"

    before = run(office, "records", "verify", database_url=url)
    assert before.returncode == 3
    assert "trust the clinic's among those the store keeps ('counsel records key trust')" in (
        before.stdout
    )
    listed = run(office, "records", "key", "trust", database_url=url)
    assert listed.returncode == 0, listed.stderr
    fingerprint = clinic_fingerprint(rooms[0])
    assert "Not trusted here: Clinica Demo, valid" in listed.stdout
    assert fingerprint in listed.stdout and listed.stdout.count("here:") == 1

    trusted = run(office, "records", "key", "trust", fingerprint, database_url=url)
    assert trusted.returncode == 0, trusted.stderr
    assert not (office / KEY_FOLDER / "signing-key.pem").exists(), "no private key needed"
    after = run(office, "records", "verify", "--full", database_url=url)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "Signed by Clinica Demo, valid" in after.stdout and ": 2 records" in after.stdout
    postgres_server.drop_database(url)


def test_a_certificate_the_server_keeps_is_not_trusted_by_itself(
    postgres_server, tmp_path: Path, content, clock
) -> None:
    url = postgres_server.new_database()
    clinic, other = tmp_path / "room", tmp_path / "not-the-clinic"
    sign_in_room(clinic, url, content, clock, "Room patient (DEMO)")
    sign_in_room(other, url, content, clock, "Forged patient (DEMO)")  # a key of its own
    office = tmp_path / "office"
    trusted = run(office, "records", "key", "trust", clinic_fingerprint(clinic), database_url=url)
    assert trusted.returncode == 0, trusted.stderr

    checked = run(office, "records", "verify", database_url=url)
    assert checked.returncode == 3
    untrusted = [line for line in checked.stdout.splitlines() if "does not trust" in line]
    assert len(untrusted) == 1, checked.stdout
    assert f"records key trust {clinic_fingerprint(other)}" in untrusted[0]
    assert f"SHA-256 {clinic_fingerprint(clinic)}: 1 record" in checked.stdout
    unknown = run(office, "records", "key", "trust", "ab" * 32, database_url=url)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == f"The records store keeps no certificate {'ab' * 32}."
    postgres_server.drop_database(url)
