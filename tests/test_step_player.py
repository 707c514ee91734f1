"""The procedure's pictures: a cross-fade between steps, Play/Pause/Replay, and reduce motion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton
from ui_driver import child, click

from counsel.core.content import StepsScreen
from counsel.settings import REDUCE_MOTION
from counsel.ui.app import prepare_application
from counsel.ui.illustration import IllustrationView
from counsel.ui.motion import reduce_motion
from counsel.ui.step_player import StepPlayer

PICTURES = ["step-1-sedation.svg", "step-2-portal.svg", "step-3-remove.svg"]


def procedure(window):
    index = next(i for i, s in enumerate(window.content.screens) if isinstance(s, StepsScreen))
    window.go_to(index)
    return window.current_page(), window.content.screens[index]


def picture(player: StepPlayer) -> QImage:
    return player.picture.grab().toImage()


def settled(qtbot, player: StepPlayer) -> QImage:
    qtbot.waitUntil(lambda: not player.is_transitioning(), timeout=3000)
    return picture(player)


@pytest.fixture
def motion(monkeypatch: pytest.MonkeyPatch) -> None:
    """Motion on, whatever the test machine's accessibility settings say."""
    monkeypatch.setenv(REDUCE_MOTION.env, "0")


@pytest.fixture
def player(qtbot, motion) -> StepPlayer:
    prepare_application([])
    widget = StepPlayer(PICTURES, step_ms=250)
    qtbot.addWidget(widget)
    widget.resize(480, 360)
    widget.show()
    return widget


def test_reduce_motion_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    prepare_application([])
    monkeypatch.setenv(REDUCE_MOTION.env, "1")
    assert reduce_motion()
    monkeypatch.setenv(REDUCE_MOTION.env, "0")
    assert not reduce_motion()


def test_the_next_step_fades_in_and_then_stays(qtbot, open_window, motion) -> None:
    page, screen = procedure(open_window())
    player = page.player
    assert page.illustration is player
    assert not [view for view in page.findChildren(IllustrationView) if view.isVisible()]
    first = settled(qtbot, player)
    click(qtbot, page, "nextStep")
    assert child(page, QLabel, "stepTitle").text() == screen.steps[1].title
    assert player.name() == screen.steps[1].illustration
    assert player.is_transitioning()
    qtbot.waitUntil(lambda: 0.25 < player.frame()[2] < 0.75, timeout=3000)
    halfway = picture(player)
    second = settled(qtbot, player)
    assert first != halfway != second != first, "a blend between two different pictures"
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert settled(qtbot, player) == first, "at rest, each step shows exactly its own picture"


def test_play_advances_pause_stops_and_replay_starts_again(qtbot, player) -> None:
    button = player.findChild(QPushButton, "playSteps")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert player.is_playing()
    qtbot.waitUntil(lambda: player.index() == 1, timeout=3000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not player.is_playing()
    qtbot.wait(600)
    assert player.index() == 1, "paused means it stays"
    qtbot.mouseClick(player.findChild(QPushButton, "replaySteps"), Qt.MouseButton.LeftButton)
    assert player.index() == 0 and player.is_playing()
    qtbot.waitUntil(lambda: player.index() == len(PICTURES) - 1, timeout=5000)
    assert not player.is_playing(), "it stops at the last step"
    player.play()
    assert player.index() == 0, "Play at the end starts from the first step"


def test_space_plays_and_pauses_and_the_controls_are_named(qtbot, player) -> None:
    button = player.findChild(QPushButton, "playSteps")
    play = (button.text(), button.accessibleName())
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.is_playing()
    pause = (button.text(), button.accessibleName())
    assert all(pause) and pause != play, "the button says what it will do now"
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert not player.is_playing()
    assert (button.text(), button.accessibleName()) == play
    assert player.findChild(QPushButton, "replaySteps").accessibleName()
    assert player.accessibleName()


def test_leaving_the_screen_stops_autoplay(qtbot, open_window, motion) -> None:
    window = open_window()
    page, _screen = procedure(window)
    page.player.play()
    window.go_to(window.index + 1)
    assert not page.player.is_playing()


def test_reduce_motion_shows_the_stills_at_once_and_never_plays(
    qtbot, open_window, monkeypatch
) -> None:
    monkeypatch.setenv(REDUCE_MOTION.env, "1")
    page, screen = procedure(open_window())
    player = page.player
    assert not player.findChild(QPushButton, "playSteps").isVisible()
    assert not player.findChild(QPushButton, "replaySteps").isVisible()
    first = picture(player)
    click(qtbot, page, "nextStep")
    assert not player.is_transitioning()
    assert player.name() == screen.steps[1].illustration and picture(player) != first
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    player.play()
    assert not player.is_playing()


def test_the_desktops_animations_switch_is_respected(monkeypatch) -> None:
    import subprocess

    from counsel.ui import motion

    monkeypatch.delenv(REDUCE_MOTION.env, raising=False)
    monkeypatch.setattr(motion.sys, "platform", "linux")
    monkeypatch.setattr(motion.shutil, "which", lambda name: "/usr/bin/gsettings")
    for setting, expected in (("false\n", True), ("true\n", False)):
        motion.desktop_animations_off.cache_clear()
        monkeypatch.setattr(
            motion.subprocess,
            "run",
            lambda *a, out=setting, **k: subprocess.CompletedProcess(a, 0, out, ""),
        )
        assert motion.desktop_animations_off() is expected
    motion.desktop_animations_off.cache_clear()
