"""The records database on PostgreSQL: its schema, versioned and migrated like SQLite's.

A server store begins at schema version 6 (``FIRST_VERSION``), created whole, with the same
tables, columns, guards and listing indexes as an SQLite store of that version; each later
version is a step in ``MIGRATIONS`` here as well as in ``store_schema``. Text columns sort
byte by byte (``COLLATE "C"``), as SQLite's do, so lists and pages come in the same order on
both engines. Sealed rows and the audit trail are guarded by triggers, as in SQLite, and
cannot be truncated either. The SQLite functions the store's SQL calls are defined here.
"""

from __future__ import annotations

from collections.abc import Callable

from counsel.core.store_location import ServerDatabase
from counsel.core.store_server import ServerConnection

FIRST_VERSION = 6
TEXT = 'text COLLATE "C"'

_RECORDS = f"""CREATE TABLE records (
    id {TEXT} PRIMARY KEY,
    data text NOT NULL,
    patient_name {TEXT} NOT NULL,
    date_of_birth {TEXT},
    record_number {TEXT} NOT NULL,
    clinician {TEXT} NOT NULL,
    created_at {TEXT} NOT NULL,
    updated_at {TEXT} NOT NULL,
    content_version {TEXT} NOT NULL,
    content_sha256 {TEXT} NOT NULL,
    status {TEXT} NOT NULL DEFAULT 'in_progress'
        CHECK (status IN ('in_progress', 'signed', 'withdrawn', 'correction')),
    links_to {TEXT} REFERENCES records (id),
    pdf bytea,
    digest {TEXT},
    search_key {TEXT} NOT NULL DEFAULT ''
)"""
_AUDIT = f"""CREATE TABLE audit (
    seq bigint PRIMARY KEY,
    record_id {TEXT} NOT NULL,
    at {TEXT} NOT NULL,
    actor {TEXT} NOT NULL,
    action {TEXT} NOT NULL,
    detail text NOT NULL,
    prev_hash {TEXT} NOT NULL,
    hash {TEXT} NOT NULL,
    clinician {TEXT} NOT NULL DEFAULT '',
    workstation {TEXT} NOT NULL DEFAULT ''
)"""
#: SQLite's functions, as the store's SQL calls them (``json_extract`` takes '$.a.b' paths).
_SQLITE_FUNCTIONS = (
    """CREATE FUNCTION instr(text, text) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN strpos($1, $2)""",
    """CREATE FUNCTION json_valid(text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN PERFORM $1::json; RETURN true; EXCEPTION WHEN others THEN RETURN false; END $$""",
    """CREATE FUNCTION json_extract(text, text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN ($1::json) #>> string_to_array(substr($2, 3), '.')""",
    # With several paths, their values as one JSON array (the non-variadic one wins for one).
    """CREATE FUNCTION json_extract(text, VARIADIC text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_to_json(array_agg(($1::json) #>> string_to_array(substr(path, 3), '.')
            ORDER BY n))::text FROM unnest($2) WITH ORDINALITY AS paths(path, n) $$""",
    """CREATE FUNCTION json_array(VARIADIC text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN array_to_json($1)::text""",
    """CREATE FUNCTION blob(text) RETURNS bytea
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN convert_to($1, 'UTF8')""",
    """CREATE FUNCTION blob(bytea) RETURNS bytea
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN $1""",
)
_REFUSE = """CREATE FUNCTION counsel_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END
    $$"""
_SIGNED_FROM_ONCE = """CREATE FUNCTION counsel_signed_from_once() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN
        IF EXISTS (SELECT 1 FROM signed_from) THEN
            RAISE EXCEPTION 'signing began once' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$"""


def _read_only(table: str, message: str, condition: str = "") -> tuple[str, ...]:
    """No UPDATE or DELETE of ``table``'s rows (those matching ``condition``), no TRUNCATE."""
    when = f"WHEN ({condition})" if condition else ""
    refuse = f"EXECUTE FUNCTION counsel_refuse('{message}')"
    return (
        *(
            f"CREATE TRIGGER {table}_no_{event} BEFORE {event.upper()} ON {table}"
            f" FOR EACH ROW {when} {refuse}"
            for event in ("update", "delete")
        ),
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} {refuse}",
    )


def _listing_index(name: str, key: str, listed: tuple[str, ...]) -> str:
    others = ", ".join(column for column in listed if column not in (key, "id"))
    return f"CREATE INDEX {name} ON records ({key}, id) INCLUDE ({others}) WHERE links_to IS NULL"


