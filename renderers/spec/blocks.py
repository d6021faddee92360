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


Block = Heading | Paragraph | Bullets | Table | Diagram
