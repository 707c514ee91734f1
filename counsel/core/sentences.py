"""Splitting screen text into sentences, so read-aloud can go one sentence at a time."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or : followed by a space and a capital (or ¿ ¡ " and digits).
_BOUNDARY = re.compile(r"(?<=[.!?:])\s+(?=[\"“¿¡(]?[A-ZÁÉÍÓÚÑÜ0-9])")


_ABBREVIATIONS = ("Dr.", "Mr.", "Mrs.", "Ms.", "Sr.", "Sra.", "Dra.", "St.", "e.g.", "i.e.")


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for part in _BOUNDARY.split(text.strip()):
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {part}"
        elif part.strip():
            sentences.append(part.strip())
    return sentences
