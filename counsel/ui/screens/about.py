"""``about`` (about this information): who wrote and checked it, funding, dates, errors.

Like an info screen, plus the clinic's own reviewers from clinic.toml, so each clinic names
who checked the content without editing every language's files.
"""

from __future__ import annotations

from counsel.core.content import AboutScreen
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import bullet_list, label


class AboutPage(ScreenPage):
    entry: AboutScreen

    def build(self) -> None:
        reviewers = self.context.clinic.reviewers
        if reviewers:
            self.column.addWidget(label(self.entry.reviewers_heading, "heading"))
            box = bullet_list(reviewers)
            box.setObjectName("reviewers")
            self.column.addWidget(box)
        self.add_sections(self.entry.sections)
