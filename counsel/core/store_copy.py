"""Moving one computer's records into the clinic's PostgreSQL server, exactly as they are.

Every row is copied with its own values (ids, times, digests, PDFs, the audit trail's numbers
and hashes, the clinic key's signatures), so the chain on the server is the chain that was
signed here, and ``verify`` finds it intact. Rows go a batch at a time (``BATCH_ROWS``): one
question for which of them the server has already, one COPY for the rest, so memory stays
flat and the server is asked a few hundred times, not once a row, for years of records. The
copy is one transaction holding the store's write lock: all of it or nothing, so a copy cut
off halfway (the network, a killed command) leaves the server as it was. It can be run again:
what is already there (the same row, value for value) is counted, not copied twice; a draft
continued here since is brought up to date, or stored signed if it was signed here since. A
server whose trail differs from this one's (another computer's records, or rooms already
working on it) is refused: two chains cannot be joined without changing one, and nothing
signed may change.

Afterwards every record, entry and signature is read back from the server a batch at a time
and compared with the original, value for value, and the server's copy is verified as
``records verify --full`` does (without adding a checkpoint, which would make the server's
trail differ from this one).
The clinic key stays in this computer's records folder, where a server store finds it too;
its certificates (every one this computer signed with, the public parts) are kept on the
server as well, so a computer without the key can be given what verify needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counsel.core import store_schema as schema
from counsel.core.audit_chain import VerifyReport
from counsel.core.audit_signatures import publish_certificate
from counsel.core.clinic_key import Keyring
from counsel.core.database import Database
from counsel.core.record_status import IN_PROGRESS
from counsel.core.store_location import ServerDatabase
from counsel.core.store_verify import Verification

#: Each copied table, the column that identifies a row, and the parts its rows are read in, in
#: order: a withdrawal or correction after the record it links to, signatures after their
#: entry. Each part is read in an order SQLite has already (the records as they lie in the
#: file; the amendments, a few, from their index), never sorted whole: sorting the records
#: would first copy every PDF into SQLite's temporary files (gigabytes for years of records).
TABLES = (
    (
        "records",
        "id",
        (
            "NOT INDEXED WHERE links_to IS NULL ORDER BY rowid",
            "INDEXED BY records_amendments WHERE links_to IS NOT NULL ORDER BY rowid",
        ),
    ),
    ("audit", "seq", ("ORDER BY seq",)),
    ("audit_signatures", "seq", ("ORDER BY seq",)),
    ("clinic_certificates", "fingerprint", ("ORDER BY fingerprint",)),
    ("time_stamp_certificates", "fingerprint", ("ORDER BY fingerprint",)),
)
#: Rows sent or read back at once: a record is about 165 KB with its PDF, so a batch of them
#: is a few megabytes; other rows are small.
BATCH_ROWS = {"records": 50}
OTHER_BATCH_ROWS = 1_000
#: Passes items through, reporting progress (``cli_progress.progress`` on the command line).
Progress = Callable[[Iterable[Any], int, str], Iterator[Any]]


def quietly(items: Iterable[Any], _total: int, _what: str) -> Iterator[Any]:
    yield from items


class CopyRefused(Exception):
    """The server holds records or audit entries this computer's store does not: nothing was
    copied (the message says what differs)."""


@dataclass
class CopyReport:
    """Per table: rows copied, and rows that were there already (an earlier run)."""

    copied: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    drafts_brought_up_to_date: int = 0
    differences: list[str] = field(default_factory=list)  # found when reading the copy back
    verified: VerifyReport | None = None

    @property
    def ok(self) -> bool:
        return not self.differences and self.verified is not None and self.verified.ok


def copy_store(
    folder: Path, target: ServerDatabase, keys: Keyring, progress: Progress = quietly
) -> CopyReport:
    """Copy the SQLite store in ``folder`` (upgraded already: ``open_store``) to ``target``
    (created or upgraded here), then read it back and verify it with ``keys``."""
    report = CopyReport()
    with (
        closing(schema.open_file_reader(Path(folder) / schema.DB_NAME)) as source,
        closing(schema.open_store_database(target)) as server,
        schema.read_transaction(source),
    ):
        with schema.transaction(server, durable=True):
            _same_beginning(source, server)
            for table, key, parts in TABLES:
                _copy_table(source, server, table, key, parts, report, progress)
            for certificate in keys.certificates().values():
                publish_certificate(server, certificate)
        with schema.read_transaction(server):
            for table, key, parts in TABLES:
                report.differences += _compare_table(source, server, table, key, parts, progress)
    check = Verification(target, full=True, remember=None, keys=keys)
    try:
        for _ in progress(check.each_checked(), check.total, "Verifying the copy"):
            pass
    finally:
        check.close()
    report.verified = check.report
    return report


def _columns(source: Database, table: str) -> list[str]:
    return [row[1] for row in source.execute(f"PRAGMA table_info({table})")]


def _rows(
    db: Database, table: str, columns: list[str], parts: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    for part in parts:
        for values in db.execute(f"SELECT {', '.join(columns)} FROM {table} {part}"):
            yield dict(zip(columns, (_plain(value) for value in values), strict=True))


def _plain(value: Any) -> Any:
    """Bytes from either engine as ``bytes`` (the server may hand back a memoryview)."""
    return bytes(value) if isinstance(value, (memoryview, bytearray)) else value


def _same_beginning(source: Database, server: Database) -> None:
    """The server's trail must be this one's, or a first part of it (an earlier run): its
    last entry's hash is the one this store has at that number."""
    (last,) = server.execute("SELECT max(seq) FROM audit").fetchone()
    if last is None:
        _begin_signing_where_this_store_did(source, server)
        return
    here = source.execute("SELECT hash FROM audit WHERE seq = ?", (last,)).fetchone()
    there = server.execute("SELECT hash FROM audit WHERE seq = ?", (last,)).fetchone()
    if here is None or here[0] != there[0]:
        raise CopyRefused(
            f"the server's audit trail is not this computer's (its entry {last} differs or is"
            " not here): it holds other records, so nothing was copied. Records can be moved"
            " only into an empty server database, or one an earlier run of this copy filled."
        )


