"""The build step that makes the wheel self-contained (everything else is in pyproject.toml).

The repository keeps the resources at the top level (``resources/``: content, illustrations,
fonts, translations); the wheel carries a copy as ``counsel/data/``, with each interface
translation compiled from ``.ts`` to ``.qm`` by Qt's lrelease here, at build time, so the
installed app never needs Qt's tools. ``python setup.py translations`` compiles them in place
for a checkout (``scripts/setup.sh`` does).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def lrelease() -> str:
    """Qt's lrelease, as shipped in the PySide6 wheels (a build requirement)."""
    spec = importlib.util.find_spec("PySide6")
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = [Path(folder) / name for folder in folders if (Path(folder) / name).exists()]
    tool = str(found[0]) if found else shutil.which("pyside6-lrelease")
    if tool is None:
        raise SystemExit("compiling the translations needs Qt's lrelease (pip install PySide6)")
    return tool


def compile_translations(folder: Path) -> None:
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)


if sys.argv[1:] == ["translations"]:  # no setuptools needed (Python 3.12 venvs lack it)
    compile_translations(ROOT / "resources" / "translations")
else:
    from setuptools import setup
    from setuptools.command.build_py import build_py

    class BuildWithResources(build_py):
        """The ordinary build, then ``resources/`` copied into the package and compiled."""

        def run(self) -> None:
            super().run()
            bundled = Path(self.build_lib) / "counsel" / "data"
            shutil.rmtree(bundled, ignore_errors=True)
            shutil.copytree(ROOT / "resources", bundled, ignore=shutil.ignore_patterns("*.qm"))
            compile_translations(bundled / "translations")

    setup(cmdclass={"build_py": BuildWithResources})
