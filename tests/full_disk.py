"""A real file system that fills up on demand: a small tmpfs mounted over the records folder.

Mounting needs root (as in CI's container); elsewhere the tests that need it are skipped."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path


class FullDisk:
    def __init__(self, folder: Path, size_kb: int = 2048) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
        self.mounted = mounted.returncode == 0
        self.reason = mounted.stderr.strip()
        self.filler = folder / "filler"

    def fill(self) -> None:
        """Take every free byte, as a disk full of other files would."""
        with self.filler.open("ab", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)
