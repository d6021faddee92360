"""Explaining YAML structure errors in words, at the line where the mistake is.

libyaml reports where it gave up, which is often not where the mistake is: a
field indented too little is only noticed on the next line, and what it says
("mapping values are not allowed here", "did not find expected key") means
nothing to someone who does not write parsers. After libyaml fails, this module
reads the raw lines around the error the way a person would: which lines are
fields, which are list items, which field each belongs to by its indentation.
It finds the line that does not line up with its neighbours and says so in
words ("`label` is indented less than the other fields of `dosage`; line it up
with `type` above").

One pass over the lines up to the error, so the work is linear in the file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from toc import fields as field_tables

# `key:` followed by a space or the end of the line, after an optional "- ". A plain key
# does not start with a quote, bracket or YAML indicator; quoted keys are rare in models.
KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{}&*!|>%@`,-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)")
_DASH = re.compile(r"-(?=\s|$)\s*")
_NO_SPACE_AFTER_COLON = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/][^\s]*)")
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*\s*(#.*)?$")

_TOP_LEVEL_FIELDS = field_tables.names_of(field_tables.TOP_LEVEL)
# The fields of the items of each list a model has, by the list's field name.
_ITEM_FIELDS = {
    "indicators": field_tables.names_of(field_tables.INDICATOR),
    "leads_to": field_tables.names_of(field_tables.LINK),
    "questions": field_tables.names_of(field_tables.QUESTION),
    "figures": field_tables.names_of(field_tables.FIGURE),
}

# Parents whose entries are ids rather than fields, and what to call the entries.
_ENTRIES = {"nodes": "nodes", "assumptions": "assumptions", "methods": "methods", "measures": "measures"}


class Explanation(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str | None


class _Line(NamedTuple):
    number: int  # 1-based
    indent: int  # spaces before the first character (the "-" of a list item)
    dash: bool  # a list item: "- ..."
    key: str | None  # the key on the line, after the dash if any
    key_column: int  # 0-based column where the key (or, without one, the item's text) starts
    value: str  # what follows "key:" (or the item's text), comments not removed
    owner: int | None  # index in the structure of the line this one belongs to
    text: str


def explain(text: str, line: int, column: int, problem: str) -> Explanation | None:
    """What is wrong, in words, for a libyaml error at 1-based (line, column), or None.

    None leaves libyaml's own message, which is then the best there is.
    """
    lines = text.split("\n")
    if line > len(lines):
        line = len(lines)
    tab = _tab_before(lines, line)
    if tab is not None:
        return tab
    structure, extra = _structure(lines, line)
    if not structure:
        return None
    text_line = _text_dedented(structure, extra, lines, line)
    if text_line is not None:
        return text_line
    error = _error_line(structure, extra, line)
    if error is None:
        return None
    index, current = error
    if "could not find expected ':'" in problem or "simple key" in problem:
        return _text_without_field(structure, extra, lines, line) or _misplaced(structure, index)
    if "mapping values are not allowed" in problem and current.number == line and current.key is not None \
            and column - 1 > current.key_column + len(current.key) and ": " in current.value:
        return _colon_in_value(current, column)
    return _missing_space(extra, structure, index) or _misplaced(structure, index)


def _tab_before(lines: list[str], line: int) -> Explanation | None:
    """The last line at or before the error indented with a tab."""
    for number in range(line, max(line - 50, 0), -1):
        text = lines[number - 1]
        stripped = text.lstrip(" \t")
        if "\t" in text[: len(text) - len(stripped)] and stripped:
            column = text.index("\t") + 1
            what = KEY.match(stripped)
            name = f"`{what.group('key')}`" if what else f"line {number}"
            return Explanation(number, column, f"{name} is indented with a tab; YAML allows only spaces for indentation",
                               "YAML does not allow tabs for indentation: replace the tab with spaces, lining the "
                               "line up with the lines it belongs with")
    return None


def _structure(lines: list[str], last: int) -> tuple[list[_Line], dict[int, str]]:
    """The fields and list items of lines 1..last, each with the line it belongs to.

    Also returns the other non-blank lines (text continuing a value, or a line with no
    field) by line number, for the cases where one of them is the mistake.
    """
    structure: list[_Line] = []
    other: dict[int, str] = {}
    stack: list[int] = []  # indexes into structure of the open lines, innermost last
    block_opened_at: int | None = None  # inside a block scalar (| or >) whose key is at this indent
    block_indent: int | None = None  # ...and whose text lines start at this one
    open_brackets = 0
    for number in range(1, last + 1):
        text = lines[number - 1].rstrip("\r")
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        if not stripped or stripped.startswith("#"):
            continue
        if block_opened_at is not None:
            if block_indent is None and indent > block_opened_at:
                block_indent = indent
            if block_indent is not None and indent >= block_indent:
                continue
            block_opened_at = block_indent = None
        if open_brackets > 0:  # a [ or { list running over several lines
            open_brackets += _bracket_balance(stripped)
            continue
        dash = _DASH.match(stripped)
        rest = stripped[dash.end():] if dash else stripped
        key_column = indent + (dash.end() if dash else 0)
        found = KEY.match(rest)
        if not dash and not found:
            other[number] = text
            continue
        key = found.group("key") if found else None
        value = rest[found.end() + 1:].strip() if found else rest
        while stack and structure[stack[-1]].indent >= indent:
            stack.pop()
        structure.append(_Line(number, indent, bool(dash), key, key_column, value,
                               stack[-1] if stack else None, text))
        stack.append(len(structure) - 1)
        if key is not None and _BLOCK_SCALAR.match(value):
            block_opened_at = indent
        elif value[:1] in "[{":
            open_brackets = max(_bracket_balance(value), 0)
    return structure, other


def _bracket_balance(text: str) -> int:
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def _error_line(structure: list[_Line], other: dict[int, str], line: int) -> tuple[int, _Line] | None:
    if structure and structure[-1].number == line:
        return len(structure) - 1, structure[-1]
    if line in other:
        return None if not structure else (len(structure) - 1, structure[-1])
    return (len(structure) - 1, structure[-1]) if structure else None


# --------------------------------------------------------------- the cases
def _misplaced(structure: list[_Line], index: int) -> Explanation | None:
    current = structure[index]
    if index == 0:
        return None
    previous = structure[index - 1]
    if current.dash:
        return _misaligned_dash(structure, index)
    if previous.dash and previous.key is not None and previous.indent < current.indent < previous.key_column:
        return _less(current, previous, structure)
    if previous.dash and previous.key is not None and current.indent == previous.indent:
        return Explanation(
            current.number, current.indent + 1,
            f"`{_name(current)}` is lined up with the `-` on line {previous.number}, not with `{previous.key}` after it; "
            f"line it up with `{previous.key}`",
            "the fields of a list item start where its first field starts, after the `-`")
    opener = structure[index - 2] if index >= 2 else None
    if opener is not None and previous.owner in (index - 2, opener.owner) and not previous.dash and opener.key \
            and _opens_block(opener) and not _opens_block(previous) and opener.indent <= previous.indent < current.indent \
            and current.key:
        # The first field of something is indented less than the fields after it.
        return Explanation(
            previous.number, previous.indent + 1,
            f"`{_name(previous)}` is indented less than the other fields of `{opener.key}`; "
            f"line it up with `{current.key}` below",
            _spaces_hint(previous.indent, current.indent))
    fields_column = _fields_column(previous)
    if current.indent > previous.indent and fields_column is not None and current.indent != fields_column:
        # Deeper than a field with a value: either this line is indented too far, or the
        # line before was indented too little (and this one lines up with the fields before it).
        sibling = None if previous.dash else _column_of_fields_at(structure, index - 1, current.indent)
        if sibling is not None and previous.indent < current.indent:
            return _less(previous, sibling, structure)
        return _more(current, previous, structure)
    if current.indent < previous.key_column or current.indent < previous.indent:
        return _between(structure, index)
    return None


def _opens_block(line: _Line) -> bool:
    return line.key is not None and (not line.value or line.value.startswith("#"))


def _fields_column(line: _Line) -> int | None:
    """Where the fields of the same thing as ``line`` start, when ``line`` holds a value (not a block)."""
    if line.key is None:
        return None if line.dash else line.indent
    if line.value and not line.value.startswith("#") and not _BLOCK_SCALAR.match(line.value):
        return line.key_column
    return None


def _column_of_fields_at(structure: list[_Line], index: int, indent: int) -> _Line | None:
    """A field before ``structure[index]`` that starts at ``indent`` under the same parent chain."""
    for earlier in range(index - 1, max(index - 200, -1), -1):
        line = structure[earlier]
        if line.key_column == indent and line.key is not None:
            return line
        if line.indent < indent and not (line.dash and line.key_column == indent):
            return None
    return None


def _less(line: _Line, sibling: _Line, structure: list[_Line]) -> Explanation:
    parent = sibling if sibling.dash else _parent_of(sibling, structure)
    return Explanation(
        line.number, line.indent + 1,
        f"`{_name(line)}` is indented less than the other {_members(parent, structure)}; "
        f"line it up with `{sibling.key}` {_where(sibling, line)}",
        _spaces_hint(line.indent, sibling.key_column))


def _more(line: _Line, sibling: _Line, structure: list[_Line]) -> Explanation:
    parent = sibling if sibling.dash else _parent_of(sibling, structure)
    return Explanation(
        line.number, line.indent + 1,
        f"`{_name(line)}` is indented more than the other {_members(parent, structure)}; "
        f"line it up with `{sibling.key}` {_where(sibling, line)}",
        _spaces_hint(line.indent, sibling.key_column))


def _between(structure: list[_Line], index: int) -> Explanation | None:
    """A field indented less than the fields before it but more than their parent."""
    current = structure[index]
    candidate: int | None = index - 1
    while candidate is not None:
        line = structure[candidate]
        owner = structure[line.owner] if line.owner is not None else None
        if line.dash and line.key is not None and line.indent < current.indent < line.key_column:
            return _less(current, line, structure)
        if owner is None:
            return None
        if owner.dash and owner.indent == current.indent and not current.dash:
            return _key_in_list(current, owner, structure)
        if owner.indent < current.indent < line.indent and line.key is not None:
            return _top_level_by_mistake(owner, structure) or _less(current, line, structure)
        if owner.indent == current.indent:
            return None  # a sibling of the parent: nothing wrong with its indentation
        candidate = line.owner
    return None


def _top_level_by_mistake(line: _Line, structure: list[_Line]) -> Explanation | None:
    """A line at the start of the line that is no top-level field: an entry that lost its indentation."""
    if line.indent != 0 or line.owner is not None or line.key in _TOP_LEVEL_FIELDS or line.key is None:
        return None
    entries = next((earlier for earlier in reversed(structure)
                    if earlier.number < line.number and earlier.indent == 0 and earlier.key in _ENTRIES), None)
    what = f"one of the {_ENTRIES[entries.key]} under `{entries.key}:`" if entries else "part of the section above"
    return Explanation(
        line.number, 1,
        f"`{line.key}` starts at the beginning of the line, so YAML reads it as a top-level section, "
        f"not as {what}; indent it like the others",
        "only the top-level fields (toc:, title:, nodes:...) start at the beginning of a line")


def _key_in_list(line: _Line, dash: _Line, structure: list[_Line]) -> Explanation | None:
    owner = _parent_of(dash, structure)
    if owner is None or owner.key is None:
        return None
    item_fields = _ITEM_FIELDS.get(owner.key, frozenset())
    if line.key in item_fields and dash.key is not None:
        return Explanation(
            line.number, line.indent + 1,
            f"`{_name(line)}` starts where the `-` of the `{owner.key}` items do, so it is not read as a field of "
            f"the item above; line it up with `{dash.key}` on line {dash.number}",
            "the fields of a list item start where its first field starts, after the `-`")
    above = _parent_of(owner, structure)
    where = f"a field of `{above.key}`" if above is not None and above.key else "a field of what is above"
    return Explanation(
        line.number, line.indent + 1,
        f"`{_name(line)}` starts where the `-` of the `{owner.key}` items do, so it is read as part of that list; "
        f"if it is {where}, line it up with `{owner.key}` ({_count(owner.indent)})",
        "the items of a list start with `-`; the fields after the list line up with the field that opened it")


def _misaligned_dash(structure: list[_Line], index: int) -> Explanation | None:
    current = structure[index]
    candidate: int | None = index - 1
    while candidate is not None:
        line = structure[candidate]
        if line.dash:
            if line.indent == current.indent:
                return None
            owner = structure[line.owner] if line.owner is not None else None
            if owner is not None and owner.indent >= current.indent and current.indent != line.indent \
                    and owner.indent > current.indent:
                candidate = line.owner
                continue
            items = f"the first `{owner.key}` item's" if owner is not None and owner.key else "the item before it's"
            first = _first_item(structure, candidate)
            return Explanation(
                current.number, current.indent + 1,
                f"this list item's `-` is indented {_count(current.indent)}, {items} {_count(line.indent)} "
                f"(line {first.number}); line it up with the `-` on line {first.number}",
                "every item of a list starts with its `-` in the same column")
        if line.indent < current.indent and not line.dash:
            return None
        candidate = line.owner
    return None


def _first_item(structure: list[_Line], index: int) -> _Line:
    dash = structure[index]
    first = dash
    for earlier in range(index - 1, -1, -1):
        line = structure[earlier]
        if line.dash and line.indent == dash.indent and line.owner == dash.owner:
            first = line
        elif line.indent <= dash.indent and not line.dash:
            break
    return first


def _text_without_field(structure: list[_Line], other: dict[int, str], lines: list[str],
                        line: int) -> Explanation | None:
    """Text on a line of its own where a field was expected (a value split over lines)."""
    for number in range(line, max(line - 5, 0), -1):
        if number in other:
            text = other[number]
            indent = len(text) - len(text.lstrip(" "))
            above = next((entry for entry in reversed(structure) if entry.number < number), None)
            if above is None or above.key is None or indent != above.key_column:
                continue
            return Explanation(
                number, indent + 1,
                f"this line has no `field:`, and it is lined up with `{above.key}` above, so YAML cannot "
                f"read it as part of `{above.key}`'s value",
                f"to continue the value of `{above.key}`, indent this line more than `{above.key}`, "
                "or put the whole value on one line")
    return None


def _colon_in_value(line: _Line, column: int) -> Explanation:
    """`label: Outcome: better relationships`: the second ': ' reads as another field."""
    value = line.value.split(" #", 1)[0].strip()
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    shown = quoted if len(quoted) <= 80 else quoted[:76] + '..."'
    return Explanation(
        line.number, column,
        f"the text of `{line.key}` contains ': ', which YAML reads as the start of another field",
        f"put the text in quotes: {line.key}: {shown}")


def _text_dedented(structure: list[_Line], other: dict[int, str], lines: list[str],
                   line: int) -> Explanation | None:
    """A line of a `>-` or `|` text indented less than the text's first line."""
    number = next((n for n in range(line, max(line - 3, 0), -1) if n in other), None)
    if number is None:
        return None
    opener = next((entry for entry in reversed(structure) if entry.number < number), None)
    if opener is None or opener.key is None or not _BLOCK_SCALAR.match(opener.value):
        return None
    first = next((n for n in range(opener.number + 1, number) if lines[n - 1].strip()), None)
    if first is None:
        return None
    indent = len(other[number]) - len(other[number].lstrip(" "))
    first_indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" "))
    if not opener.indent < indent < first_indent:
        return None
    return Explanation(
        number, indent + 1,
        f"this line of the text of `{opener.key}` is indented less than its first line (line {first}); "
        "line it up with the lines above",
        f"the lines of a text written after `{opener.key}: {opener.value.split()[0]}` all start in the same column")


