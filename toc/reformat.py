"""`toc fmt`: a model in canonical key order and indentation, with every comment kept.

Formatting is pure (text in, text out) and happens in two steps:

1. **Key order.** Within each block mapping the format knows (the top level, a
   node, a link, an indicator, an assumption, `check:`), keys are put in the order
   of the field tables in ``toc.fields``; unknown keys keep their relative order
   after the known ones. This works on *lines*, using the positions libyaml gives
   each node, so a comment or blank line travels with the key below it (the way
   people write them) and nothing is ever re-flowed. Flow mappings
   (``{type: activity, ...}``) and files with aliases are left in their order.
2. **Indentation.** A ruamel.yaml round trip re-indents (2 spaces for mappings,
   list dashes indented 2 inside their key), keeps quotes, comments, block
   scalars and long lines as written.

``format_text`` refuses (raises ``FormatRefused``) rather than risk a file:
syntax errors and duplicate keys must be fixed first, and a result that would
load to a different model, or that would change when formatted again, is never
returned.
"""

from __future__ import annotations

import io
import re

import yaml

from toc import fields

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Which field table orders the mapping found at each place: a section name orders
# the mapping itself; the inner dicts say where nested sections are. "each" means
# every value of a mapping keyed by id (nodes:, assumptions:), "items" every
# mapping item of a list (leads_to:, indicators:). New sections go here.
_LAYOUT = {
    "top level": {"nodes": ("each", "node"), "assumptions": ("each", "assumption"), "check": ("one", "check"),
                  "evaluation": ("one", "evaluation"), "methods": ("each", "method"),
                  "measures": ("each", "measure"), "pathway": ("one", "pathway")},
    "node": {"leads_to": ("items", "link"), "indicators": ("items", "indicator"), "figures": ("items", "figure")},
    "evaluation": {"questions": ("items", "question")},
    "figure": {"comparator": ("one", "comparator")},
}


class FormatRefused(Exception):
    """The file cannot be formatted safely; the message says why and what to do."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.line, self.column = line, column


def format_text(text: str) -> str:
    """The canonical form of a model's text (see the module docstring)."""
    from toc.loading import load_text

    before = load_text(text, "<fmt>")
    blocking = [f for f in before.findings if f.code in ("TOC001", "TOC002", "TOC006")]
    if before.model is None or blocking:
        first = blocking[0] if blocking else before.findings[0]
        raise FormatRefused(f"{first.code} {first.message} (fix it first; `toc check` explains)",
                            first.location.line, first.location.column)
    ordered = order_keys(text)
    formatted = _reindent(ordered)
    after = load_text(formatted, "<fmt>")
    from toc.meaning import meaning

    if after.model is None or meaning(after.model) != meaning(before.model):
        raise FormatRefused("formatting would change what the model means; left unchanged (please report this)")
    changed = _rewritten_value(text, formatted)
    errors = [f for f in before.findings if f.severity == "error"]
    if changed is not None and errors:
        # Usually a value the file does not hold the way it looks (a comma inside {...} starts a new key).
        first = errors[0]
        raise FormatRefused(f"{first.code} {first.message} (fix it first; `toc check` explains)",
                            first.location.line, first.location.column)
    if changed is not None:
        # ruamel.yaml re-prints some numbers (long floats lose a digit): never change what was written.
        raise FormatRefused(f"formatting would rewrite the value {changed!r}; left unchanged (please report this)")
    if _reindent(order_keys(formatted)) != formatted:
        raise FormatRefused("formatting is not stable for this file; left unchanged (please report this)")
    return formatted


def _rewritten_value(before: str, after: str) -> str | None:
    """A scalar whose text formatting would change (values may move, never change), or None."""
    def scalars(text: str) -> list[str]:
        return sorted(token.value for token in yaml.scan(text, Loader=yaml.SafeLoader)
                      if isinstance(token, yaml.ScalarToken))

    old, new = scalars(before), scalars(after)
    if old == new:
        return None
    missing = [value for value in old if value not in set(new)]
    return missing[0] if missing else new[0]


# ---------------------------------------------------------------- key order
def order_keys(text: str) -> str:
    """``text`` with the keys of each known block mapping in canonical order."""
    if _has_aliases(text):
        return text
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    arranged = "".join(_Arranger(lines).mapping(root, "top level", 0, len(lines)))
    # Blank lines before anything else mean nothing (and ruamel drops some of them).
    return re.sub(r"\A(?:[ \t]*\n)+", "", arranged)


def _has_aliases(text: str) -> bool:
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(text, Loader=_Loader))
    except yaml.YAMLError:
        return True


class _Arranger:
    def __init__(self, lines: list[str]):
        self.lines = lines

    def last_line(self, node: yaml.Node) -> int:
        """The 0-based line where the node's own text ends."""
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
            last = node.value[-1]
            return self.last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
        line = node.end_mark.line
        if node.end_mark.column == 0 and line > node.start_mark.line:
            line -= 1
        while line > node.start_mark.line and not self.lines[line].strip():
            line -= 1
        return line

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
    from ruamel.yaml import YAML

    yaml_rt = YAML()
    yaml_rt.preserve_quotes = True
    yaml_rt.width = 100_000  # never re-flow long lines
    yaml_rt.indent(mapping=2, sequence=4, offset=2)
    try:
        data = yaml_rt.load(text)
        stream = io.StringIO()
        yaml_rt.dump(data, stream)
    except Exception as error:  # ruamel is stricter than libyaml in a few corners
        raise FormatRefused(f"cannot re-indent: {str(error).splitlines()[0]}") from None
    return _indent_comments(stream.getvalue())


def _indent_comments(text: str) -> str:
    """Full-line comments indented like the line they describe (the next one).

    ruamel leaves comments at their old column; after re-indenting they would
    float. Lines inside multi-line scalars are text, not comments, and are kept.
    """
    lines = text.splitlines(keepends=True)
    inside_scalars = _scalar_continuation_lines(text)
    following_indent = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        stripped = line.lstrip(" ")
        if index in inside_scalars or not stripped.strip():
            continue
        if stripped.startswith("#"):
            if following_indent is not None:
                lines[index] = " " * following_indent + stripped
            continue
        following_indent = len(line) - len(stripped)
    return "".join(lines)


def _scalar_continuation_lines(text: str) -> set[int]:
    found: set[int] = set()
    seen: set[int] = set()
    pending = [yaml.compose(text, Loader=_Loader)]
    while pending:
        node = pending.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
        elif isinstance(node, yaml.MappingNode):
            pending.extend(item for pair in node.value for item in pair)
        else:
            pending.extend(node.value)
    return found
