"""The core (content, session, rules, ink, PDF) works with PySide6 made unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import counsel

CORE_PACKAGES = ("counsel.core", "counsel.pdf")
CORE_MODULES = ("counsel.ink", "counsel.resources", "counsel.cli", "counsel.records_cli")

SCRIPT = """
import sys, importlib
sys.modules["PySide6"] = None  # any 'import PySide6...' now raises ImportError
for name in sys.argv[1:]:
    importlib.import_module(name)
from counsel.core.content_loader import load_clinic, load_content
from counsel.core.demo import demo_session
from counsel.pdf.acknowledgement import build_acknowledgement
content = load_content("en")
pdf = build_acknowledgement(demo_session(content), load_clinic())
assert pdf.startswith(b"%PDF")
print("core ok")
"""


def core_module_names() -> list[str]:
    names = list(CORE_MODULES)
    root = Path(counsel.__file__).parent
    for package in CORE_PACKAGES:
        folder = root / package.split(".")[1]
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]
    return names


def test_core_imports_and_builds_a_pdf_without_qt() -> None:
    names = core_module_names()
    assert "counsel.core.session" in names and "counsel.pdf.acknowledgement" in names
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *names], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "core ok" in result.stdout
