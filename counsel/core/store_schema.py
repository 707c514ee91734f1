"""The record database: where it lives, how it is opened and written, its schema and columns.

A database remembers its schema version in ``PRAGMA user_version``; opening runs the missing
migrations in one transaction, so a database is either fully upgraded or untouched. Version 1
kept drafts only. Version 2 added signing: status and links, the PDF and digest of a sealed
row, the append-only audit trail, and the triggers that make sealed rows and audit entries
read-only inside the database itself, not just through our API. Version 3 made a store of
years of records fast: a folded name-and-number column to search, and an index for each way the
list is sorted, each holding every listed column so a page of the list never reads a record's
session data or PDF. Version 4 added a narrow index to count the matches of a search.
Version 5 added the clinic key's signatures of sealing entries and checkpoints (append-only,
like the trail) and where signing began, so entries from before it are told apart from ones
stripped of their signature. Version 6 names the clinician and the computer in each audit entry.
Version 7 keeps the public part of each clinic certificate that signed, so that a computer
without the clinic key (the records office) can be given what verify needs (it trusts one only
when told to: ``records key trust``). Version 8 keeps the certificates of the time-stamp
authorities whose stamps the stored PDFs carry, so their stamps can be checked anywhere.
Version 9 keeps each listed record's status (``listed_status``) where the list can sort by it:
drafts, signed, withdrawn. A withdrawal is a row of its own, never a change to the sealed row,
so the status the list shows is worked out from the rows; keeping it in a table of its own,
which only the database's triggers write as rows are added, signed and deleted, lets the list
sort by it from an index instead of working out every record's status first.
Version 10 is the server's alone (each record's start and search key beside its kept status,
for searching); a file's version 10 changes nothing.

The same store can live on the clinic's PostgreSQL server instead (``store_server_schema``,
from version 6 on): the functions here that open, read and write take either engine's
connection and do what that engine needs.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from counsel.core.audit_chain import canonical_json
from counsel.core.database import Database
from counsel.core.session import Session
from counsel.core.session_codec import session_to_dict
from counsel.core.store_location import DB_NAME, ServerDatabase

if TYPE_CHECKING:
    from counsel.core.store_server import ServerConnection

__all__ = ["DB_NAME"]
#: A signed record is about 165 KB (its PDF, its session): in pages of 16 KB rather than
#: SQLite's 4 KB it is read, and so verified, about 1.4 times as fast.
PAGE_SIZE = 16_384
#: An upgrade reads the file through memory mapping, up to SQLite's own limit (2 GB): a page
#: read is then no system call and copy (building the indexes of 10,000 records took a quarter
#: less work). Checks do not map: the mapped pages would count as the check's own memory.
READ_MAP_BYTES = 0x7FFF0000
#: A new database keeps a map of which page follows which (``auto_vacuum`` incremental, which
#: frees nothing by itself): SQLite then follows a record's chain of overflow pages without
#: reading each one, so a full check's matching of every index to its table reads a record's
#: last page or two, not its whole PDF again (2,000 records: 38,000 page reads, not 65,000).
POINTER_MAP = "INCREMENTAL"
BUSY_TIMEOUT_MS = 10_000  # another Counsel window may be committing; wait for it, do not fail


class StoreVersionError(RuntimeError):
    """The database was written by a newer Counsel; changing it could lose what that one wrote."""


def workstation_name() -> str:
    """The computer an entry was written on, as the network knows it."""
    return socket.gethostname() or "unknown"


def login_name() -> str:
    """Who is using the computer: the actor of audit entries unless the interface knows better."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


# Letters with a stroke do not decompose in NFKD; staff type them as the plain letter.
_PLAIN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe"}
)


