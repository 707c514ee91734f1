"""The real app, started as its own process on a real X server with a window manager, driven
by real X input (xdotool): a clinician fills the details by keyboard, steps through, the
patient and clinician sign with mouse drags, Sign and finish; the stored PDF is checked.

Where the focus is, is found as a user finds it: the focus ring's colour on screen.
The session is seeded with the teaching screens already covered (checklist, quiz, questions),
so the test spends its time on what only real input can show."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from counsel.core.content import Content
from counsel.core.demo import demo_session
from counsel.core.record_status import IN_PROGRESS
from counsel.core.record_store import RecordStore
from counsel.core.session import Details
from counsel.ui.theme import PALETTE

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1366, 768)
SIDEBAR_RIGHT = 300  # the sidebar is narrower than this at 100% text
Box = tuple[int, int, int, int]  # left, top, right, bottom


def needs(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see scripts/setup.sh)")
        pytest.skip(f"not installed: {missing}")


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb with openbox; its DISPLAY."""
    needs("Xvfb", "openbox", "xdotool", "import")
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            "1",
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert xvfb.stdout is not None
    name = f":{xvfb.stdout.readline().decode().strip()}"
    env = {**os.environ, "DISPLAY": name}
    manager = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield name
    manager.terminate()
    xvfb.terminate()
    manager.wait(10)
    xvfb.wait(10)


class Desktop:
    """xdotool and screenshots on one X display."""

    def __init__(self, name: str, shots: Path) -> None:
        self.env = {**os.environ, "DISPLAY": name}
        self.shots = shots
        self.count = 0

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        return done.stdout.strip()

    def window_named(self, title: str, app: subprocess.Popen) -> str:
        """The app's window once it is mapped (a search can fail while windows come and go,
        so it is asked again), or a failure saying the app ended."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert app.poll() is None, f"the app ended with code {app.returncode}"
            found = self.xdotool("search", "--onlyvisible", "--name", title).split()
            if found:
                return found[0]
            time.sleep(0.3)
        raise AssertionError(f"no window named {title!r} within 60 s")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)
        time.sleep(0.2)

    def screenshot(self) -> QImage:
        self.count += 1
        path = self.shots / f"screen-{self.count:02}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=60
        )
        return QImage(str(path))

    def focus_box(self) -> Box | None:
        """The bounding box of the focus ring on screen (light theme), or None."""
        image = self.screenshot()
        ring = QColor(PALETTE.focus).rgb() & 0xFFFFFF
        xs, ys = [], []
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                if image.pixel(x, y) & 0xFFFFFF == ring:
                    xs.append(x)
                    ys.append(y)
        return (min(xs), min(ys), max(xs), max(ys)) if len(xs) > 20 else None

    def tab_to(self, wanted, limit: int = 40) -> Box:
        for _ in range(limit):
            self.keys("Tab")
            time.sleep(0.2)
            box = self.focus_box()
            if box is not None and wanted(box):
                return box
        raise AssertionError("the wanted control never took the focus")

    def drag(self, box: Box, points: list[tuple[float, float]]) -> None:
        """A pen stroke through ``points`` (fractions of the box), with real button events."""
        left, top, right, bottom = box
        steps = [
            (a[0] + (b[0] - a[0]) * i / 8, a[1] + (b[1] - a[1]) * i / 8)
            for a, b in zip(points, points[1:], strict=False)
            for i in range(8)
        ]
        at = [
            (round(left + (right - left) * fx), round(top + (bottom - top) * fy))
            for fx, fy in [*steps, points[-1]]
        ]
        self.xdotool("mousemove", str(at[0][0]), str(at[0][1]))
        self.xdotool("mousedown", "1")
        for x, y in at[1:]:
            self.xdotool("mousemove", str(x), str(y))
            time.sleep(0.01)
        self.xdotool("mouseup", "1")
        time.sleep(0.3)


def text_field(box: Box) -> bool:
    left, top, right, bottom = box
    return left > SIDEBAR_RIGHT and right - left > 400 and bottom - top < 90


def signature_pad(box: Box) -> bool:
    left, top, right, bottom = box
    return left > SIDEBAR_RIGHT and bottom - top > 100 and right - left > 300


SIGNATURE = [(0.1, 0.6), (0.2, 0.3), (0.3, 0.7), (0.45, 0.25), (0.6, 0.7), (0.75, 0.3), (0.9, 0.6)]


def seed_covered_session(data: Path, content: Content) -> str:
    """A session with every teaching screen covered, but no details and no signatures."""
    session = demo_session(content, seal=False)
    session.details = Details()
    session.signatures = {}
    session.present = frozenset()
    session.view(content.screens[0].id)  # left on the welcome screen
    with RecordStore.in_folder(data) as store:
        store.save_draft(session)
    return session.id


def test_a_whole_consent_with_real_x_input(display: str, tmp_path: Path, content: Content) -> None:
    data, shots = tmp_path / "data", tmp_path / "shots"
    shots.mkdir()
    record_id = seed_covered_session(data, content)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "COUNSEL_DATA_DIR": str(data),
        "COUNSEL_CONFIG_DIR": str(tmp_path / "config"),
        "COUNSEL_TTS_ENGINE": "mock",
    }
    desktop = Desktop(display, shots)
    app = subprocess.Popen(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        window = desktop.window_named(content.title, app)
        desktop.xdotool("windowactivate", "--sync", window)
        time.sleep(1.5)
        desktop.keys("Return")  # "Resume" the unfinished session
        time.sleep(1.0)
        desktop.tab_to(text_field)  # the patient's name
        for text in ("Test Patient-Eetoe", "03/14/1948", "E2E-1", "Dr. Test Clinician", "MD"):
            desktop.type(text)
            desktop.keys("Tab")
        desktop.keys("Tab", "Tab", "Tab", "space")  # the fourth level: L4-L5
        signatures = next(i for i, s in enumerate(content.screens) if s.kind == "signatures")
        for _ in range(signatures):
            desktop.keys("alt+Right")
        time.sleep(1.0)
        for _ in range(2):  # the patient's pad, then the clinician's
            desktop.drag(desktop.tab_to(signature_pad), SIGNATURE)
        # past Undo, Clear, "An interpreter helped", "A witness is present": Sign and finish
        desktop.keys("Tab", "Tab", "Tab", "Tab", "Tab", "space")
        time.sleep(1.0)
        desktop.screenshot()  # kept with the test's files: what was asked
        desktop.keys("Return")  # "Sign and seal"
        deadline = time.monotonic() + 60
        with RecordStore.in_folder(data) as store:
            while store.record(record_id).status == IN_PROGRESS and time.monotonic() < deadline:
                time.sleep(0.5)
            desktop.screenshot()  # what the Done screen shows
            pdf = store.pdf_bytes(record_id)
        (tmp_path / "signed.pdf").write_bytes(pdf)
        text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "signed.pdf").pages)
        for expected in ("Test Patient-Eetoe", "Dr. Test Clinician", "E2E-1", "L4-L5"):
            assert expected in text, expected
    finally:
        app.terminate()
        output = app.communicate(timeout=20)[0].decode(errors="replace")
        print(output)  # shown if the test fails
