"""Stores of many generated, fictional signed records for tests at a clinic's scale."""

from __future__ import annotations

from functools import cache
from typing import Any

from counsel.core.content import Content
from counsel.core.content_loader import load_clinic, load_content
from counsel.core.demo_records import demo_pool, demo_records, store_demo_records
from counsel.core.record_store import RecordStore


@cache
def _pool(language: str) -> list[tuple[dict[str, Any], bytes]]:
    from counsel.pdf.acknowledgement import build_acknowledgement

    clinic = load_clinic()
    return demo_pool(
        load_content(language), lambda session: build_acknowledgement(session, clinic), size=2
    )


def real_pool(content: Content) -> list[tuple[dict[str, Any], bytes]]:
    """Two demo visits with their real PDFs, built once per test run."""
    return _pool(content.language)


def fill(store: RecordStore, content: Content, count: int, seed: int = 7) -> int:
    """``count`` signed demo records (some withdrawn or corrected) with real PDFs."""
    return store_demo_records(store, demo_records(real_pool(content), count, seed=seed))
