"""A computer without the clinic key (the records office's) checks the records fully, but
signs no checkpoint with a key of its own and publishes no certificate to the store: its
check is not remembered, and it says the next routine check starts from the last checkpoint
the clinic key signed."""

from __future__ import annotations

from pathlib import Path

from engines import raw
from test_record_store import FAKE_PDF, make_session
from test_records_cli import run

from counsel.core.clinic_key import KEY_FOLDER, Keyring
from counsel.core.record_store import RecordStore
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_verify import CHECKPOINT

NOT_REMEMBERED = "No clinic key on this computer, so this check is not remembered"


def checkpoints_and_certificates(store: RecordStore) -> tuple[int, int]:
    with raw(store) as conn:
        checkpoints = conn.execute(
            "SELECT count(*) FROM audit WHERE action = ?", (CHECKPOINT,)
        ).fetchone()[0]
        certificates = conn.execute("SELECT count(*) FROM clinic_certificates").fetchone()[0]
    return int(checkpoints), int(certificates)


def test_verify_without_a_clinic_key_makes_none_and_publishes_nothing(
    location: StoreLocation, content, clock
) -> None:
    """Drafts only, as before any room signed: the check passes, and nothing is signed."""
    with open_store(location) as store:
        for patient in ("Draft one (DEMO)", "Draft two (DEMO)"):
            store.save_draft(make_session(content, clock, patient_name=patient))
    checked = run(location.folder, "records", "verify", database_url=location.url)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert NOT_REMEMBERED in checked.stdout
    assert not (location.folder / KEY_FOLDER).exists(), "no key of its own"
    with open_store(location) as store:
        assert checkpoints_and_certificates(store) == (0, 0)
        assert store.verification().full, "nothing remembered: the next check reads everything"


def test_the_office_checks_what_rooms_signed_and_starts_again_from_their_checkpoint(
    location: StoreLocation, content, clock, tmp_path: Path
) -> None:
    with open_store(location, clinic="Clinica Demo") as room:
        for _ in range(3):
            room.seal(make_session(content, clock, seal=True), FAKE_PDF)
        assert room.verify().ok and not room.verify().unremembered
        room.seal(make_session(content, clock, seal=True), FAKE_PDF)  # new since the check
        before = checkpoints_and_certificates(room)
        certificate = next(iter(room.keys.certificates().values()))
        database = room.database
    office_keys = Keyring(tmp_path / "office" / KEY_FOLDER)
    office_keys.trust(certificate)  # compared with what a room shows, as the README says
    with RecordStore(database, keys=office_keys) as office:
        routine = office.verification()
        assert not routine.full  # from the checkpoint the room signed
        first_after = routine.after_seq
        report = office.verify()
        assert report.ok, report.problems
        assert report.records_checked == 1 and report.unremembered
        assert checkpoints_and_certificates(office) == before
        assert office.verification().after_seq == first_after  # the same one, next time
        full = office.verify(full=True)
        assert full.ok and full.records_checked == 4 and full.unremembered
    assert not office_keys.key_path.exists()
