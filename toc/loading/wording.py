"""Small facts about composed YAML nodes and how findings name them, shared by every reader.

Kept apart from build.py so that the section readers (evaluation.py,
pathway_fields.py), which build.py itself imports, use the same wording.
"""

from __future__ import annotations

import yaml

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


def is_null(value: yaml.Node) -> bool:
    return isinstance(value, yaml.ScalarNode) and value.tag == NULL


def describe(value: yaml.Node) -> str:
    """What a value is, for "should be X, not Y" messages."""
    if isinstance(value, yaml.MappingNode):
        return "a mapping"
    if isinstance(value, yaml.SequenceNode):
        return "a list"
    if value.tag == NULL:
        return "empty"
    if value.tag in (INT, FLOAT):
        return f"the number {value.value}"
    if value.tag == BOOL:
        return f"{value.value} (true/false)"
    return f'"{value.value}"' if len(value.value) < 40 else "text"


def a(noun: str) -> str:
    """The noun with its article: "an indicator", "a node", "the top level"."""
    return ("an " if noun[:1] in "aeiou" else "a ") + noun if noun != "top level" else "the top level"
