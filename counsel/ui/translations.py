"""Interface translations: ``resources/translations/counsel_<lang>.ts`` compiled on demand.

Only the ``.ts`` sources are kept in the repository; the binary ``.qm`` is built with Qt's
``lrelease`` into a cache folder the first time it is needed, and again whenever the source is
newer, so a stale binary can never be shipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QStandardPaths, QTranslator

from counsel.resources import resources_dir

CACHE_ENV = "COUNSEL_CACHE_DIR"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "translations"


def lrelease() -> str:
    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    found = str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise FileNotFoundError("Qt's lrelease was not found (it comes with PySide6)")
    return found


def compiled(language: str) -> Path | None:
    """The ``.qm`` for ``language``, rebuilt if missing or older than its ``.ts``; None if the
    language has no interface translation (English is the source language)."""
    source = resources_dir() / "translations" / f"counsel_{language}.ts"
    if not source.is_file():
        return None
    target = cache_dir() / f"counsel_{language}.qm"
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)
    return target


class Translations:
    """Installs the translators for one language at a time: Counsel's own and Qt's dialogs."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, language: str) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [Path(qt_folder) / f"qtbase_{language}.qm", compiled(language)]
        for path in files:
            translator = QTranslator(app)
            if path is not None and path.exists() and translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
        self.language = language
