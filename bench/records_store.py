"""Generated record stores of a clinic's years, cached between benchmark runs (they take
minutes to build): ``$TMPDIR/counsel-bench-records/<count>-v<schema>-p<page size>-<pointer
map>/`` (a store is named by what a new one is made with, so a change to it builds anew), or, on
a PostgreSQL server (``--records-server``), a database ``counsel_bench_<count>_v<schema>``
there, with its clinic key in ``$TMPDIR/counsel-bench-records/server-<count>-v<schema>/``.
A store whose every PDF is its own (``distinct_pdfs``) has ``distinct`` after its count."""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from counsel.core.content import ClinicSettings, Content
from counsel.core.demo_records import demo_pool, demo_records, store_demo_records
from counsel.core.store_location import StoreLocation, open_store
from counsel.core.store_schema import DB_NAME, PAGE_SIZE, POINTER_MAP, SCHEMA_VERSION

LAST_DAY = date(2026, 11, 30)  # the same store on every run
CACHE = Path(tempfile.gettempdir()) / "counsel-bench-records"


def cached_store(
    count: int,
    content: Content,
    clinic: ClinicSettings,
    server: str = "",
    *,
    distinct_pdfs: bool = False,
) -> StoreLocation:
    """A store of ``count`` signed demo records, built once: in a folder, or on ``server``.
    With ``distinct_pdfs`` each record's PDF is signed anew (about 40 ms a record), as in a
    clinic; otherwise a few signed PDFs are shared, which hides what checking one costs."""
    size = f"{count}distinct" if distinct_pdfs else str(count)
    if server:
        folder = CACHE / f"server-{size}-v{SCHEMA_VERSION}"
        url, created = server_database(server, f"counsel_bench_{size}_v{SCHEMA_VERSION}")
        if created:  # a marker left from a database since dropped
            shutil.rmtree(folder, ignore_errors=True)
    else:
        layout = f"v{SCHEMA_VERSION}-p{PAGE_SIZE}-{POINTER_MAP.lower()}"
        folder, url = CACHE / f"{size}-{layout}", ""
    location = StoreLocation(folder, url)
    done = folder / "complete"
    if done.exists():
        return location
    from counsel.pdf.acknowledgement import build_acknowledgement

    print(f"Building a store of {count:,} records (cached in {location})…", file=sys.stderr)
    if server:
        url, _ = server_database(server, urlsplit(url).path[1:], fresh=True)
    (folder / DB_NAME).unlink(missing_ok=True)
    pool = demo_pool(content, lambda session: build_acknowledgement(session, clinic))
    with open_store(location, actor="bench") as store:
        records = demo_records(pool, count, seed=count, last_day=LAST_DAY)
        store_demo_records(store, records, distinct_pdfs=distinct_pdfs)
    done.touch()
    return location


def empty_store(server: str = "") -> StoreLocation:
    folder = Path(tempfile.mkdtemp(prefix="counsel-bench-empty-"))
    url = server_database(server, "counsel_bench_empty", fresh=True)[0] if server else ""
    location = StoreLocation(folder, url)
    open_store(location).close()
    return location


def server_database(server: str, name: str, *, fresh: bool = False) -> tuple[str, bool]:
    """The URL of database ``name`` on ``server`` (made if missing, or made anew if
    ``fresh``), and whether it was just made."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if found is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}")), found is None
