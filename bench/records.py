"""The records side at a clinic's scale: the Records window, ``records list``, ``verify``.

Each size is a generated store (``records_store``). The window is measured in this process,
each interaction from the call until the rows and the count it asked for are shown (read on
the window's reads thread) and painted; a heartbeat on the window's thread meanwhile gives
the longest the window went without answering. The command line in fresh processes against
the same command on an empty store; ``verify --full`` in a fresh process, its memory and its
worker processes' added up while it runs. The generated stores
share a few signed PDFs, so ``verify --full`` is measured again on a smaller store whose every
PDF is its own, as a clinic's are, with and without pyHanko's full validation of each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from statistics import median
from typing import Any

from PySide6.QtCore import QEventLoop, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from bench.hung_save import Heartbeat
from bench.records_store import cached_store, empty_store
from bench.startup import launch
from bench.stats import summary
from counsel.core.content import ClinicSettings, Content
from counsel.core.record_store import RecordStore
from counsel.core.store_location import StoreLocation, open_store

MAIN = Path(__file__).resolve().parent.parent / "main.py"
#: How often the memory of a verify and its worker processes is read while it runs.
SAMPLE_S = 0.01
SCROLL_PAGES = 20
#: Searched for while the list is sorted by each column: a word many records hold, a rarer
#: one, the numbers of the oldest fifth, and ten records' numbers (in most orders a walk of an
#: index finds those far from its start, or only at its end).
SORTED_SEARCHES = ("zo", "zoë w", "demo-00", "demo-01234")


def _ms(action: Callable[[], object]) -> float:
    """Time ``action`` until everything it caused has been painted."""
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000


def _records_command(location: StoreLocation, *args: str) -> tuple[list[str], dict[str, str]]:
    """``counsel records *args`` on the store at ``location``, and its environment."""
    command = [sys.executable, str(MAIN), "records", "--data-dir", str(location.folder), *args]
    return command, dict(os.environ, COUNSEL_DATABASE_URL=location.url)


def _cli_ms(location: StoreLocation, *args: str, runs: int) -> dict[str, Any]:
    samples = []
    command, env = _records_command(location, *args)
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        samples.append((time.perf_counter() - started) * 1000)
    return summary(samples)


def _verify_full(location: StoreLocation, count: int, *options: str) -> dict[str, Any]:
    """``verify --full`` in a fresh process: its time, its processor time (it and its worker
    processes, user and system; on a machine others share it varies less than time on the
    clock) and the peak of its and its workers' resident memory added up (each one's own
    high-water mark, ``VmHWM``: the child's ``ru_maxrss`` would count the benchmark's own size,
    which Linux keeps across the ``exec`` of a process it forked). With them, the load it ran
    under (on a shared machine it sets the pace) and the kernel's share of its processor time
    (copying the file's pages to SQLite, which reads each record's twice: once for the check,
    once for its own check of the file, ``file_integrity``)."""
    command, env = _records_command(location, "verify", "--full", *options)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    sampled_kb = 0
    while os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        sampled_kb = max(sampled_kb, _tree_peak_kb(process.pid))
        time.sleep(SAMPLE_S)
    _, status, used = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu_s = used.ru_utime + used.ru_stime
    return {
        "s": seconds,
        "records_per_s": count / seconds,
        "cpu_ms_per_record": cpu_s * 1000 / count,
        "peak_mb": sampled_kb / 1024,
        "cpu_s": cpu_s,
        "system_share": used.ru_stime / max(cpu_s, 1e-9),
        "load": load,
        "ok": process.returncode == 0,
    }


def _tree_peak_kb(pid: int) -> int:
    """The peak resident memory of process ``pid`` and its descendants so far, added up (0
    once gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = [c for t in Path(f"/proc/{pid}/task").iterdir() for c in _children(t)]
    except OSError:
        return 0
    rss = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0
    )
    return rss + sum(_tree_peak_kb(int(child)) for child in children)


def _children(task: Path) -> list[str]:
    """The processes a thread started (a worker process is its starting thread's child)."""
    try:
        return (task / "children").read_text().split()
    except OSError:  # the thread has ended
        return []


def measure_window(store: RecordStore, content: Content) -> dict[str, Any]:
    from counsel.ui.records_model import COLUMNS
    from counsel.ui.records_window import RecordsWindow

    window: RecordsWindow | None = None
    words = content.document
    assert words is not None

    def open_window() -> None:
        nonlocal window
        window = RecordsWindow(store, words)
        window.show()

    def shown_ms(action: Callable[[], object]) -> float:
        """``_ms`` until what ``action`` asked the store for is shown."""

        def asked_and_shown() -> None:
            action()
            assert window is not None
            while window.model.loading:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

        return _ms(asked_and_shown)

    heartbeat = Heartbeat()
    open_ms = shown_ms(open_window)
    assert window is not None
    table, model = window.table, window.model
    first_rows = model.rowCount()
    window.search.setText("z")
    keystroke_ms = shown_ms(window.apply_filter)  # the search the first key starts
    word_ms = []
    for text in ("zo", "zoë w", "demo-00", ""):
        window.search.setText(text)
        word_ms.append(shown_ms(window.apply_filter))
    search_ms = summary(word_ms)
    sort_ms = []
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sort_ms.append(shown_ms(partial(table.sortByColumn, column, order)))
    sorted_search_ms, slowest = [], ""
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            shown_ms(partial(table.sortByColumn, column, order))
            for text in SORTED_SEARCHES:
                window.search.setText(text)
                sorted_search_ms.append(shown_ms(window.apply_filter))
                if sorted_search_ms[-1] == max(sorted_search_ms):
                    slowest = f"{text!r} sorted by {COLUMNS[column][0]}, {order.name}"
            window.search.setText("")
            shown_ms(window.apply_filter)
    shown_ms(partial(table.sortByColumn, 3, Qt.SortOrder.DescendingOrder))
    scroll_ms = []
    for _ in range(SCROLL_PAGES):
        if not model.canFetchMore(QModelIndex()):
            break
        scroll_ms.append(shown_ms(table.scrollToBottom))
    stall_ms = heartbeat.stop()
    window.close()
    return {
        "open_ms": open_ms,
        "first_rows": first_rows,
        "keystroke_ms": keystroke_ms,
        "search_ms": search_ms,
        "sort_ms": summary(sort_ms),
        "sorted_search_ms": summary(sorted_search_ms),
        "sorted_search_slowest": slowest,
        "scroll_ms": summary(scroll_ms),
        "stall_ms": stall_ms,
    }


