"""The Records window's checks run off the window's thread: the window stays live, Cancel
stops a check part-way, and the full validation (pyHanko's, of every PDF) is one click."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QMessageBox, QPushButton
from record_helpers import fill

from counsel.core import signed_pdf, store_verify
from counsel.core.read_ahead import DEPTH
from counsel.core.record_store import RecordStore
from counsel.core.store_location import StoreLocation, open_store
from counsel.ui.records_window import RecordsWindow

RECORDS = 150  # more batches than the check reads ahead


@pytest.fixture
def filled(location: StoreLocation, content) -> Iterator[RecordStore]:
    with open_store(location) as store:
        fill(store, content, RECORDS, seed=3)
        yield store


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append("ok"))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


def click(qtbot, window: RecordsWindow, name: str) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_check_held_up_leaves_the_window_live_and_cancel_stops_it(
    qtbot, filled: RecordStore, content, reports: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the batches it reads ahead, the check reads the next only once Cancel is pressed:
    were it on the window's thread, the window could not take the click."""
    read = store_verify.with_rows
    batches: list[str] = []

    def held_after_one(*args: Any) -> Any:
        if len(batches) > DEPTH:  # wait for Cancel, as a slow disk or server would
            while not QThread.currentThread().isInterruptionRequested():
                threading.Event().wait(0.01)
        batches.append(QThread.currentThread().objectName())
        return read(*args)

    monkeypatch.setattr(store_verify, "with_rows", held_after_one)
    window = RecordsWindow(filled, content.document)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "verify")
    progress = window.progress
    qtbot.waitUntil(lambda: progress.bar.value() > 0)
    assert progress.isVisible() and progress.bar.maximum() == progress.verification.total
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    stopped_at = progress.bar.value()
    qtbot.wait(50)
    assert not progress.running and not progress.isVisible()
    assert progress.bar.value() == stopped_at < progress.bar.maximum() and reports == []
    assert "chain_verified" not in [e.action for e in filled.audit_trail("")]
    assert len(batches) <= DEPTH + 2  # none read past the one held up


def test_full_validation_checks_every_pdf_with_pyhanko_and_the_routine_check_does_not(
    qtbot, filled: RecordStore, content, reports: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    validate = signed_pdf.pdf_signature_problem
    validated: list[bytes] = []

    def counted(pdf: bytes, *args: Any) -> str:
        validated.append(pdf)
        return validate(pdf, *args)

    monkeypatch.setattr(signed_pdf, "pdf_signature_problem", counted)
    window = RecordsWindow(filled, content.document)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, "verify")
    qtbot.waitUntil(lambda: reports == ["ok"])
    assert validated == []  # the clinic key's signature, checked directly
    click(qtbot, window, "verifyFull")
    assert window.progress.verification.full and window.progress.verification.pdf_validation
    qtbot.waitUntil(lambda: reports == ["ok", "ok"], timeout=20_000)
    distinct = {pdf for (pdf,) in _pdfs(filled)}
    assert set(validated) == distinct and len(distinct) > 1  # demo records share a few


def test_full_validation_finds_a_pdf_changed_behind_counsels_back(
    qtbot, filled: RecordStore, content, reports: list[str]
) -> None:
    from engines import tamper

    tamper(
        filled,
        "UPDATE records SET pdf = substr(pdf, 1, 200) || x'00' || substr(pdf, 202)"
        " WHERE id = (SELECT min(id) FROM records WHERE pdf IS NOT NULL)",
    )
    window = RecordsWindow(filled, content.document)
    qtbot.addWidget(window)
    click(qtbot, window, "verifyFull")
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
    assert "PDF" in reports[0]


def _pdfs(store: RecordStore) -> list[tuple[bytes]]:
    from engines import raw

    with raw(store) as conn:
        return [
            (bytes(row[0]),)
            for row in conn.execute(
                "SELECT pdf FROM records WHERE pdf IS NOT NULL AND status <> 'in_progress'"
            )
        ]
