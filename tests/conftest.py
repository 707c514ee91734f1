"""Shared fixtures: the shipped content, a copy of it to break, and a ready main window."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_clinic, load_content
from counsel.resources import resources_dir

# CI runs the suite in two parts at once: in a virtualenv without PySide6, to prove the core and
# the PDF stand alone, the test files that need no Qt; in the full one (``--needs-qt-only``)
# the rest: those that need Qt (its modules, the interface, Qt-driven helpers, the qtbot and
# open_window fixtures, or marked ``needs_qt``). No test runs twice.
QT_AVAILABLE = importlib.util.find_spec("PySide6") is not None
NEEDS_QT = re.compile(
    r"^\s*(from|import) (PySide6|counsel\.ui|pytestqt|bench|ink_helpers|ui_driver)\b"
    r"|\b(qtbot|open_window)\b[,)]|\bpytest\.mark\.needs_qt\b",
    re.MULTILINE,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--needs-qt-only",
        action="store_true",
        help="only the test files that need Qt (the others are CI's run without PySide6)",
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.suffix != ".py" or collection_path.name == "conftest.py":
        return None
    if QT_AVAILABLE and not config.getoption("needs_qt_only"):
        return None
    needs_qt = bool(NEEDS_QT.search(collection_path.read_text(encoding="utf-8")))
    return (needs_qt if not QT_AVAILABLE else not needs_qt) or None


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


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its records and content cache in its own folder, never the user's."""
    folder = tmp_path / "counsel-data"
    monkeypatch.setenv("COUNSEL_DATA_DIR", str(folder))
    monkeypatch.setenv("COUNSEL_CACHE_DIR", str(tmp_path / "counsel-cache"))
    return folder


@pytest.fixture
def full_disk(private_data_dir: Path):
    """The records folder on a small real file system that a test can fill and free."""
    from full_disk import FullDisk

    disk = FullDisk(private_data_dir)
    if not disk.mounted:
        pytest.skip(f"cannot mount a small file system here: {disk.reason}")
    yield disk
    disk.unmount()


@pytest.fixture
def store(private_data_dir: Path):
    from counsel.core.record_store import RecordStore

    with RecordStore.in_folder(private_data_dir) as opened:
        yield opened


@pytest.fixture
def open_window(qtbot, content, clinic, store, clock):
    """``open_window(new_session=None, size=(1280, 820))``: a shown main window over the
    test's store, at ``size`` (None: as fitted to the 800x800 offscreen screen), showing
    ``new_session()`` (and again for each new session; None: an empty one)."""
    from PySide6.QtWidgets import QApplication

    from counsel.core.session import Session
    from counsel.ui.app import prepare_application
    from counsel.ui.main_window import MainWindow

    opened = []

    def open_(new_session=None, size=(1280, 820)):
        prepare_application([])

        def factory(in_use):
            return new_session() if new_session else Session(in_use, clock=clock)

        window = MainWindow(content, clinic, store, new_session=factory)
        if size:
            window.setMinimumSize(*size)  # not shrunk to the screen once shown
            window.resize(*size)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # keyboard shortcuts work in the active window only
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        opened.append(window)
        return window

    yield open_
    for window in opened:  # translators and the style sheet belong to the whole application
        window.languages.translations.use("en")
    prepare_application([])


@pytest.fixture(autouse=True)
def mock_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read-aloud speaks through Qt's mock engine in tests: silent and predictable."""
    monkeypatch.setenv("COUNSEL_TTS_ENGINE", "mock")


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Window places, last folders and the last clinician stay in the test's own folder."""
    folder = tmp_path / "counsel-config"
    monkeypatch.setenv("COUNSEL_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def demo(content: Content):
    """The demo visit, signed: what the PDF tests read."""
    from counsel.core.demo import demo_session

    return demo_session(content)


@pytest.fixture(scope="session")
def demo_pdf(demo, clinic: ClinicSettings) -> bytes:
    """The demo visit's acknowledgement PDF, built once for the whole run."""
    from counsel.pdf.acknowledgement import build_acknowledgement

    return build_acknowledgement(demo, clinic)


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the whole run (``postgres_server.PostgresServer``). Where
    none can be started the tests that need it are skipped, saying why; on CI they fail."""
    from postgres_server import PostgresServer, ServerNotStarted

    try:
        server = PostgresServer().start()
    except (ServerNotStarted, OSError) as error:
        reason = f"no PostgreSQL server for the tests: {error}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_engine(request: pytest.FixtureRequest) -> str:
    """Each store test runs on both engines (``engines.SQLITE_ONLY`` keeps one on SQLite)."""
    return request.param


@pytest.fixture
def location(store_engine: str, private_data_dir: Path, request: pytest.FixtureRequest):
    """Where the test's store is: the SQLite file in its data folder, or a fresh database of
    its own on the test server (the data folder then holds only the clinic key)."""
    from counsel.core.store_location import StoreLocation

    if store_engine == "sqlite":
        yield StoreLocation(private_data_dir)
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield StoreLocation(private_data_dir, url)
    server.drop_database(url)
