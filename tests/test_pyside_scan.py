"""PySide6 asks of every module imported after it whether it uses PySide6; Counsel has it
answered from the file, so the window does not keep every line of every module (7 MB after a
visit) and start-up does not tokenise them."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import counsel.ui  # noqa: F401 (replaces the check)


@pytest.fixture
def feature():
    module = sys.modules.get("shibokensupport.feature")
    if module is None or not hasattr(module, "_mod_uses_pyside"):
        pytest.skip("this PySide6 does not read the source of imported modules")
    return module


def test_modules_imported_later_are_answered_alike_and_keep_no_lines(
    feature, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain_here.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("uses_qt_here", "plain_here"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # as an import statement does (PySide6 watches that)
        monkeypatch.delitem(sys.modules, name)
    assert feature.pyside_feature_dict.pop("uses_qt_here") == 0  # PySide6's "uses PySide"
    assert feature.pyside_feature_dict.pop("plain_here") == -1  # and "ignore this module"
    kept = [path for path in linecache.cache if str(path).startswith(str(tmp_path))]
    assert kept == [], "their lines stay in memory"
