"""PySide6's question about every module imported after it, answered from the raw file.

PySide6 before 6.12 asks of each module whether its source mentions "PySide6" (to know
where its ``__feature__`` switches apply) through ``inspect.getsource``, which keeps every
line of every module in ``linecache`` for the rest of the run: about 25 ms of Counsel's
start-up, and 7 MB held after a visit (the record store, the key and signing bring their
libraries' sources too). The same question, asked of the file's bytes, keeps nothing.
Where PySide6 no longer asks (6.12 and later), nothing is changed.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def answer_from_files() -> bool:
    """Replace PySide6's check with one that reads the file; True if it was replaced. The
    lines its own first check kept (of the modules imported before PySide6) are let go."""
    feature = sys.modules.get(FEATURE_MODULE)
    asked: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "reads_files", False):
        return False

    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return asked(module)  # built in, compiled or unusual: PySide6's own way
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return asked(module)

    mentions_pyside.reads_files = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[union-attr]
    linecache.clearcache()
    return True
