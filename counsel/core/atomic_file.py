"""Writing a file so that it is either complete or not there at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file beside ``path``, sync it, then rename it into place.

    A crash, a full disk or an exception leaves ``path`` as it was before (absent or the old
    file) and no temporary file behind. Patient records are created readable by the owner only.
    """
    path = Path(path)
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
