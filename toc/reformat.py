"""`toc fmt`: a model in canonical key order and indentation, with nothing lost.

Formatting is pure (text in, text out) and works on *lines*, using the positions
libyaml gives each node. No YAML library prints anything back, so whatever is
written stays as written: comments (also inside a multi-line ``[...]`` or
``{...}``), anchors, quotes and escapes (``"\\u202e"`` stays an escape), block
scalars, long lines, ``---`` and ``...``, and each line's ending (LF or CRLF).
Two steps:

1. **Key order.** Within each block mapping the format knows (the top level, a
   node, a link, an indicator, an assumption, `check:`), keys are put in the order
   of the field tables in ``toc.fields``; unknown keys keep their relative order
   after the known ones. A comment or blank line travels with the key below it
   (the way people write them). Flow mappings (``{type: activity, ...}``) and
   files with aliases are left in their order.
2. **Indentation.** Keys 2 spaces inside their parent key, list dashes 2 spaces
   inside their key with one space after the dash. The other lines of a value
   move with the line it starts on; a full-line comment takes the indentation of
   the line below it.

``format_text`` refuses (raises ``FormatRefused``, with a line and column) rather
than risk a file: syntax errors and duplicate keys must be fixed first, complex
keys (``? [a]``) are not formatted, and a result is never returned that would
load to a different model, lose or change the text of any line, or change when
formatted again. The work is linear in the size of the file.
"""

from __future__ import annotations

import bisect
import collections
import re

import yaml

from toc import fields
from toc.limits import Limits

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Which field table orders the mapping found at each place: a section name orders
# the mapping itself; the inner dicts say where nested sections are. "each" means
# every value of a mapping keyed by id (nodes:, assumptions:), "items" every
# mapping item of a list (leads_to:, indicators:). New sections go here.
_LAYOUT = {
    "top level": {"nodes": ("each", "node"), "assumptions": ("each", "assumption"), "check": ("one", "check"),
                  "evaluation": ("one", "evaluation"), "methods": ("each", "method"),
                  "measures": ("each", "measure"), "pathway": ("one", "pathway"),
                  "monitoring": ("one", "monitoring"), "mechanisms": ("each", "mechanism")},
    "node": {"leads_to": ("items", "link"), "indicators": ("items", "indicator"), "figures": ("items", "figure")},
    "evaluation": {"questions": ("items", "question")},
    "figure": {"comparator": ("one", "comparator")},
}


