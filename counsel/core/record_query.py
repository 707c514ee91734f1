"""The records list as SQL: which rows match a search, in which order, one page at a time.

All of the list's SQL is here, beside the schema's indexes it relies on (``store_schema``):
each sort key has an index holding every listed column, so a page is read from one index,
and a search looks in the folded ``search_key`` column, never in a record's data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from counsel.core.database import Database
from counsel.core.store_schema import LISTED_COLUMNS, fold, utc_text

_WITHDRAWAL = "SELECT 1 FROM records w WHERE w.links_to = r.id AND w.status = 'withdrawn'"
#: A record's status as listed: withdrawn once a withdrawal links to it, else as stored. Asked
#: of each listed row alone (a scalar subquery: PostgreSQL would answer an EXISTS here by
#: reading every withdrawal first, which took most of the time of a page of 50,000 records).
STATUS_SQL = f"""CASE WHEN ({_WITHDRAWAL} LIMIT 1) IS NOT NULL
                THEN 'withdrawn' ELSE r.status END"""
CORRECTIONS_SQL = """(SELECT count(*) FROM records c WHERE c.links_to = r.id
                     AND c.status = 'correction')"""
COLUMNS_SQL = f"""r.id, r.patient_name, r.date_of_birth, r.record_number, r.created_at,
    r.clinician, {STATUS_SQL}, {CORRECTIONS_SQL}, r.content_version, r.content_sha256"""


def _listed(index: str) -> str:
    """Top-level records, read from ``index`` alone (the planner, without statistics, may
    otherwise choose one that sends it into every record's row)."""
    return f"FROM records r INDEXED BY {index} WHERE r.links_to IS NULL"


#: Records in the order of their stored status (``listed_status``, kept by the schema's
#: triggers), each read through the listing index by id: SQLite's CROSS JOIN keeps that order.
_BY_STATUS = """FROM listed_status s INDEXED BY listed_status_order
    CROSS JOIN records r INDEXED BY records_by_id
    WHERE r.id = s.record_id AND r.links_to IS NULL"""


#: On the server, a search's page: its matches found in ``listed_status`` read whole, in the
#: order it lies on disk (about 7 MB at 50,000 records: 25 ms from disk), sorted there by the
#: key it keeps (``SortKey.kept``), then the page's listed columns joined to them. Walking a
#: listing index in order instead reads it a page at a time: 0.2-0.7 s from disk for a search
#: whose matches all lie at its far end ("demo-00", newest first). Kept by the schema's
#: triggers (server version 10). ``OFFSET 0`` keeps the planner from walking the table's index
#: by status instead, each row read apart (50,000 reads for a rare word).
_FOUND = """FROM (SELECT * FROM (SELECT r.record_id, r.{kept} AS sort_key FROM listed_status r
            WHERE TRUE{where} OFFSET 0) AS matched
        ORDER BY sort_key {direction}, record_id {direction} LIMIT ? OFFSET ?) AS found
    JOIN records r ON {joined} WHERE r.links_to IS NULL"""
#: A key ``listed_status`` does not keep is read from the matches' records, found by id in
#: the order they lie on disk, then sorted. (Joined, the planner expects a third of the
#: records to match any word and reads them all, or walks a listing index probing each.)
_MATCHED = """FROM records r
    WHERE r.id = ANY (ARRAY(SELECT r.record_id FROM listed_status r WHERE TRUE{where}))
    AND r.links_to IS NULL"""
_SEARCHED = "FROM listed_status r WHERE TRUE"
#: How many of the first records in order a search on the server looks through before reading
#: the table: a word most records hold ("z") fills its page within them, a walk of 1-2 ms
#: where the whole table takes 20-30 ms.
FIRST_LOOKED_AT = 1_000
#: How many times further a search looks first in an order ``listed_status`` does not keep,
#: and as far again for each page before the one sought: its matches found there are each
#: read from their record (a thousand: 100-300 ms from disk, 10,000: 70-170 ms in memory),
#: where the first 5,000 in order are 170 pages of the order's index (20-40 ms from disk). So
#: a word one record in fifty holds, or more, is found in the index page after page.
FURTHER = 5
_FIRST = """FROM (SELECT {listed}, {key} AS sort_key, {tie} AS sort_tie {source}
        ORDER BY {key} {direction}, {tie} {direction} LIMIT {first}) AS r
    WHERE TRUE"""


@dataclass(frozen=True)
class SortKey:
    """What the list sorts on, what orders equal keys (so pages never overlap), and where it
    reads the rows from in that order (an index holding every listed column)."""

    sql: str
    tie: str
    source: str
    #: The column of the server's ``listed_status`` holding the key, if it keeps it.
    kept: str = ""
    #: Whether a search on the server looks among the first records in order before reading
    #: ``listed_status``: where one index holds them (by status, a thousand records' rows).
    first: bool = True


#: What the list can be sorted by.
SORT_KEYS = {
    "patient": SortKey("r.search_key", "r.id", _listed("records_by_name"), "search_key"),
    "date_of_birth": SortKey("r.date_of_birth", "r.id", _listed("records_by_birth")),
    "record_number": SortKey("r.record_number", "r.id", _listed("records_by_number")),
    "started": SortKey("r.created_at", "r.id", _listed("records_by_started"), "created_at"),
    "clinician": SortKey("r.clinician", "r.id", _listed("records_by_clinician")),
    "status": SortKey("s.status", "s.record_id", _BY_STATUS, "status", first=False),
}


@dataclass(frozen=True)
class RecordSummary:
    """One line of the records list; ``status`` is computed from links, never stored over."""

    id: str
    patient_name: str
    date_of_birth: date | None
    record_number: str
    started_at: datetime
    clinician: str
    status: str
    corrections: int
    content_version: str
    content_sha256: str


@dataclass(frozen=True)
class RecordFilter:
    """Every word of ``search`` must be in the name or the record number, ignoring case and
    accents; ``since`` and ``until`` are local dates, both included."""

    search: str = ""
    since: date | None = None
    until: date | None = None

    @property
    def words(self) -> list[str]:
        return fold(self.search).split()

    def where(self) -> tuple[str, list[Any]]:
        clauses, args = [], []
        for word in self.words:
            if "\x00" in word:  # never in a stored name (text_limits), nor sendable to a server
                clauses.append("1 = 0")
                continue
            clauses.append("instr(r.search_key, ?) > 0")
            args.append(word)
        if self.since:
            clauses.append("r.created_at >= ?")
            args.append(_local_midnight(self.since))
        if self.until:
            clauses.append("r.created_at < ?")
            args.append(_local_midnight(self.until + timedelta(days=1)))
        return "".join(f" AND {clause}" for clause in clauses), args


@dataclass(frozen=True)
class RecordOrder:
    """A sort key of ``SORT_KEYS`` and its direction; the id orders equal keys, so pages
    never overlap."""

    key: str = "started"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.key not in SORT_KEYS:
            raise ValueError(f"records cannot be sorted by {self.key!r}")

    @property
    def source(self) -> str:
        return SORT_KEYS[self.key].source

    @property
    def direction(self) -> str:
        return "DESC" if self.descending else "ASC"

    def sql(self) -> str:
        key = SORT_KEYS[self.key]
        return f"ORDER BY {key.sql} {self.direction}, {key.tie} {self.direction}"


NEWEST_FIRST = RecordOrder()
NO_LIMIT = 2**63 - 1  # every match: the largest LIMIT both engines take


def _local_midnight(day: date) -> str:
    return utc_text(datetime.combine(day, time.min).astimezone())


#: Shown for a start time that is no longer a time (a damaged or edited draft; verify names
#: it for a signed record): one bad row must not take the whole list down.
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def summary(row: Sequence[Any]) -> RecordSummary:
    values: list[Any] = ["" if value is None else value for value in row]
    values[2] = _parsed(date.fromisoformat, row[2], None)
    values[4] = _parsed(datetime.fromisoformat, row[4], UNKNOWN_TIME)
    for text in (0, 1, 3, 5, 6, 8, 9):
        values[text] = str(values[text])
    return RecordSummary(*values)


def _parsed(parse: Any, text: object, otherwise: Any) -> Any:
    try:
        return parse(text)
    except (TypeError, ValueError):
        return otherwise


def _searched_on_server(conn: Database, matching: RecordFilter) -> bool:
    """Whether a page is sought among the first records, then in ``listed_status``."""
    return _on_server(conn) and bool(matching.words)


#: Where a search's page is sought on the server, in turn: among the first records, in the table.
AMONG_FIRST, IN_TABLE = "among first", "in table"


def page_query(
    matching: RecordFilter, order: RecordOrder, *, sought: str = "", page_number: int = 0
) -> tuple[str, list[Any]]:
    """The SQL of a page of the list (its last two parameters: how many, from where); a
    search's on the server ``sought`` ``AMONG_FIRST`` (``_FIRST``) or ``IN_TABLE``
    (``_FOUND``, or ``_MATCHED`` for a key ``listed_status`` does not keep)."""
    where, args = matching.where()
    if sought == AMONG_FIRST:
        return _among_first(where, order, page_number), args
    if sought == IN_TABLE:
        return _in_table(where, order), args
    return f"SELECT {COLUMNS_SQL} {order.source}{where} {order.sql()} LIMIT ? OFFSET ?", args


def _among_first(where: str, order: RecordOrder, page_number: int) -> str:
    key, direction = SORT_KEYS[order.key], order.direction
    further = 1 if key.kept else FURTHER * (page_number + 1)
    first = _FIRST.format(
        listed=", ".join(f"r.{column}" for column in LISTED_COLUMNS),
        key=key.sql,
        tie=key.tie,
        source=key.source,
        direction=direction,
        first=int(FIRST_LOOKED_AT * further),
    )
    by = f"ORDER BY r.sort_key {direction}, r.sort_tie {direction}"
    return f"SELECT {COLUMNS_SQL} {first}{where} {by} LIMIT ? OFFSET ?"


def _in_table(where: str, order: RecordOrder) -> str:
    key, direction = SORT_KEYS[order.key], order.direction
    if not key.kept:
        return f"SELECT {COLUMNS_SQL} {_MATCHED.format(where=where)} {order.sql()} LIMIT ? OFFSET ?"
    joined = "r.id = found.record_id"
    if key.sql == f"r.{key.kept}":  # the record's own column: read from its listing index
        joined = f"{key.sql} = found.sort_key AND {joined}"
    found = _FOUND.format(where=where, kept=key.kept, direction=direction, joined=joined)
    by = f"ORDER BY found.sort_key {direction}, found.record_id {direction}"
    return f"SELECT {COLUMNS_SQL} {found} {by}"


def page(
    conn: Database,
    matching: RecordFilter,
    order: RecordOrder,
    offset: int,
    limit: int | None,
) -> list[RecordSummary]:
    """A page of the list. On the server a search looks for its page among the first records
    in order (``FIRST_LOOKED_AT``; not by status: ``SortKey.first``), and if it is not all
    there, in ``listed_status``."""
    places = [""]
    if _searched_on_server(conn, matching):
        looks_first = limit is not None and SORT_KEYS[order.key].first
        places = [AMONG_FIRST, IN_TABLE] if looks_first else [IN_TABLE]
    for place in places:
        sql, args = page_query(matching, order, sought=place, page_number=offset // (limit or 1))
        rows = conn.execute(sql, [*args, NO_LIMIT if limit is None else limit, offset]).fetchall()
        if len(rows) == limit:  # the whole page: the rest of the places would find the same
            break
    return [summary(row) for row in rows]


def count(conn: Database, matching: RecordFilter, at_most: int | None = None) -> int:
    """How many records match; with ``at_most``, counting stops at one more than that (a
    search matching thousands then reads a few of them, not all: "more than 1,000")."""
    where, args = matching.where()
    listed = _listed("records_matching")
    if _on_server(conn) and matching.words:  # as a search's page finds its matches (_FOUND)
        listed = _SEARCHED
    if at_most is None:
        return int(conn.execute(f"SELECT count(*) {listed}{where}", args).fetchone()[0])
    capped = f"SELECT count(*) FROM (SELECT 1 {listed}{where} LIMIT ?) AS found"
    return int(conn.execute(capped, [*args, at_most + 1]).fetchone()[0])


def _on_server(conn: Database) -> bool:
    return not isinstance(conn, sqlite3.Connection)


def one(conn: Database, record_id: str) -> RecordSummary | None:
    row = conn.execute(
        f"SELECT {COLUMNS_SQL} FROM records r WHERE r.id = ? AND r.links_to IS NULL", (record_id,)
    ).fetchone()
    return summary(row) if row else None
