"""The acknowledgement PDF: build time and file size, for the demo visit, a worst case and
the bilingual (Spanish and English) copy."""

from __future__ import annotations

import time
from typing import Any

from bench.stats import summary
from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session, long_session


def measure_pdf(content: Content, clinic: ClinicSettings, runs: int) -> dict[str, Any]:
    """Median build time over ``runs`` builds of each session, after one first build.

    The first build is reported on its own: it also imports reportlab and parses the fonts and
    pictures, which the first PDF of each app start pays (the app imports the writer lazily).
    """
    sessions = {
        "demo": demo_session(content),
        "long": long_session(content),
        "bilingual": demo_session(load_content("es")),
    }
    start = time.perf_counter()
    from counsel.pdf.acknowledgement import build_acknowledgement

    build_acknowledgement(sessions["demo"], clinic)
    results: dict[str, Any] = {"first_build_ms": (time.perf_counter() - start) * 1000}
    for name, session in sessions.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            # The Spanish demo is printed as the bilingual copy, beside the English wording.
            other = content if name == "bilingual" else None
            data = build_acknowledgement(session, clinic, other)
            times.append((time.perf_counter() - start) * 1000)
        results[name] = {"build_ms": summary(times), "bytes": len(data), "mb": len(data) / 2**20}
    results["signing"] = measure_signing(build_acknowledgement(sessions["demo"], clinic), runs)
    return results


def measure_signing(pdf: bytes, runs: int) -> dict[str, Any]:
    """Signing the demo PDF with a clinic key (PAdES, pyHanko), which Sign and finish adds to
    the build on the same worker thread; the first signature also imports pyHanko."""
    from counsel.core.clinic_key import self_signed

    identity = self_signed("Bench clinic (fictional)")
    start = time.perf_counter()
    from counsel.core.signed_pdf import sign_pdf

    sign_pdf(pdf, identity)
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        signed = sign_pdf(pdf, identity)
        times.append((time.perf_counter() - start) * 1000)
    return {"first_ms": first, "sign_ms": summary(times), "added_bytes": len(signed) - len(pdf)}
