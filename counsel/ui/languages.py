"""The languages Counsel can speak: content per language, and the interface translators."""

from __future__ import annotations

from counsel.core.content import Content
from counsel.core.content_cache import load_startup_content
from counsel.ui.translations import Translations


class Languages:
    """Loads each language's content once and switches the interface translators."""

    def __init__(self, first: Content) -> None:
        self.names = load_startup_content(first.language).language_names
        self._content = {first.language: first}
        self.translations = Translations()

    def content(self, language: str) -> Content:
        if language not in self._content:
            self._content[language] = load_startup_content(language).content
        return self._content[language]

    def use(self, language: str) -> Content:
        """Switch the interface to ``language`` and return its content."""
        content = self.content(language)
        self.translations.use(language)
        return content
