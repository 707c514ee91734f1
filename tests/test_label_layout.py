"""Placing a picture's words clear of the drawing: the rules, on made-up drawings."""

from __future__ import annotations

from counsel.core.content import IllustrationLabel
from counsel.core.drawing_mask import MASK_HEIGHT, MASK_WIDTH, NO_DRAWING, Box, DrawingMask
from counsel.core.illustration_labels import GRID_HEIGHT, GRID_WIDTH
from counsel.core.label_layout import MARGIN, SEARCH, place_labels


def monospace(text: str, size: float, bold: bool) -> float:
    return len(text) * 0.6 * size


def drawing(*boxes: Box) -> DrawingMask:
    """A mask with these rectangles (grid units) drawn solid."""
    grey = bytearray(b"\xff" * (MASK_WIDTH * MASK_HEIGHT))
    for box in boxes:
        for y in range(int(box.top // 2), int(box.bottom // 2)):
            for x in range(int(box.left // 2), int(box.right // 2)):
                grey[y * MASK_WIDTH + x] = 40
    return DrawingMask.from_grey(bytes(grey), MASK_WIDTH)


def label(
    text: str = "Nerves", x: float = 100, y: float = 100, **more: object
) -> IllustrationLabel:
    return IllustrationLabel(text=text, x=x, y=y, size=20, **more)  # type: ignore[arg-type]


def test_a_label_with_room_stays_where_the_art_planned_it() -> None:
    (placed,) = place_labels([label()], NO_DRAWING, monospace)
    assert placed.size == 20 and placed.overlap == 0
    assert placed.lines == (("Nerves", 100, 100),)


def test_the_mask_counts_only_the_drawing_under_a_box() -> None:
    mask = drawing(Box(100, 100, 140, 120))
    assert mask.drawn(Box(100, 100, 140, 120)) == 20 * 10
    assert mask.drawn(Box(0, 0, 98, 98)) == 0
    assert mask.drawn(Box(130, 110, 200, 200)) == 5 * 5


def test_a_label_on_the_drawing_moves_to_the_nearest_clear_place() -> None:
    art = Box(80, 60, 400, 110)  # covers the planned place and the room just above it
    (placed,) = place_labels([label()], drawing(art), monospace)
    assert placed.overlap == 0
    assert not placed.box.intersects(art)
    text, x, y = placed.lines[0]
    assert text == "Nerves"
    assert abs(x - 100) + abs(y - 100) <= SEARCH * 20 * 1.5  # near, not anywhere


def test_words_larger_than_planned_are_rewrapped_to_fit_between_drawings() -> None:
    """Grown 1.5 times, one line no longer fits between two drawings; two lines do."""
    walls = drawing(Box(0, 0, 180, GRID_HEIGHT), Box(340, 0, GRID_WIDTH, GRID_HEIGHT))
    planned = label("Thick ligament", x=260, y=250, align="center")
    (placed,) = place_labels([planned], walls, monospace, grow=1.5)
    assert placed.overlap == 0 and placed.size == 30
    assert [text for text, _, _ in placed.lines] == ["Thick", "ligament"]


def test_two_labels_never_share_a_place() -> None:
    first, second = place_labels([label("Front"), label("Back")], NO_DRAWING, monospace)
    assert not first.box.intersects(second.box)
    assert first.lines == (("Front", 100, 100),)


def test_labels_are_never_smaller_than_the_readable_minimum() -> None:
    placed = place_labels([label(), label("Disc", y=300)], NO_DRAWING, monospace, minimum=31)
    assert {p.size for p in placed} == {31}


def test_a_label_with_nowhere_clear_reports_what_it_covers() -> None:
    """The painter then gives it a halo; the layout never hides it or drops it."""
    (placed,) = place_labels([label()], drawing(Box(0, 0, GRID_WIDTH, GRID_HEIGHT)), monospace)
    assert placed.overlap > 0
    assert [text for text, _, _ in placed.lines] == ["Nerves"]


def test_a_label_too_long_for_the_picture_is_wrapped_inside_it() -> None:
    words = "a very long label that could never fit on one line of this picture at all"
    (placed,) = place_labels([label(words, x=10)], NO_DRAWING, monospace, minimum=30)
    assert len(placed.lines) > 1
    assert placed.box.left >= MARGIN - 0.01 and placed.box.right <= GRID_WIDTH - MARGIN + 0.01
    assert " ".join(text for text, _, _ in placed.lines) == words
