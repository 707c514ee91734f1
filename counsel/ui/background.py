"""Work that would freeze the window (building a PDF) done on a worker thread, its result
handed back on the window's thread, where widgets and the record store live."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from counsel.core.content import ClinicSettings, Content

if TYPE_CHECKING:
    from counsel.core.session import Session


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
_pool: QThreadPool | None = None


def _worker() -> QThreadPool:
    """One worker thread: PDF builds never overlap (reportlab keeps global state)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def run_in_background(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """Run ``work()`` on a worker thread; call ``done(result or exception)`` on this thread."""
    delivery = _Delivery()  # lives on the calling thread, so ``ready`` is queued back to it
    _pending.add(delivery)

    def deliver(result: object) -> None:
        _pending.discard(delivery)
        done(result)

    delivery.ready.connect(deliver)
    _worker().start(_Task(work, delivery))


def build_pdf(session: Session, clinic: ClinicSettings) -> bytes:
    """``counsel.pdf.build_pdf``, what the window hands its ``SessionRecorder``, imported at the
    first build (the warm-up, or signing) so that no PDF code loads before the first paint."""
    from counsel.pdf import build_pdf as build

    return build(session, clinic)


_warmed = False


def warm_up_pdf(content: Content, clinic: ClinicSettings) -> None:
    """Build and sign a demo acknowledgement once per run, in the background: the libraries
    load (pyHanko too) and the pictures are parsed, so the first real record costs what a
    later one does. It is signed with a throwaway key, never the clinic's."""
    global _warmed
    if _warmed:
        return
    _warmed = True

    def build() -> bytes:
        from counsel.core.clinic_key import self_signed
        from counsel.core.demo import demo_session
        from counsel.core.signed_pdf import sign_pdf

        return sign_pdf(build_pdf(demo_session(content), clinic), self_signed("warm-up"))

    run_in_background(build, lambda result: None)