def fold(text: str) -> str:
    """Casefolded without accents, so typing "zoe oberg" finds "Zoë Øberg" (SQL: ``fold()``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_PLAIN_LETTERS)
    if decomposed.isascii():  # most names: nothing to take off (verify folds every record's)
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _run(conn: sqlite3.Connection, *statements: str) -> None:
    for statement in statements:
        conn.execute(statement)


def _v1_drafts(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """CREATE TABLE records (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            patient_name TEXT NOT NULL,
            date_of_birth TEXT,
            record_number TEXT NOT NULL,
            clinician TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            content_version TEXT NOT NULL,
            content_sha256 TEXT NOT NULL
        )""",
        "CREATE INDEX records_created ON records (created_at)",
    )


def _read_only(table: str, message: str, condition: str = "") -> tuple[str, ...]:
    when = f"WHEN {condition}" if condition else ""
    return tuple(
        f"""CREATE TRIGGER {table}_no_{event} BEFORE {event.upper()} ON {table} {when}
            BEGIN SELECT RAISE(ABORT, '{message}'); END"""
        for event in ("update", "delete")
    )


def _v2_signing_and_audit(conn: sqlite3.Connection) -> None:
    sealed = "sealed records are read-only"
    append_only = "the audit trail is append-only"
    _run(
        conn,
        """ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'in_progress'
            CHECK (status IN ('in_progress', 'signed', 'withdrawn', 'correction'))""",
        "ALTER TABLE records ADD COLUMN links_to TEXT REFERENCES records (id)",
        "ALTER TABLE records ADD COLUMN pdf BLOB",
        "ALTER TABLE records ADD COLUMN digest TEXT",
        "CREATE INDEX records_links ON records (links_to)",
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        "CREATE INDEX audit_record ON audit (record_id)",
        *_read_only("records", sealed, "OLD.status <> 'in_progress'"),
        *_read_only("audit", append_only),
        # INSERT OR REPLACE deletes the old row without firing delete triggers; refuse it here.
        f"""CREATE TRIGGER records_no_replace BEFORE INSERT ON records
            WHEN EXISTS (SELECT 1 FROM records WHERE id = NEW.id AND status <> 'in_progress')
            BEGIN SELECT RAISE(ABORT, '{sealed}'); END""",
        f"""CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
            WHEN EXISTS (SELECT 1 FROM audit WHERE seq = NEW.seq)
            BEGIN SELECT RAISE(ABORT, '{append_only}'); END""",
    )


#: Every column a list row shows, in every listing index after its sort key, so a page of the
#: list is read from the index alone (a record's row starts with its session data, and reading
#: past it means reading that data).
LISTED_COLUMNS = (
    "id",
    "search_key",
    "patient_name",
    "date_of_birth",
    "record_number",
    "clinician",
    "created_at",
    "status",
    "content_version",
    "content_sha256",
    "links_to",
)
#: Index name for each sort key of the list; ``id`` breaks ties.
LISTING_INDEXES = {
    "created_at": "records_by_started",
    "search_key": "records_by_name",
    "date_of_birth": "records_by_birth",
    "record_number": "records_by_number",
    "clinician": "records_by_clinician",
}


def search_key(patient_name: str, record_number: str) -> str:
    """What a search looks in and the name sort orders by: the folded name, then the number."""
    return f"{fold(patient_name)}\x1f{fold(record_number)}"


def _listing_index(name: str, key: str) -> str:
    others = ", ".join(column for column in LISTED_COLUMNS if column != key)
    return f"CREATE INDEX {name} ON records ({key}, {others}) WHERE links_to IS NULL"


def _v3_indexes_for_years_of_records(conn: sqlite3.Connection) -> None:
    """Fill the new search column of every row: sealed rows too, so their guard is lifted for
    this one statement, inside the migration's transaction, and put back exactly as it was."""
    (guard,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'records_no_update'"
    ).fetchone()
    _run(
        conn,
        "ALTER TABLE records ADD COLUMN search_key TEXT NOT NULL DEFAULT ''",
        "DROP TRIGGER records_no_update",
        "UPDATE records SET search_key = fold(patient_name) || char(31) || fold(record_number)",
        guard,
        "DROP INDEX records_links",
        "DROP INDEX records_created",
        # Amendments of a record, with their kind: a row's status without reading the rows.
        "CREATE INDEX records_amendments ON records (links_to, status) WHERE links_to IS NOT NULL",
        # Start-up asks for the draft changed last: a small index of drafts only.
        "CREATE INDEX records_drafts ON records (updated_at) WHERE status = 'in_progress'",
        *(_listing_index(name, key) for key, name in LISTING_INDEXES.items()),
    )


