"""Where an export may be written: never over the records, never over a file by surprise.

A mistyped path once wrote a PDF over the records database. An export is therefore refused
inside Counsel's data folder and onto any SQLite database (known by its first bytes, not its
name), and an existing file is only replaced when the user said so (``--force``, or yes when
the window asks). The write itself is atomic (``atomic_file``).
"""

from __future__ import annotations

import errno
from pathlib import Path

from counsel.core.atomic_file import write_bytes_atomically

SQLITE_HEADER = b"SQLite format 3\x00"


class ExportRefusedError(PermissionError):
    """The export would land where it could destroy records; nothing was written."""


def check_export_target(path: Path, data_folder: Path, *, overwrite: bool) -> None:
    """Raise unless ``path`` may be written (``overwrite``: an existing file may be replaced)."""
    target, folder = Path(path).resolve(), Path(data_folder).resolve()
    if target == folder or folder in target.parents:
        raise ExportRefusedError(
            f"{path} is in Counsel's data folder ({folder}); save exports somewhere else"
        )
    if not target.exists():
        return
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder; name a file", str(path))
    if is_database(target):
        raise ExportRefusedError(f"{path} is a database file; Counsel never writes over one")
    if not overwrite:
        raise FileExistsError(errno.EEXIST, "already exists; nothing was replaced", str(path))


def write_export(path: Path, data: bytes, data_folder: Path, *, overwrite: bool) -> None:
    """``data`` written atomically at ``path``, where ``check_export_target`` allows."""
    check_export_target(path, data_folder, overwrite=overwrite)
    write_bytes_atomically(Path(path), data)


def is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
