"""Dates and times as a patient and a chart reader will read them, on paper and on screen.

Month names are spelled out (never 03/04/1948, which reads two ways) and come from this
module, not the C locale, which Qt changes at start-up. Times are local and name their zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(d: date) -> str:
    """``Mar 14, 1948``."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def format_datetime(dt: datetime) -> str:
    """``Nov 25, 2026, 2:05 PM UTC``, in the computer's local time zone."""
    return f"{format_date(dt.astimezone())}, {format_time(dt)}"


def format_time(dt: datetime) -> str:
    """``2:05 PM UTC``, local: for lists where the date is already stated once above."""
    local = dt.astimezone()
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{hour}:{local.minute:02d} {half} {_zone(local)}"


def _zone(local: datetime) -> str:
    """The zone's name, with its UTC offset when the name alone could mean two places."""
    name = local.tzname() or ""
    offset = local.utcoffset() or timedelta(0)
    if name == "UTC" or (name in ("", "GMT") and not offset):
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    if not name or name[0] in "+-":
        return utc
    return f"{name} ({utc})"
