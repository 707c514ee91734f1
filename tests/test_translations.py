"""Interface translations are compiled ahead of time; without one, the interface is English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton
from test_languages import choose_language

from counsel.core.content_loader import load_content
from counsel.resources import resources_dir


def test_every_translation_is_compiled_and_current() -> None:
    sources = sorted((resources_dir() / "translations").glob("*.ts"))
    assert sources
    for source in sources:
        compiled = source.with_suffix(".qm")
        assert compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime, (
            f"{compiled.name} is missing or older than {source.name}: run bash scripts/setup.sh"
        )


def test_a_language_without_its_compiled_translation_keeps_an_english_interface(
    open_window, resources_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (resources_copy / "translations" / "counsel_es.qm").unlink()
    monkeypatch.setenv("COUNSEL_RESOURCES", str(resources_copy))
    window = open_window()
    choose_language(window, "es")
    assert window.session.content.language == "es"
    spanish = load_content("es", resources_copy)
    assert window.current_page().title_label.text() == spanish.screens[0].title
    assert window.findChild(QAbstractButton, "nextButton").text() == "Next  ▶"
