"""How the theory of change diagram is printed legibly in a Word specification.

A diagram is legible when its smallest text prints at MINIMUM_POINTS or more. The diagram is drawn
in toc's workshop style (large type: box labels 18 pt, the key 13-14 pt at full size) and shrunk
to fit its page; the smallest text's printed size is its size at full size times the shrink.
The command tries, in order: the whole diagram on an A4 landscape page, on an A3 landscape
page, then split at the outputs into two parts (needs to outputs, outputs to impact) on A4, then
on A3; the first that is legible wins (else the last, with the text outline beside it).

Pure: PNG bytes in, sizes out. Graphviz lays PNGs out at 96 dots per inch.
"""

from __future__ import annotations

from dataclasses import dataclass

MINIMUM_POINTS = 8.0
SMALLEST_TEXT_POINTS = 13.0  # the key's text in workshop style (renderers/dot.py `_legend`)
PNG_DPI = 96
EMU_PER_CM = 360_000
EMU_PER_POINT = 12_700

# Landscape pages: (page width, page height, margin) in cm, and the height a picture may take
# (the page's text height less room for a heading line and the caption).
PAGES = {"A4": (29.7, 21.0, 2.0), "A3": (42.0, 29.7, 2.0)}
PICTURE_HEIGHT_CM = {"A4": 14.5, "A3": 22.5}

# The two parts of a split diagram: the node types each hides.
SPLIT_PARTS = (
    ("Needs, inputs, activities and outputs", frozenset({"outcome", "impact"})),
    ("Outputs, outcomes and impact", frozenset({"need", "input", "activity"})),
)


@dataclass(frozen=True)
class Figure:
    """A picture of the diagram, or of one part of it, on a landscape page of its own size."""

    png: bytes
    caption: str
    page: str  # A4 | A3, landscape


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels (a PNG keeps them at bytes 16-24)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def text_width_emu(page: str) -> int:
    width, _, margin = PAGES[page]
    return int((width - 2 * margin) * EMU_PER_CM)


def picture_width_emu(png: bytes, page: str) -> int:
    """The widest the picture can be on the page, keeping its shape and at most its full size."""
    width, height = png_size(png)
    full = int(width / PNG_DPI * 2.54 * EMU_PER_CM)
    if not width or not height:
        return text_width_emu(page)
    return int(min(text_width_emu(page), PICTURE_HEIGHT_CM[page] * EMU_PER_CM * width / height, full))


def smallest_text_points(png: bytes, width_emu: int) -> float:
    """The printed size of the diagram's smallest text when the picture is ``width_emu`` wide."""
    width, _ = png_size(png)
    if not width:
        return 0.0
    natural_points = width / PNG_DPI * 72
    return SMALLEST_TEXT_POINTS * (width_emu / EMU_PER_POINT) / natural_points


def legible_on(png: bytes, page: str) -> bool:
    return smallest_text_points(png, picture_width_emu(png, page)) >= MINIMUM_POINTS
