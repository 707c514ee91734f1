"""The desktop entry, the AppStream metainfo and the app agree on one id, command and icon."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtGui import QIcon

from counsel.resources import icon_path
from counsel.ui.app import APP_ID, prepare_application

REPO = Path(__file__).resolve().parent.parent
LINUX = REPO / "packaging" / "linux"


def test_the_desktop_entry_starts_the_installed_command_with_the_apps_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert entry["Desktop Entry"]["Exec"] in scripts
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    metainfo = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.findtext("launchable") == f"{APP_ID}.desktop"


def test_the_window_icon_is_the_apps_drawing() -> None:
    app = prepare_application([])
    assert icon_path().is_file()
    pixmap = QIcon(str(icon_path())).pixmap(64, 64)
    assert not pixmap.isNull()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == APP_ID
