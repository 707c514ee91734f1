"""Shared fixtures: the shipped content, a copy of it to break, and a ready main window."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counsel.core.content import ClinicSettings, Content  # noqa: E402
from counsel.core.content_loader import load_clinic, load_content  # noqa: E402
from counsel.resources import resources_dir  # noqa: E402


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content("en")


@pytest.fixture(scope="session")
def clinic() -> ClinicSettings:
    return load_clinic()


@pytest.fixture
def resources_copy(tmp_path: Path) -> Path:
    """A private copy of resources/ that a test may edit or break."""
    target = tmp_path / "resources"
    shutil.copytree(resources_dir(), target)
    return target


class TickingClock:
    """A clock that moves one minute each time it is read, so times are distinct and known."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()
