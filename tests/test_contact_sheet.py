"""The illustration contact sheet for the README: every picture in a named grid."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtGui import QImage

from counsel.resources import resources_dir
from counsel.ui import contact_sheet as sheet
from counsel.ui.app import prepare_application


def test_the_sheet_shows_every_illustration_in_four_columns(qtbot, tmp_path: Path) -> None:
    prepare_application([])
    count = len(list((resources_dir() / "illustrations").glob("*.svg")))
    path = tmp_path / "docs" / "illustrations.png"
    assert sheet.write_contact_sheet(path) == count
    image = QImage(str(path))
    rows = math.ceil(count / sheet.COLUMNS)
    assert image.width() == sheet.GAP + sheet.COLUMNS * (sheet.CELL_WIDTH + sheet.GAP)
    assert image.height() == sheet.GAP + rows * (
        sheet.CELL_HEIGHT + sheet.CAPTION_HEIGHT + sheet.GAP
    )


def test_the_command_needs_one_file_name(capsys) -> None:
    assert sheet.main([]) == 2
    assert "usage" in capsys.readouterr().err
