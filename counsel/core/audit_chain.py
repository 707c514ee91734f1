"""The audit trail as a hash chain, and the checks that find what was changed behind our back.

Each entry's hash covers the previous entry's hash, so changing, removing or reordering any
entry breaks the chain from there on. Sealed records are tied into the chain: the entry that
sealed a record holds the SHA-256 of each of its parts, so ``verify`` can say which part changed.
Details never hold patient data (only content ids, digests and flags), so no entry ever needs
to be edited when a draft's patient data is deleted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, astuple, dataclass, replace
from typing import Any

from counsel.core.database import Database

GENESIS = "0" * 64

SEAL_KEYS = ("sealed_id", "digest", "data_sha256", "content_sha256", "pdf_sha256")
#: A check that found the chain intact up to an entry, and how many sealed rows there were:
#: a routine check starts there. Being an entry itself, it is chained like any other.
CHECKPOINT_KEYS = ("through_seq", "through_hash", "sealed_rows")

#: Every action and the only detail fields it may carry; anything else is refused, which is
#: what keeps names, dates of birth and free text out of the trail.
ACTIONS: Mapping[str, tuple[str, ...]] = {
    "session_started": (),
    "screen_viewed": ("screen", "language"),
    "discussed": ("screen", "discussed"),
    "quiz_answered": ("question", "choice", "correct"),
    "decision_answered": ("screen", "item", "value"),  # ids from the content, never free text
    "signed": SEAL_KEYS,
    "pdf_exported": ("pdf_sha256",),
    "pdf_printed": ("pdf_sha256",),
    "record_opened": (),
    "withdrawn": SEAL_KEYS,
    "corrected": SEAL_KEYS,
    "draft_deleted": (),
    "draft_set_aside": (),  # unreadable: no longer offered to resume (it stays listed)
    "chain_verified": CHECKPOINT_KEYS,
}
#: Actions that seal a row: their entry is the reference its digests are checked against.
SEALING_ACTIONS = ("signed", "withdrawn", "corrected")
MAX_DETAIL_TEXT = 100


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> bytes:
    """One byte form per value (sorted keys, no spaces, UTF-8), so hashes are reproducible
    (one encoder for all: verify encodes every entry of the trail again)."""
    return _CANONICAL.encode(value).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_digest(data: bytes, content_sha256: str, pdf: bytes) -> str:
    """SHA-256 over a sealed row's parts, each length-prefixed so no two splits hash alike."""
    digest = hashlib.sha256()
    for part in (data, content_sha256.encode(), pdf):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)  # not joined to its length: that would copy a whole PDF
    return digest.hexdigest()


def seal_detail(sealed_id: str, data: bytes, content_sha256: str, pdf: bytes) -> dict[str, str]:
    return {
        "sealed_id": sealed_id,
        "digest": record_digest(data, content_sha256, pdf),
        "data_sha256": sha256_hex(data),
        "content_sha256": content_sha256,
        "pdf_sha256": sha256_hex(pdf),
    }


def check_detail(action: str, detail: Mapping[str, object]) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    for key, value in detail.items():
        if key not in ACTIONS[action]:
            raise ValueError(
                f"{action!r} entries carry no {key!r}: audit details hold no patient data"
            )
        if not isinstance(value, bool | int | str) or len(str(value)) > MAX_DETAIL_TEXT:
            raise ValueError(f"audit detail {key!r} must be a short id, number or flag")


@dataclass(frozen=True)
class AuditEntry:
    """Who: ``clinician`` is the session's clinician as typed and signed, ``actor`` the
    computer account, ``workstation`` the computer (entries from before these were recorded
    have neither clinician nor workstation, and hash as they always did)."""

    seq: int
    record_id: str
    at: str
    actor: str
    action: str
    detail: str
    prev_hash: str
    hash: str
    clinician: str = ""
    workstation: str = ""

    def expected_hash(self) -> str:
        fields = [self.seq, self.record_id, self.at, self.actor, self.action, self.detail]
        if self.clinician or self.workstation:
            fields += [self.clinician, self.workstation]
        return sha256_hex(self.prev_hash.encode() + canonical_json(fields))

    def details(self) -> Any:
        return json.loads(self.detail)


