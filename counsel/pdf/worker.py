"""The PDF built and signed in a process of its own, for the window.

reportlab, svglib, lxml and pikepdf, with the fonts and pictures they load, take about 50 MB
that a process keeps once it has built one PDF, and pyHanko, which signs it, about 40 MB more.
Built and signed in this worker instead (started by the window after its first screen has
painted, kept for the run), they never enter the window's process; the window's record store
checks the signature before it seals the record (``counsel.core.clinic_signature``). The
session crosses as its stored form (``session_codec``), which gives the same PDF byte for
byte, the clinic identity as PEM; requests and answers are pickles over the worker's standard
input and output.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from counsel.core.session_codec import session_from_dict, session_to_dict

if TYPE_CHECKING:
    from counsel.core.clinic_key import ClinicIdentity
    from counsel.core.clinic_signature import SignedPdf
    from counsel.core.content import ClinicSettings, Content
    from counsel.core.session import Session


class PdfWorker:
    """The window's side: one worker process, started on first use, restarted if it died.
    Used from one thread at a time (the window's single background thread)."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self.answered = 0  # requests answered, by every process so far

    @property
    def pid(self) -> int | None:
        """The worker process's id while it runs."""
        running = self._process is not None and self._process.poll() is None
        return self._process.pid if running and self._process is not None else None

    def build(self, session: Session, clinic: ClinicSettings) -> bytes:
        record = json.dumps(session_to_dict(session))
        return self._ask("build", record, session.content, clinic)

    def sign(self, pdf: bytes, identity: ClinicIdentity, timestamp_url: str) -> SignedPdf:
        """``pdf`` with the clinic's PAdES signature (``counsel.core.signed_pdf``)."""
        return self._ask("sign", pdf, identity, timestamp_url)

    def warm_up(self, content: Content, clinic: ClinicSettings) -> bytes:
        """Load the libraries and parse the pictures with a demo PDF, signed with a throwaway
        key, never the clinic's (returned), so the first real record costs what a later one
        does."""
        return self._ask("warm_up", content, clinic)

    def stop(self) -> None:
        """End the process now, from any thread: a request under way fails at once (the
        thread that asked then closes it)."""
        process = self._process
        if process is not None:
            process.kill()

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def _ask(self, job: str, *args: Any) -> Any:
        process = self._running()
        assert process.stdin is not None and process.stdout is not None
        try:
            pickle.dump((job, args), process.stdin)
            process.stdin.flush()
            ok, answer = pickle.load(process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            self.close()
            raise RuntimeError(f"the PDF worker stopped: {error}") from error
        self.answered += 1
        if not ok:
            raise answer
        return answer

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "counsel.pdf.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        return self._process


def _build(record: str, content: Content, clinic: ClinicSettings) -> bytes:
    from counsel.pdf import build_pdf

    return build_pdf(session_from_dict(json.loads(record), content), clinic)


def _sign(pdf: bytes, identity: ClinicIdentity, timestamp_url: str) -> SignedPdf:
    from counsel.core.signed_pdf import sign_pdf

    return sign_pdf(pdf, identity, timestamp_url)


def _warm_up(content: Content, clinic: ClinicSettings) -> bytes:
    from counsel.core.clinic_key import self_signed
    from counsel.core.demo import demo_session
    from counsel.pdf import build_pdf

    return _sign(build_pdf(demo_session(content), clinic), self_signed("warm-up"), "")


JOBS: dict[str, Callable[..., Any]] = {"build": _build, "sign": _sign, "warm_up": _warm_up}


def _portable(error: Exception) -> Exception:
    """``error`` as the window can unpickle it without loading the library that raised it
    (a pyHanko error would load pyHanko into the window): Counsel's own and Python's as
    they are, any other as a ``RuntimeError`` with its message."""
    module = type(error).__module__
    if module == "builtins" or module.split(".")[0] == "counsel":
        return error
    return RuntimeError(f"{type(error).__name__}: {error}")


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each request until the window closes the pipe: ``(True, result)`` or
    ``(False, exception)``."""
    while True:
        try:
            job, args = pickle.load(requests)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, JOBS[job](*args))
        except Exception as error:  # handed to the window, which shows it
            answer = (False, _portable(error))
        pickle.dump(answer, answers)
        answers.flush()


def main() -> None:
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print cannot break the pipe
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