def _version_6(conn: ServerConnection) -> None:
    from counsel.core.store_schema import LISTED_COLUMNS, LISTING_INDEXES

    sealed, append_only = "sealed records are read-only", "the audit trail is append-only"
    statements = (
        *_SQLITE_FUNCTIONS,
        _REFUSE,
        _SIGNED_FROM_ONCE,
        _RECORDS,
        _AUDIT,
        "CREATE INDEX audit_record ON audit (record_id)",
        """CREATE TABLE audit_signatures (
            seq bigint PRIMARY KEY REFERENCES audit (seq),
            certificate text NOT NULL,
            signature bytea NOT NULL
        )""",
        "CREATE TABLE signed_from (seq bigint NOT NULL)",
        "INSERT INTO signed_from VALUES (1)",
        *_read_only("records", sealed, "OLD.status <> 'in_progress'"),
        *_read_only("audit", append_only),
        *_read_only("audit_signatures", append_only),
        *_read_only("signed_from", append_only),
        "CREATE TRIGGER signed_from_once BEFORE INSERT ON signed_from"
        " FOR EACH ROW EXECUTE FUNCTION counsel_signed_from_once()",
        "CREATE INDEX records_amendments ON records (links_to, status) WHERE links_to IS NOT NULL",
        "CREATE INDEX records_drafts ON records (updated_at) WHERE status = 'in_progress'",
        *(_listing_index(name, key, LISTED_COLUMNS) for key, name in LISTING_INDEXES.items()),
        "CREATE INDEX records_matching ON records (created_at, search_key, links_to)"
        " WHERE links_to IS NULL",
    )
    for statement in statements:
        conn.execute(statement)


def _version_7(conn: ServerConnection) -> None:
    """The public part of each clinic certificate that signed (``store_schema``'s v7)."""
    _kept_certificates(conn, "clinic_certificates", "clinic certificates are kept for good")


def _version_8(conn: ServerConnection) -> None:
    """The time-stamp authorities' certificates (``store_schema``'s v8). And PDFs are stored
    as they are: they are compressed already, and trying again took four fifths of the time
    of storing a signed record."""
    kept = "time-stamp certificates are kept for good"
    _kept_certificates(conn, "time_stamp_certificates", kept)
    conn.execute("ALTER TABLE records ALTER COLUMN pdf SET STORAGE EXTERNAL")


def _list_status(kept: tuple[str, ...]) -> str:
    """``counsel_list_status``, which keeps ``listed_status`` (each listed record's id and
    ``kept`` columns) as records are added, signed, withdrawn and deleted. It runs as the
    tables' owner (SECURITY DEFINER): the app role may read the table, never write it itself."""
    values = ", ".join(f"NEW.{column}" for column in ("id", *kept))
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in kept)
    return f"""CREATE OR REPLACE FUNCTION counsel_list_status() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM listed_status WHERE record_id = OLD.id;
            RETURN OLD;
        ELSIF NEW.links_to IS NULL THEN
            INSERT INTO listed_status VALUES ({values})
                ON CONFLICT (record_id) DO UPDATE SET {updates};
        ELSIF NEW.status = 'withdrawn' THEN
            UPDATE listed_status SET status = 'withdrawn' WHERE record_id = NEW.links_to;
        END IF;
        RETURN NEW;
    END $$"""


#: ``counsel_list_status`` of schema version 9, and from version 10 on (the start and search
#: key kept beside the status).
_LIST_STATUS = _list_status(("status",))
_LIST_SEARCHED = _list_status(("status", "created_at", "search_key"))


def _version_9(conn: ServerConnection) -> None:
    """Each listed record's status, sortable from an index (``store_schema``'s v9). A page
    sorted by it reads the listed columns through the records' primary key: a row's session
    and PDF are stored apart from it (TOAST), so no listing index by id is needed here."""
    from counsel.core.store_schema import FILL_LISTED_STATUS

    for statement in (
        f"""CREATE TABLE listed_status (
            record_id {TEXT} PRIMARY KEY,
            status {TEXT} NOT NULL
        )""",
        "CREATE INDEX listed_status_order ON listed_status (status, record_id)",
        FILL_LISTED_STATUS,
        _LIST_STATUS,
        "CREATE TRIGGER records_listed_status AFTER INSERT OR DELETE ON records"
        " FOR EACH ROW EXECUTE FUNCTION counsel_list_status()",
        "CREATE TRIGGER records_listed_signed AFTER UPDATE OF status ON records"
        " FOR EACH ROW EXECUTE FUNCTION counsel_list_status()",
        "ANALYZE listed_status",
    ):
        conn.execute(statement)


