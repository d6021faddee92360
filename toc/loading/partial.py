"""Reading what can be read of a file that is not valid YAML as a whole.

One YAML mistake stops libyaml for the whole file, and a user who fixes one
syntax error only to meet thirty findings it was hiding loses trust in the tool.
A model's top-level sections, and the entries of its `nodes:` and
`assumptions:` sections, are separate blocks of lines that start at a fixed
indentation. Each block is composed on its own: the blocks that read are put
together into one document, and each block that does not is reported as not
checked. Every line is composed at most twice (in its section, then in its
entry), so the work stays linear in the file.

What the missing blocks held is unknown, so the checker then runs only the
rules that judge each item by itself (Rule.local): an "unknown id" or "nothing
leads here" could be wrong about what the missing part defines.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from toc import fields as field_tables
from toc.findings import Finding, Related
from toc.loading.parse import compose
from toc.loading.structure import KEY  # one notion of "a line that starts with a key"
from toc.model import Location

# Sections whose entries are ids, and the fields of one entry: a line at the entries'
# indentation that is one of these fields was meant as a field of the entry above (a
# dedented field) and stays with it.
_ENTRY_FIELDS = {
    "nodes": field_tables.names_of(field_tables.NODE),
    "assumptions": field_tables.names_of(field_tables.ASSUMPTION),
}
_ENTRY_NAMES = {"nodes": "node", "assumptions": "assumption"}


class Missing(NamedTuple):
    """A block of lines that could not be read, so was not checked."""

    first: int  # 1-based line numbers
    last: int
    what: str  # e.g. 'node "commission"' or 'the `evaluation:` section'


class Parts(NamedTuple):
    root: yaml.MappingNode
    missing: tuple[Missing, ...]
    errors: tuple[Finding, ...]  # the syntax errors of the blocks that do not read


def compose_parts(text: str, path: str, error_line: int = 0) -> Parts | None:
    """The blocks of ``text`` that read, as one mapping, or None when none of them does.

    ``errors`` leaves out the error of the block holding ``error_line``: libyaml's error
    for the whole file, already reported, is about that block.
    """
    lines = text.split("\n")
    starts = _line_offsets(lines)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    missing: list[Missing] = []
    errors: list[Finding] = []
    for first, end in _blocks(lines, 0, len(lines), 0):
        key = KEY.match(lines[first])
        name = key.group("key") if key else lines[first].strip()
        composed = _compose_block(lines, starts, first, end, path)
        if isinstance(composed, yaml.MappingNode) and len(composed.value) == 1:
            pairs.append(composed.value[0])
            continue
        section = _entries(lines, starts, first, end, path, name, missing, errors, error_line) if key else None
        if section is not None:
            pairs.append(section)
            continue
        missing.append(Missing(first + 1, _last_line(lines, first, end), f"the `{name}:` section"
                               if key else f"line {first + 1}"))
        if isinstance(composed, Finding) and not first < error_line <= end:
            errors.append(composed)
    if not pairs:
        return None
    mark = pairs[0][0].start_mark
    root = yaml.MappingNode("tag:yaml.org,2002:map", pairs, mark, pairs[-1][1].end_mark, False)
    return Parts(root, tuple(missing), tuple(errors))


# A file broken everywhere (not a model at all) would otherwise list every line.
MOST_PARTS_LISTED = 20


def partial_note(missing: tuple[Missing, ...], path: str) -> tuple[Related, ...]:
    """What was left unchecked, as related places of the syntax finding."""
    notes = tuple(
        Related(Location(path, part.first, 1),
                f"not checked (lines {part.first}-{part.last}, {part.what}): fix the syntax error to check it"
                if part.last > part.first else
                f"not checked (line {part.first}, {part.what}): fix the syntax error to check it")
        for part in missing[:MOST_PARTS_LISTED])
    if len(missing) > MOST_PARTS_LISTED:
        rest = missing[MOST_PARTS_LISTED]
        notes += (Related(Location(path, rest.first, 1),
                          f"and {len(missing) - MOST_PARTS_LISTED} more parts not checked"),)
    return notes


def _entries(lines, starts, first, end, path, name, missing, errors, error_line):
    """The section at ``first`` read entry by entry: (key, mapping of the entries that read), or None."""
    if lines[first].split(":", 1)[1].split("#", 1)[0].strip():
        return None  # the section's value is on its own line: it has no entries to read apart
    body = [number for number in range(first + 1, end) if _significant(lines[number])]
    if not body:
        return None
    indent = _indent(lines[body[0]])
    if indent == 0 or lines[body[0]].lstrip().startswith("- "):
        return None
    header = _compose_block(lines, starts, first, first + 1, path)
    if not isinstance(header, yaml.MappingNode) or len(header.value) != 1:
        return None
    entry_pairs = []
    fields = _ENTRY_FIELDS.get(name, frozenset())
    for entry_first, entry_end in _blocks(lines, body[0], end, indent, fields):
        composed = _compose_block(lines, starts, entry_first, entry_end, path)
        if isinstance(composed, yaml.MappingNode) and len(composed.value) == 1:
            entry_pairs.append(composed.value[0])
            continue
        key = KEY.match(lines[entry_first].strip())
        entry = f'{_ENTRY_NAMES.get(name, "entry")} "{key.group("key")}"' if key else f"part of `{name}:`"
        missing.append(Missing(entry_first + 1, _last_line(lines, entry_first, entry_end), entry))
        if isinstance(composed, Finding) and not entry_first < error_line <= entry_end:
            errors.append(composed)
    key_node = header.value[0][0]
    if not entry_pairs:
        value = yaml.ScalarNode("tag:yaml.org,2002:null", "", key_node.end_mark, key_node.end_mark)
    else:
        value = yaml.MappingNode("tag:yaml.org,2002:map", entry_pairs, entry_pairs[0][0].start_mark,
                                 entry_pairs[-1][1].end_mark, False)
    return key_node, value


def _blocks(lines: list[str], begin: int, end: int, indent: int, glued: frozenset[str] = frozenset()):
    """(first, end) line ranges of the blocks that start at ``indent`` between ``begin`` and ``end``.

    A line at ``indent`` whose key is in ``glued`` (a field of the entry above) does not
    start a block; nor does a document marker.
    """
    first = None
    for number in range(begin, end):
        line = lines[number]
        if not _significant(line) or _indent(line) != indent or line.startswith(("---", "...")):
            continue
        key = KEY.match(line.strip())
        if glued and key and key.group("key") in glued and first is not None:
            continue
        if first is not None:
            yield first, number
        first = number
    if first is not None:
        yield first, end


def _compose_block(lines, starts, first, end, path) -> yaml.Node | Finding | None:
    """Lines ``first``..``end`` composed on their own, with the marks of their place in the file."""
    text = "\n".join(lines[first:end]) + "\n"
    composed = compose(text, path, first_line=first + 1)
    if isinstance(composed, yaml.Node):
        _shift(composed, first, starts[first])
    return composed


def _shift(root: yaml.Node, lines: int, offset: int) -> None:
    """Move every mark of a block composed on its own to its line and offset in the file."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.start_mark = _moved(node.start_mark, lines, offset)
        node.end_mark = _moved(node.end_mark, lines, offset)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _moved(mark: yaml.Mark | None, lines: int, offset: int) -> yaml.Mark | None:
    if mark is None:
        return None
    return yaml.Mark(mark.name, mark.index + offset, mark.line + lines, mark.column, None, None)


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return offsets


def _last_line(lines: list[str], first: int, end: int) -> int:
    for number in range(end - 1, first, -1):
        if _significant(lines[number]):
            return number + 1
    return first + 1


def _significant(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))
