"""Shared by the content-as-data tests: every patient text with its sources, and the PDF's text."""

from __future__ import annotations

import io
from collections.abc import Iterator

from pypdf import PdfReader

from counsel.core.content import ClinicSettings, Content, Screen
from counsel.core.demo import demo_session
from counsel.pdf.acknowledgement import build_acknowledgement


def entries(screen: Screen) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(text, sources) for every piece of patient text on a screen."""
    yield screen.intro, screen.sources
    for part in ("sections", "steps", "items", "rows", "options"):
        for entry in getattr(screen, part, ()):
            sources = tuple(getattr(entry, "sources", ()))
            figure = getattr(entry, "figure", None)
            if figure is not None:
                sources += (figure.source,)
                yield figure.text, sources
            texts = [
                getattr(entry, name, "")
                for name in ("text", "action", "likelihood", "compared_with")
            ]
            texts += list(getattr(entry, "bullets", ()))
            texts += list(getattr(entry, "values", {}).values())
            for text in texts:
                yield text, sources


def demo_pdf_text(content: Content, clinic: ClinicSettings) -> str:
    """The signed demo session's PDF as one line of text (wrapped phrases still match)."""
    pdf = build_acknowledgement(demo_session(content), clinic)
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())
