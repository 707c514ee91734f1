"""Vector pictures drawn once and replayed, so each PDF does not redo the same work.

Drawing an illustration walks hundreds of shapes and formats thousands of numbers, and took
more time than the rest of the acknowledgement together. The PDF operators a picture makes
are the same in every document, except where they name a document's own resources (a font
subset, a shading, a transparency state). So a picture is drawn once onto a scratch canvas:
its operators are kept as text, and only the calls that name resources are kept as calls,
to be made again on each real canvas.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

# Canvas calls whose operators may name a per-document resource. Each is replayed as a call
# when it wrote anything on the scratch canvas (setting an unchanged alpha writes nothing).
RESOURCE_CALLS = (
    "setFillAlpha",
    "setStrokeAlpha",
    "setFillOverprint",
    "setStrokeOverprint",
    "setOverprintMask",
    "linearGradient",
    "radialGradient",
    "shade",
    "drawImage",
    "drawInlineImage",
)

Call = tuple[str, tuple[Any, ...], dict[str, Any]]
Part = str | Call  # operators to add as they are, or a call to make


class _ScratchCanvas(Canvas):
    """A scratch canvas that sorts what a drawing does into operators and replayable calls."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.parts: list[Part] = []
        self._kept = 0  # how much of the stream is already in ``parts`` or thrown away
        self._depth = 0  # canvas methods call each other: only the outermost call counts

    def _flush(self) -> None:
        if len(self._code) > self._kept:
            self.parts.append("\n".join(self._code[self._kept :]))
        self._kept = len(self._code)

    def _resource_call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        outermost = self._depth == 0
        if outermost:
            self._flush()
        self._depth += 1
        try:
            result = getattr(Canvas, name)(self, *args, **kwargs)
        finally:
            self._depth -= 1
        if outermost:
            if len(self._code) > self._kept:
                self.parts.append((name, args, kwargs))
            self._kept = len(self._code)
        return result

    def setFont(self, *args: Any, **kwargs: Any) -> None:
        """Names a font subset: dropped here, set again before each string (below)."""
        self._flush()
        super().setFont(*args, **kwargs)
        self._kept = len(self._code)

    def drawString(self, *args: Any, **kwargs: Any) -> None:
        self._flush()
        super().drawString(*args, **kwargs)
        self.parts.append(("setFont", (self._fontname, self._fontsize, self._leading), {}))
        self.parts.append(("drawString", args, kwargs))
        self._kept = len(self._code)

    def finish(self) -> list[Part]:
        self._flush()
        return self.parts


def _replaying(name: str) -> Callable[..., Any]:
    def method(self: _ScratchCanvas, *args: Any, **kwargs: Any) -> Any:
        return self._resource_call(name, args, kwargs)

    return method


for _name in RESOURCE_CALLS:
    setattr(_ScratchCanvas, _name, _replaying(_name))


@dataclass(frozen=True)
class CanvasReplay:
    parts: tuple[Part, ...]
    width: float
    height: float

    def flowable(self) -> ReplayedDrawing:
        """A new flowable each time: platypus keeps layout state on the flowables it places."""
        return ReplayedDrawing(self)


def prerender(drawing: Drawing) -> CanvasReplay:
    scratch = _ScratchCanvas()
    renderPDF.draw(drawing, scratch, 0, 0)
    return CanvasReplay(tuple(scratch.finish()), drawing.width, drawing.height)


class ReplayedDrawing(Flowable):
    """Draws a replay in its own graphics state, so nothing it sets leaks into the page."""

    def __init__(self, replay: CanvasReplay) -> None:
        super().__init__()
        self.parts = replay.parts
        self.width, self.height = replay.width, replay.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        for part in self.parts:
            if isinstance(part, str):
                canvas.addLiteral(part)
            else:
                name, args, kwargs = part
                getattr(canvas, name)(*args, **kwargs)
        canvas.restoreState()