def _v4_a_narrow_index_to_count_matches(conn: sqlite3.Connection) -> None:
    """The list says how many records match: counting reads this index, a fifth the size of
    a listing one, so a window opening on years of records shows its count sooner."""
    conn.execute(
        "CREATE INDEX records_matching ON records (created_at, search_key, links_to)"
        " WHERE links_to IS NULL"
    )


def _v5_clinic_key_signatures(conn: sqlite3.Connection) -> None:
    """Each sealing entry and checkpoint signed with the clinic key (``audit_signatures``):
    the signature and the fingerprint of the certificate that made it. Entries already
    there stay unsigned; ``signed_from`` is the first entry that must be signed."""
    append_only = "the audit trail is append-only"
    _run(
        conn,
        """CREATE TABLE audit_signatures (
            seq INTEGER PRIMARY KEY REFERENCES audit (seq),
            certificate TEXT NOT NULL,
            signature BLOB NOT NULL
        )""",
        "CREATE TABLE signed_from (seq INTEGER NOT NULL)",
        "INSERT INTO signed_from SELECT coalesce(max(seq), 0) + 1 FROM audit",
        *_read_only("audit_signatures", append_only),
        *_read_only("signed_from", append_only),
        f"""CREATE TRIGGER audit_signatures_no_replace BEFORE INSERT ON audit_signatures
            WHEN EXISTS (SELECT 1 FROM audit_signatures WHERE seq = NEW.seq)
            BEGIN SELECT RAISE(ABORT, '{append_only}'); END""",
        """CREATE TRIGGER signed_from_once BEFORE INSERT ON signed_from
            WHEN EXISTS (SELECT 1 FROM signed_from)
            BEGIN SELECT RAISE(ABORT, 'signing began once'); END""",
    )


def _v6_who_did_what(conn: sqlite3.Connection) -> None:
    """Each audit entry names the session's clinician and the computer, beside the account."""
    _run(
        conn,
        "ALTER TABLE audit ADD COLUMN clinician TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit ADD COLUMN workstation TEXT NOT NULL DEFAULT ''",
    )


def _v7_clinic_certificates(conn: sqlite3.Connection) -> None:
    """The certificates that signed entries, by fingerprint, kept for good (added as the
    store signs with each one)."""
    _run(conn, *_kept_certificates("clinic_certificates", "clinic certificates are kept for good"))


def _v8_time_stamp_certificates(conn: sqlite3.Connection) -> None:
    """The certificates of the time-stamp authorities whose stamps stored PDFs carry (each
    authority's and those above it), kept for good, so that a computer that never asked that
    authority can check its stamps."""
    kept = "time-stamp certificates are kept for good"
    _run(conn, *_kept_certificates("time_stamp_certificates", kept))


def _kept_certificates(table: str, kept: str) -> tuple[str, ...]:
    """A table of certificates by fingerprint that rows are only ever added to."""
    return (
        f"""CREATE TABLE {table} (
            fingerprint TEXT PRIMARY KEY,
            pem TEXT NOT NULL
        )""",
        *_read_only(table, kept),
        f"""CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
            WHEN EXISTS (SELECT 1 FROM {table} WHERE fingerprint = NEW.fingerprint)
            BEGIN SELECT RAISE(ABORT, '{kept}'); END""",
    )


#: The status each top-level record is listed with: a withdrawal's row makes it withdrawn.
LISTED_STATUS_SQL = """CASE WHEN EXISTS (SELECT 1 FROM records w WHERE w.links_to = r.id
    AND w.status = 'withdrawn') THEN 'withdrawn' ELSE r.status END"""
#: Filling ``listed_status`` for the records already stored (both engines' migration).
FILL_LISTED_STATUS = f"""INSERT INTO listed_status (record_id, status)
    SELECT r.id, {LISTED_STATUS_SQL} FROM records r WHERE r.links_to IS NULL"""