def _missing_space(other: dict[int, str], structure: list[_Line], index: int) -> Explanation | None:
    """`type:output`: a field with no space after its colon reads as text, not as a field."""
    current = structure[index]
    previous_number = structure[index - 1].number if index else 0
    for number in range(current.number - 1, previous_number, -1):
        text = other.get(number)
        if text is None:
            continue
        match = _NO_SPACE_AFTER_COLON.match(text.strip())
        if match:
            key, value = match.group("key"), match.group("value")
            return Explanation(number, len(text) - len(text.lstrip(" ")) + 1,
                               f"`{key}:{value}` has no space after the colon, so YAML reads it as text, not a field",
                               f"write `{key}: {value}`")
    return None


# --------------------------------------------------------------- wording
def _parent_of(line: _Line, structure: list[_Line]) -> _Line | None:
    return structure[line.owner] if line.owner is not None else None


def _members(parent: _Line | None, structure: list[_Line]) -> str:
    if parent is None:
        return "top-level fields"
    if parent.dash:
        owner = _parent_of(parent, structure)
        label = f" `{parent.value.split(':', 1)[-1].strip()}`" if parent.key == "id" else ""
        listed = f"`{owner.key}` item" if owner is not None and owner.key else "list item"
        return f"fields of this {listed}{label} (line {parent.number})"
    if parent.key in _ENTRIES:
        return f"{_ENTRIES[parent.key]} under `{parent.key}:`"
    return f"fields of `{parent.key}`"


def _name(line: _Line) -> str:
    if line.key:
        return line.key
    return line.value.split()[0] if line.value.split() else "-"


def _where(sibling: _Line, line: _Line) -> str:
    return "above" if sibling.number == line.number - 1 else f"on line {sibling.number}"


def _count(spaces: int) -> str:
    return f"{spaces} space" + ("" if spaces == 1 else "s")


def _spaces_hint(have: int, want: int) -> str:
    return (f"YAML reads what belongs to what from the indentation: the fields of one thing start in the same "
            f"column ({_count(want)} in here; this line has {_count(have)})")
