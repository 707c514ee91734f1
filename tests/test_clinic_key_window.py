"""The clinic key in the app: made at first start, before anything is signed; and the PDF
signed on the worker thread that builds it, never on the window's."""

from __future__ import annotations

import threading

from cryptography.x509.oid import NameOID
from test_signing_feedback import signed_pads
from ui_driver import answer_next_confirmation, click

from counsel.core.clinic_key import KEY_FILE, KEY_FOLDER
from counsel.core.record_store import RecordStore
from counsel.ui.app import open_clinic_store


def test_the_app_makes_the_clinic_key_at_first_start_in_the_clinics_name(
    private_data_dir, clinic
) -> None:
    assert not (private_data_dir / KEY_FOLDER).exists()
    with open_clinic_store(clinic) as store:  # what the app does once it has painted
        assert (private_data_dir / KEY_FOLDER / KEY_FILE).exists()
        assert store.list_records() == []  # nothing signed yet
        subject = store.keys.identity().certificate.subject
    [name] = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert name.value == clinic.name


def test_the_pdf_is_signed_off_the_window_thread(qtbot, open_window, content, monkeypatch) -> None:
    signing_threads = []
    real_sign = RecordStore.sign_pdf

    def sign_pdf(store: RecordStore, pdf: bytes, timestamp_url: str = "") -> bytes:
        signing_threads.append(threading.current_thread() is threading.main_thread())
        return real_sign(store, pdf, timestamp_url)

    monkeypatch.setattr(RecordStore, "sign_pdf", sign_pdf)
    window = open_window()
    page = signed_pads(qtbot, window, content)
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    assert signing_threads == [False]
    assert window.store.verify().ok


def test_verify_in_the_records_window_names_the_certificate_that_signed(
    qtbot, store, content, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QPushButton
    from record_helpers import fill

    from counsel.ui.records_window import RecordsWindow

    fill(store, content, 3)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window = RecordsWindow(store, content.document)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.findChild(QPushButton, "verify"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    fingerprint = store.keys.identity().fingerprint
    assert "Signed with the clinic key Counsel clinic, valid " in shown[0]
    assert f"SHA-256 {fingerprint}: 3 records." in shown[0]
