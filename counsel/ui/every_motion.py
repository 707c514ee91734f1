"""Every pointer motion kept while a signature pad is on screen.

Qt on X11 merges the pointer motions that queue up while the window's thread is busy into the
last one (``Qt.AA_CompressHighFrequencyEvents``, on there by default): right for hovering,
wrong for ink. A signature drawn while the computer is busy (a PDF being built, other programs
running) would keep only where the pen went down and where it lifted, a straight line with
too few points to count as a signature. While a pad is shown, Qt keeps every motion; once no
pad is, it merges them again as it did before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

_COMPRESS = Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents
_shown: set[int] = set()  # the pads on screen, by id
_compressed_before: list[bool] = []  # Qt's setting before the first pad was shown


def pad_shown(pad: object) -> None:
    if not _shown:
        _compressed_before[:] = [QCoreApplication.testAttribute(_COMPRESS)]
        QCoreApplication.setAttribute(_COMPRESS, False)
    _shown.add(id(pad))


def pad_gone(pad_id: int) -> None:
    """The pad with this id was hidden or deleted."""
    if pad_id in _shown:
        _shown.discard(pad_id)
        if not _shown:
            QCoreApplication.setAttribute(_COMPRESS, _compressed_before[0])
