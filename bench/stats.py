"""The two figures every timing is judged by: the typical case and the worst one."""

from __future__ import annotations

from statistics import median


def summary(samples: list[float]) -> dict[str, float | list[float]]:
    return {"median": median(samples), "worst": max(samples), "samples": samples}
