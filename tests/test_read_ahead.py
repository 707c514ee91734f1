"""The full check hashes one record on a second thread while it reads the next: results come
back in order, only a few records are held at once, and a cancelled check stops reading."""

from __future__ import annotations

import threading

from counsel.core.read_ahead import DEPTH, worked_in_order


def test_work_runs_on_another_thread_and_comes_back_in_order() -> None:
    threads: set[int] = set()

    def square(n: int) -> int:
        threads.add(threading.get_ident())
        return n * n

    assert list(worked_in_order(range(100), square)) == [n * n for n in range(100)]
    assert threads and threading.get_ident() not in threads


def test_only_a_few_items_are_read_ahead_of_what_was_used_and_stopping_reads_no_more() -> None:
    read: list[int] = []

    def items():
        for n in range(1_000):
            read.append(n)
            yield n

    results = worked_in_order(items(), lambda n: n)
    for used, result in enumerate(results, 1):
        assert len(read) - used <= DEPTH
        if result == 9:
            break
    results.close()
    assert len(read) <= 10 + DEPTH
