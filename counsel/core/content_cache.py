"""The checked content kept between starts, so a start does not parse and check every TOML
file again (about a tenth of Counsel's start-up).

One file per language in the cache folder holds the content, the clinic settings and the
language names, with the key they were made under: the path, size and modification time of
every resource file and of the loader's own code, and the Python version. Any edit, a file
added or removed, or new code gives a new key, so the files are read and checked again and a
mistake is reported exactly as without the cache. A cache that is missing, unreadable, corrupt
or of another key is ignored and replaced; one that cannot be written is skipped.
"""

from __future__ import annotations

import os
import pickle
import sys
from contextlib import suppress
from pathlib import Path

from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.content import ClinicSettings, Content
from counsel.core.frozen import Frozen
from counsel.resources import resources_dir
from counsel.settings import cache_dir

CODE = Path(__file__).resolve().parent  # counsel/core: the loader and the content model
FORMAT = 1


class StartupContent(Frozen, kw_only=False):
    """What the first screen needs from the resource files."""

    content: Content
    clinic: ClinicSettings
    language_names: dict[str, str]


def load_startup_content(language: str, root: Path | None = None) -> StartupContent:
    """The checked content of ``language``, from the cache when no file has changed.

    Raises ``ContentError`` for a broken file, as ``content_loader`` does."""
    root = root or resources_dir()
    key = cache_key(language, root)
    path = cache_dir() / f"content-{language}.pickle"
    cached = _read(path, key)
    if cached is not None:
        return cached
    from counsel.core.content_loader import language_names, load_clinic, load_content

    loaded = StartupContent(load_content(language, root), load_clinic(root), language_names(root))
    with suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, pickle.dumps((FORMAT, key, loaded)))
    return loaded


def cache_key(language: str, root: Path) -> tuple[object, ...]:
    """Changes whenever a resource file or the loader's code changes, or Python does."""
    files = [(path, stat.st_size, stat.st_mtime_ns) for path, stat in _files(root.resolve())]
    code = [(path, stat.st_size, stat.st_mtime_ns) for path, stat in _files(CODE)]
    return (FORMAT, sys.version, language, tuple(files), tuple(code))


def _files(folder: Path) -> list[tuple[str, os.stat_result]]:
    """Every file under ``folder`` with its status, in a stable order."""
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(directory, name)
            found.append((path, os.stat(path)))
    return found


def _read(path: Path, key: tuple[object, ...]) -> StartupContent | None:
    """The cached content if it was made under ``key``; None for anything else."""
    try:
        form, cached_key, loaded = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated, corrupt or from other code: rebuilt
        return None
    if form != FORMAT or cached_key != key or not isinstance(loaded, StartupContent):
        return None
    return loaded
