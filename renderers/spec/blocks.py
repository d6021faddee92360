"""The few kinds of block a specification is made of, shared by every layout."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the document title
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # a note to the reader, set in italics


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    wide: bool = False  # lay out on a landscape page where the format has pages


@dataclass(frozen=True)
class Diagram:
    """The theory of change: an image where Graphviz is available, else the outline."""

    outline: str  # Markdown outline, always available
    alt: str
    text: str = ""  # the same outline as plain text, for formats that are not Markdown




@dataclass(frozen=True)
class Banner:
    """A warning that comes before anything else: the plan is not ready to send, and why."""

    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Label and value pairs: the cover's title block."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Contents:
    """Where the table of contents goes; everything before it is the cover page."""

    headings: tuple[str, ...]  # the sections' headings, for formats without a contents field


Block = Heading | Paragraph | Bullets | Table | Diagram | Banner | Facts | Contents

TO_COMPLETE = "[To complete: "


def to_complete(what: str) -> str:
    """A placeholder the commissioner fills in before sending: the same words in every format."""
    return f"{TO_COMPLETE}{what}]"
