"""Finding Counsel's resource files, the same way from a checkout and from an install.

Qt-free on purpose: the PDF writer and the command line need resources without a GUI.
"""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES_ENV = "COUNSEL_RESOURCES"


def resources_dir() -> Path:
    """The folder holding content, illustrations and fonts.

    ``COUNSEL_RESOURCES`` overrides it (tests and clinics with their own content).
    Otherwise it is ``resources/`` beside the package: the checkout, or an editable install.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def illustration_path(name: str, root: Path | None = None) -> Path:
    return (root or resources_dir()) / "illustrations" / name


def font_path(name: str, root: Path | None = None) -> Path:
    return (root or resources_dir()) / "fonts" / name
