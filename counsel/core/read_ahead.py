"""Work on other threads while this one reads what comes next.

A full check reads sealed records from SQLite, hashes their bytes and checks signatures.
SQLite's reading, Python's SHA-256 and ``cryptography``'s signature checks release the
interpreter lock, so hashing a few records on worker threads while the next few are read lets
both cores share the work; results still come back in order, and at most ``depth`` items
(each a few records) are held at once, so memory stays flat.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
DEPTH = 4


def worked_in_order(
    items: Iterable[Item], work: Callable[[Item], Result], depth: int = DEPTH, workers: int = 1
) -> Generator[Result, None, None]:
    """``work(item)`` for each of ``items``, done on ``workers`` threads, yielded in order."""
    pending: deque[Future[Result]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="counsel-read-ahead") as worker:
        try:
            for item in items:
                pending.append(worker.submit(work, item))
                if len(pending) >= depth:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # stopped early (cancelled): drop what was queued, not run it
            for future in pending:
                future.cancel()
