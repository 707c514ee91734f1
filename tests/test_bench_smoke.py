"""``python -m bench --quick`` runs end to end and reports every figure (not the targets)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.needs_qt  # the benchmark measures the Qt app

REPO = Path(__file__).resolve().parent.parent
# Each section of the JSON and figures in it that must be measured (positive numbers).
FIGURES = {
    "cold_start": [("counsel_ms", "median"), ("bare_ms", "median"), ("ratio",)],
    "memory": [
        ("counsel_mb", "median"),
        ("bare_mb", "median"),
        ("ratio",),
        ("after_visit_mb", "median"),
        ("after_visit_ratio",),
    ],
    "startup_imports": [("counsel_modules",), ("bare_modules",)],
    "screen_change": [("median_ms",), ("worst_ms",), ("slowest_median_ms",)],
    "pdf": [
        ("first_build_ms",),
        ("demo", "build_ms", "median"),
        ("demo", "bytes"),
        ("long", "build_ms", "median"),
        ("long", "bytes"),
        ("bilingual", "build_ms", "median"),
        ("bilingual", "bytes"),
        ("signing", "sign_ms", "median"),
        ("signing", "added_bytes"),
    ],
    "store": [("save_ms", "median")],
    "records": [
        ("largest", "window", "open_ms"),
        ("largest", "window", "sort_ms", "worst"),
        ("largest", "window", "search_ms", "worst"),
        ("largest", "cli_list_ratio"),
        ("largest", "verify_full", "peak_mb"),
        ("largest", "verify_full", "records_per_s"),
        ("largest", "verify_id_ms", "median"),
        ("largest", "unfinished_check_ms", "median"),
        ("largest", "startup_ratio"),
    ],
    "distinct_pdfs": [
        ("verify_full", "records_per_s"),
        ("verify_full_pdf_validation", "records_per_s"),
    ],
}


def figure(results: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        results = results[key]
    return results


def test_quick_benchmark_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=270,  # a hang guard under pytest's 300 s, not a speed limit: CI shares the cores
    )
    assert done.returncode == 0, done.stderr
    assert "PASS" in done.stdout or "MISS" in done.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    for section, paths in FIGURES.items():
        for path in paths:
            assert figure(results[section], path) > 0, (section, path)
    changes = results["screen_change"]["changes_ms"]
    assert {change["visit"] for change in changes} == {"first", "again"}
    assert any(" step " in change["screen"] for change in changes)
    assert all(change["median"] > 0 for change in changes)
    assert isinstance(results["startup_imports"]["flagged"], list)
    assert results["records"]["largest"]["records"] == 300  # --quick keeps the store small
    assert results["distinct_pdfs"]["records"] == 20
    assert results["targets"]
    assert all(isinstance(target["passed"], bool) for target in results["targets"])
