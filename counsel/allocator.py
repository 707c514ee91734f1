"""The C allocator tuned for a long-running window (glibc on Linux; elsewhere nothing).

glibc gives each thread that allocates an arena of its own, and raises the size from which it
maps a large block by itself each time one is freed, so after a while a PDF's bytes or a
picture's pixels come from the heap and leave holes there when freed. The window's few
threads (saving, reading the records, the PDF worker's pipe) share two arenas instead, and
blocks of 128 KB and more are always mapped and given back whole when freed: 2 MB less at the
peak of a whole visit (112.8 to 110.6 MB), measured with ``python -m bench``.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # mallopt's parameters, from glibc's malloc.h
M_ARENA_MAX = -8
ARENAS = 2
MAPPED_FROM_BYTES = 128 * 1024


def tune_allocator() -> bool:
    """Apply the settings above; False where the C library has no ``mallopt`` (not glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_ARENA_MAX, ARENAS)) and bool(mallopt(M_MMAP_THRESHOLD, MAPPED_FROM_BYTES))