class FormatRefused(Exception):
    """The file cannot be formatted safely; the message says why and what to do."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.line, self.column = line, column


def format_text(text: str, limits: Limits | None = None) -> str:
    """The canonical form of a model's text (see the module docstring); ``limits`` as toc check's."""
    # (The CLI pauses the collector for the whole command: see toc.cli.)
    return _format(text, limits or Limits())


def _format(text: str, limits: Limits) -> str:
    from toc.loading import load_text
    from toc.meaning import meaning

    # No catalogue files: formatting compares what the model itself says, wherever it is run from.
    before = load_text(text, "<fmt>", limits, catalogue_dir=None)
    # (and lines toc read as they were meant, not as written: formatting moves what is written)
    blocking = [f for f in before.findings if f.code in ("TOC001", "TOC002", "TOC006")] + before.read_as_meant
    if before.model is None or blocking:
        first = blocking[0] if blocking else before.findings[0]
        raise FormatRefused(f"{first.code} {first.message} (fix it first; `toc check` explains)",
                            first.location.line, first.location.column)
    complex_key = _complex_key(text)
    if complex_key is not None:
        raise FormatRefused("a complex key (`? ...`, or a [...] or {...} used as a key): toc fmt only formats"
                            " files whose keys are plain names; write the key as a name", *complex_key)
    formatted = _reindent(order_keys(text))
    after = load_text(formatted, "<fmt>", limits, catalogue_dir=None)
    if after.model is None or meaning(after.model) != meaning(before.model):
        raise FormatRefused("formatting would change what the model means; left unchanged (please report this)")
    lost = _lost_line(text, formatted)
    if lost is not None:
        # Formatting only moves lines and the spaces that start them: every line's text must still be there.
        line, column, words = lost
        raise FormatRefused(f"formatting would lose or change the text {words!r} (a comment, anchor or value);"
                            " left unchanged (please report this)", line, column)
    changed = _rewritten_value(text, formatted)
    errors = [f for f in before.findings if f.severity == "error"]
    if changed is not None and errors:
        # Usually a value the file does not hold the way it looks (a comma inside {...} starts a new key).
        first = errors[0]
        raise FormatRefused(f"{first.code} {first.message} (fix it first; `toc check` explains)",
                            first.location.line, first.location.column)
    if changed is not None:
        raise FormatRefused(f"formatting would rewrite the value {changed!r}; left unchanged (please report this)")
    if _reindent(order_keys(formatted)) != formatted:
        raise FormatRefused("formatting is not stable for this file; left unchanged (please report this)")
    return formatted


def _complex_key(text: str) -> tuple[int, int] | None:
    """The 1-based line and column of the first key in block style that is not a plain scalar, or None.

    Keys are found by their lines, so a key must be a scalar on the line it
    starts: an explicit ``? key`` (its ``:`` on another line) or a ``[...]`` /
    ``{...}`` key is left to the user.
    """
    flow_depth = 0
    after_key = None  # the position of a block key just read, until its first token is seen
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
            if after_key is not None:
                return after_key
            flow_depth += 1
        elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
            flow_depth -= 1
        elif isinstance(token, yaml.KeyToken) and flow_depth == 0:
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) != (end.line, end.column):  # an explicit "?" has a width
                return start.line + 1, start.column + 1
            after_key = start.line + 1, start.column + 1
            continue
        elif isinstance(token, (yaml.AnchorToken, yaml.TagToken)):
            continue
        after_key = None
    return None


def _lost_line(before: str, after: str) -> tuple[int, int, str] | None:
    """A line of ``before`` whose text (after its indentation and list dashes) is not in ``after``."""
    def text_of(line: str) -> str:
        return _DASHES.sub("", line.strip(" \t\r\n\x85\u2028\u2029"))

    kept = collections.Counter(text_of(line) for line in _split_lines(after))
    for number, line in enumerate(_split_lines(before), 1):
        words = text_of(line)
        if not words:
            continue
        if kept[words] <= 0:
            return number, len(line) - len(line.lstrip(" \t")) + 1, words
        kept[words] -= 1
    return None


_DASHES = re.compile(r"\A(?:-[ \t]+)+")


def _rewritten_value(before: str, after: str) -> str | None:
    """A scalar whose value formatting would change (values may move, never change), or None."""
    def scalars(text: str) -> list[str]:
        return sorted(token.value for token in yaml.scan(text, Loader=_Loader) if isinstance(token, yaml.ScalarToken))

    old, new = scalars(before), scalars(after)
    if old == new:
        return None
    remaining = set(new)
    missing = [value for value in old if value not in remaining]
    return missing[0] if missing else new[0]


# ---------------------------------------------------------------- key order
def order_keys(text: str) -> str:
    """``text`` with the keys of each known block mapping in canonical order."""
    if _has_aliases(text):
        return text
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        return text
    lines = _split_lines(text)
    if lines and not _split_ending(lines[-1])[1]:
        lines[-1] += _split_ending(lines[0])[1] or "\n"  # the file's own line ending (CRLF stays CRLF)
    arranged = "".join(_Arranger(lines).mapping(root, "top level", 0, len(lines)))
    # Blank lines before anything else mean nothing.
    return _LEADING_BLANK_LINES.sub("", arranged)


_LEADING_BLANK_LINES = re.compile("\\A(?:[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029]))+")


def _has_aliases(text: str) -> bool:
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(text, Loader=_Loader))
    except yaml.YAMLError:
        return True


class _Arranger:
    def __init__(self, lines: list[str]):
        self.lines = lines

    def last_line(self, node: yaml.Node) -> int:
        return _last_line(node, self.lines)

    def value(self, node: yaml.Node, place, lo: int, hi: int) -> list[str]:
        """Lines [lo, hi), which hold ``node``, arranged for what ``place`` says the node is."""
        kind, section = place if place else (None, None)
        if kind == "one" and isinstance(node, yaml.MappingNode):
            return self.mapping(node, section, lo, hi)
        if kind == "each" and isinstance(node, yaml.MappingNode) and not node.flow_style:
            return self.children(lo, hi, [(value, ("one", section)) for _, value in node.value])
        if kind == "items" and isinstance(node, yaml.SequenceNode) and not node.flow_style:
            return self.children(lo, hi, [(item, ("one", section)) for item in node.value])
        return self.lines[lo:hi]

    def children(self, lo: int, hi: int, children) -> list[str]:
        """Each child arranged in its own lines; everything between them kept as is."""
        out, at = [], lo
        for child, place in children:
            start, end = child.start_mark.line, self.last_line(child) + 1
            if start < at:  # shares a line with what came before (flow style): leave it
                continue
            out += self.lines[at:start] + self.value(child, place, start, end)
            at = end
        return out + self.lines[at:hi]

    def mapping(self, node: yaml.MappingNode, section: str, lo: int, hi: int) -> list[str]:
        if node.flow_style or not node.value:
            return self.lines[lo:hi]
        pairs = node.value
        if not all(isinstance(key, yaml.ScalarNode) for key, _ in pairs):
            return self.lines[lo:hi]  # a complex key: format_text refuses the file before it gets here
        key_lines = [key.start_mark.line for key, _ in pairs]
        if len(set(key_lines)) != len(key_lines):
            return self.lines[lo:hi]
        ends = [self.last_line(value) + 1 for _, value in pairs]
        # A key's block: the comments and blank lines above it, the key, its value.
        starts = [key_lines[0]] + ends[:-1]
        layout = _LAYOUT.get(section, {})
        blocks = []
        for (key, value), start, end in zip(pairs, starts, ends):
            place = layout.get(key.value)
            value_start = max(value.start_mark.line, key.start_mark.line)
            body = self.lines[start:value_start] + self.value(value, place, value_start, end)
            if value_start == key.start_mark.line and place is None:
                body = self.lines[start:end]
            blocks.append((key, body))
        rank = {name: index for index, name in enumerate(fields.field_names(fields.SECTIONS[section]))}
        ordered = sorted(range(len(blocks)), key=lambda i: rank.get(blocks[i][0].value, len(rank)))
        prefix, suffix = self.lines[lo:starts[0]], self.lines[ends[-1]:hi]
        if ordered[0] != 0:
            prefix, blocks = self._move_dash(prefix, blocks, ordered[0])
        return prefix + [line for index in ordered for line in blocks[index][1]] + suffix

    def _move_dash(self, prefix, blocks, new_first):
        """In a list item (``- id: x``), the dash moves to whichever key now comes first."""
        key, body = blocks[0]
        column = key.start_mark.column
        first_line = body[0]
        if not first_line[:column].rstrip().endswith("-"):
            return prefix, blocks
        dash = first_line[:column]
        blocks = list(blocks)
        blocks[0] = (key, [" " * column + first_line[column:]] + body[1:])
        new_key, new_body = blocks[new_first]
        key_index = next(i for i, line in enumerate(new_body) if line.strip() and not line.lstrip().startswith("#"))
        # Comments that sat above the moved key go above the whole item.
        prefix = prefix + new_body[:key_index]
        moved = new_body[key_index]
        blocks[new_first] = (new_key, [dash + moved[column:]] + new_body[key_index + 1:])
        return prefix, blocks


# ---------------------------------------------------------------- indentation
def _reindent(text: str) -> str:
    """``text`` with every block mapping and list at its canonical indentation.

    Only the spaces at the start of a line (and after a list dash) change; the
    rest of each line is kept as written, so nothing is ever re-printed.
    """
    root = yaml.compose(text, Loader=_Loader)
    lines = _split_lines(text)
    indenter = _Indenter(lines, _dash_positions(text))
    if _is_block_collection(root):
        indenter.place_tree(root)
    return indenter.rewrite()


def _is_block_collection(node) -> bool:
    return isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and bool(node.value)


def _dash_positions(text: str) -> list[tuple[int, int]]:
    """(line, column) of every block list dash, in file order (the composed tree does not keep them)."""
    return [(token.start_mark.line, token.start_mark.column)
            for token in yaml.scan(text, Loader=_Loader) if isinstance(token, yaml.BlockEntryToken)]


class _Indenter:
    """Works out how far each line moves, then rewrites the lines.

    A block mapping's keys go 2 spaces inside the key that holds them, a list's
    dashes 2 spaces inside theirs (one space after each dash). Every other line
    of a value (a long text, a block scalar, a multi-line [...] with comments)
    moves as far as the line its value starts on, so its relative layout, and
    with it the value, is unchanged. Full-line comments and blank lines between
    keys are placed last: a comment takes the indentation of the line below it.
    """

    def __init__(self, lines: list[str], dashes: list[tuple[int, int]]):
        self.lines = lines
        self.dashes = dashes
        self.shift: list[int | None] = [None] * len(lines)  # None: not part of any value
        self.dash_lines: set[int] = set()

    def place_tree(self, root) -> None:
        # A work list rather than recursion: nesting is as deep as the file says (up to libyaml's 1,000).
        pending = [(root, 0)]
        while pending:
            node, column = pending.pop()
            if isinstance(node, yaml.MappingNode):
                self._mapping(node, column, pending)
            else:
                self._sequence(node, column, pending)

    def _mapping(self, node: yaml.MappingNode, column: int, pending: list) -> None:
        shift = column - node.value[0][0].start_mark.column
        for key, value in node.value:
            self._place(key.start_mark.line, key.start_mark.column, shift)
            self._value(value, key.start_mark.line, shift, column + 2, pending)

    def _sequence(self, node: yaml.SequenceNode, column: int, pending: list) -> None:
        dashes = [self._dash_before(item) for item in node.value]
        shift = column - dashes[0][1]
        for item, (line, dash_column) in zip(node.value, dashes):
            if self._place(line, dash_column, shift):
                self.dash_lines.add(line)
            self._value(item, line, shift, column + 2, pending)

    def _dash_before(self, item) -> tuple[int, int]:
        """The dash of a list item: the last dash before the item's first character."""
        return self.dashes[bisect.bisect_left(self.dashes, (item.start_mark.line, item.start_mark.column)) - 1]

    def _first_position(self, node) -> tuple[int, int]:
        """Where a block collection's first key or first dash is (an anchor or tag may come before it)."""
        if isinstance(node, yaml.MappingNode):
            return node.value[0][0].start_mark.line, node.value[0][0].start_mark.column
        return self._dash_before(node.value[0])

    def _place(self, line: int, column: int, shift: int) -> bool:
        """Move ``line`` by ``shift`` if it starts with the key or dash at ``column``."""
        body = self.lines[line]
        if len(body) - len(body.lstrip(" ")) != column:
            return False  # shares its line with the dash before it, which decides the line
        self.shift[line] = shift
        return True

    def _value(self, node, owner_line: int, shift: int, child_column: int, pending: list) -> None:
        if _is_block_collection(node):
            pending.append((node, child_column))
            first_line, first_column = self._first_position(node)
            # An anchor or tag alone on a line before the first key moves with the keys.
            for line in range(owner_line + 1, first_line):
                if not _is_blank_or_comment(self.lines[line]):
                    self.shift[line] = child_column - first_column
            return
        for line in range(owner_line + 1, _last_line(node, self.lines) + 1):
            self.shift[line] = shift

    def rewrite(self) -> str:
        out = list(self.lines)
        following = None  # the new indentation of the next line that is not a comment or blank
        for index in range(len(out) - 1, -1, -1):
            body, ending = _split_ending(out[index])
            rest = body.lstrip(" ")
            indent = len(body) - len(rest)
            shift = self.shift[index]
            if shift is not None:
                indent = max(0, indent + shift)
                if index in self.dash_lines:
                    rest = _ONE_SPACE_AFTER_DASHES.sub(lambda dashes: "- " * dashes[0].count("-"), rest)
                out[index] = " " * indent + rest + ending
                if rest.strip():
                    following = indent
            elif not rest.strip(" \t"):
                out[index] = ending  # a blank line between keys
            elif rest.startswith("#"):
                if following is not None:
                    out[index] = " " * following + rest + ending
            else:
                following = indent  # a line fmt leaves where it is: a directive, ---, ...
        return "".join(out)