ENTRY_COLUMNS = "seq, record_id, at, actor, action, detail, prev_hash, hash, clinician, workstation"


def store_entry(conn: Database, entry: AuditEntry) -> None:
    """Add ``entry`` (``next_entry`` after ``last_entry``), inside the caller's write
    transaction."""
    conn.execute(
        f"INSERT INTO audit ({ENTRY_COLUMNS}) VALUES ({', '.join('?' * 10)})", astuple(entry)
    )


def last_entry(conn: Database) -> tuple[int, str] | None:
    """The sequence number and hash of the chain's last entry (None: no entry yet)."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def next_entry(
    last: tuple[int, str] | None,
    record_id: str,
    at: str,
    actor: str,
    action: str,
    detail: Mapping[str, object],
    *,
    clinician: str = "",
    workstation: str = "",
) -> AuditEntry:
    """The entry that follows ``last`` (see ``last_entry``), hashed, not yet stored."""
    check_detail(action, detail)
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    detail_text = canonical_json(detail).decode()
    unsigned = AuditEntry(
        seq, record_id, at, actor, action, detail_text, prev_hash, "", clinician, workstation
    )
    return replace(unsigned, hash=unsigned.expected_hash())


def entries(conn: Database, record_id: str | None = None) -> list[AuditEntry]:
    where, args = ("WHERE record_id = ?", (record_id,)) if record_id else ("", ())
    rows = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM audit {where} ORDER BY seq", args)
    return [AuditEntry(*row) for row in rows]


def trail_bytes(trail: Iterable[AuditEntry], suffix: str) -> bytes:
    """Entries as JSON or CSV, with the exact stored detail text so every hash can be redone."""
    rows = [asdict(entry) for entry in trail]
    if suffix.lower() == ".json":
        return json.dumps(rows, indent=2, ensure_ascii=False).encode()
    if suffix.lower() == ".csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=[*AuditEntry.__dataclass_fields__])
        writer.writeheader()
        writer.writerows(rows)
        return text.getvalue().encode()
    raise ValueError(f"audit trails are exported as .csv or .json, not {suffix or 'no suffix'!r}")


@dataclass(frozen=True)
class Problem:
    """One thing that does not match: where, which part, what it should be and what it is."""

    where: str
    what: str
    expected: str = ""
    found: str = ""

    def __str__(self) -> str:
        if not (self.expected or self.found):
            return f"{self.where}: {self.what}"
        return f"{self.where}: {self.what} (expected {self.expected}, found {self.found})"


@dataclass(frozen=True)
class VerifyReport:
    """``head`` is the last entry's hash: noted elsewhere, it also exposes a cut-off tail.
    ``signed_by`` names each clinic certificate that signed checked records, with how many;
    ``before_keys`` counts records sealed before the store signed anything. ``unremembered``:
    everything was intact, but no checkpoint could be signed (no clinic key on this computer),
    so the next routine check starts from the last signed one."""

    records_checked: int
    entries_checked: int
    head: str
    problems: tuple[Problem, ...]
    signed_by: tuple[tuple[str, int], ...] = ()
    before_keys: int = 0
    unremembered: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class ChainCheck:
    """Entries fed one at a time in order: each numbered one after the last, pointing at its
    hash, and unchanged itself. Memory stays the same however long the chain."""

    def __init__(self, after_seq: int = 0, after_hash: str = GENESIS) -> None:
        self.expected_seq, self.prev_hash = after_seq + 1, after_hash
        self.checked = 0

    def add(self, entry: AuditEntry) -> list[Problem]:
        problems = []
        where = f"audit entry {entry.seq}"
        if entry.seq > self.expected_seq:
            missing = ", ".join(str(n) for n in range(self.expected_seq, entry.seq))
            problems.append(Problem(f"audit entry {missing}", "missing"))
        if entry.prev_hash != self.prev_hash:
            problems.append(
                Problem(
                    where,
                    "does not follow the entry before it (missing or reordered entries)",
                    self.prev_hash,
                    entry.prev_hash,
                )
            )
        problems += entry_problems(entry)
        self.expected_seq, self.prev_hash = entry.seq + 1, entry.hash
        self.checked += 1
        return problems


def entry_problems(entry: AuditEntry) -> list[Problem]:
    if entry.hash == entry.expected_hash():
        return []
    return [Problem(f"audit entry {entry.seq}", "entry changed", entry.expected_hash(), entry.hash)]


def sealing_detail(entry: AuditEntry) -> dict[str, Any] | None:
    """What a sealing entry recorded about the row it sealed (None for other entries)."""
    if entry.action not in SEALING_ACTIONS:
        return None
    try:
        detail = entry.details()
    except ValueError:
        return None  # reported already: the entry's hash no longer matches
    return detail if isinstance(detail, dict) else None


def check_sealed(
    record_id: str,
    data: bytes,
    content_sha256: str,
    pdf: bytes,
    stored_digest: str,
    sealing: Mapping[str, Any] | None,
    pdf_sha256: str | None = None,
) -> list[Problem]:
    """Compare a sealed row's parts with the digests its sealing entry recorded.

    An intact row is settled by one pass over its bytes: each part's hash is the one its seal
    recorded (``pdf_sha256``, if given, is the PDF's, taken while its signature was read) and
    its digest column the seal's; a seal without the parts' hashes, by the digest over them.
    Only a row that fails both is hashed again, to name what changed."""
    if sealing is not None and _intact(
        data, content_sha256, pdf, stored_digest, sealing, pdf_sha256
    ):
        return []
    where = f"record {record_id}"
    actual = seal_detail(record_id, data, content_sha256, pdf)
    if sealing is None:
        found = (
            []
            if actual["digest"] == stored_digest
            else [Problem(where, "digest", stored_digest, actual["digest"])]
        )
        return [Problem(where, "no audit entry sealed this record"), *found]
    parts = (
        ("data_sha256", "session data"),
        ("content_sha256", "content hash"),
        ("pdf_sha256", "PDF"),
    )
    problems = [
        Problem(where, name, sealing.get(key, ""), actual[key])
        for key, name in parts
        if sealing.get(key) != actual[key]
    ]
    if stored_digest != sealing.get("digest"):
        problems.append(Problem(where, "digest", sealing.get("digest", ""), stored_digest))
    return problems


def _intact(
    data: bytes,
    content_sha256: str,
    pdf: bytes,
    stored_digest: str,
    sealing: Mapping[str, Any],
    pdf_sha256: str | None,
) -> bool:
    if stored_digest != sealing.get("digest"):
        return False
    return (
        sealing.get("content_sha256") == content_sha256
        and sealing.get("pdf_sha256") == (pdf_sha256 or sha256_hex(pdf))
        and sealing.get("data_sha256") == sha256_hex(data)
    ) or stored_digest == record_digest(data, content_sha256, pdf)


#: id, data, content SHA-256, PDF, digest: as stored bytes, however mangled.
SealedRow = tuple[str, bytes, bytes, bytes | None, bytes | None]


def row_problems(
    row: SealedRow, sealing: Mapping[str, Any] | None, pdf_sha256: str | None = None
) -> list[Problem]:
    row_id, data, content_sha256, pdf, digest = row
    return check_sealed(
        row_id,
        data,
        content_sha256.decode(errors="replace"),
        pdf or b"",
        (digest or b"").decode(errors="replace"),
        sealing,
        pdf_sha256,
    )
