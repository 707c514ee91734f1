"""Every setting Counsel takes from its environment, declared once: name, type, default, purpose.

Code asks a setting for its value (``REDUCE_MOTION.value()``) and never reads ``os.environ``
itself, so this table is the whole list (the README's is copied from it). Qt-free: the core,
the PDF and the command line read settings too. Where the records live is decided here as
well, in the folder Qt's AppDataLocation names for organisation and application "Counsel".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One environment variable: unset or blank gives ``default``, anything else is parsed."""

    env: str
    parse: Callable[[str], T]
    default: T
    purpose: str

    def value(self) -> T:
        text = os.environ.get(self.env, "").strip()
        return self.parse(text) if text else self.default


def _switch(text: str) -> bool:
    return text != "0"


def _folder(text: str) -> Path | None:
    return Path(text).expanduser()


DATA_DIR = Setting(
    "COUNSEL_DATA_DIR",
    _folder,
    None,
    "folder of the records database, instead of the clinic's records_folder or the app's",
)
RESOURCES_DIR = Setting(
    "COUNSEL_RESOURCES",
    _folder,
    None,
    "folder of the content, illustrations, fonts and translations, instead of the bundled ones",
)
REDUCE_MOTION = Setting[bool | None](
    "COUNSEL_REDUCE_MOTION",
    _switch,
    None,
    "1: still pictures, no transitions or autoplay; 0: motion; unset: the system decides",
)
SPEECH_ENGINE = Setting[str | None](
    "COUNSEL_TTS_ENGINE",
    str,
    None,
    "Qt text-to-speech engine for read-aloud (the tests use 'mock'); unset: the first one",
)
CONFIG_DIR = Setting(
    "COUNSEL_CONFIG_DIR",
    _folder,
    None,
    "folder of this computer's settings (window place, last folder, last clinician)",
)

P12_PASSWORD = Setting[str | None](
    "COUNSEL_P12_PASSWORD",
    str,
    None,
    "password of the PKCS#12 file 'records key import' reads; unset: asked for, not echoed",
)

CACHE_DIR = Setting(
    "COUNSEL_CACHE_DIR",
    _folder,
    None,
    "folder of the checked content kept between starts (safe to delete)",
)

DATABASE_URL = Setting(
    "COUNSEL_DATABASE_URL",
    str,
    "",
    "PostgreSQL server of the records (postgresql://host/db), instead of clinic.toml's"
    " database_url; unset: the SQLite file in the records folder",
)

SETTINGS: tuple[Setting, ...] = (
    DATA_DIR,
    RESOURCES_DIR,
    REDUCE_MOTION,
    SPEECH_ENGINE,
    CONFIG_DIR,
    P12_PASSWORD,
    CACHE_DIR,
    DATABASE_URL,
)


def data_dir(clinic_folder: str = "") -> Path:
    """Where the records live: ``COUNSEL_DATA_DIR``, else the clinic's ``records_folder``,
    else the per-user data folder (``~/.local/share/Counsel/Counsel`` on Linux)."""
    if (override := DATA_DIR.value()) is not None:
        return override
    if clinic_folder:
        return Path(clinic_folder).expanduser()
    from platformdirs import user_data_path  # only here: it costs start-up time to import

    return user_data_path(roaming=True) / "Counsel" / "Counsel"


def database_url(clinic_url: str = "") -> str:
    """The records server: ``COUNSEL_DATABASE_URL``, else the clinic's ``database_url``;
    empty for the SQLite file in the records folder (one computer, nothing to set up)."""
    return DATABASE_URL.value() or clinic_url.strip()


def cache_dir() -> Path:
    """Where Counsel keeps what it can rebuild: ``COUNSEL_CACHE_DIR``, else the per-user
    cache folder (``~/.cache/Counsel`` on Linux)."""
    if (override := CACHE_DIR.value()) is not None:
        return override
    from platformdirs import user_cache_path

    return user_cache_path("Counsel", appauthor=False)
