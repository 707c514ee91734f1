"""Dates, times and a document's own words, as a patient and a chart reader will read them.

Month names are spelled out (never 03/04/1948, which reads two ways) and come from data, not
the C locale, which Qt changes at start-up. Times are local (the clinic's zone, else the
computer's) and name their zone. A printed document takes its words from ``DocumentWords``
(content/<lang>/document.toml), so the PDF is in the patient's language; the module
functions below are the interface's English dates.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from counsel.core.frozen import Frozen
from counsel.core.toml_reader import TableReader

SAMPLE_MOMENT = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)  # to try a file's date patterns


class DocumentWords(Frozen):
    """One language's words for a printed document: named labels, month names, date patterns."""

    labels: Mapping[str, str]
    months: tuple[str, ...]  # twelve short names, January first
    periods: tuple[str, str]  # the words for before and after noon
    date_pattern: str  # "{month} {day}, {year}"
    time_pattern: str  # "{hour12}:{minute:02d} {period} {zone}"
    datetime_pattern: str  # "{date}, {time}"

    def label(self, name: str, **values: object) -> str:
        """The label ``name`` with its ``{placeholders}`` filled from ``values``."""
        try:
            pattern = self.labels[name]
        except KeyError:
            raise KeyError(f"document.toml has no label {name!r}") from None
        return pattern.format(**values)

    def format_date(self, d: date) -> str:
        """``Mar 14, 1948`` / ``14 mar 1948``."""
        return self.date_pattern.format(month=self.months[d.month - 1], day=d.day, year=d.year)

    def format_time(self, dt: datetime, zone: tzinfo | None = None) -> str:
        """``2:05 PM CST (UTC−6)`` / ``14:05 UTC``, in ``zone`` (None: the computer's own):
        for lists where the date is stated above."""
        local = dt.astimezone(zone)
        return self.time_pattern.format(
            hour=local.hour,
            hour12=local.hour % 12 or 12,
            minute=local.minute,
            period=self.periods[local.hour >= 12],
            zone=_zone(local),
        )

    def format_datetime(self, dt: datetime, zone: tzinfo | None = None) -> str:
        """``Nov 25, 2026, 2:05 PM UTC``, in ``zone`` (None: the computer's own)."""
        return self.datetime_pattern.format(
            date=self.format_date(dt.astimezone(zone)), time=self.format_time(dt, zone)
        )


def load_document_words(folder: Path, language: str) -> DocumentWords:
    """Read content/<language>/document.toml, checked against every other language's.

    Checked here, at start-up, because a label one language lacks, or a placeholder it
    spells differently, would otherwise first show as a crash while printing a signed record.
    """
    reader = TableReader.open(folder / "document.toml", f"content/{language}/document.toml")
    months, periods = reader.texts("months", required=True), reader.texts("periods", required=True)
    if len(months) != 12:
        raise reader.error("months", f"needs 12 month names, found {len(months)}")
    if len(periods) != 2:
        raise reader.error(
            "periods", f"needs 2 words (before and after noon), found {len(periods)}"
        )
    labels_reader = reader.table("labels")
    words = DocumentWords(
        labels={name: labels_reader.text(name) for name in labels_reader.names()},
        months=months,
        periods=(periods[0], periods[1]),
        date_pattern=reader.text("date"),
        time_pattern=reader.text("time"),
        datetime_pattern=reader.text("datetime"),
    )
    reader.finish()
    for key, format_ in (
        ("date", words.format_date),
        ("time", words.format_time),
        ("datetime", words.format_datetime),
    ):
        try:
            format_(SAMPLE_MOMENT)
        except (KeyError, ValueError, IndexError) as error:
            raise reader.error(key, f"cannot be filled: {error} (see SCHEMA.md)") from None
    fills = {name: _fills(labels_reader, name, text) for name, text in words.labels.items()}
    for other_path in sorted(folder.parent.glob("*/document.toml")):
        if other_path.parent != folder:
            _check_same_labels(labels_reader, fills, other_path)
    return words


def _check_same_labels(
    reader: TableReader, fills: Mapping[str, set[str]], other_path: Path
) -> None:
    other_file = f"content/{other_path.parent.name}/document.toml"
    other = TableReader.open(other_path, other_file).table("labels")
    for name in other.names():
        if name not in fills:
            raise reader.error(name, f"missing ({other_file} has it)")
    for name, ours in fills.items():
        if not other.has(name):
            raise reader.error(name, f"not in {other_file} (a typo, or add it there too)")
        theirs = _fills(other, name, other.text(name))
        if ours != theirs:
            raise reader.error(name, f"fills {sorted(ours)}, but in {other_file} {sorted(theirs)}")


def _fills(reader: TableReader, name: str, pattern: str) -> set[str]:
    """The ``{placeholders}`` a label's pattern fills."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None}
    except ValueError as error:
        raise reader.error(name, f"{error} (write a brace itself as {{{{ or }}}})") from None


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
