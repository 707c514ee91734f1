"""Generated record stores of a clinic's years, cached between benchmark runs (they take
minutes to build): ``$TMPDIR/counsel-bench-records/<count>-v<schema>-p<page size>/``."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from counsel.core.content import ClinicSettings, Content
from counsel.core.demo_records import demo_pool, demo_records, store_demo_records
from counsel.core.record_store import RecordStore
from counsel.core.store_schema import DB_NAME, PAGE_SIZE, SCHEMA_VERSION

LAST_DAY = date(2026, 11, 30)  # the same store on every run


def cached_store(count: int, content: Content, clinic: ClinicSettings) -> Path:
    """The folder of a store of ``count`` signed demo records, built once."""
    cache = Path(tempfile.gettempdir()) / "counsel-bench-records"
    folder = cache / f"{count}-v{SCHEMA_VERSION}-p{PAGE_SIZE}"
    done = folder / "complete"
    if done.exists():
        return folder
    from counsel.pdf.acknowledgement import build_acknowledgement

    print(f"Building a store of {count:,} records (cached in {folder})…", file=sys.stderr)
    (folder / DB_NAME).unlink(missing_ok=True)
    pool = demo_pool(content, lambda session: build_acknowledgement(session, clinic))
    with RecordStore.in_folder(folder, actor="bench") as store:
        store_demo_records(store, demo_records(pool, count, seed=count, last_day=LAST_DAY))
    done.touch()
    return folder


def empty_store() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="counsel-bench-empty-"))
    RecordStore.in_folder(folder).close()
    return folder
