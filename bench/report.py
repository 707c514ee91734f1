"""The printed report: what was measured, then one PASS / MISS line per target."""

from __future__ import annotations

from typing import Any


def format_report(results: dict[str, Any]) -> str:
    meta = results["meta"]
    header = (
        f"Counsel benchmark: {meta['runs']} run(s), Python {meta['python']}, "
        f"PySide6 {meta['pyside6']}, Qt platform {meta['qt_platform']}, {meta['cpus']} CPUs"
    )
    save = results["store"]["save_ms"]
    hung = results["hung_save"]
    server = hung["server_hung_ms"]
    store = [
        f"Draft save, demo visit growing by a question each time (ms): median"
        f" {save['median']:.1f}, worst {save['worst']:.1f}",
        "Longest window stall while a save hangs, typing and Next going on (ms):"
        f" SQLite file locked {hung['sqlite_locked_ms']:.1f}, clinic server stopped (SIGSTOP)"
        + (f" {server:.1f}" if server is not None else " not measured (no PostgreSQL here)"),
    ]
    sections = (
        _startup(results),
        _screens(results["screen_change"]),
        _pdf(results["pdf"]),
        store,
        *([_records(results["records"])] if "records" in results else []),
        *([_distinct_pdfs(results["distinct_pdfs"])] if "distinct_pdfs" in results else []),
        _targets(results["targets"]),
    )
    return "\n\n".join([header, *("\n".join(lines) for lines in sections)])


def _startup(results: dict[str, Any]) -> list[str]:
    cold, memory = results["cold_start"], results["memory"]
    imports = results["startup_imports"]
    flagged = ", ".join(imports["flagged"]) or "none"
    return [
        f"{'Start-up, fresh process to first screen painted':<52}{'Counsel':>9}{'bare':>9}"
        f"{'ratio':>8}",
        _row(
            "  cold start, median (ms)",
            cold["counsel_ms"]["median"],
            cold["bare_ms"]["median"],
            cold["ratio"],
        ),
        _row(
            "  peak memory (VmHWM), median (MB)",
            memory["counsel_mb"]["median"],
            memory["bare_mb"]["median"],
            memory["ratio"],
        ),
        _row(
            "  peak memory after a whole visit, signed, PDF seen",
            memory["after_visit_mb"]["median"],
            memory["bare_mb"]["median"],
            memory["after_visit_ratio"],
        ),
        f"  (its PDF worker process, separate: peak {memory['pdf_worker_mb']['median']:.1f} MB)",
        f"{'  modules loaded at first paint':<52}{imports['counsel_modules']:>9}"
        f"{imports['bare_modules']:>9}",
        f"  of which not needed for the first screen: {flagged}",
        f"  (the interpreter itself is up after {cold['interpreter_ms']['median']:.0f} ms)",
    ]


def _row(name: str, counsel: float, bare: float, ratio: float) -> str:
    return f"{name:<52}{counsel:>9.1f}{bare:>9.1f}{ratio:>7.2f}x"


def _screens(screens: dict[str, Any]) -> list[str]:
    by_screen: dict[str, dict[str, dict[str, Any]]] = {}
    for change in screens["changes_ms"]:
        by_screen.setdefault(change["screen"], {})[change["visit"]] = change
    lines = [
        f"{'Screen change, Next pressed to screen painted (ms)':<52}{'first visit':>16}"
        f"{'again':>16}",
        f"{'':<52}{'median':>8}{'worst':>8}{'median':>8}{'worst':>8}",
    ]
    for screen, visits in by_screen.items():
        figures = "".join(
            f"{visits[v]['median']:>8.1f}{visits[v]['worst']:>8.1f}" for v in ("first", "again")
        )
        lines.append(f"  {screen:<50}{figures}")
    lines.append(
        f"  all changes: median {screens['median_ms']:.1f}, worst {screens['worst_ms']:.1f};"
        f" slowest median: {screens['slowest']}"
    )
    sizes = screens["text_size_ms"]
    lines.append(
        f"  text size A+ / A− with every screen built: median {sizes['median']:.1f},"
        f" worst {sizes['worst']:.1f}"
    )
    return lines


