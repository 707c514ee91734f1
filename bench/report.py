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
    store = [f"Draft save, demo visit growing by a question each time (ms): median"
             f" {save['median']:.1f}, worst {save['worst']:.1f}"]
    sections = (_startup(results), _screens(results["screen_change"]), _pdf(results["pdf"]),
                store, _targets(results["targets"]))
    return "\n\n".join([header, *("\n".join(lines) for lines in sections)])


def _startup(results: dict[str, Any]) -> list[str]:
    cold, memory = results["cold_start"], results["memory"]
    imports = results["startup_imports"]
    flagged = ", ".join(imports["flagged"]) or "none"
    return [
        f"{'Start-up, fresh process to first screen painted':<52}{'Counsel':>9}{'bare':>9}"
        f"{'ratio':>8}",
        _row("  cold start, median (ms)", cold["counsel_ms"]["median"], cold["bare_ms"]["median"],
             cold["ratio"]),
        _row("  peak memory (VmHWM), median (MB)", memory["counsel_mb"]["median"],
             memory["bare_mb"]["median"], memory["ratio"]),
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
    return lines


def _targets(targets: list[dict[str, Any]]) -> list[str]:
    lines = [f"{'Target':<40}{'measured':>12}{'limit':>12}  result"]
    for target in targets:
        measured = f"{target['value']:.4g}{target['unit']}"
        result = "PASS" if target["passed"] else "MISS"
        lines.append(f"  {target['target']:<38}{measured:>12}{target['limit']:>12}  {result}")
    return lines
