"""Sign either completes fully (stored, sealed, with its PDF) or leaves the session exactly as
it was before Sign, with the reason kept to show: a PDF that cannot be laid out, or a records
folder that is full, never leaves a session that looks signed but is stored as in progress."""

from __future__ import annotations

import pytest
from full_disk import FullDisk
from reportlab.platypus.doctemplate import LayoutError

from counsel.core.content import ClinicSettings, Content
from counsel.core.demo import demo_session
from counsel.core.record_status import IN_PROGRESS
from counsel.core.rules import NotReadyError
from counsel.core.session_codec import session_to_dict
from counsel.core.session_recorder import SessionRecorder
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_location import open_store
from counsel.pdf import build_pdf


def _fails(session, clinic) -> bytes:
    raise LayoutError("Flowable too large on page 1")


def _recorded(store, content: Content, clinic: ClinicSettings, make_pdf, **details):
    """The demo visit, ready to sign, with its recorder; ``details`` changed and stored."""
    session = demo_session(content, seal=False)
    recorder = SessionRecorder(store, session, clinic, make_pdf)
    session.set_details(**details)  # stored as a draft
    return session, recorder


def test_a_pdf_that_fails_leaves_the_session_unsigned_and_stored_as_before(
    store, content: Content, clinic: ClinicSettings
) -> None:
    session, recorder = _recorded(store, content, clinic, _fails, record_number="A-1")
    before = session_to_dict(session)
    recorder.sign()
    assert not session.is_sealed, "a failed signing must not leave the session sealed"
    assert session_to_dict(session) == before
    assert isinstance(recorder.signing_failure, LayoutError)
    assert store.record(session.id).status == IN_PROGRESS
    assert session_to_dict(store.load(session.id, content)) == before
    session.set_details(record_number="A-2")  # still editable: nothing was signed
    recorder.make_pdf = build_pdf
    recorder.sign()  # signing again, with a builder that works, completes fully
    assert session.is_sealed and recorder.is_stored_signed
    assert recorder.signing_failure is None and recorder.failure is None
    assert recorder.pdf_bytes().startswith(b"%PDF")


def test_signing_asked_again_once_signed_signs_nothing_more(
    store, content: Content, clinic: ClinicSettings
) -> None:
    """Retry signing and the server's answer coming back can both ask to sign."""
    session, recorder = _recorded(store, content, clinic, build_pdf, record_number="C-1")
    recorder.sign()
    assert recorder.is_stored_signed
    recorder.sign()
    assert [entry.action for entry in store.audit_trail(session.id)].count("signed") == 1
    assert recorder.signing_failure is None and recorder.failure is None


def test_a_full_records_folder_leaves_the_session_unsigned_and_resumable(
    full_disk: FullDisk, content: Content, clinic: ClinicSettings
) -> None:
    from counsel.core.record_store import RecordStore

    with RecordStore.in_folder(full_disk.folder) as store:
        session, recorder = _recorded(store, content, clinic, build_pdf, record_number="B-1")
        before = session_to_dict(session)
        full_disk.fill()
        recorder.sign()
        assert not session.is_sealed
        assert recorder.signing_failure is not None
        assert store.record(session.id).status == IN_PROGRESS
        assert session_to_dict(store.load(session.id, content)) == before
        full_disk.free()
        recorder.retry()
        recorder.sign()
        assert recorder.is_stored_signed


def test_signing_with_something_missing_is_refused_and_changes_nothing(
    store, content: Content, clinic: ClinicSettings
) -> None:
    session, recorder = _recorded(store, content, clinic, build_pdf, patient_name="")
    with pytest.raises(NotReadyError):
        recorder.sign()
    assert not session.is_sealed and not recorder.sealing
    assert store.record(session.id).status == IN_PROGRESS


def test_a_seal_whose_answer_the_server_lost_stays_signed_and_is_stored_once(
    location, content: Content, clinic: ClinicSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store committed the seal, then the connection went before it could say so: the
    window must not unseal (the record is signed on the server) nor store it twice."""
    with open_store(location) as store:
        session, recorder = _recorded(store, content, clinic, build_pdf, record_number="C-1")
        sealed_there = store.seal_stored

        def seal_then_lose_the_answer(sealed: dict, pdf: bytes) -> str:
            sealed_there(sealed, pdf)
            raise StoreUnavailable("the records server cannot be reached (connection lost)")

        monkeypatch.setattr(store, "seal_stored", seal_then_lose_the_answer)
        recorder.sign()
        assert session.is_sealed, "what the server holds signed is never shown unsigned"
        assert isinstance(recorder.failure, StoreUnavailable)
        monkeypatch.undo()
        assert recorder.retry(), "the server answers: the record is there, signed"
        assert recorder.is_stored_signed and recorder.failure is None
        assert [r.id for r in store.list_records()] == [session.id]
        assert store.verify(full=True).ok


def test_a_seal_the_server_never_got_is_stored_on_retry(
    location, content: Content, clinic: ClinicSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(location) as store:
        session, recorder = _recorded(store, content, clinic, build_pdf, record_number="C-2")

        def server_gone(sealed: dict, pdf: bytes) -> str:
            raise StoreUnavailable("the records server cannot be reached (connection refused)")

        monkeypatch.setattr(store, "seal_stored", server_gone)
        recorder.sign()
        assert session.is_sealed and not recorder.is_stored_signed
        monkeypatch.undo()
        assert recorder.retry()
        assert recorder.is_stored_signed
        assert store.record(session.id).status != IN_PROGRESS
        assert [r.id for r in store.list_records()] == [session.id]
