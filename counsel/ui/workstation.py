"""Settings that belong to this computer (window place, last folder, last clinician).

Kept in Qt's per-user settings; ``COUNSEL_CONFIG_DIR`` puts them in a folder of its own
(the tests point it at their temporary folder, so no test touches the user's settings).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from counsel.settings import CONFIG_DIR


def workstation_settings() -> QSettings:
    if (folder := CONFIG_DIR.value()) is not None:
        return QSettings(str(folder / "counsel.ini"), QSettings.Format.IniFormat)
    return QSettings("Counsel", "Counsel")
