"""The located loader resolves every value's tag exactly as PyYAML's C safe loader does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toc.loading.parse import _Loader

ROOT = Path(__file__).resolve().parent.parent

# Plain values of every implicit type, and text that starts like one.
_PLAIN_VALUES = [
    "", "~", "null", "Null", "NULL", "nulled", "y", "Y", "yes", "No", "on", "OFF", "true", "True", "false",
    "falsehood", "0", "12", "-3", "+4", "0x1F", "0o17", "0b101", "1_000", "190:20:30", "1.5", "-.5", ".inf",
    "-.INF", ".nan", "1e3", "6.8523015e+5", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "=", "!", "&",
    "*", "Parents", "parents", "type", "tyPE", "12 months", "1.10", "a - b",
]


def _tags(node: yaml.Node) -> list[tuple[str, str, int, int]]:
    found = []
    pending = [node]
    while pending:
        current = pending.pop()
        found.append((current.tag, type(current).__name__, current.start_mark.line, current.start_mark.column))
        if isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            pending.extend(item for pair in current.value for item in pair)
    return found


def _same_as_pyyaml(text: str) -> None:
    assert _tags(yaml.compose(text, Loader=_Loader)) == _tags(yaml.compose(text, Loader=yaml.CSafeLoader))


@pytest.mark.parametrize("value", _PLAIN_VALUES)
def test_plain_and_quoted_values_get_pyyaml_tags(value):
    documents = [f"plain: {value}\n", f"quoted: '{value}'\n", f'double: "{value}"\n', f"{value}: key\n",
                 f"list: [{value}]\n", f"block: |\n  {value}\n"]
    composed = 0
    for document in documents:
        try:
            yaml.compose(document, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            continue  # not valid YAML written this way (e.g. a plain "*")
        _same_as_pyyaml(document)
        composed += 1
    assert composed >= 3


def test_a_value_seen_again_gets_the_same_tag():
    _same_as_pyyaml("a: yes\nb: yes\nc: 'yes'\nd: yes\ne: !!str yes\nf: 12\ng: 12\n")


@pytest.mark.parametrize("path", sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("examples/**/*.toc.yaml")))
def test_every_example_composes_as_pyyaml_does(path):
    _same_as_pyyaml((ROOT / path).read_text(encoding="utf-8"))
