"""Line numbers as editors count them, when libyaml counts differently.

libyaml also ends a line at U+0085 (NEL), U+2028, U+2029 and at every lone
carriage return; editors and ``file:line:column`` readers end lines at line
feeds, and at carriage returns only in a file that has no line feed at all (old
Mac line endings: vim and others then read CR as the line end; in any other
file a stray CR is a character). Files where the two counts differ are rare
(pasted from word processors), so the usual path keeps libyaml's own line and
column, and only such files have their positions recomputed from the character
offset every mark carries.
"""

from __future__ import annotations

from bisect import bisect_right

from toc.model import Location

_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def needs_editor_lines(text: str) -> bool:
    """Whether libyaml's line numbers could differ from an editor's in ``text``."""
    if any(mark in text for mark in _YAML_ONLY_BREAKS):
        return True
    # A stray carriage return in a file of line feeds; counting is a scan, so only when there is one.
    return "\r" in text and "\n" in text and text.count("\r") != text.count("\r\n")


class EditorLines:
    """Character offsets to 1-based (line, column), ending lines where editors do."""

    def __init__(self, text: str, path: str):
        self.path = path
        line_end = "\n" if "\n" in text or "\r" not in text else "\r"  # "\r": old Mac line endings
        self.starts = [0]
        position = text.find(line_end)
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find(line_end, position + 1)

    def location(self, offset: int) -> Location:
        line = bisect_right(self.starts, offset)
        return Location(self.path, line, offset - self.starts[line - 1] + 1)
