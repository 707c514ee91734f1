"""Settings: each declared once, read from the environment in one place, with its default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

import counsel
from counsel import settings
from counsel.ui.app import prepare_application


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.env)
def test_unset_or_blank_gives_the_default(
    setting: settings.Setting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(setting.env, raising=False)
    assert setting.value() == setting.default
    monkeypatch.setenv(setting.env, "  ")
    assert setting.value() == setting.default


def test_values_are_parsed_to_their_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNSEL_REDUCE_MOTION", "0")
    assert settings.REDUCE_MOTION.value() is False
    monkeypatch.setenv("COUNSEL_REDUCE_MOTION", "1")
    assert settings.REDUCE_MOTION.value() is True
    monkeypatch.setenv("COUNSEL_DATA_DIR", "~/consents")
    assert settings.DATA_DIR.value() == Path.home() / "consents"
    monkeypatch.setenv("COUNSEL_TTS_ENGINE", "speechd")
    assert settings.SPEECH_ENGINE.value() == "speechd"


def test_only_the_settings_module_reads_the_environment() -> None:
    root = Path(counsel.__file__).parent
    reads = re.compile(r"os\.environ(?!\.setdefault\(\"QT_QPA_PLATFORM\")|os\.getenv")
    readers = [
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if reads.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == ["settings.py"]


def test_the_readme_lists_every_setting() -> None:
    readme = (Path(counsel.__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert [s.env for s in settings.SETTINGS if f"| `{s.env}` |" not in readme] == []


def test_the_data_folder_is_qts_app_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Records are where Qt keeps Counsel's data, so the command line and the app agree."""
    monkeypatch.delenv("COUNSEL_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    prepare_application([])
    qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert settings.data_dir() == Path(qt_folder) == tmp_path / "xdg" / "Counsel" / "Counsel"
    assert settings.data_dir("~/Consents") == Path.home() / "Consents", "the clinic's folder"
    monkeypatch.setenv("COUNSEL_DATA_DIR", str(tmp_path / "override"))
    assert settings.data_dir("~/Consents") == tmp_path / "override", "the environment wins"
