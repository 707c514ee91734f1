"""The clinic key in the app: made at first start, before anything is signed; and the PDF
signed in the PDF worker process that builds it, never in the window's."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cryptography.x509.oid import NameOID
from test_signing_feedback import signed_pads
from ui_driver import answer_next_confirmation, click

from counsel.core import sealed_rows
from counsel.core.clinic_key import KEY_FILE, KEY_FOLDER
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


def test_the_pdf_is_signed_in_the_pdf_worker_process_and_checked_before_sealing(
    qtbot, open_window, content, monkeypatch
) -> None:
    from counsel.core import clinic_signature, signed_pdf
    from counsel.ui.background import pdf_worker

    checked: list[bytes] = []
    real_check = clinic_signature.clinic_signature_problem

    def check(pdf: bytes, certificate) -> str:
        checked.append(pdf)
        return real_check(pdf, certificate)

    monkeypatch.setattr(signed_pdf, "sign_pdf", lambda *args: pytest.fail("signed here"))
    monkeypatch.setattr(sealed_rows, "clinic_signature_problem", check)
    window = open_window()
    worker = pdf_worker()
    qtbot.waitUntil(lambda: worker.answered >= 1, timeout=60000)  # the warm-up
    page = signed_pads(qtbot, window, content)
    answer_next_confirmation()
    click(qtbot, page, "signAndFinish")
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    assert checked == [window.store.pdf_bytes(window.session.id)]
    assert window.store.verify().ok


def test_the_window_process_never_loads_pyhanko() -> None:
    """Signing as the window does (the worker signs, the store checks and seals) leaves
    pyHanko and asn1crypto (about 40 MB) out of the window's process."""
    script = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from counsel.core.content_cache import load_startup_content\n"
        "from counsel.core.demo import demo_session\n"
        "from counsel.core.record_store import RecordStore\n"
        "from counsel.core.session_recorder import SessionRecorder\n"
        "from counsel.ui.background import build_pdf, sign_pdf\n"
        "loaded = load_startup_content('en')\n"
        "with tempfile.TemporaryDirectory() as folder:\n"
        "    store = RecordStore.in_folder(Path(folder))\n"
        "    session = demo_session(loaded.content)\n"
        "    recorder = SessionRecorder(store, session, loaded.clinic, build_pdf,"
        " sign_pdf=sign_pdf)\n"
        "    assert recorder.is_stored_signed, recorder.signing_failure\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyhanko', 'asn1crypto')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


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
