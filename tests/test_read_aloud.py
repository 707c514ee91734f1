"""Read-aloud speaks the screen sentence by sentence and highlights what it is reading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from counsel.core.sentences import split_sentences


def test_sentences_are_split_for_reading() -> None:
    assert split_sentences("Your spine has bones. Between them are discs! Do you see? Yes.") == [
        "Your spine has bones.",
        "Between them are discs!",
        "Do you see?",
        "Yes.",
    ]
    assert split_sentences("Dr. Smith said 3.6 points.") == ["Dr. Smith said 3.6 points."]
    assert split_sentences("¿Le duele? ¡Avísenos!") == ["¿Le duele?", "¡Avísenos!"]


def test_reading_a_screen_highlights_each_sentence_and_can_be_stopped(qtbot, open_window) -> None:
    window = open_window()
    window.go_to(1)
    controls = window.read_controls
    qtbot.mouseClick(controls.play, Qt.MouseButton.LeftButton)
    reader = window.reader
    assert reader.state == "speaking"
    first_label, first_sentence = reader.parts[0]
    assert first_label is window.current_page().title_label
    assert first_sentence == window.current_page().entry.title
    assert "background-color" in first_label.text(), "the sentence being read is highlighted"
    qtbot.waitUntil(lambda: reader.index >= 1, timeout=10000)
    qtbot.mouseClick(controls.play, Qt.MouseButton.LeftButton)
    assert reader.state == "paused" and controls.play.text() == "Go on reading"
    qtbot.mouseClick(controls.play, Qt.MouseButton.LeftButton)
    assert reader.state == "speaking"
    qtbot.mouseClick(controls.stop, Qt.MouseButton.LeftButton)
    assert reader.state == "idle"
    assert "background-color" not in first_label.text(), "the highlight goes when reading stops"


def test_changing_screen_stops_reading(qtbot, open_window) -> None:
    window = open_window()
    qtbot.mouseClick(window.read_controls.play, Qt.MouseButton.LeftButton)
    window.go_to(2)
    assert window.reader.state == "idle"


def shown_message(window) -> str:
    """The text of the message box open over ``window`` (it does not hold the window)."""
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1, "one message, shown"
    return boxes[0].text()


def test_without_a_speech_engine_the_button_explains(qtbot, open_window, monkeypatch) -> None:
    monkeypatch.setenv("COUNSEL_TTS_ENGINE", "no-such-engine")
    window = open_window()
    qtbot.mouseClick(window.read_controls.play, Qt.MouseButton.LeftButton)
    assert "speech-dispatcher" in shown_message(window)
    assert window.reader.state == "idle"


def test_a_language_without_a_voice_is_named(qtbot, open_window) -> None:
    window = open_window()
    assert window.reader.available  # Qt's mock engine: English, Norwegian, Finnish voices
    window.reader.engine = "speechd"  # as a real engine, which needs a voice for the language
    window.read_controls.language = "es"
    qtbot.mouseClick(window.read_controls.play, Qt.MouseButton.LeftButton)
    message = shown_message(window)
    assert "no voice for español" in message and "speech-dispatcher" not in message
    assert window.reader.state == "idle"


def test_no_sound_output_is_named_as_the_cause(qtbot) -> None:
    """On this machine's real sound system: without a sound service there is no output."""
    from counsel.ui.read_aloud import ReadAloud, count_audio_outputs

    if count_audio_outputs():
        pytest.skip("this machine has a sound output")
    reader = ReadAloud()
    assert reader.available  # Qt's mock engine, with English voices
    reader.engine = "speechd"  # as a real engine, which needs a sound output (mock needs none)
    assert "No sound output was found" in reader.problem("en")
