"""Icon arrays: "N out of 100 people like you", drawn from the content's own number.

People grasp "9 in 100" better as a picture of 100 people with 9 coloured in than as a
percentage. The picture is computed here from ``figure.per_100``, so the number a patient
reads and the picture beside it can never disagree; the app (SVG) and the PDF (reportlab
shapes) both draw the same ``marks``.

Rounding rule: the picture shows the figure to the nearest half person (halves round up).
9 shows nine people; 5.5 shows five people and the left half of a sixth; 5.2 shows five and
5.3 shows five and a half. A figure below a quarter (0.2 in 100) shows nobody coloured; the
caption beside the picture always states the exact figure.

Coloured people fill the grid in reading order from the top left, row by row, so they can be
counted in tens; a wider gap after the fifth row and column helps count in fives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape  # not xml.sax.saxutils: that pulls in urllib, http and ssl

COLUMNS = ROWS = 10
CELL_WIDTH = 20.0
CELL_HEIGHT = 26.0
GROUP_GAP = 6.0  # extra space after the fifth column and the fifth row
MARGIN = 2.0  # room for the outline at the edges

OUTLINE = "#2b3a4a"
OTHERS = "#d9e2ec"
TONES = {"risk": "#d4553a", "benefit": "#1f6fb2"}
OUTLINE_WIDTH = 1.3

_KAPPA = 0.5523  # control-point distance for a quarter circle drawn as one cubic curve

Command = tuple[str, tuple[float, ...]]  # "M" / "L" (x, y), "C" (x1, y1, x2, y2, x, y), "Z" ()


@dataclass(frozen=True)
class Cell:
    """One person in the grid: top-left corner in picture units and how much is coloured."""

    row: int
    column: int
    x: float
    y: float
    fill: float  # 0, 0.5 or 1


@dataclass(frozen=True)
class IconArray:
    per_100: float  # the figure as the content states it
    shown: float  # what the picture shows: per_100 to the nearest half person
    cells: tuple[Cell, ...]

    @property
    def width(self) -> float:
        return 2 * MARGIN + COLUMNS * CELL_WIDTH + GROUP_GAP

    @property
    def height(self) -> float:
        return 2 * MARGIN + ROWS * CELL_HEIGHT + GROUP_GAP


@dataclass(frozen=True)
class Mark:
    """One filled and/or outlined shape: what every renderer of the array draws."""

    path: tuple[Command, ...]
    fill: str | None
    stroke: str | None


def shown_count(per_100: float) -> float:
    """``per_100`` to the nearest half person, halves rounding up (see the module docstring)."""
    if not 0 <= per_100 <= 100:
        raise ValueError(f"per_100 must be between 0 and 100, not {per_100}")
    return math.floor(per_100 * 2 + 0.5) / 2


def icon_array(per_100: float) -> IconArray:
    shown = shown_count(per_100)
    cells = []
    for index in range(ROWS * COLUMNS):
        row, column = divmod(index, COLUMNS)
        cells.append(
            Cell(
                row=row,
                column=column,
                x=MARGIN + column * CELL_WIDTH + (GROUP_GAP if column >= COLUMNS // 2 else 0),
                y=MARGIN + row * CELL_HEIGHT + (GROUP_GAP if row >= ROWS // 2 else 0),
                fill=min(1.0, max(0.0, shown - index)),
            )
        )
    return IconArray(per_100=per_100, shown=shown, cells=tuple(cells))


def person(x: float, y: float, left_half: bool = False) -> tuple[Command, ...]:
    """A head and shoulders in the cell at (x, y); ``left_half`` cuts it down the middle."""
    middle = x + CELL_WIDTH / 2
    head_y, radius = y + 6.5, 4.6
    k = radius * _KAPPA
    crown, chin = head_y - radius, head_y + radius
    head: list[Command] = [
        ("M", (middle, crown)),
        ("C", (middle - k, crown, middle - radius, head_y - k, middle - radius, head_y)),
        ("C", (middle - radius, head_y + k, middle - k, chin, middle, chin)),
    ]
    if not left_half:
        head += [
            ("C", (middle + k, chin, middle + radius, head_y + k, middle + radius, head_y)),
            ("C", (middle + radius, head_y - k, middle + k, crown, middle, crown)),
        ]
    head.append(("Z", ()))
    top, feet, half_width, r = y + 13, y + 24.5, 7.0, 5.0  # r: how round the shoulders are
    left, right = middle - half_width, middle + half_width
    body: list[Command] = [
        ("M", (middle, feet)),
        ("L", (left, feet)),
        ("L", (left, top + r)),
        ("C", (left, top + r / 2, left + r / 2, top, left + r, top)),
    ]
    if left_half:
        body.append(("L", (middle, top)))
    else:
        body += [
            ("L", (right - r, top)),
            ("C", (right - r / 2, top, right, top + r / 2, right, top + r)),
            ("L", (right, feet)),
        ]
    body.append(("Z", ()))
    return (*head, *body)


def marks(array: IconArray, tone: str) -> list[Mark]:
    """The shapes to draw, back to front; a half person is a grey one half painted over."""
    colour = TONES[tone]
    drawn: list[Mark] = []
    for cell in array.cells:
        whole = person(cell.x, cell.y)
        if cell.fill == 0.5:
            drawn += [
                Mark(whole, OTHERS, None),
                Mark(person(cell.x, cell.y, left_half=True), colour, None),
                Mark(whole, None, OUTLINE),
            ]
        else:
            drawn.append(Mark(whole, colour if cell.fill else OTHERS, OUTLINE))
    return drawn


def path_data(path: tuple[Command, ...]) -> str:
    return " ".join(op + ",".join(f"{round(v, 2):g}" for v in xy) for op, xy in path)


def to_svg(array: IconArray, tone: str, caption: str = "") -> str:
    """The array as a standalone SVG; the caption is its title (what a screen reader says)."""
    width, height = f"{array.width:g}", f"{array.height:g}"
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}">',
        f"<title>{escape(caption)}</title>" if caption else "",
        f"<desc>{array.shown:g} of 100 people are coloured.</desc>",
    ]
    for mark in marks(array, tone):
        fill = f'"{escape(mark.fill or "none")}"'
        stroke = (
            f' stroke="{mark.stroke}" stroke-width="{OUTLINE_WIDTH}" stroke-linejoin="round"'
            if mark.stroke
            else ""
        )
        lines.append(f'<path d="{path_data(mark.path)}" fill={fill}{stroke}/>')
    lines.append("</svg>")
    return "\n".join(line for line in lines if line)