def _v9_listed_status(conn: sqlite3.Connection) -> None:
    """Each listed record's status, sortable from an index (``listed_status_order``), kept
    by triggers as records are added, signed, withdrawn and deleted, and a listing index by
    id, through which a page sorted by status reads the listed columns."""
    _run(
        conn,
        """CREATE TABLE listed_status (
            record_id TEXT PRIMARY KEY,
            status TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX listed_status_order ON listed_status (status, record_id)",
        FILL_LISTED_STATUS,
        """CREATE TRIGGER records_listed_added AFTER INSERT ON records WHEN NEW.links_to IS NULL
            BEGIN INSERT OR REPLACE INTO listed_status VALUES (NEW.id, NEW.status); END""",
        """CREATE TRIGGER records_listed_withdrawn AFTER INSERT ON records
            WHEN NEW.status = 'withdrawn'
            BEGIN UPDATE listed_status SET status = 'withdrawn' WHERE record_id = NEW.links_to;
            END""",
        """CREATE TRIGGER records_listed_signed AFTER UPDATE OF status ON records
            WHEN NEW.links_to IS NULL
            BEGIN UPDATE listed_status SET status = NEW.status WHERE record_id = NEW.id; END""",
        """CREATE TRIGGER records_listed_deleted AFTER DELETE ON records
            BEGIN DELETE FROM listed_status WHERE record_id = OLD.id; END""",
        _listing_index("records_by_id", "id"),
    )


def _v10_server_search(conn: sqlite3.Connection) -> None:
    """Nothing in a file: version 10 keeps each record's start and search key in the
    server's ``listed_status``, which a search there reads whole (``store_server_schema``);
    a search in a file still walks a listing index, which SQLite reads fast enough."""


#: Migration ``n`` takes a database from version ``n`` to ``n + 1``. Append only, never edit.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_drafts,
    _v2_signing_and_audit,
    _v3_indexes_for_years_of_records,
    _v4_a_narrow_index_to_count_matches,
    _v5_clinic_key_signatures,
    _v6_who_did_what,
    _v7_clinic_certificates,
    _v8_time_stamp_certificates,
    _v9_listed_status,
    _v10_server_search,
)
SCHEMA_VERSION = len(MIGRATIONS)


#: Told (statements done, statements in all) as an upgrade runs: one statement over a store of
#: years (an index built, a column filled) can take seconds, and the user should see it move.
UpgradeProgress = Callable[[int, int], None]


def migrate(
    conn: sqlite3.Connection,
    target: int = SCHEMA_VERSION,
    on_progress: UpgradeProgress | None = None,
) -> None:
    """Bring the database to ``target`` in one transaction (the write lock keeps two instances
    from migrating at once). Also gives ``conn`` the SQL ``fold()`` the migrations use."""
    conn.create_function("fold", 1, fold, deterministic=True)
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"the records database is version {version}; this Counsel reads up to"
                f" {SCHEMA_VERSION}. Please update Counsel."
            )
        # Building an index reads the whole table: mapped, each page costs no system call.
        conn.execute(f"PRAGMA mmap_size = {READ_MAP_BYTES if version else 0}")
        report = on_progress if 0 < version < target else None  # a new file: nothing to say
        if report is not None:
            _report_statements(conn, _statement_count(version, target), report)
        try:
            for step in MIGRATIONS[version:target]:
                step(conn)
        finally:
            conn.set_trace_callback(None)
            conn.execute("PRAGMA mmap_size = 0")
        if version < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
    if report is not None:
        report(*(2 * [_statement_count(version, target)]))


def _report_statements(conn: sqlite3.Connection, total: int, on_progress: UpgradeProgress) -> None:
    """Call ``on_progress`` as each statement starts (SQLite's trace; triggers' bodies, which
    it reports as comments, are part of their statement)."""
    started = 0

    def statement_started(sql: str) -> None:
        nonlocal started
        if not sql.startswith("--"):
            on_progress(min(started, total), total)
            started += 1

    conn.set_trace_callback(statement_started)


def _statement_count(version: int, target: int) -> int:
    """How many statements the upgrade from ``version`` runs: the same migrations, on an empty
    database in memory (instant), counted."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as rehearsal:
        rehearsal.create_function("fold", 1, fold, deterministic=True)
        for step in MIGRATIONS[:version]:
            step(rehearsal)
        count = 0

        def counted(sql: str) -> None:
            nonlocal count
            count += not sql.startswith("--")

        rehearsal.set_trace_callback(counted)
        for step in MIGRATIONS[version:target]:
            step(rehearsal)
        return count


def needs_upgrade(path: Path) -> bool:
    """Whether opening the database at ``path`` will upgrade it (read without changing it):
    a version whose steps since change nothing in a file (10) is only renumbered."""
    if not Path(path).exists():
        return False
    with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    return 0 < version < SCHEMA_VERSION and _statement_count(version, SCHEMA_VERSION) > 0


def private_folder(folder: Path) -> Path:
    """Create (or tighten) a folder only its owner may enter; patient records go in it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def _use_wal(conn: sqlite3.Connection) -> None:
    """Write-ahead logging: readers never block the writer, and a commit is one append.

    Switching a new database to WAL does not wait on the busy timeout, so when two windows
    create the database at the same moment one of them retries here instead of failing.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def open_database(
    path: Path, target: int = SCHEMA_VERSION, on_upgrade: UpgradeProgress | None = None
) -> sqlite3.Connection:
    """Connect (creating the file owner-only, so its -wal and -shm files are too) and migrate."""
    path = Path(path)
    if not path.parent.exists():
        private_folder(path.parent)
    created = False
    with contextlib.suppress(FileExistsError):  # a new file is owner-only from its first byte
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))
        created = True
    # An existing file is never opened here outside SQLite: closing any descriptor of it drops
    # every lock this process holds on it, those of the other connections here (the window's
    # writer has one of its own) included, and another process could then reset the WAL.
    os.chmod(path, 0o600)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        _run(
            conn,
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            "PRAGMA synchronous = NORMAL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA secure_delete = ON",  # deleted patient data is overwritten, not left free
            f"PRAGMA page_size = {PAGE_SIZE}",  # a new database only; an existing one keeps its
        )
        if created:  # on a file with tables it would take the write lock at every opening
            conn.execute(f"PRAGMA auto_vacuum = {POINTER_MAP}")
        _use_wal(conn)
        migrate(conn, target, on_upgrade)
    except BaseException:
        conn.close()
        raise
    return conn


