"""How deep a model's lists and mappings may nest, and measuring it.

PyYAML 6.0.4 and later (the versions pyproject.toml allows) bundle a libyaml that
refuses nesting deeper than ``READER_MAX_DEPTH`` levels with its own error
("exceeded maximum nesting depth"), so composing can never exhaust the stack:
that error is reported as a TOC006 limit finding. ``TOC_MAX_DEPTH`` can lower
the limit (the composed tree is then measured by ``composed_depth``), but not
raise it past what the reader itself accepts.
"""

from __future__ import annotations

import yaml

# libyaml's own cap (yaml_private.h, MAX_NESTING_LEVEL since PyYAML 6.0.4's bundled copy).
READER_MAX_DEPTH = 1_000
READER_DEPTH_ERROR = "exceeded maximum nesting depth"


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
