"""Reading a date of birth typed by a person, in the forms people actually type."""

from __future__ import annotations

import re
from datetime import date

_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})\s*$")


def parse_birth_date(text: str, today: date | None = None) -> date | None:
    """``03/14/1948`` (US order) or ``1948-03-14``; None unless a real, past date after 1900."""
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, second, third = match.groups()
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
    elif len(third) == 4:
        month, day, year = int(first), int(second), int(third)
    else:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not date(1900, 1, 1) <= value <= (today or date.today()):
        return None
    return value
