"""Progress on stderr for long command-line work, shown only once it has taken a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

Item = TypeVar("Item")
QUIET_FOR_S = 1.0  # quick commands stay silent
EVERY_S = 0.5


def progress(
    items: Iterable[Item], total: int, what: str, stream: TextIO | None = None
) -> Iterator[Item]:
    """Pass ``items`` through, writing "what: done/total (percent)" now and then."""
    out = stream or sys.stderr
    started = last = time.monotonic()
    shown_done = done = 0
    for done, item in enumerate(items, 1):
        yield item
        now = time.monotonic()
        if now - started >= QUIET_FOR_S and now - last >= EVERY_S:
            out.write(f"\r{what}: {done:,}/{total:,} ({100 * done // max(total, 1)}%)")
            out.flush()
            last, shown_done = now, done
    if shown_done:
        if shown_done != done:
            out.write(f"\r{what}: {done:,}/{total:,} (100%)")
        out.write("\n")
        out.flush()


def upgrade_progress(stream: TextIO | None = None) -> Callable[[int, int], None]:
    """Report a records database upgrade step by step: it happens once, but on a store of years
    it takes a while, and a silent command would look hung."""
    out = stream or sys.stderr

    def report(done: int, total: int) -> None:
        out.write(f"\rUpgrading the records database (once): step {done} of {total}")
        if done >= total:
            out.write("\n")
        out.flush()

    return report