def _pdf(pdf: dict[str, Any]) -> list[str]:
    lines = [f"{'Acknowledgement PDF':<52}{'median build (ms)':>18}{'size (MB)':>12}"]
    for name in ("demo", "long", "bilingual"):
        build, size = pdf[name]["build_ms"]["median"], pdf[name]["mb"]
        lines.append(f"  {name:<50}{build:>18.1f}{size:>12.2f}")
    lines.append(
        f"  first build in a process (imports reportlab, parses fonts and pictures): "
        f"{pdf['first_build_ms']:.0f} ms"
    )
    signing = pdf["signing"]
    lines.append(
        f"  signing the demo PDF with the clinic key: median {signing['sign_ms']['median']:.1f}"
        f" ms, worst {signing['sign_ms']['worst']:.1f} ms (first, importing pyHanko:"
        f" {signing['first_ms']:.0f} ms), {signing['added_bytes'] / 1024:.1f} KB added"
    )
    return lines


RECORD_ROWS = (
    ("Records window open to first rows (ms)", ("window", "open_ms")),
    ("first keystroke's search (ms)", ("window", "keystroke_ms")),
    ("search, worst (ms)", ("window", "search_ms", "worst")),
    ("sort by any column, worst (ms)", ("window", "sort_ms", "worst")),
    ("search sorted by any column, worst (ms)", ("window", "sorted_search_ms", "worst")),
    ("scroll a page, worst (ms)", ("window", "scroll_ms", "worst")),
    ("the window's longest stall meanwhile (ms)", ("window", "stall_ms")),
    ("records list, median (ms)", ("cli_list_ms", "median")),
    ("  / the same on an empty store", ("cli_list_ratio",)),
    ("records list --search, median (ms)", ("cli_search_ms", "median")),
    ("  / the same on an empty store", ("cli_search_ratio",)),
    ("verify --full (s)", ("verify_full", "s")),
    ("verify --full, records a second", ("verify_full", "records_per_s")),
    ("verify --full, processor ms a record", ("verify_full", "cpu_ms_per_record")),
    ("verify --full, peak memory (MB)", ("verify_full", "peak_mb")),
    ("verify ID, median (ms)", ("verify_id_ms", "median")),
    ("unfinished-draft check, fresh connection (ms)", ("unfinished_check_ms", "median")),
    ("start-up to first paint, median (ms)", ("startup_ms", "median")),
    ("  / the same on an empty store", ("startup_ratio",)),
)


def _records(records: dict[str, Any]) -> list[str]:
    sizes = records["sizes"]
    title = f"Records ({records.get('engine', 'SQLite')}), by store size"
    lines = [f"{title:<52}" + "".join(f"{int(n):>12,}" for n in sizes)]
    for name, path in RECORD_ROWS:
        figures = []
        for size in sizes.values():
            value: Any = size
            for key in path:
                value = value[key]
            figures.append(f"{value:>12.1f}" if value < 1000 else f"{value:>12,.0f}")
        lines.append(f"  {name:<50}" + "".join(figures))
    for name, growth in records.get("growth", {}).items():
        lines.append(
            f"  growth {min(map(int, sizes)):,} -> {max(map(int, sizes)):,}, {name}: {growth:.2f}x"
        )
    return lines


def _distinct_pdfs(distinct: dict[str, Any]) -> list[str]:
    lines = [f"verify --full, {distinct['records']:,} records whose PDFs all differ"]
    for name, key in (
        ("clinic signature checked directly", "verify_full"),
        ("--pdf-validation (pyHanko, each PDF)", "verify_full_pdf_validation"),
    ):
        run = distinct[key]
        lines.append(
            f"  {name:<40}{run['records_per_s']:>9,.0f} records/s, {run['s']:.1f} s,"
            f" {run['cpu_ms_per_record']:.2f} processor ms a record, {run['peak_mb']:.0f} MB"
        )
    return lines


def _targets(targets: list[dict[str, Any]]) -> list[str]:
    lines = [f"{'Target':<40}{'measured':>12}{'limit':>12}  result"]
    for target in targets:
        measured = f"{target['value']:.4g}{target['unit']}"
        result = "PASS" if target["passed"] else "MISS"
        lines.append(f"  {target['target']:<38}{measured:>12}{target['limit']:>12}  {result}")
    return lines
