"""Reading a built PDF the way a reader meets it: text per page, with each run's size and place."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    page: int  # 1-based
    x: float
    y: float  # from the bottom of the page
    size: float  # in points, as printed
    text: str


def runs(data: bytes) -> list[Run]:
    """Every piece of text with its printed size (the font size times both matrices)."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, 1):

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip():
                return
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(number, x, y, round(size * scale, 2), text))

        page.extract_text(visitor_text=visit)
    return found


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text with line breaks as spaces, so phrases wrapped across lines still match."""
    return " ".join(text.split())