def measure_size(
    count: int,
    content: Content,
    clinic: ClinicSettings,
    runs: int,
    empty: StoreLocation,
    server: str = "",
) -> dict[str, Any]:
    location = cached_store(count, content, clinic, server)
    results: dict[str, Any] = {"records": count}
    with open_store(location, actor="bench") as store:
        results["window"] = measure_window(store, content)
        some_id = store.list_records(limit=1, offset=count // 2)[0].id
        results["verify_id_ms"] = summary([_ms(lambda: store.verify(some_id)) for _ in range(runs)])
    unfinished = []
    for _ in range(runs):
        started = time.perf_counter()
        with open_store(location, actor="bench") as fresh:
            fresh.unfinished()
        unfinished.append((time.perf_counter() - started) * 1000)
    results["unfinished_check_ms"] = summary(unfinished)
    painted: dict[str, list[float]] = {"store": [], "empty": []}
    for _ in range(runs):  # alternating, so a busy moment slows both alike
        for name, place in (("store", location), ("empty", empty)):
            painted[name].append(launch("counsel", place.folder, place.url)["painted_ms"])
    results["startup_ms"] = summary(painted["store"])
    results["startup_ratio"] = median(painted["store"]) / median(painted["empty"])
    for name, args in (("list", ()), ("search", ("--search", "zoe"))):
        big = _cli_ms(location, "list", *args, runs=runs)
        small = _cli_ms(empty, "list", *args, runs=runs)
        results[f"cli_{name}_ms"] = big
        results[f"cli_{name}_ratio"] = big["median"] / small["median"]
    results["verify_full"] = _verify_full(location, count)
    return results


def measure_distinct_pdfs(
    count: int, content: Content, clinic: ClinicSettings, server: str = ""
) -> dict[str, Any]:
    """``verify --full`` where no two records share a PDF, so each PDF's signature is checked:
    as routinely, and with pyHanko's full validation (what every PDF cost before)."""
    location = cached_store(count, content, clinic, server, distinct_pdfs=True)
    return {
        "records": count,
        "verify_full": _verify_full(location, count),
        "verify_full_pdf_validation": _verify_full(location, count, "--pdf-validation"),
    }


def measure_records(
    content: Content, clinic: ClinicSettings, sizes: list[int], runs: int, server: str = ""
) -> dict[str, Any]:
    """The records side on stores of ``sizes``: SQLite files, or databases on ``server``
    (a PostgreSQL URL whose role may create databases)."""
    empty = empty_store(server)
    try:
        by_size = {str(n): measure_size(n, content, clinic, runs, empty, server) for n in sizes}
    finally:
        shutil.rmtree(empty.folder, ignore_errors=True)  # its clinic key and file, if any
    results: dict[str, Any] = {"sizes": by_size, "largest": by_size[str(max(sizes))]}
    results["engine"] = "PostgreSQL" if server else "SQLite"
    if len(sizes) > 1:
        small, large = by_size[str(min(sizes))], by_size[str(max(sizes))]
        results["growth"] = {
            key: _figure(large, path) / max(_figure(small, path), 1e-9)
            for key, path in GROWTH.items()
        }
    return results


GROWTH = {
    "window open": ("window", "open_ms"),
    "search": ("window", "search_ms", "worst"),
    "sort": ("window", "sort_ms", "worst"),
    "records list": ("cli_list_ms", "median"),
    "verify time": ("verify_full", "s"),
    "verify peak memory": ("verify_full", "peak_mb"),
    "verify processor time": ("verify_full", "cpu_s"),
    "verify ID": ("verify_id_ms", "median"),
    "unfinished-draft check": ("unfinished_check_ms", "median"),
    "start-up to first paint": ("startup_ms", "median"),
}


def _figure(results: dict[str, Any], path: tuple[str, ...]) -> float:
    value: Any = results
    for key in path:
        value = value[key]
    return float(value)


if __name__ == "__main__":  # python -m bench.records 10000 [distinct 2000] [server URL]: JSON
    from counsel.core.content_loader import load_clinic, load_content

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    content, clinic = load_content("en"), load_clinic()
    words = sys.argv[1:]
    distinct = int(words.pop(words.index("distinct") + 1)) if "distinct" in words else 0
    server = words.pop(words.index("server") + 1) if "server" in words else ""
    sizes = [int(n) for n in words if n not in ("distinct", "server")]
    results = measure_records(content, clinic, sizes, 3, server) if sizes else {}
    if distinct:
        results["distinct_pdfs"] = measure_distinct_pdfs(distinct, content, clinic, server)
    print(json.dumps(results, indent=2))
