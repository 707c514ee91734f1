"""The two figures every timing is judged by: the typical case and the worst one."""

from __future__ import annotations

from statistics import median
from typing import Any


def summary(samples: list[float]) -> dict[str, Any]:
    return {"median": median(samples), "worst": max(samples), "samples": samples}
