"""How much may be typed in each field, declared once, with the reason for each limit.

The session refuses longer text (TextLimitError), the widgets stop typing at the same limit and
show a counter before it, and the PDF is tested to lay out the longest allowed value of every
field. Typed text is also cleaned here: lone surrogates (from a broken paste or the API) and
control characters would break autosave's JSON or the PDF, and mean nothing to a reader.
"""

from __future__ import annotations

import unicodedata

from counsel.core.frozen import Frozen


class FieldLimit(Frozen, kw_only=False):
    chars: int
    why: str
    multiline: bool = False


NAME = FieldLimit(
    150, "the longest real full names, several family names included, are under 100 characters"
)
LIMITS: dict[str, FieldLimit] = {
    "patient_name": NAME,
    "clinician_name": NAME,
    "signer_name": NAME,
    "record_number": FieldLimit(
        40, "record numbers are about 20 characters, with room for a site prefix"
    ),
    "clinician_credentials": FieldLimit(80, "several degrees and titles, e.g. 'MD, PhD, FACS'"),
    "date_of_birth": FieldLimit(30, "a date, typed in any common form"),
    "relationship": FieldLimit(80, "a few words: 'daughter and health care agent'"),
    "question": FieldLimit(1_000, "a question the patient asked, in a sentence or a few"),
    "answer": FieldLimit(
        3_000,
        "a long spoken answer is a few paragraphs; the PDF keeps it on about half a page",
        multiline=True,
    ),
}
#: Typing kept before it is an entry: as long as the longest field it may become.
DRAFT = FieldLimit(LIMITS["answer"].chars, "typing on its way into a field", multiline=True)

#: A warning (a counter under the field) from this share of the limit on.
COUNTER_FROM = 0.8


class TextLimitError(ValueError):
    """Typed text longer than its field allows."""

    def __init__(self, field: str, length: int, limit: int) -> None:
        super().__init__(f"{field} is {length} characters long; at most {limit} are kept")
        self.field, self.length, self.limit = field, length, limit


def limit_of(field: str) -> FieldLimit:
    return LIMITS.get(field, DRAFT)


def clean_text(text: str, multiline: bool = False) -> str:
    """``text`` without lone surrogates or control characters; a line break or tab in a
    one-line field becomes a space, and in a multi-line one stays a plain line break or tab."""
    if text.isprintable():
        return text  # the common case, in one fast pass
    kept = []
    for ch in text.replace("\r\n", "\n"):
        category = unicodedata.category(ch)
        if category == "Cs":
            continue
        if category != "Cc":
            kept.append(ch)
        elif ch in "\n\t\r":
            kept.append(" " if not multiline else "\n" if ch == "\r" else ch)
    return "".join(kept)


def checked_text(field: str, text: str) -> str:
    """``text`` cleaned for ``field``; TextLimitError if it is still too long."""
    limit = limit_of(field)
    cleaned = clean_text(text, limit.multiline)
    if len(cleaned) > limit.chars:
        raise TextLimitError(field, len(cleaned), limit.chars)
    return cleaned
