"""What the list, the viewer and ``records show`` display of a sealed record, checked against
what was sealed.

The list reads a record's name, date of birth, number, clinician, start, status and links
from columns of their own (so years of records list fast), not from the sealed session data.
Those columns are therefore checked here against the values the sealed data and its audit
entry imply: an edited column (say, another patient's name, or a withdrawal unlinked so the
record shows as signed) is named, with what it should be and what it is. The values are read
with SQLite's own JSON functions as the row is read (from a server, by one parse here:
``SealedValues``), so the check costs the full verify little; only an invalid session
(already reported as changed data) is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
# With several paths, json_extract gives their values as one JSON array, from one parse.
_SEALED_SQL = (
    "CASE WHEN json_valid(data) THEN json_extract(data, "
    + ", ".join(f"'{path}'" for path in _SEALED_PATHS)
    + ") END"
)


@dataclass(frozen=True)
class SealedValues:
    """How a check reads the sealed values (``_SEALED_PATHS``) the shown columns must repeat:
    ``sql`` names them in a query, ``read`` turns what it gives into their list (None if the
    data is no longer JSON: that is reported as changed session data). SQLite's JSON
    functions read them as the row is read, from one parse of the session; PostgreSQL's parse
    the session again for each path (milliseconds a record), so from a server the session is
    read here, once, only as far as those values (``msgspec``)."""

    sql: str
    read: Callable[[Any], list[Any] | None]
    #: Read from the session itself, which a check reads anyway (a sealed part), so a server
    #: does not send it twice: a fifth of the server's work for a check.
    from_session: bool = False

    def shown_sql(self) -> str:
        """The shown columns as stored, then the sealed values (unless ``from_session``)."""
        return ", ".join(SHOWN_COLUMNS if self.from_session else (*SHOWN_COLUMNS, self.sql))

    def by_id_sql(self) -> str:
        """Records' ids and sealed values, for ``id IN (…)`` to end: the values of the
        records amendments are about, which their copied columns repeat."""
        return f"SELECT id, {self.sql} FROM records WHERE id"


def _from_json_array(values: str | None) -> list[Any] | None:
    return json.loads(values) if values else None


#: The top-level keys the sealed values are under, read from a session without building the
#: rest (its ink, thousands of numbers, is most of it, and took nine tenths of reading it).
_SEALED_TOP = msgspec.defstruct(
    "SealedTop",
    [(key, Any, None) for key in dict.fromkeys(p[2:].split(".")[0] for p in _SEALED_PATHS)],
)
_read_top = msgspec.json.Decoder(_SEALED_TOP).decode


def _from_session(data: bytes) -> list[Any] | None:
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


IN_SQLITE = SealedValues(_SEALED_SQL, _from_json_array)
ON_SERVER = SealedValues("CAST(data AS BLOB)", _from_session, from_session=True)
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
