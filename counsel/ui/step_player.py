"""The procedure's pictures as a short animation: a cross-fade between steps, with Play.

Seeing one picture turn into the next shows what changes from step to step better than a
cut does. Each picture is rendered once per size into a pixmap, and a transition only blends
two cached pixmaps, so it keeps up with the display. People who ask their system (or
Counsel) for less motion get the still pictures and no autoplay.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from counsel.core.content import IllustrationLabel
from counsel.core.illustration_labels import LabelLookup, no_labels
from counsel.resources import illustration_path
from counsel.ui.display import focus_colour
from counsel.ui.illustration import fitted, render_picture
from counsel.ui.motion import reduce_motion
from counsel.ui.widgets import describe
from counsel.ui.wrap_button import WrapButton

TRANSITION_MS = 400
STEP_MS = 4000  # the shortest look at a step's picture when playing
NEXT_PICTURE_DELAY_MS = 50  # the next step's picture is drawn once this one has painted
MS_PER_WORD = 400  # 150 words a minute: an unhurried reader, who also looks at the picture


def reading_ms(text: str) -> int:
    """How long Play stays on a step: time to read its words, never less than STEP_MS."""
    return max(STEP_MS, len(text.split()) * MS_PER_WORD)


class StepPicture(QWidget):
    """Paints the current step's picture, or a blend of two during a transition."""

    def __init__(self, player: StepPlayer) -> None:
        super().__init__(player)
        self.setObjectName("stepPicture")
        self._player = player
        self._pixmaps: dict[str, QPixmap] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(260, 160)

    def pixmap(self, name: str) -> QPixmap:
        """The picture rendered at this widget's size, made once and kept until a resize."""
        if name not in self._pixmaps:
            renderer = self._player.renderer(name)
            labels, text_scale = self._player.labels(name), self._player.text_scale
            self._pixmaps[name] = render_picture(self, renderer, name, labels, text_scale)
        return self._pixmaps[name]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * 0.625)  # every illustration is 800 x 500

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._pixmaps.clear()
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Off screen, the pictures are dropped (drawn again when shown): the memory of a
        visit stays that of the screen in view, not of every screen seen."""
        self._pixmaps.clear()
        super().hideEvent(event)

    def forget(self) -> None:
        """Drop the rendered pictures (their size or their words changed)."""
        self._pixmaps.clear()
        self.update()

    def keep_only(self, names: set[str]) -> None:
        """Drop the rendered pictures not in ``names``: a step's picture is about a megabyte."""
        for name in set(self._pixmaps) - names:
            del self._pixmaps[name]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        before, after, progress = self._player.frame()
        if before and progress < 1:
            painter.drawPixmap(0, 0, self.pixmap(before))
            painter.setOpacity(progress)
        painter.drawPixmap(0, 0, self.pixmap(after))
        if self._player.hasFocus():  # the ring hugs the picture, not the space around it
            ring = fitted(self._player.renderer(after), self).adjusted(1.5, 1.5, -1.5, -1.5)
            painter.setOpacity(1)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(focus_colour(), 3))
            painter.drawRoundedRect(ring, 12, 12)