def _begin_signing_where_this_store_did(source: Database, server: Database) -> None:
    """Where the clinic key's signing began is part of what verify trusts; a new server
    database says 1, this store may say later (records sealed before keys). The guard that
    keeps it from changing is lifted for this one change of an empty trail, in the copy's
    transaction (the owner of the tables may do so: the app's role may not)."""
    (here,) = source.execute("SELECT seq FROM signed_from").fetchone()
    (there,) = server.execute("SELECT seq FROM signed_from").fetchone()
    if here != there:
        server.execute("ALTER TABLE signed_from DISABLE TRIGGER USER")
        server.execute("DELETE FROM signed_from")
        server.execute("INSERT INTO signed_from VALUES (?)", (here,))
        server.execute("ALTER TABLE signed_from ENABLE TRIGGER USER")


def _batches(
    source: Database,
    table: str,
    columns: list[str],
    parts: tuple[str, ...],
    what: str,
    progress: Progress,
) -> Iterator[list[dict[str, Any]]]:
    """This store's rows of ``table``, ``parts`` in turn, a batch at a time, with progress."""
    (total,) = source.execute(f"SELECT count(*) FROM {table}").fetchone()
    rows = progress(_rows(source, table, columns, parts), total, f"{what} {table}")
    size = BATCH_ROWS.get(table, OTHER_BATCH_ROWS)
    while batch := list(itertools.islice(rows, size)):
        yield batch


def _on_server(
    server: Database, table: str, columns: list[str], key: str, batch: list[dict[str, Any]]
) -> dict[Any, dict[str, Any]]:
    """The server's rows with the keys of ``batch`` (one query; PDFs as their bytes)."""
    marks = ", ".join("?" * len(batch))
    sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN ({marks})"
    found = schema.with_blobs(server, sql, [row[key] for row in batch])
    rows = (dict(zip(columns, map(_plain, values), strict=True)) for values in found)
    return {row[key]: row for row in rows}


def _copy_table(
    source: Database,
    server: Database,
    table: str,
    key: str,
    parts: tuple[str, ...],
    report: CopyReport,
    progress: Progress,
) -> None:
    columns = _columns(source, table)
    copied = same = 0
    for batch in _batches(source, table, columns, parts, "Copying", progress):
        there = _on_server(server, table, columns, key, batch)
        new = [[row[column] for column in columns] for row in batch if row[key] not in there]
        if new:
            schema.insert_many(server, table, columns, new)
            copied += len(new)
        for row in batch:
            found = there.get(row[key])
            if found is None:
                continue
            if found == row:
                same += 1
            elif table == "records" and found["status"] == IN_PROGRESS:
                schema.put_row(server, row, exists=True)  # continued or signed here since
                report.drafts_brought_up_to_date += 1
            else:
                raise CopyRefused(
                    f"{table} {row[key]} on the server differs from this computer's, so nothing"
                    " was copied: the server holds other records"
                )
    report.copied[table], report.already_there[table] = copied, same


def _compare_table(
    source: Database,
    server: Database,
    table: str,
    key: str,
    parts: tuple[str, ...],
    progress: Progress,
) -> list[str]:
    """Each of this store's rows read back from the server a batch at a time, and compared
    value by value."""
    columns = _columns(source, table)
    differences = []
    for batch in _batches(source, table, columns, parts, "Checking", progress):
        there = _on_server(server, table, columns, key, batch)
        for row in batch:
            copy = there.get(row[key])
            if copy is None:
                differences.append(f"{table} {row[key]}: missing on the server")
            elif copy != row:
                names = ", ".join(name for name in columns if copy[name] != row[name])
                differences.append(f"{table} {row[key]}: {names} differ on the server")
    return differences
