"""The builder lets go of each node's part of the composed tree as soon as it has read it.

Freed while still in the CPU's cache, and with the model growing into the memory
it leaves, this lowers both the time and the peak memory of a big check. A file
with aliases can share one part between nodes, so there the tree is left whole.
"""

import gc
import weakref

import yaml

from toc.limits import Limits
from toc.loading import load_text
from toc.loading.build import ModelBuilder
from toc.loading.parse import _Loader
from toc.rules import RULES

MODEL = """\
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners confident
"""


def _built(text: str, aliases_possible: bool):
    root = yaml.compose(text, Loader=_Loader)
    nodes = dict((key.value, value) for key, value in root.value)["nodes"]
    parts = [weakref.ref(value) for _, value in nodes.value]
    builder = ModelBuilder("model.toc.yaml", Limits(), RULES.keys())
    builder.aliases_possible = aliases_possible
    return root, builder.build(root), parts


def test_each_node_part_is_freed_once_read():
    enabled = gc.isenabled()
    gc.disable()  # what frees the parts is their reference count reaching zero, not the collector
    try:
        root, model, parts = _built(MODEL, aliases_possible=False)
        assert list(model.nodes) == ["training", "confident"]
        assert model.nodes["confident"].label == "Practitioners confident"
        assert [part() for part in parts] == [None, None]
        assert root is not None  # the rest of the tree is still there: only the node parts went
    finally:
        if enabled:
            gc.enable()


def test_a_file_that_may_share_parts_keeps_the_tree_whole():
    root, model, parts = _built(MODEL, aliases_possible=True)
    assert all(part() is not None for part in parts)
    assert list(model.nodes) == ["training", "confident"]


def test_a_part_shared_by_aliases_is_read_for_every_node_that_uses_it():
    text = """\
toc: 1
nodes:
  training:
    type: activity
    label: Training
    leads_to: &onward [confident]
  coaching:
    type: activity
    label: Coaching
    leads_to: *onward
  confident:
    type: outcome
    term: short
    label: Practitioners confident
"""
    result = load_text(text, "model.toc.yaml")
    assert [link.target for link in result.model.nodes["training"].links] == ["confident"]
    assert [link.target for link in result.model.nodes["coaching"].links] == ["confident"]
    assert result.findings == []
