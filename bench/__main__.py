"""``python -m bench``: measure Counsel against a bare window, print the table, keep the JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from bench.hung_save import measure_hung_save
from bench.pdf import measure_pdf
from bench.records import measure_distinct_pdfs, measure_records
from bench.report import format_report
from bench.screens import measure_screen_changes
from bench.startup import measure_startup
from bench.store import measure_store
from bench.targets import check_targets
from counsel.core.content_loader import load_clinic, load_content


def positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def sizes(text: str) -> list[int]:
    numbers = [int(part) for part in text.split(",") if part.strip()]
    if any(number < 0 for number in numbers):
        raise argparse.ArgumentTypeError("sizes are counts of records")
    return [number for number in numbers if number]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Counsel's benchmark: cold start, memory, screen changes and the PDF, "
        "each compared with a bare PySide6 window in the same run.",
    )
    parser.add_argument("--runs", type=positive, default=5, help="runs of each (default: 5)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every figure here")
    parser.add_argument(
        "--quick", action="store_true", help="one run of everything (for the smoke test)"
    )
    parser.add_argument(
        "--records",
        type=sizes,
        metavar="N[,N…]",
        help="record stores to measure (default: 10000,50000; with --quick: 300; 0: none)."
        " Generated stores are cached in the temporary folder.",
    )
    parser.add_argument(
        "--records-server",
        default="",
        metavar="URL",
        help="measure the records side on this PostgreSQL server (postgresql://…; a role that"
        " may create databases) instead of SQLite files; its stores are cached there too",
    )
    parser.add_argument(
        "--records-distinct",
        type=int,
        metavar="N",
        help="verify --full on a store of N records whose PDFs all differ, as a clinic's do"
        " (default: 10000; with --quick: 20; 0: none). Built once, about 40 ms a record.",
    )
    return parser.parse_args(argv)


def measure(
    runs: int, record_sizes: list[int], records_server: str = "", distinct: int = 0
) -> dict[str, Any]:
    content, clinic = load_content("en"), load_clinic()
    results: dict[str, Any] = {}
    print("Measuring start-up in fresh processes…", file=sys.stderr)
    results.update(measure_startup(runs))
    print("Measuring the PDF…", file=sys.stderr)
    results["pdf"] = measure_pdf(content, clinic, runs)
    print("Measuring draft saves…", file=sys.stderr)
    results["store"] = measure_store(content)
    print("Measuring the window while a save hangs…", file=sys.stderr)
    results["hung_save"] = measure_hung_save(content, clinic)
    print("Measuring screen changes…", file=sys.stderr)
    results["screen_change"] = measure_screen_changes(content, clinic, runs)
    if record_sizes:
        print(f"Measuring the records side at {record_sizes} records…", file=sys.stderr)
        results["records"] = measure_records(content, clinic, record_sizes, runs, records_server)
    if distinct:
        print(f"Measuring verify on {distinct} records whose PDFs all differ…", file=sys.stderr)
        results["distinct_pdfs"] = measure_distinct_pdfs(distinct, content, clinic, records_server)
    results["meta"] = {
        "runs": runs,
        "python": platform.python_version(),
        "pyside6": version("PySide6"),
        "qt_platform": QGuiApplication.platformName(),
        "cpus": os.cpu_count(),
    }
    results["targets"] = check_targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # children inherit it
    record_sizes = (
        args.records if args.records is not None else ([300] if args.quick else [10_000, 50_000])
    )
    distinct = (
        args.records_distinct
        if args.records_distinct is not None
        else (20 if args.quick else 10_000)
    )
    results = measure(1 if args.quick else args.runs, record_sizes, args.records_server, distinct)
    print(format_report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
