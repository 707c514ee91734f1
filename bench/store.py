"""Saving a draft: the app stores the whole session after every change, so it must stay cheap
as the session grows (here: the demo visit with 40 more questions, saved after each one)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from bench.stats import summary
from counsel.core.content import Content
from counsel.core.demo import demo_session
from counsel.core.record_store import RecordStore

QUESTIONS = 40


def measure_store(content: Content) -> dict[str, Any]:
    session = demo_session(content, seal=False)
    times = []
    with tempfile.TemporaryDirectory() as folder, RecordStore.in_folder(Path(folder)) as store:
        for number in range(QUESTIONS):
            session.add_question(f"Question {number}?", "Answer.")
            start = time.perf_counter()
            store.save_draft(session)
            times.append((time.perf_counter() - start) * 1000)
    return {"save_ms": summary(times)}
