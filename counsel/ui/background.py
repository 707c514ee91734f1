"""Work that would freeze the window (building a PDF, writing to the record store) done on a
worker thread, its result handed back on the window's thread, where widgets live; the PDF
itself is built and signed in a worker process, so its libraries never load into the
window's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from counsel.core.content import ClinicSettings, Content

if TYPE_CHECKING:
    from counsel.core.clinic_key import ClinicIdentity
    from counsel.core.clinic_signature import SignedPdf
    from counsel.core.session import Session
    from counsel.pdf.worker import PdfWorker


class _Delivery(QObject):
    ready = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self.work, self.delivery = work, delivery

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            result = error
        try:
            self.delivery.ready.emit(result)
        except RuntimeError:  # the app closed meanwhile: nobody is left to hand it to
            return


_pending: set[_Delivery] = set()  # kept alive until their result has been delivered
_pools: dict[str, QThreadPool] = {}


def _worker(lane: str) -> QThreadPool:
    """One worker thread per lane: PDF builds never overlap (reportlab keeps global state),
    and asking a server that may not answer never waits behind a PDF, nor holds one up. A
    lane keeps its thread for good, so a connection opened there (the store's writer: SQLite
    connections stay on their thread) is always used there."""
    if lane not in _pools:
        _pools[lane] = QThreadPool()
        _pools[lane].setMaxThreadCount(1)
        _pools[lane].setExpiryTimeout(-1)
    return _pools[lane]


def run_in_background(
    work: Callable[[], Any], done: Callable[[Any], None], lane: str = "pdf"
) -> None:
    """Run ``work()`` on ``lane``'s worker thread; call ``done(result or exception)`` on this
    thread."""
    delivery = _Delivery()  # lives on the calling thread, so ``ready`` is queued back to it
    _pending.add(delivery)

    def deliver(result: object) -> None:
        _pending.discard(delivery)
        done(result)

    delivery.ready.connect(deliver)
    _worker(lane).start(_Task(work, delivery))


def store_lane(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """Where the window's ``StoreWriter`` writes: its own lane, so a write that waits for the
    server never waits behind a PDF, nor freezes the window, and writes keep their order."""
    run_in_background(work, done, lane="store")


_pdf_worker: PdfWorker | None = None


def pdf_worker() -> PdfWorker:
    """The one PDF worker, imported and made at the first PDF (the warm-up), so no PDF code
    loads before the first paint."""
    global _pdf_worker
    if _pdf_worker is None:
        from counsel.pdf.worker import PdfWorker

        _pdf_worker = PdfWorker()
    return _pdf_worker


def build_pdf(session: Session, clinic: ClinicSettings) -> bytes:
    """What the window hands its ``SessionRecorder``: the PDF built in the worker process
    (see ``counsel/pdf/worker.py``), waited for on the background thread."""
    return pdf_worker().build(session, clinic)


def sign_pdf(pdf: bytes, identity: ClinicIdentity, timestamp_url: str) -> SignedPdf:
    """What the window hands its ``SessionRecorder`` to sign with: pyHanko in the worker
    process; the record store checks the signature before it seals (without pyHanko)."""
    return pdf_worker().sign(pdf, identity, timestamp_url)


def stop_pdf_worker() -> None:
    """At quit, once a record being signed has been stored (``SaveStatus.finish_writing``):
    the worker ends, and with it a warm-up still under way, which the app's exit would
    otherwise wait for (its thread is joined), up to a couple of seconds on a busy computer."""
    if _pdf_worker is not None:
        _pdf_worker.stop()


_warmed = False


def warm_up_pdf(content: Content, clinic: ClinicSettings) -> None:
    """Once per run, while the first screen is read: the worker process starts, builds a
    demo acknowledgement and signs it (its libraries load and the pictures are parsed), so
    the first real record costs what a later one does."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    run_in_background(lambda: pdf_worker().warm_up(content, clinic), lambda result: None)
