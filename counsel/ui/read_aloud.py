"""Read-aloud: a screen's text spoken sentence by sentence, the sentence being read highlighted.

Uses Qt TextToSpeech. When it cannot speak, it says why, naming the real cause: no speech
engine, no voice for the language, or no sound output. ``COUNSEL_TTS_ENGINE`` chooses the
engine (the tests use Qt's silent ``mock`` engine, which needs no sound output).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counsel.settings import SPEECH_ENGINE
from counsel.ui.flow_layout import FlowLayout
from counsel.ui.widgets import describe
from counsel.ui.wrap_button import WrapButton

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

HIGHLIGHT = "#ffe066"


def choose_engine() -> str | None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    wanted = SPEECH_ENGINE.value()
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if wanted:
        return wanted if wanted in QTextToSpeech.availableEngines() else None
    return engines[0] if engines else None


def reading_parts(labels: list[QLabel]) -> list[tuple[QLabel, str]]:
    """(label, sentence) for every sentence of the visible labels, in order."""
    from counsel.core.sentences import split_sentences  # its pattern is compiled when first read

    parts = []
    for widget in labels:
        text = widget.property("readText") or (
            widget.text() if widget.textFormat() == Qt.TextFormat.PlainText else ""
        )
        if widget.isVisible() and text:
            parts += [(widget, sentence) for sentence in split_sentences(text)]
    return parts


def count_audio_outputs() -> int:
    """Sound outputs the system offers (speakers, headphones); 0 without a sound service."""
    from PySide6.QtMultimedia import QMediaDevices

    return len(QMediaDevices.audioOutputs())


class ReadAloud(QObject):
    """Speaks a list of (label, sentence) parts, highlighting each sentence as it is read."""

    stateChanged = Signal(str)  # "idle", "speaking" or "paused"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = ""
        self._speech: QTextToSpeech | None = None
        self._engine_loaded = False
        self.parts: list[tuple[QLabel, str]] = []
        self.index = -1
        self.state = "idle"
        self._plain: dict[QLabel, str] = {}

    @property
    def speech(self) -> QTextToSpeech | None:
        """The speech engine, loaded the first time it is needed (not at start-up)."""
        if not self._engine_loaded:
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._engine_loaded = True
            self.engine = choose_engine() or ""
            if self.engine:
                self._speech = QTextToSpeech(self.engine, self)
                self._speech.stateChanged.connect(self._speech_state)
        return self._speech

    @property
    def available(self) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech = self.speech
        return speech is not None and speech.state() != QTextToSpeech.State.Error

    def voices_for(self, language: str) -> list[QLocale]:
        wanted = QLocale(language).language()
        speech = self.speech
        locales = speech.availableLocales() if speech is not None else []
        return [locale for locale in locales if locale.language() == wanted]

    def problem(self, language: str) -> str:
        """Why nothing can be read aloud in ``language`` here, or "" when it can."""
        if not self.available:
            detail = self.speech.errorString() if self.speech is not None else ""
            return self.tr(
                "Read-aloud needs a speech engine on this computer. On Debian or Ubuntu, "
                "install one with:\n\nsudo apt-get install speech-dispatcher espeak-ng\n\n"
                "then start Counsel again."
            ) + (f"\n\n({detail})" if detail else "")
        real = self.engine != "mock"  # Qt's test engine speaks silently, in any language
        if real and not self.voices_for(language):
            name = QLocale(language).nativeLanguageName() or language
            return self.tr(
                "The speech engine has no voice for %1. Install a voice for it (on Debian or "
                "Ubuntu, espeak-ng speaks %1), then start Counsel again."
            ).replace("%1", name)
        if real and count_audio_outputs() == 0:
            return self.tr(
                "No sound output was found: no speakers or headphones are connected, or the "
                "computer's sound service is not running. Connect speakers or headphones, "
                "check the sound settings, then try again."
            )
        return ""

    def read(self, parts: list[tuple[QLabel, str]], language: str) -> None:
        if self.speech is None:
            return
        self.stop()
        wanted = self.voices_for(language)
        if wanted:
            self.speech.setLocale(wanted[0])
        self.parts, self.index = parts, -1
        self._set_state("speaking")
        self._next()

    def pause(self) -> None:
        if self.speech is not None and self.state == "speaking":
            self.speech.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self.speech is not None and self.state == "paused":
            self.speech.resume()
            self._set_state("speaking")

    def stop(self) -> None:
        if self.state != "idle":
            self._set_state("idle")
            if self._speech is not None:
                self._speech.stop()
        self._highlight(None)
        self.parts, self.index = [], -1

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.parts):
            self.stop()
            return
        _, sentence = self.parts[self.index]
        self._highlight(self.parts[self.index])
        assert self.speech is not None
        self.speech.say(sentence)

    def _speech_state(self, state: QTextToSpeech.State) -> None:
        if state.name == "Ready" and self.state == "speaking":
            self._next()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.stateChanged.emit(state)

    def _highlight(self, part: tuple[QLabel, str] | None) -> None:
        for label, plain in self._plain.items():
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(plain)
        self._plain.clear()
        if part is None:
            return
        label, sentence = part
        if label.textFormat() != Qt.TextFormat.PlainText:
            return  # labels with their own markup keep it; the sentence is still spoken
        plain = label.text()
        self._plain[label] = plain
        import html  # with its table of entities: not needed at start-up

        marked = html.escape(plain).replace(
            html.escape(sentence),
            f'<span style="background-color:{HIGHLIGHT}">{html.escape(sentence)}</span>',
            1,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(marked)


class ReadAloudControls(QWidget):
    """Read aloud / Pause / Resume and Stop, for whatever screen is showing."""

    readRequested = Signal()
    #: Its buttons' words or text size changed: ``one_row_width`` may have too.
    rowChanged = Signal()

    def __init__(self, reader: ReadAloud, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.language = "en"  # the session's; the window keeps it up to date
        # Side by side while both read on one line (the sidebar widens for that where it can,
        # see ``one_row_width``); else Stop goes below ("Leer en voz alta" at 200% broke into
        # a word a line beside it, and ran out of its button).
        self.flow = layout = FlowLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.play = WrapButton()
        self.play.setObjectName("readAloud")
        self.play.setToolTip(self.tr("Read this screen aloud (Ctrl+Shift+R)"))
        self.stop = WrapButton(self.tr("Stop"))
        self.stop.setObjectName("stopReading")
        describe(self.play, self.play.toolTip())
        describe(self.stop, self.tr("Stop reading aloud"))
        layout.addWidget(self.play)
        layout.addWidget(self.stop)
        self.play.clicked.connect(self._play)
        self.stop.clicked.connect(reader.stop)
        reader.stateChanged.connect(self._show)
        self._show(reader.state)

    def _play(self) -> None:
        problem = self.reader.problem(self.language) if self.reader.state == "idle" else ""
        if problem:  # said without holding the window (nor a test) until it is closed
            from PySide6.QtWidgets import QMessageBox  # not at start-up: naming it makes its enums

            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Read aloud"), problem, parent=self
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        elif self.reader.state == "speaking":
            self.reader.pause()
        elif self.reader.state == "paused":
            self.reader.resume()
        else:
            self.readRequested.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button's words or font changed
            self.rowChanged.emit()
        return super().event(event)

    def one_row_width(self) -> int:
        """The width that holds Read aloud (in any of its words) and Stop side by side."""
        return self.flow.one_row_width()

    def _show(self, state: str) -> None:
        texts = {
            "idle": self.tr("Read aloud"),
            "speaking": self.tr("Pause reading"),
            "paused": self.tr("Go on reading"),
        }
        self.play.setText(texts[state])
        self.play.keep_room_for(tuple(texts.values()))
        self.stop.setEnabled(state != "idle")
