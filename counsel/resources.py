"""Finding Counsel's resource files, the same way from a checkout and from an install.

A checkout keeps them in ``resources/`` beside the package; a wheel carries a copy inside it,
``counsel/data/``, with the translations compiled (see ``setup.py``). Qt-free on purpose: the
PDF writer and the command line need resources without a GUI.
"""

from __future__ import annotations

from pathlib import Path

from counsel.settings import RESOURCES_DIR

PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "data"  # in an installed wheel
CHECKOUT = PACKAGE.parent / "resources"  # in the repository (and an editable install)


def resources_dir() -> Path:
    """The folder holding content, illustrations, fonts and translations.

    ``COUNSEL_RESOURCES`` overrides it (tests and clinics with their own content).
    """
    override = RESOURCES_DIR.value()
    if override is not None:
        return override
    return BUNDLED if BUNDLED.is_dir() else CHECKOUT


def illustration_path(name: str, root: Path | None = None) -> Path:
    return (root or resources_dir()) / "illustrations" / name


def font_path(name: str, root: Path | None = None) -> Path:
    return (root or resources_dir()) / "fonts" / name


def translation_path(language: str, root: Path | None = None) -> Path:
    """The compiled interface translation (``.qm``); it may be missing (then: English)."""
    return (root or resources_dir()) / "translations" / f"counsel_{language}.qm"


def icon_path(name: str = "counsel.svg", root: Path | None = None) -> Path:
    """An icon; by default the app's own (installed for the desktop as ``org.counsel.Counsel``)."""
    return (root or resources_dir()) / "icons" / name
