"""Composing deeply nested YAML without exhausting the C stack.

libyaml's composer (PyYAML's C extension) recurses once per level of nesting
and never checks Python's recursion limit, so a file of 100,000 ``[`` crashes
the interpreter. Counting levels exactly costs an extra parse (half the cost of
composing), so the common case uses a cheap upper bound instead:

* flow nesting (``[`` and ``{``) is at most the number of those characters
  (less the ones closed on their own line, see ``_flow_bound``);
* block nesting is at most twice the longest line (or, when a line is long,
  twice the longest run of indentation and "- ", "? ", ": " indicators that
  starts a line), since every nested block collection starts further right than
  its parent (or, for a list under a key, at the key's own column).

The file is composed on a thread whose stack fits the bound (on the main
thread when the bound is small), so composing can never overflow; the composed
tree's depth is then compared with ``max_depth`` by an iterative walk. Only when
the bound is too big for any reasonable stack (a hostile file of brackets, or a
huge flow-style one) are the levels counted from libyaml's events first,
stopping at the first level over the limit.
"""

from __future__ import annotations

import re
import threading

import yaml

# Levels the main thread's default stack composes safely (it crashes near 20,000).
_MAIN_THREAD_LEVELS = 2_000
# The most levels composed on a dedicated thread without counting them first
# (a 256 MB stack: address space reserved, touched only as deep as the file goes).
STACK_BUDGET_LEVELS = 250_000
# Lines in a model are short; when all are, the block bound is known without measuring each
# (and stays under the default TOC_MAX_DEPTH, so the composed tree need not be walked).
_SHORT_LINE = 400
_LONG_LINE = re.compile(r"\n[^\n]{%d}" % _SHORT_LINE)
_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
# Stack per level of nesting, with a wide margin (measured: 350-650 bytes).
_STACK_PER_LEVEL = 1024
_STACK_BASE = 4 * 1024 * 1024


def nesting_bound(text: str) -> int:
    """An upper bound on the depth of nested collections in ``text`` (a few C-speed scans)."""
    if len(text) <= _MAIN_THREAD_LEVELS:
        return len(text)  # no level can be deeper than the characters that open it
    first_line = text.find("\n")
    if 0 <= first_line < _SHORT_LINE and _LONG_LINE.search(text) is None:
        block = 2 * _SHORT_LINE  # every line is shorter than _SHORT_LINE (one search in C)
    else:
        block = 2 * max(map(len, text.split("\n"))) + 2
    if block > _MAIN_THREAD_LEVELS:
        # A long line (a pasted paragraph) is not deep: block collections start
        # only after indentation and the indicators "- ", "? " and ": ".
        block = 2 * max(map(len, _BLOCK_PREFIX.findall(text))) + 2
    return min(len(text), _flow_bound(text) + block)


def _flow_bound(text: str) -> int:
    """At most how deep ``[`` and ``{`` collections nest.

    A line with one opener and one closer after it, and no quote or comment,
    holds one whole flow collection (``leads_to: [a, b]``) or none at all (both
    are text in a block scalar or a plain value: flow values cannot contain
    brackets), so it adds one level that ends on the line. Every opener on any
    other line is assumed to stay open. Typical models give 1; only files with
    multi-line or nested flow collections give big bounds.
    """
    carried = contained = 0
    size = len(text)
    find = text.find
    next_square, next_curly = find("["), find("{")
    while next_square >= 0 or next_curly >= 0:
        start = next_square if next_curly < 0 or 0 <= next_square < next_curly else next_curly
        line_start = text.rfind("\n", 0, start) + 1
        line_end = find("\n", start)
        if line_end < 0:
            line_end = size
        line = text[line_start:line_end]
        if 0 <= next_square < line_end:
            next_square = find("[", line_end)
        if 0 <= next_curly < line_end:
            next_curly = find("{", line_end)
        opened = line.count("[") + line.count("{")
        if (opened == 1 and line.count("]") + line.count("}") == 1
                and '"' not in line and "'" not in line and "#" not in line):
            opener, closer = ("[", "]") if "[" in line else ("{", "}")
            if line.find(opener) < line.find(closer):
                contained = 1
                continue
        carried += opened
    return carried + contained


def composed_depth(root: yaml.Node | None, stop_after: int) -> tuple[int, yaml.Mark | None]:
    """The depth of a composed tree (iterative), or the first level past ``stop_after``."""
    if root is None:
        return 0, None
    deepest, mark = 0, None
    seen: set[int] = set()  # aliases share nodes: each is walked once
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest, mark = depth, node.start_mark
            if deepest > stop_after:
                break
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value if not isinstance(child, yaml.ScalarNode))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    stack.append((key, depth + 1))
                if not isinstance(value, yaml.ScalarNode):
                    stack.append((value, depth + 1))
    return deepest, mark


def deepest_level(text: str, loader, stop_after: int) -> tuple[int, yaml.Mark | None]:
    """The exact nesting depth from libyaml events, or the first level past ``stop_after``.

    Returns the depth and the mark where it is reached. Syntax errors are left
    for the composer to report with its usual message.
    """
    depth = deepest = 0
    mark = None
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > deepest:
                    deepest, mark = depth, event.start_mark
                    if deepest > stop_after:
                        break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return deepest, mark


def run_with_stack_for(levels: int, function, *args):
    """``function(*args)`` on a thread whose stack holds ``levels`` of composer recursion."""
    if levels <= _MAIN_THREAD_LEVELS:
        return function(*args)
    outcome: list = []

    def target():
        try:
            outcome.append((True, function(*args)))
        except BaseException as error:  # handed back to the calling thread
            outcome.append((False, error))

    previous = threading.stack_size()
    threading.stack_size(_STACK_BASE + levels * _STACK_PER_LEVEL)
    try:
        worker = threading.Thread(target=target, name="toc-compose")
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value
