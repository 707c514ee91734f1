"""Settings that belong to this computer (window place, last folder, last clinician).

Kept in Qt's per-user settings; ``COUNSEL_CONFIG_DIR`` puts them in a folder of its own
(the tests point it at their temporary folder, so no test touches the user's settings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

CONFIG_ENV = "COUNSEL_CONFIG_DIR"


def workstation_settings() -> QSettings:
    folder = os.environ.get(CONFIG_ENV)
    if folder:
        return QSettings(str(Path(folder) / "counsel.ini"), QSettings.Format.IniFormat)
    return QSettings("Counsel", "Counsel")
