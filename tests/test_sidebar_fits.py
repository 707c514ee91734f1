"""The list of screens stays usable at the largest text on a small screen: several rows
shown, the screen in view always among them, whatever the language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from counsel.ui.display import Display


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_screen_list_shows_several_rows_and_the_current_one(
    open_window, language: str, size: tuple[int, int]
) -> None:
    window = open_window(size=size)
    if language != "en":
        window.change_language(language)
    window.set_display(Display(scale=200))
    QApplication.processEvents()
    screens = window.sidebar.list
    viewport = screens.viewport()
    assert viewport.height() >= 3 * screens.fontMetrics().lineSpacing()
    for index in range(screens.count()):
        window.go_to(index)
        QApplication.processEvents()
        row = screens.visualItemRect(screens.item(index))
        assert viewport.rect().contains(row), f"row {index} is cut off: {row}"
