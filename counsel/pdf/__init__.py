"""The signed acknowledgement PDF, drawn with reportlab from a sealed session (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counsel.core.content import ClinicSettings
    from counsel.core.session import Session


def build_pdf(session: Session, clinic: ClinicSettings) -> bytes:
    """The acknowledgement of ``session``; reportlab loads at the first call (at signing), not
    when the app starts. What the interface hands the core's ``SessionRecorder``."""
    from counsel.pdf.acknowledgement import build_acknowledgement

    return build_acknowledgement(session, clinic)
