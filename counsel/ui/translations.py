"""Interface translations: Counsel's compiled ``counsel_<lang>.qm`` and Qt's own dialogs.

The ``.qm`` files are compiled from the ``.ts`` sources when the wheel is built, or by
``scripts/setup.sh`` in a checkout, never while the app runs: a language without one (or an
unreadable one) shows the interface in English, its source language, and the content still
in the language chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counsel.resources import translation_path


class Translations:
    """Installs the translators for one language at a time: Counsel's own and Qt's dialogs."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "translators belong to the application: create it first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in (Path(qt_folder) / f"qtbase_{language}.qm", translation_path(language)):
            translator = QTranslator(app)
            if path.is_file() and translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
        self.language = language
        QLocale.setDefault(_numbers_locale(language))


def _numbers_locale(language: str) -> QLocale:
    """The locale numbers and counts are written in: the computer's where it speaks the
    interface's language (its own country's conventions), else the language's own, so a
    count reads "10,000 records" in English and "10.000 registros" in Spanish even on a
    computer set to no language at all (the C locale, which groups no digits)."""
    system = QLocale.system()
    chosen = QLocale(language)
    return system if system.language() == chosen.language() else chosen