class StepPlayer(QWidget):
    """The step pictures with Play/Pause and Replay; ``go_to`` moves with a cross-fade.

    It keeps only which picture is in view; the steps page shows the matching text when
    ``currentChanged`` says the step moved (by the page's buttons or by autoplay).
    """

    currentChanged = Signal(int)

    def __init__(
        self,
        names: list[str],
        step_ms: int | list[int] = STEP_MS,
        parent: QWidget | None = None,
        labels_for: LabelLookup = no_labels,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepPlayer")
        self._labels_for = labels_for
        self.text_scale = 1.0  # the patient's text size (1 at 100%): the words grow with it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Pictures of the steps"))
        self._names = names
        self._renderers: dict[str, QSvgRenderer] = {}
        self._index, self._previous = 0, -1
        self._still = reduce_motion()
        self._fade = QVariantAnimation(self, duration=TRANSITION_MS, startValue=0.0, endValue=1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._fade.valueChanged.connect(lambda _value: self.picture.update())  # type: ignore[has-type]
        self._paces = step_ms if isinstance(step_ms, list) else [step_ms] * len(names)
        self._timer = QTimer(self, interval=self._paces[0] if self._paces else STEP_MS)
        self._timer.timeout.connect(self._advance)
        self.picture = StepPicture(self)
        self.play_button = WrapButton(parent=self)  # a parent: never a window of its own
        self.play_button.setObjectName("playSteps")
        self.play_button.clicked.connect(self.toggle)
        self.replay_button = WrapButton(self.tr("↺  Replay"), parent=self)
        self.replay_button.setObjectName("replaySteps")
        self.replay_button.setAccessibleName(self.tr("Replay from step 1"))
        self.replay_button.clicked.connect(self.replay)
        controls = QHBoxLayout()
        controls.addStretch(1)
        describe(self.play_button, self.tr("Shows the steps one after another, like a film"))
        describe(self.replay_button, self.tr("Starts the pictures again from the first step"))
        for button in (self.play_button, self.replay_button):
            button.setVisible(not self._still)
            controls.addWidget(button)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addLayout(controls)
        self._show_play_state()
        if not any(names):
            self.hide()

    def renderer(self, name: str) -> QSvgRenderer:
        if name not in self._renderers:
            self._renderers[name] = QSvgRenderer(self)
            if name:
                self._renderers[name].load(str(illustration_path(name)))
        return self._renderers[name]

    def labels(self, name: str | None = None) -> tuple[IllustrationLabel, ...]:
        """The words drawn over a picture (by default, the current step's)."""
        name = self.name() if name is None else name
        return tuple(self._labels_for(name)) if name else ()

    def set_text_scale(self, text_scale: float) -> None:
        if text_scale != self.text_scale:
            self.text_scale = text_scale
            self.picture.forget()

    def index(self) -> int:
        return self._index

    def name(self) -> str:
        """The picture of the current step (the one in view once any transition ends)."""
        return self._names[self._index]

    def is_valid(self) -> bool:
        return self.renderer(self.name()).isValid()

    def is_transitioning(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def frame(self) -> tuple[str, str, float]:
        """(picture fading out or "", picture in view, how far the fade has got, 0 to 1)."""
        if not self.is_transitioning():
            return "", self.name(), 1.0
        return self._names[self._previous], self.name(), float(self._fade.currentValue())

    def prepare(self) -> None:
        """Draw the pictures of this step and the next now, while the patient reads, so the
        next step does not wait for its picture (each step readies the one after it)."""
        if self.isVisible() or self.picture.width() > 0:
            for name in self._names[self._index : self._index + 2]:
                self.picture.pixmap(name)

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(self._names) - 1))
        if index == self._index:
            return
        self._previous, self._index = self._index, index
        kept = {self._names[i] for i in (self._previous, index, index + 1) if i < len(self._names)}
        self.picture.keep_only(kept)
        QTimer.singleShot(NEXT_PICTURE_DELAY_MS, self, self.prepare)
        self._fade.stop()
        if not self._still and self.isVisible():
            self.picture.pixmap(self.name())  # rendered before the first frame, not during it
            self._fade.start()
        if self.is_playing():
            self._start_timer()  # a full look at the new step before moving on
        self.picture.update()
        self.currentChanged.emit(index)

    def play(self) -> None:
        if self._still:
            return
        if self._index == len(self._names) - 1:
            self.go_to(0)
        self._start_timer()
        self._show_play_state()

    def _start_timer(self) -> None:
        self._timer.start(self.pace_ms(self._index))

    def pace_ms(self, index: int) -> int:
        """How long Play stays on step ``index``: as long as its own words take to read."""
        return self._paces[index]

    def pause(self) -> None:
        self._timer.stop()
        self._show_play_state()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def replay(self) -> None:
        self.go_to(0)
        self.play()

    def _advance(self) -> None:
        self.go_to(self._index + 1)
        if self._index == len(self._names) - 1:
            self.pause()

    def _show_play_state(self) -> None:
        playing = self.is_playing()
        self.play_button.setText(self.tr("❚❚  Pause") if playing else self.tr("▶  Play"))
        self.play_button.setAccessibleName(
            self.tr("Pause the steps") if playing else self.tr("Play the steps one by one")
        )

    def setMaximumHeight(self, height: int) -> None:
        """The page limits its picture's height on narrow windows: here, not the controls'."""
        self.picture.setMaximumHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not self._still:
            self.toggle()
        else:
            super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the screen stops autoplay: nothing moves where nobody is looking."""
        self.pause()
        self._fade.stop()
        super().hideEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.picture.update()  # the focus ring is drawn around the picture
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.picture.update()
        super().focusOutEvent(event)