_ONE_SPACE_AFTER_DASHES = re.compile(r"\A(?:-[ \t]+)+")


def _is_blank_or_comment(line: str) -> bool:
    rest = line.lstrip(" \t")
    return not rest.strip() or rest.startswith("#")


def _last_line(node: yaml.Node, lines: list[str]) -> int:
    """The 0-based line where the node's own text ends (trailing blank lines and comments are not its)."""
    while _is_block_collection(node):  # a loop, not recursion: nesting may be deep
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    line = node.end_mark.line
    if node.end_mark.column == 0 and line > node.start_mark.line:
        line -= 1
    while line > node.start_mark.line and not lines[line].strip():
        line -= 1
    return line


# libyaml ends a line at each of these, so line numbers here must too (str.splitlines
# also splits at form feeds and others that libyaml reads as ordinary characters).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ENDING = re.compile("(?:\r\n|[\r\n\x85\u2028\u2029])?\\Z")


def _split_lines(text: str) -> list[str]:
    """The text's lines, each with its own line ending (LF, CRLF or other), as libyaml counts them."""
    lines, at = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(text[at:match.end()])
        at = match.end()
    if at < len(text):
        lines.append(text[at:])
    return lines


def _split_ending(line: str) -> tuple[str, str]:
    match = _ENDING.search(line)
    return line[:match.start()], line[match.start():]
