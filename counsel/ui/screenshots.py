"""``--screenshots DIR``: every screen of a demo walkthrough as PNG, without a display."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.content import ClinicSettings, Content, DoneScreen
from counsel.core.demo import demo_session
from counsel.core.record_store import RecordStore

if TYPE_CHECKING:
    from counsel.ui.main_window import MainWindow


def write_screenshots(content: Content, clinic: ClinicSettings, folder: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counsel.ui.app import create_main_window, prepare_application

    prepare_application([])
    folder.mkdir(parents=True, exist_ok=True)
    session = demo_session(content, seal=False)
    with tempfile.TemporaryDirectory() as scratch, RecordStore.in_folder(Path(scratch)) as store:
        window = create_main_window(content, clinic, store)
        window.start(session)
        window.show()
        written = render_every_screen(window, folder)
        written += render_display_samples(window, folder)
    print(f"Wrote {len(written)} screenshots to {folder}")
    return 0


def render_every_screen(window: MainWindow, folder: Path) -> list[Path]:
    """One PNG per screen (and per procedure step); signs the demo before the last screen."""
    content = window.content
    done = content.first_of(DoneScreen)
    written = []
    for index, screen in enumerate(content.screens):
        if screen is done:
            assert window.recorder is not None
            window.recorder.sign()  # what Sign and finish does once confirmed
            until_stored(window)
        window.go_to(index)
        page = window.current_page()
        views = page.views()
        for step in range(views):
            page.show_view(step)
            suffix = f"-step{step + 1}" if views > 1 else ""
            path = folder / f"{index + 1:02d}-{screen.id}{suffix}.png"
            settle()
            window.grab().save(str(path))
            written.append(path)
    return written


DISPLAY_SAMPLES = (("en", 100, False), ("en", 200, False), ("es", 100, True), ("es", 200, True))


def render_display_samples(window: MainWindow, folder: Path) -> list[Path]:
    """The stenosis screen in a 1024x700 window: English and Spanish, 100% and 200% text,
    normal and high contrast (the README shows these)."""
    from counsel.ui.display import Display

    sample = demo_session(window.content, seal=False)
    sample.id = f"{sample.id}-display"  # a second, unsigned copy beside the signed demo
    window.start(sample, at_screen=1)
    window.resize(1024, 700)
    written = []
    for language, scale, high_contrast in DISPLAY_SAMPLES:
        window.change_language(language)
        window.set_display(Display(scale, high_contrast))
        window.go_to(1)
        settle()
        look = "contrast" if high_contrast else "normal"
        path = folder / f"display-{language}-{scale}-{look}.png"
        window.grab().save(str(path))
        written.append(path)
    window.set_display(Display())
    return written


def until_stored(window: MainWindow, limit_s: float = 60) -> None:
    """Wait while the signed record is built and written (off the window's thread), so the
    Done screen is pictured as the clinician sees it once it is stored."""
    waited = 0.0
    while window.recorder is not None and window.recorder.saving and waited < limit_s:
        settle(100)
        waited += 0.1


def settle(milliseconds: int = 400) -> None:
    """Let layouts finish and the PDF preview render its pages (it does so in the background)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
