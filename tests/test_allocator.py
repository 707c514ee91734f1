"""The window's C allocator settings take where the C library is glibc (Linux)."""

from __future__ import annotations

import platform

import pytest

from counsel.allocator import tune_allocator


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_glibc_takes_the_shared_arenas_and_the_mapping_threshold() -> None:
    assert tune_allocator()
