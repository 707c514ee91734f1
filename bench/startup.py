"""Cold start, peak memory and start-up imports, each from fresh processes (see launcher.py)."""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import counsel
from bench.stats import summary

LAUNCHER = Path(__file__).with_name("launcher.py")
TIMEOUT_S = 120
# Not needed to show the first screen, and each costs start-up time or memory.
FLAGGED_MODULES = (
    "reportlab",
    "counsel.pdf",
    "sqlite3",
    "psycopg",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "counsel.ink",  # the signature model, with the session's stored form
    "counsel.core.session_codec",
    "html",  # its table of entities, for labels with markup and read-aloud's highlight
    "locale",  # loaded by argparse's messages, which a plain start skips
)


def launch(kind: str, data_dir: Path, database_url: str = "") -> dict[str, Any]:
    """Start ``launcher.py kind`` and return what it reported at its first paint."""
    env = dict(os.environ, COUNSEL_DATA_DIR=str(data_dir), COUNSEL_DATABASE_URL=database_url)
    env["BENCH_SPAWNED_AT"] = repr(time.perf_counter())
    done = subprocess.run(
        [sys.executable, str(LAUNCHER), kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    for line in done.stdout.splitlines():
        if line.startswith("painted "):
            return json.loads(line.removeprefix("painted "))
    raise RuntimeError(f"the {kind} window never painted (exit {done.returncode}):\n{done.stderr}")


def measure_startup(runs: int) -> dict[str, Any]:
    """Counsel and the bare window alternate, so a busy moment slows both alike.

    One launch of each comes first, untimed: it fills the disk cache for both alike, and it
    creates Counsel's record store (in a temporary folder) and its content cache (see
    ``counsel/core/content_cache.py``), which a clinic's first start only does once.
    """
    compile_bytecode()
    reports: dict[str, list[dict[str, Any]]] = {"counsel": [], "bare": []}
    with TemporaryDirectory() as data_dir:
        for kind in reports:
            launch(kind, Path(data_dir))
        for _ in range(runs):
            for kind, kind_reports in reports.items():
                kind_reports.append(launch(kind, Path(data_dir)))
    counsel, bare = reports["counsel"], reports["bare"]
    cold = {kind: summary([r["painted_ms"] for r in rs]) for kind, rs in reports.items()}
    memory = {kind: summary([r["peak_rss_kb"] / 1024 for r in rs]) for kind, rs in reports.items()}
    visit_reports = [visit_report() for _ in range(runs)]
    visits = [float(r["peak_rss_kb"]) / 1024 for r in visit_reports]
    workers = [float(r["pdf_worker_peak_kb"]) / 1024 for r in visit_reports]
    loaded = set(counsel[-1]["modules"])
    flagged = [name for name in FLAGGED_MODULES if _has(loaded, name)]
    return {
        "cold_start": {
            "counsel_ms": cold["counsel"],
            "bare_ms": cold["bare"],
            "interpreter_ms": summary([r["interpreter_ms"] for r in counsel + bare]),
            "ratio": cold["counsel"]["median"] / cold["bare"]["median"],
        },
        "memory": {
            "counsel_mb": memory["counsel"],
            "bare_mb": memory["bare"],
            "ratio": memory["counsel"]["median"] / memory["bare"]["median"],
            "after_visit_mb": summary(visits),
            "after_visit_ratio": summary(visits)["median"] / memory["bare"]["median"],
            "pdf_worker_mb": summary(workers),
        },
        "startup_imports": {
            "counsel_modules": len(loaded),
            "bare_modules": len(bare[-1]["modules"]),
            "flagged": flagged,
            "flagged_count": len(flagged),
            "only_counsel": sorted(loaded - set(bare[-1]["modules"])),
        },
    }


def compile_bytecode() -> None:
    """Counsel's modules compiled, as installing does (``scripts/setup.sh``, a wheel), so a
    start measures Counsel and not the compiler (PySide6 and the standard library come
    compiled); it matters where ``PYTHONDONTWRITEBYTECODE`` is set."""
    compileall.compile_dir(Path(counsel.__file__).parent, quiet=1)


def visit_report() -> dict[str, Any]:
    """What Counsel reported after a whole visit (see ``launcher.visit``), each in a new
    folder as the demo session it signs keeps one record id."""
    with TemporaryDirectory() as data_dir:
        return launch("visit", Path(data_dir))


def _has(loaded: set[str], package: str) -> bool:
    return package in loaded or any(name.startswith(package + ".") for name in loaded)
