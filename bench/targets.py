"""Issue #6's targets (and a text size change under 100 ms), as data: where each figure is
in the results, and its limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    name: str
    path: tuple[str, ...]  # keys leading to the figure in the results
    limit: float
    unit: str
    inclusive: bool = False  # "at most" rather than "under"

    def figure(self, results: dict[str, Any]) -> float:
        value: Any = results
        for key in self.path:
            value = value[key]
        return float(value)

    def check(self, results: dict[str, Any]) -> dict[str, Any]:
        value = self.figure(results)
        passed = value <= self.limit if self.inclusive else value < self.limit
        limit = f"{'≤' if self.inclusive else '<'} {self.limit:g}{self.unit}"
        return {"target": self.name, "value": value, "unit": self.unit, "limit": limit,
                "passed": passed}


TARGETS = (
    Target("Cold start, Counsel / bare", ("cold_start", "ratio"), 2.0, "x", inclusive=True),
    Target("Peak memory, Counsel / bare", ("memory", "ratio"), 2.0, "x", inclusive=True),
    Target("Unneeded modules at first paint", ("startup_imports", "flagged_count"), 0, "",
           inclusive=True),
    Target("Screen change, slowest median", ("screen_change", "slowest_median_ms"), 16, " ms"),
    Target("Screen change, worst", ("screen_change", "worst_ms"), 50, " ms"),
    Target("Text size change, median", ("screen_change", "text_size_ms", "median"), 100, " ms"),
    Target("Demo PDF build, median", ("pdf", "demo", "build_ms", "median"), 300, " ms"),
    Target("Long PDF build, median", ("pdf", "long", "build_ms", "median"), 1000, " ms"),
    Target("Bilingual PDF build, median", ("pdf", "bilingual", "build_ms", "median"), 1000,
           " ms"),
    Target("Draft save, median", ("store", "save_ms", "median"), 5, " ms"),
    Target("Demo PDF size", ("pdf", "demo", "mb"), 2, " MB"),
)


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [target.check(results) for target in TARGETS]
