"""``info`` screens: headed sections of plain text and bullet lists."""

from __future__ import annotations

from counsel.core.content import InfoScreen
from counsel.ui.screens.base import ScreenPage


class InfoPage(ScreenPage):
    entry: InfoScreen

    def build(self) -> None:
        self.add_sections(self.entry.sections)
