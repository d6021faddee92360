"""Composing YAML text into located nodes with libyaml, errors as TOC001 findings.

Composing (not constructing) keeps every node's position, keeps duplicate keys
for us to report, never runs a tag, and shares aliased nodes instead of copying
them, so alias bombs cost nothing here. The C parser makes this the fast path.
"""

from __future__ import annotations

import yaml

from toc.findings import Finding
from toc.loading.lines import needs_editor_lines
from toc.loading.source import location_of_offset
from toc.loading.structure import explain
from toc.model import Location
from toc.loading.nesting import READER_DEPTH_ERROR, READER_MAX_DEPTH
from toc.loading.finding_kinds import LIMIT_EXCEEDED, YAML_SYNTAX

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FIRST_CHARACTERS = _BaseLoader.yaml_implicit_resolvers  # first character -> [(tag, pattern)]
assert None not in _FIRST_CHARACTERS and not _BaseLoader.yaml_path_resolvers, "_Loader.resolve assumes neither"


class _Loader(_BaseLoader):
    """libyaml's safe loader, resolving each value's tag by the same rules with less work.

    The C composer calls back into Python to resolve the tag of every value, and that
    call was a third of the time of composing a model. Most values need no pattern
    at all: a key or label that starts with a character no implicit type (number,
    boolean, null, date) starts with is text. The tags are exactly PyYAML's
    (tests/test_parse.py).
    """

    # No path resolvers are registered (asserted above), so there is no path to track: the
    # composer calls these twice per value.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in _FIRST_CHARACTERS:
            return _BaseLoader.DEFAULT_SCALAR_TAG
        return _BaseLoader.resolve(self, kind, value, implicit)


def compose(text: str, path: str, first_line: int = 1) -> yaml.Node | None | Finding:
    """The document's root node, None for an empty document, or a TOC001 finding.

    ``first_line`` is where ``text`` starts in its file, for a block of a file composed
    on its own (toc.loading.partial): findings are placed in the file, not in the block.
    """
    result = _compose(text, path)
    if first_line != 1 and isinstance(result, Finding):
        location = result.location
        result = result._replace(location=Location(path, location.line + first_line - 1, location.column))
    return result


def _compose(text: str, path: str) -> yaml.Node | None | Finding:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and "end of stream" in (error.problem or ""):
            mark = error.context_mark  # an unclosed quote or bracket: show where it opened
        if mark is None:
            location = Location(path, 1, 1)
        elif needs_editor_lines(text) or mark.index >= len(text):
            # (libyaml puts the end of a file without a final newline on a line of its own)
            location = location_of_offset(text, mark.index, path)
        else:
            location = Location(path, mark.line + 1, mark.column + 1)
        problem = error.problem or error.context or "invalid YAML"
        if READER_DEPTH_ERROR in problem:
            return LIMIT_EXCEEDED.finding(
                f"lists and mappings nested more than {READER_MAX_DEPTH} levels deep", location,
                hint="a model nests a few levels: look for unclosed [ or { brackets")
        if "another document" in problem:
            problem = "a second YAML document (---) in one file"
        context = f"{error.context or ''} {problem}"
        explained = None if needs_editor_lines(text) else explain(text, location.line, location.column, context)
        if explained is not None:
            return YAML_SYNTAX.finding(explained.message, Location(path, explained.line, explained.column),
                                       hint=explained.hint)
        return YAML_SYNTAX.finding(
            f"invalid YAML: {problem}", location, hint=_hint(text, location, context)
        )
    except yaml.reader.ReaderError as error:
        location = location_of_offset(text, error.position, path)
        return YAML_SYNTAX.finding(
            f"invalid character U+{error.character:04X} ({error.reason})"
            if isinstance(error.character, int)
            else f"invalid text: {error.reason}",
            location,
            hint="remove the control character; it often comes from pasting out of another program",
        )
    except yaml.YAMLError as error:  # pragma: no cover - libyaml raises only the two above
        return YAML_SYNTAX.finding(f"invalid YAML: {error}", Location(path, 1, 1))
    except RecursionError:  # only the pure-Python reader (PyYAML built without libyaml) recurses
        return LIMIT_EXCEEDED.finding(
            "lists and mappings nested too deeply for the YAML reader", Location(path, 1, 1),
            hint="a model nests a few levels: look for unclosed [ or { brackets")


def _hint(text: str, location: Location, problem: str) -> str | None:
    lines = text.splitlines()
    line = lines[location.line - 1] if 0 < location.line <= len(lines) else ""
    if "\t" in line[: max(location.column, 1)] or "\t" in line[: len(line) - len(line.lstrip())]:
        return "YAML does not allow tabs for indentation: indent with spaces"
    if "expected a single document" in problem:
        return "a model file holds one YAML document: remove the extra '---'"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' needs quotes, e.g. label: \"Outcome: better relationships\""
    if "quoted scalar" in problem:
        return "a quote opened here is never closed: end the text with the same quote mark"
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "check the indentation and quotes on this line and the one before"
    return None