def is_read_only_copy(path: Path) -> bool:
    """A database Counsel must only read: the file or its folder is marked read-only (a backup
    restored to check it) or cannot be written (read-only media)."""
    path = Path(path)
    if not path.is_file():
        return False
    return any(
        not os.access(place, os.W_OK) or not place.stat().st_mode & 0o222
        for place in (path, path.parent)
    )


def open_store_database(
    database: Path | ServerDatabase, on_upgrade: UpgradeProgress | None = None
) -> Database:
    """A connection that writes to the store's database, upgraded to this Counsel's schema."""
    if isinstance(database, ServerDatabase):
        from counsel.core.store_server_schema import open_server

        return open_server(database, SCHEMA_VERSION)
    return open_database(database, on_upgrade=on_upgrade)


def open_reader(database: Path | ServerDatabase) -> Database:
    """A connection that only reads: ``open_file_reader``, or one to the server whose every
    transaction is one snapshot (REPEATABLE READ READ ONLY)."""
    if isinstance(database, ServerDatabase):
        from counsel.core.store_server_schema import open_server_reader

        return open_server_reader(database, SCHEMA_VERSION)
    return open_file_reader(database)


def open_file_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that changes nothing, not even a read-only copy's folder.

    Checks read through it, in a transaction of their own, one snapshot however much another
    window writes meanwhile. A copy that cannot be written and has no write-ahead log is opened
    as immutable: SQLite then needs no lock or shared-memory file beside it. It may be used from
    another thread than the one that opened it (one thread at a time)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no records database at {path}")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if is_read_only_copy(path) and not (wal.exists() and wal.stat().st_size):
        uri += "&immutable=1"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise StoreVersionError(
                f"the records database is version {version} and this Counsel reads version"
                f" {SCHEMA_VERSION}; open it once with this Counsel (as a writable copy)"
                " to upgrade it, or use the Counsel that wrote it"
            )
    except BaseException:
        conn.close()
        raise
    return conn


