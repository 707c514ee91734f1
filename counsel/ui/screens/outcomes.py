"""``outcomes`` (benefits, risks): one card per item, how likely, and where the figure is from."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame

from counsel.core.content import Outcome, OutcomesScreen
from counsel.ui.icon_array_view import figure_view
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import card, label, labelled


class OutcomesPage(ScreenPage):
    entry: OutcomesScreen

    def build(self) -> None:
        for item in self.entry.items:
            self.column.addWidget(self._item_card(item))
        if self.entry.caution:
            frame, layout = card("notice")
            frame.setObjectName("caution")
            layout.addWidget(label(self.entry.caution))
            self.column.addWidget(frame)

    def _item_card(self, item: Outcome) -> QFrame:
        frame, layout = card()
        frame.setObjectName(f"outcome-{item.id}")
        layout.addWidget(label(item.title, "heading"))
        likelihood = labelled(self.tr("How likely:"), item.likelihood, "likelihood")
        likelihood.setObjectName("likelihood")
        layout.addWidget(likelihood)
        layout.addWidget(label(item.text))
        if item.compared_with:
            compared = labelled(self.tr("Compared with:"), item.compared_with)
            compared.setObjectName("comparedWith")
            layout.addWidget(compared)
        if item.action:
            layout.addWidget(labelled(self.tr("What is done about it:"), item.action))
        sources = item.sources
        if item.figure is not None:
            layout.addWidget(figure_view(item.figure))
            sources = (*sources, item.figure.source)
        if sources:
            layout.addWidget(label(self.sources_text(tuple(dict.fromkeys(sources))), "source"))
        return frame
