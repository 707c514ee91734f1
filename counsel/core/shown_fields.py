"""What the list, the viewer and ``records show`` display of a sealed record, checked against
what was sealed.

The list reads a record's name, date of birth, number, clinician, start, status and links
from columns of their own (so years of records list fast), not from the sealed session data.
Those columns are therefore checked here against the values the sealed data and its audit
entry imply: an edited column (say, another patient's name, or a withdrawal unlinked so the
record shows as signed) is named, with what it should be and what it is. The values are read
from the session the check reads anyway, only as far as them (``sealed_values``), so the
check costs the full verify little; only an invalid session (already reported as changed
data) is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import msgspec

from counsel.core.audit_chain import Problem
from counsel.core.record_status import CORRECTION, SIGNED, WITHDRAWN
from counsel.core.store_schema import LISTED_COLUMNS, search_key, utc_text

#: The columns shown or searched for a record, each checked against the seal: the listed ones
#: but the id (the key the seal names) and the content hash (sealed by the digests).
SHOWN_COLUMNS = tuple(c for c in LISTED_COLUMNS if c not in ("id", "content_sha256"))
#: An amendment repeats these of the record it amends (so it can be found with it).
COPIED_COLUMNS = (
    "patient_name",
    "date_of_birth",
    "record_number",
    "clinician",
    "content_version",
    "search_key",
)
_SEALED_PATHS = (
    "$.details.patient_name",
    "$.details.date_of_birth",
    "$.details.record_number",
    "$.details.clinician_name",
    "$.started_at",
    "$.content_version",
    "$.at",  # when an amendment's note was written
)
#: A sealed row's shown columns as stored, for a query reading the row.
SHOWN_SQL = ", ".join(SHOWN_COLUMNS)
#: Records' ids and sessions, for ``id IN (…)`` to end: the sessions of the records
#: amendments are about, whose values their copied columns repeat.
SESSIONS_BY_ID = "SELECT id, CAST(data AS BLOB) FROM records WHERE id"

#: The top-level keys the sealed values are under, read from a session without building the
#: rest (its ink, thousands of numbers, is most of it, and took nine tenths of reading it).
_SEALED_TOP = msgspec.defstruct(
    "SealedTop",
    [(key, Any, None) for key in dict.fromkeys(p[2:].split(".")[0] for p in _SEALED_PATHS)],
)
_read_top = msgspec.json.Decoder(_SEALED_TOP).decode


def sealed_values(data: bytes) -> list[Any] | None:
    """The values (``_SEALED_PATHS``) a sealed session gives the shown columns, read only as
    far as them; None if it is no longer JSON (reported as changed session data). The check
    reads the session anyway (a sealed part), so neither engine reads it twice: SQLite's JSON
    functions cost more (they read the row's overflow pages again and parse all of it), and
    PostgreSQL's parsed it once for each path (milliseconds a record)."""
    try:
        top = msgspec.structs.asdict(_read_top(data))
    except msgspec.MsgspecError:  # not an object, or JSON read more leniently than msgspec does
        return _from_whole_session(data)
    return [_at(top, path[2:].split(".")) for path in _SEALED_PATHS]


def _from_whole_session(data: bytes) -> list[Any] | None:
    try:
        session = json.loads(data)
    except ValueError:  # also a UnicodeDecodeError
        return None
    return [_at(session, path[2:].split(".")) for path in _SEALED_PATHS]


def _at(value: Any, keys: list[str]) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


#: The status a sealing action gives the row it seals.
STATUS_OF_ACTION = {"signed": SIGNED, "withdrawn": WITHDRAWN, "corrected": CORRECTION}


def expected_columns(
    sealed: Sequence[Any], action: str, about: str, original: Sequence[Any] | None
) -> dict[str, Any]:
    """What each shown column must hold for a row sealed by ``action`` in an entry about
    record ``about``; an amendment copies its ``original``'s (the sealed values of the record
    it amends)."""
    name, born, number, clinician, started, version, at = sealed
    status = STATUS_OF_ACTION.get(action)
    if action == "signed":
        return {
            "patient_name": name,
            "date_of_birth": born,
            "record_number": number,
            "clinician": clinician,
            "created_at": _utc(started),
            "status": status,
            "links_to": None,
            "content_version": version,
            "search_key": search_key(str(name), str(number)),
        }
    copied = dict.fromkeys(COPIED_COLUMNS)
    if original is not None:  # as its sealed data says, whatever its own columns say
        signed = expected_columns(original, "signed", about, None)
        copied = {column: signed[column] for column in COPIED_COLUMNS}
    return {
        **copied,
        "created_at": at,
        "status": status,
        "links_to": about,
    }


def _utc(started: object) -> object:
    try:
        return utc_text(datetime.fromisoformat(str(started)))
    except ValueError:
        return started  # not a time: the stored column cannot match it either


def shown_problems(
    record_id: str,
    stored: Sequence[Any],
    sealed: Sequence[Any] | None,
    action: str,
    about: str,
    original: Sequence[Any] | None,
) -> list[Problem]:
    """Each shown column as ``stored`` that is not what its ``sealed`` values and entry imply
    (nothing to compare if the sealed data is no longer JSON)."""
    if sealed is None:
        return []
    expected = expected_columns(sealed, action, about, original)
    return [
        Problem(f"record {record_id}", f"shown {column}", _text(expected[column]), _text(value))
        for column, value in zip(SHOWN_COLUMNS, stored, strict=True)
        if value != expected[column]
    ]


def _text(value: object) -> str:
    return "nothing" if value is None else str(value)