def _server(conn: Database) -> ServerConnection | None:
    return None if isinstance(conn, sqlite3.Connection) else cast("ServerConnection", conn)


@contextmanager
def read_transaction(conn: Database) -> Iterator[Database]:
    """Every read inside sees one snapshot of the database, whatever is written meanwhile."""
    if (server := _server(conn)) is not None:
        with server.snapshot():
            yield conn
        return
    assert isinstance(conn, sqlite3.Connection)
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot starts
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


@contextmanager
def transaction(conn: Database, durable: bool = False) -> Iterator[Database]:
    """One transaction holding the write lock, so a change is all there or not at all.

    Commits are synced to disk at the next checkpoint (WAL, ``synchronous = NORMAL``), which
    survives a crash of the app but not a power cut; ``durable`` syncs before returning, for
    what must survive both (signing, withdrawing, deleting). Inside another transaction it
    is part of that one, which commits (or not) all of it. On the server, see
    ``ServerConnection.transaction``.
    """
    if (server := _server(conn)) is not None:
        with server.transaction(durable):
            yield conn
        return
    assert isinstance(conn, sqlite3.Connection)
    if conn.in_transaction:
        yield conn
        return
    if durable:
        conn.execute("PRAGMA synchronous = FULL")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        if durable:
            conn.execute("PRAGMA synchronous = NORMAL")


def streamed(conn: Database, sql: str, parameters: Sequence[Any] = ()) -> Iterable[Any]:
    """The rows of a query over the whole store, read as they are used: SQLite steps through
    them itself; the server sends them a batch at a time (inside a transaction)."""
    if (server := _server(conn)) is not None:
        return server.stream(sql, parameters)
    return conn.execute(sql, parameters)


def with_blobs(conn: Database, sql: str, parameters: Sequence[Any] = ()) -> Iterable[Any]:
    """The rows of a query that reads whole PDFs: the server sends their bytes as they are,
    not as hexadecimal text twice their size (which took four times as long to read)."""
    if (server := _server(conn)) is not None:
        return server.execute(sql, parameters, binary=True)
    return conn.execute(sql, parameters)


def forget_deleted(conn: Database) -> None:
    """Leave no copy of deleted rows in SQLite's write-ahead log (``secure_delete`` has already
    zeroed them in the file); the server reclaims them as it vacuums."""
    if isinstance(conn, sqlite3.Connection):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def insert_many(
    conn: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows`` in one statement: a COPY on the server (not a round trip a row)."""
    if (server := _server(conn)) is not None:
        server.copy(table, columns, rows)
        return
    assert isinstance(conn, sqlite3.Connection)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def put_row(conn: Database, row: Mapping[str, object], exists: bool) -> None:
    """Insert ``row`` into records, or update the row with its id (triggers guard sealed ones)."""
    if exists:
        sets = ", ".join(f"{name} = :{name}" for name in row)
        conn.execute(f"UPDATE records SET {sets} WHERE id = :id", row)
    else:
        names, values = ", ".join(row), ", ".join(f":{name}" for name in row)
        conn.execute(f"INSERT INTO records ({names}) VALUES ({values})", row)


def utc_text(moment: datetime) -> str:
    """UTC with fixed precision, so text order is time order in SQL."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def session_row(session: Session, updated_at: str) -> dict[str, Any]:
    """The records columns for ``session``: its JSON, and what the list shows and searches."""
    return stored_session_row(session_to_dict(session), updated_at)


def stored_session_row(data: dict[str, Any], updated_at: str) -> dict[str, Any]:
    """The records columns for a session in its stored form (``session_codec``)."""
    details = data["details"]
    return {
        "id": data["id"],
        "data": canonical_json(data).decode(),
        "patient_name": details["patient_name"],
        "date_of_birth": details["date_of_birth"],
        "record_number": details["record_number"],
        "clinician": details["clinician_name"],
        "created_at": utc_text(datetime.fromisoformat(data["started_at"])),
        "updated_at": updated_at,
        "content_version": data["content_version"],
        "content_sha256": data["content_sha256"],
        "search_key": search_key(details["patient_name"], details["record_number"]),
    }
