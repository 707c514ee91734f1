"""``records verify`` checks every stored PDF's clinic signature itself (the clinic key's
signature over the whole file), on each engine: a PDF swapped by someone who can rewrite the
store and redo its digests, but lacks the clinic key, is reported by the routine check; pyHanko's
full validation stays available (``--pdf-validation``)."""

from __future__ import annotations

import pytest
from engines import raw, tamper
from test_record_store import FAKE_PDF, make_session, store  # noqa: F401 (both engines)

from counsel.core.audit_chain import canonical_json, seal_detail
from counsel.core.clinic_key import self_signed
from counsel.core.record_store import RecordStore
from counsel.core.signed_pdf import sign_pdf
from counsel.core.store_schema import with_blobs

ANOTHER_CLINIC = self_signed("Another clinic (fictional)")


def _one_byte_changed(pdf: bytes) -> bytes:
    changed = bytearray(pdf)
    changed[40] ^= 0x01  # in the PDF/A file the signature covers
    return bytes(changed)


def _signature_cut(pdf: bytes) -> bytes:
    """The PDF as it was before the clinic signed it: the signature's update cut off."""
    return pdf[: pdf.rfind(b"%%EOF", 0, pdf.rfind(b"/ByteRange")) + len(b"%%EOF\n")]


def swap_pdf(records: RecordStore, record_id: str, pdf: bytes) -> None:
    """Replace the record's PDF and redo its digests and its seal, as anyone who can write
    the store could; the audit entry's clinic-key signature cannot be redone."""
    with raw(records) as conn:
        data, content_sha256 = next(
            iter(
                with_blobs(
                    conn,
                    "SELECT CAST(data AS BLOB), content_sha256 FROM records WHERE id = ?",
                    [record_id],
                )
            )
        )
    seal = seal_detail(record_id, bytes(data), str(content_sha256), pdf)
    detail = canonical_json(seal).decode().replace("'", "''")
    tamper(
        records,
        f"UPDATE records SET pdf = x'{pdf.hex()}', digest = '{seal['digest']}'"
        f" WHERE id = '{record_id}'",
        f"UPDATE audit SET detail = '{detail}' WHERE record_id = '{record_id}'"
        " AND action = 'signed'",
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda pdf: sign_pdf(FAKE_PDF, ANOTHER_CLINIC), "not the clinic's"),
        (_one_byte_changed, "the signature's digest does not match the file"),
        (_signature_cut, "the PDF is not signed"),
        (lambda pdf: pdf[:-100], "the signature does not cover the whole file"),
    ],
    ids=["re-signed with another key", "one byte changed", "signature cut", "end cut"],
)
def test_a_swapped_pdf_is_reported_by_the_routine_check(
    store,  # noqa: F811 (the fixture, on each engine)
    content,
    clock,
    change,
    problem: str,
) -> None:
    session = make_session(content, clock, seal=True)
    store.seal(session, FAKE_PDF)
    swap_pdf(store, session.id, change(store.pdf_bytes(session.id)))
    for report in (store.verify(), store.verify(full=True), store.verify(session.id)):
        found = [str(p) for p in report.problems if "PDF signature" in str(p)]
        assert len(found) == 1 and problem in found[0], report.problems


def test_full_pdf_validation_is_there_on_request_and_agrees(
    store,  # noqa: F811 (the fixture, on each engine)
    content,
    clock,
    capsys,
    monkeypatch,
) -> None:
    session = make_session(content, clock, seal=True)
    store.seal(session, FAKE_PDF)
    validated: list[bytes] = []
    from counsel.core import signed_pdf

    real = signed_pdf.pdf_signature_problem
    monkeypatch.setattr(
        signed_pdf, "pdf_signature_problem", lambda pdf, *a: validated.append(pdf) or real(pdf, *a)
    )
    assert store.verify(full=True).ok and validated == []  # routinely, the direct check
    assert store.verify(full=True, pdf_validation=True).ok
    assert store.verify(session.id, pdf_validation=True).ok
    assert validated == [store.pdf_bytes(session.id)] * 2

    swap_pdf(store, session.id, sign_pdf(FAKE_PDF, ANOTHER_CLINIC))
    report = store.verify(full=True, pdf_validation=True)
    assert any("PDF signature: signed by a certificate" in str(p) for p in report.problems)
