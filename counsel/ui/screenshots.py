"""``--screenshots DIR``: every screen of a demo walkthrough as PNG, without a display."""

from __future__ import annotations

import os
from pathlib import Path

from counsel.core.content import ClinicSettings, Content, StepsScreen
from counsel.core.demo import demo_session


def write_screenshots(content: Content, clinic: ClinicSettings, folder: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counsel.ui.app import create_main_window, prepare_application

    prepare_application([])
    folder.mkdir(parents=True, exist_ok=True)
    session = demo_session(content, seal=False)
    window = create_main_window(content, clinic)
    window.start(session)
    window.show()
    written = []
    for index, screen in enumerate(content.screens):
        if screen.kind == "done":
            session.seal()
        window.go_to(index)
        page = window.current_page()
        views = len(screen.steps) if isinstance(screen, StepsScreen) else 1
        for step in range(views):
            if isinstance(screen, StepsScreen):
                page.show_step(step)  # type: ignore[attr-defined]
            suffix = f"-step{step + 1}" if views > 1 else ""
            path = folder / f"{index + 1:02d}-{screen.id}{suffix}.png"
            settle()
            window.grab().save(str(path))
            written.append(path)
    print(f"Wrote {len(written)} screenshots to {folder}")
    return 0


def settle(milliseconds: int = 400) -> None:
    """Let layouts finish and the PDF preview render its pages (it does so in the background)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