def _version_10(conn: ServerConnection) -> None:
    """A search reads ``listed_status`` whole for its matches: each record's start and search
    key are kept there too, by the same triggers (a draft's as its name is typed). Its table
    is read in the order it lies on disk, about 7 MB at 50,000 records; the listing index a
    search walked instead is read backwards, a page at a time, which took 0.3-0.7 s when it
    was not in memory (``record_query``). SQLite's version 10 adds nothing."""
    from counsel.core.store_schema import LISTED_STATUS_SQL

    for statement in (
        "TRUNCATE listed_status",  # filled again whole below, without a dead row
        f"""ALTER TABLE listed_status ADD COLUMN created_at {TEXT} NOT NULL,
            ADD COLUMN search_key {TEXT} NOT NULL""",
        f"""INSERT INTO listed_status (record_id, status, created_at, search_key)
            SELECT r.id, {LISTED_STATUS_SQL}, r.created_at, r.search_key
            FROM records r WHERE r.links_to IS NULL""",
        _LIST_SEARCHED,
        "DROP TRIGGER records_listed_signed ON records",
        """CREATE TRIGGER records_listed_changed AFTER UPDATE OF status, created_at, search_key
            ON records FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                OR OLD.created_at IS DISTINCT FROM NEW.created_at
                OR OLD.search_key IS DISTINCT FROM NEW.search_key)
            EXECUTE FUNCTION counsel_list_status()""",
        "ANALYZE listed_status",
    ):
        conn.execute(statement)


def _kept_certificates(conn: ServerConnection, table: str, kept: str) -> None:
    conn.execute(
        f"""CREATE TABLE {table} (
            fingerprint {TEXT} PRIMARY KEY,
            pem text NOT NULL
        )"""
    )
    for statement in _read_only(table, kept):
        conn.execute(statement)


#: Migration ``n`` takes a server store from version ``FIRST_VERSION + n`` to the next, as
#: ``store_schema.MIGRATIONS`` does for SQLite. Append only, never edit.
MIGRATIONS: tuple[Callable[[ServerConnection], None], ...] = (
    _version_7,
    _version_8,
    _version_9,
    _version_10,
)


def version(conn: ServerConnection) -> int:
    """The schema version of the database (0: nothing of Counsel's there yet)."""
    (table,) = conn.execute("SELECT to_regclass('store_version')").fetchone() or (None,)
    if table is None:
        return 0
    (found,) = conn.execute("SELECT version FROM store_version").fetchone() or (0,)
    return int(found)


def migrate(conn: ServerConnection, target: int) -> None:
    """Bring the database to ``target`` in one transaction (holding the write lock, so two
    rooms starting at once do not both create it)."""
    from counsel.core.store_schema import StoreVersionError

    with conn.transaction(durable=True):
        found = version(conn)
        if found > target:
            raise StoreVersionError(
                f"the records database is version {found}; this Counsel reads up to"
                f" {target}. Please update Counsel."
            )
        if found == target:
            return
        if found == 0:
            _version_6(conn)
            conn.execute("CREATE TABLE store_version (version integer NOT NULL)")
            conn.execute("INSERT INTO store_version VALUES (?)", (FIRST_VERSION,))
        for step in MIGRATIONS[max(found, FIRST_VERSION) - FIRST_VERSION : target - FIRST_VERSION]:
            step(conn)
        conn.execute("UPDATE store_version SET version = ?", (target,))


def open_server(database: ServerDatabase, target: int) -> ServerConnection:
    """A writing connection to the records on the server, its schema brought to ``target``."""
    conn = ServerConnection(database)
    try:
        migrate(conn, target)
    except BaseException:
        conn.close()
        raise
    return conn


def open_server_reader(database: ServerDatabase, target: int) -> ServerConnection:
    """A connection that only reads, one snapshot per transaction; the schema must be
    ``target`` (a newer or older one is not read)."""
    from counsel.core.store_schema import StoreVersionError

    conn = ServerConnection(database, reader=True)
    try:
        found = version(conn)
        if found != target:
            raise StoreVersionError(
                f"the records database on {database.host} is version {found} and this Counsel"
                f" reads version {target}"
            )
    except BaseException:
        conn.close()
        raise
    return conn
