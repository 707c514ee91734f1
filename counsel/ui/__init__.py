"""The Qt interface: windows, screens and widgets over the Qt-free core."""

import PySide6.QtCore  # noqa: F401 (loads PySide6's import check, replaced here)

from counsel.ui.pyside_scan import answer_from_files

answer_from_files()
