"""Line numbers as editors count them, when libyaml counts differently.

libyaml also ends a line at U+0085 (NEL), U+2028 and U+2029; editors and
``file:line:column`` readers end lines only at a line feed, a carriage return
and line feed, or a lone carriage return (old Mac files). Files with those
characters are rare (pasted from word processors), so the usual path keeps
libyaml's own line and column, and only such files have their positions
recomputed from the character offset every mark carries.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from toc.model import Location

_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_EDITOR_BREAK = re.compile("\r\n|\r|\n")


def needs_editor_lines(text: str) -> bool:
    """Whether libyaml's line numbers could differ from an editor's in ``text``."""
    return any(mark in text for mark in _YAML_ONLY_BREAKS)


class EditorLines:
    """Character offsets to 1-based (line, column), ending lines where editors do."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.starts = [0] + [match.end() for match in _EDITOR_BREAK.finditer(text)]

    def location(self, offset: int) -> Location:
        line = bisect_right(self.starts, offset)
        return Location(self.path, line, offset - self.starts[line - 1] + 1)
