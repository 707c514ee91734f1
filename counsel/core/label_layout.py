"""Placing a picture's words where they do not cover the drawing, for the app and the PDF.

Each label has a planned place in the picture's 800 x 500 grid. When the words come out
larger than planned (the smallest readable size on a small picture, a large text size, a
longer translation), the planned place may run onto the art. Then the nearest clear place
is taken: a small move, another line break, or a slightly smaller size (never below the
planned proportion or the readable minimum). "Clear" is read from a ``DrawingMask`` of the art,
so the rule holds for any picture a clinic draws, not only for the shipped ones.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from counsel.core.content import IllustrationLabel
from counsel.core.drawing_mask import Box, DrawingMask
from counsel.core.frozen import Frozen
from counsel.core.illustration_labels import GRID_HEIGHT, GRID_WIDTH, LINE_SPACING

ASCENT, DESCENT = 0.80, 0.24  # of the letter size: DejaVu Sans with accents and descenders
HALO = 0.12  # of the letter size: the soft outline drawn around the words
MARGIN = 6.0  # grid units kept clear inside the picture's edge
LABEL_GAP = 0.2  # of the letter size: the least space between two labels' halos
SEARCH = 3.0  # how far a label may move to stay off the drawing, in letter sizes
FAR_SEARCH = 16.0  # how far it may move to stay off another label
CHANGE_COST = 0.75  # another line break or size weighs as much as a move of 3/4 letter
SHRINK = 0.9  # each smaller size tried is this much of the one before

Measure = Callable[[str, float, bool], float]
"""The width of a line of text at a letter size, both in grid units, bold or not."""


class PlacedLabel(Frozen, kw_only=False):
    """Where and how big a label is drawn: each line's text, left end and baseline."""

    label: IllustrationLabel
    size: float
    lines: tuple[tuple[str, float, float], ...]
    box: Box
    overlap: int  # drawing cells under it: 0 unless no clear place was near its planned one


def place_labels(
    labels: Sequence[IllustrationLabel],
    mask: DrawingMask,
    measure: Measure,
    grow: float = 1.0,
    minimum: float = 0.0,
) -> tuple[PlacedLabel, ...]:
    """Each label at ``grow`` times its planned size but at least ``minimum`` (grid units),
    in the clear place nearest its planned one, and clear of the other labels.

    Labels are placed one after another, so an early one can take the room a later one
    needed; then the later one goes first and all are placed again."""
    order = list(range(len(labels)))
    best: dict[int, PlacedLabel] = {}
    for _ in labels:
        placed = _place_in_order(labels, order, mask, measure, grow, minimum)
        if not best or _overlap(placed) < _overlap(best):
            best = placed
        stuck = [index for index in order if placed[index].overlap]
        if not stuck:
            break
        order.remove(stuck[0])
        order.insert(0, stuck[0])
    return tuple(best[index] for index in range(len(labels)))


def _overlap(placed: dict[int, PlacedLabel]) -> int:
    return sum(label.overlap for label in placed.values())


def _place_in_order(
    labels: Sequence[IllustrationLabel],
    order: Sequence[int],
    mask: DrawingMask,
    measure: Measure,
    grow: float,
    minimum: float,
) -> dict[int, PlacedLabel]:
    placed: dict[int, PlacedLabel] = {}
    for index in order:
        label = labels[index]
        near = _candidates(label, measure, grow, minimum, _NEAR)
        far = _candidates(label, measure, grow, minimum, _FAR)  # only if all near ones collide
        others = list(placed.values())
        chosen = _clearest(near, others, mask) or _clearest(far, others, mask)
        wanted = max(label.size * grow, minimum)
        placed[index] = chosen or _layout(label, label.lines, wanted, measure)
    return placed


def _clearest(
    candidates: Iterator[PlacedLabel], placed: Sequence[PlacedLabel], mask: DrawingMask
) -> PlacedLabel | None:
    """The first candidate on no drawing, else the one on least; never one on another label."""
    fallbacks = []
    for candidate in candidates:
        room = candidate.box.grown(LABEL_GAP * candidate.size)
        if any(room.intersects(other.box) for other in placed):
            continue
        if mask.is_clear(candidate.box):
            return candidate
        fallbacks.append(candidate)
    counted = (replace(candidate, overlap=mask.drawn(candidate.box)) for candidate in fallbacks)
    return min(counted, key=lambda candidate: candidate.overlap, default=None)


