"""How the theory of change diagram is printed legibly in a Word specification.

A diagram is legible when its smallest text prints at MINIMUM_POINTS or more. The diagram is drawn
in toc's workshop style (box labels 18 pt at full size, the largest type with the fewest details)
without its key, which the specification gives as a table of text beside it; the smallest text's
printed size is then 18 pt times the shrink that fits the picture on its page. The command tries
the whole diagram on each page in PAGE_ORDER, then splits it at the outputs into two parts (needs
to outputs, outputs to impact), each on the first page that prints it legibly; a part no page
prints legibly goes on the last page, and the text outline is added beside it.

Pure: PNG bytes and DOT text in, sizes and text out. Graphviz lays PNGs out at 96 dots per inch.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc.renderers import style

MINIMUM_POINTS = 8.0
SMALLEST_TEXT_POINTS = 18.0  # box labels in workshop style (renderers/dot.py), the smallest text once the key is out
PNG_DPI = 96
EMU_PER_CM = 360_000
EMU_PER_POINT = 12_700
MARGIN_CM = 2.0
CAPTION_CM = 4.0  # room on a picture's page for the annex heading, its sentence and the caption

# Pages a picture may take, in the order tried: (width, height) in cm.
PAGES = {"A4 landscape": (29.7, 21.0), "A3 landscape": (42.0, 29.7), "A3 portrait": (29.7, 42.0)}
PAGE_ORDER = tuple(PAGES)

# The two parts of a split diagram: the node types each hides.
SPLIT_PARTS = (
    ("From needs (and any root causes) to outputs", frozenset({"outcome", "impact"})),
    ("Outputs, outcomes and impact", frozenset({"cause", "need", "input", "activity"})),
)

_SHAPE_WORDS = {"folder": "box with a tab (a folder)", "note": "box with a folded corner", "cylinder": "cylinder", "box": "box",
                "component": "box with two tabs", "doubleoctagon": "double octagon"}
_COLOUR_WORDS = {"#EFD9CC": "light brown", "#FBE0CF": "orange", "#EDEDED": "grey", "#D3E6F3": "blue", "#E4F3FB": "light blue",
                 "#E3F5EF": "pale green", "#C5EADD": "green", "#A6DECB": "darker green", "#FBE6BD": "gold"}
_LINE_WORDS = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}


def diagram_key(model=None) -> tuple[tuple[str, str], ...]:
    """The diagram's key as text: what each box and line means (from renderers/style.py). With a
    model, the marks format 1.1 added (status, mechanisms) are keyed where the diagram draws them."""
    rows = []
    for stage, look in style.NODE_STYLES.items():
        shape = _SHAPE_WORDS.get(look.shape, look.shape)
        if stage in style.ROUNDED:
            shape = "box with rounded corners"
        rows.append((f"{_COLOUR_WORDS.get(look.fill, look.fill)} {shape}", look.name))
    rows.append(("dashed red border", "an outcome with no indicator: not measured"))
    for evidence, line in style.LINK_STYLES.items():
        weight = "thick " if line.penwidth >= 2 else ""
        colour = "grey " if line.colour != style.LINK_COLOUR else ""
        rows.append((f"{weight}{colour}{_LINE_WORDS.get(line.style, line.style)} arrow", f"a link with {line.name}"))
    rows.append(("pink dashed arrow", style.FEEDBACK_LINK.name))
    drawn = [*model.nodes.values(), *model.links()] if model is not None else []
    if any(item.status in style.STATUS_WORDING for item in drawn):
        rows.append(("dotted border, or the words draft or in development", "not yet agreed"))
    if any(item.mechanisms for item in drawn):
        rows.append(("purple words in italics on a box or a link", "the mechanism of change it works through"))
    return tuple(rows)


@dataclass(frozen=True)
class Figure:
    """A picture of the diagram, or of one part of it, on a landscape page of its own size."""

    png: bytes
    caption: str
    page: str  # a key of PAGES


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels (a PNG keeps them at bytes 16-24)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def text_width_emu(page: str) -> int:
    return int((PAGES[page][0] - 2 * MARGIN_CM) * EMU_PER_CM)


def picture_width_emu(png: bytes, page: str) -> int:
    """The widest the picture can be on the page, keeping its shape and at most its full size."""
    width, height = png_size(png)
    if not width or not height:
        return text_width_emu(page)
    full = int(width / PNG_DPI * 2.54 * EMU_PER_CM)
    room = (PAGES[page][1] - 2 * MARGIN_CM - CAPTION_CM) * EMU_PER_CM
    return int(min(text_width_emu(page), room * width / height, full))


def smallest_text_points(png: bytes, width_emu: int) -> float:
    """The printed size of the diagram's smallest text when the picture is ``width_emu`` wide."""
    width, _ = png_size(png)
    if not width:
        return 0.0
    natural_points = width / PNG_DPI * 72
    return SMALLEST_TEXT_POINTS * (width_emu / EMU_PER_POINT) / natural_points


def legible_on(png: bytes, page: str) -> bool:
    return smallest_text_points(png, picture_width_emu(png, page)) >= MINIMUM_POINTS


def legible_page(png: bytes) -> str | None:
    """The first page in PAGE_ORDER that prints the picture legibly, else None."""
    return next((page for page in PAGE_ORDER if legible_on(png, page)), None)
