"""Display width on a terminal, for tables that line up whatever script their text is in.

A CJK character or most emoji take two columns of a terminal, a combining accent
none; ``len`` counts each as one, so a table padded with ``str.ljust`` misaligns
as soon as a label is in Chinese or holds an emoji. The widths come from the
wcwidth library (Unicode's East Asian Width and emoji tables, kept up to date
there). Text that is all one-column characters is wrapped by ``textwrap`` exactly
as before, so outputs of such text do not change.

Text reaching these functions has been through ``escape.terminal_text``, so it
holds no control characters (which have no width).
"""

from __future__ import annotations

import textwrap

from wcwidth import wcswidth, wcwidth


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(0, wcwidth(character)) for character in text)  # (a control character: no width)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces to ``width`` columns (``str.ljust`` by display width)."""
    return text + " " * max(0, width - display_width(text))


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces, a word wider than a line broken
    between characters (never inside a character's combining marks); at least one line."""
    if display_width(text) == len(text):
        return textwrap.wrap(text, width) or [""]
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if display_width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = ""
        for piece in _pieces(word, width):
            if line:
                lines.append(line)
            line = piece
    if line:
        lines.append(line)
    return lines or [""]


def _pieces(word: str, width: int) -> list[str]:
    """``word`` cut into runs of at most ``width`` columns."""
    pieces, current, used = [], "", 0
    for character in word:
        columns = max(0, wcwidth(character))
        if current and columns and used + columns > width:
            pieces.append(current)
            current, used = "", 0
        current += character
        used += columns
    return pieces + [current] if current else pieces