def _candidates(
    label: IllustrationLabel,
    measure: Measure,
    grow: float,
    minimum: float,
    moves: Sequence[tuple[float, float, float]],
) -> Iterator[PlacedLabel]:
    """The label's possible placements, the least changed first: the planned one, then
    small moves, other line breaks and smaller sizes, by a cost that weighs all three."""
    wanted = max(label.size * grow, minimum)
    sizes = [wanted]
    while sizes[-1] * SHRINK >= max(label.size, minimum):
        sizes.append(sizes[-1] * SHRINK)
    layouts = [
        (shrunk + variant, _layout(label, lines, size, measure))
        for shrunk, size in enumerate(sizes)
        for variant, lines in enumerate(_line_breaks(label.lines, size, measure, label.bold))
    ]
    streams = [_costed(moves, penalty, index) for index, (penalty, _) in enumerate(layouts)]
    for _, index, dx, dy in heapq.merge(*streams):
        layout = layouts[index][1]
        moved = _moved(layout, dx * layout.size, dy * layout.size)
        if _inside(moved.box):
            yield moved


def _costed(
    moves: Sequence[tuple[float, float, float]], penalty: int, index: int
) -> Iterator[tuple[float, int, float, float]]:
    """One layout's moves, nearest first, costed with its other changes."""
    for distance, dx, dy in moves:
        yield CHANGE_COST * penalty + distance, index, dx, dy


def _moves(reach: float, step: float) -> tuple[tuple[float, float, float], ...]:
    """Moves up to ``reach`` letter sizes away, ``step`` letters apart, the nearest first."""
    count = round(reach / step)
    steps = [i * step for i in range(-count, count + 1)]
    found = ((math.hypot(dx, dy), dx, dy) for dx in steps for dy in steps)
    return tuple(sorted(move for move in found if move[0] <= reach))


_NEAR = _moves(SEARCH, 0.25)
_FAR = _moves(FAR_SEARCH, 1.0)


def _line_breaks(
    lines: tuple[str, ...], size: float, measure: Measure, bold: bool
) -> list[tuple[str, ...]]:
    """The planned lines, then the words balanced on one, two and three lines."""
    words = " ".join(lines).split()
    options = [lines] + [
        _balanced(words, count, size, measure, bold) for count in (1, 2, 3) if count <= len(words)
    ]
    room = GRID_WIDTH - 2 * MARGIN - 2 * HALO * size
    fitted = [tuple(_wrap(option, size, measure, bold, room)) for option in options]
    return list(dict.fromkeys(fitted))


def _balanced(
    words: list[str], count: int, size: float, measure: Measure, bold: bool
) -> tuple[str, ...]:
    """The words on ``count`` lines, broken where the widest line is narrowest."""
    splits = (
        tuple(" ".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True))
        for cuts in itertools.combinations(range(1, len(words)), count - 1)
    )
    return min(splits, key=lambda parts: max(measure(part, size, bold) for part in parts))


def _wrap(
    lines: tuple[str, ...], size: float, measure: Measure, bold: bool, room: float
) -> list[str]:
    """Greedy word wrap, only for a line too long for the picture."""
    wrapped: list[str] = []
    for line in lines:
        if measure(line, size, bold) <= room:
            wrapped.append(line)
            continue
        start = len(wrapped)
        for word in line.split():
            if len(wrapped) > start and measure(f"{wrapped[-1]} {word}", size, bold) <= room:
                wrapped[-1] = f"{wrapped[-1]} {word}"
            else:
                wrapped.append(word)
    return wrapped


def _layout(
    label: IllustrationLabel, lines: tuple[str, ...], size: float, measure: Measure
) -> PlacedLabel:
    """The lines at their planned place, moved inside the picture if they would cross its edge."""
    widths = [measure(line, size, label.bold) for line in lines]
    block = max(widths)
    left = {"left": label.x, "center": label.x - block / 2, "right": label.x - block}[label.align]
    step = size * LINE_SPACING
    pad = HALO * size
    box = Box(
        left - pad,
        label.y - ASCENT * size - pad,
        left + block + pad,
        label.y + step * (len(lines) - 1) + DESCENT * size + pad,
    )
    dx = max(0.0, MARGIN - box.left) - max(0.0, box.right - (GRID_WIDTH - MARGIN))
    dy = max(0.0, MARGIN - box.top) - max(0.0, box.bottom - (GRID_HEIGHT - MARGIN))
    offsets = {
        "left": lambda w: 0.0,
        "center": lambda w: (block - w) / 2,
        "right": lambda w: block - w,
    }
    placed = tuple(
        (line, left + offsets[label.align](width), label.y + index * step)
        for index, (line, width) in enumerate(zip(lines, widths, strict=True))
    )
    return _moved(PlacedLabel(label, size, placed, box, 0), dx, dy)


def _moved(layout: PlacedLabel, dx: float, dy: float) -> PlacedLabel:
    if not dx and not dy:
        return layout
    lines = tuple((text, x + dx, y + dy) for text, x, y in layout.lines)
    return replace(layout, lines=lines, box=layout.box.moved(dx, dy))


def _inside(box: Box) -> bool:
    """Whether the box keeps the margin inside the picture's edge (to a rounding error)."""
    low, right, bottom = MARGIN - 0.01, GRID_WIDTH - MARGIN + 0.01, GRID_HEIGHT - MARGIN + 0.01
    return box.left >= low and box.top >= low and box.right <= right and box.bottom <= bottom
