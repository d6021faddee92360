"""Line numbers as editors count them, when libyaml counts differently.

libyaml also ends a line at U+0085 (NEL), U+2028, U+2029 and at a lone
carriage return; editors and ``file:line:column`` readers count only line
feeds. Files with those characters are rare (pasted from word processors), so
the usual path keeps libyaml's own line and column, and only such files have
their positions recomputed from the character offset every mark carries.
"""

from __future__ import annotations

from bisect import bisect_right

from toc.model import Location

_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def needs_editor_lines(text: str) -> bool:
    """Whether libyaml's line numbers could differ from an editor's in ``text``."""
    if any(mark in text for mark in _YAML_ONLY_BREAKS):
        return True
    # A lone carriage return; counting is a scan of the file, so only when there is one at all.
    return "\r" in text and text.count("\r") != text.count("\r\n")


class EditorLines:
    """Character offsets to 1-based (line, column), counting only line feeds."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def location(self, offset: int) -> Location:
        line = bisect_right(self.starts, offset)
        return Location(self.path, line, offset - self.starts[line - 1] + 1)
