"""Stable layout: each column keeps the file's order, so one new box or link moves nothing else.

Laid out by the real Graphviz; the positions are read back from ``dot -Tjson``.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import EXAMPLES

from toc.checker import check_text
from toc.editing import add_link, add_node, edit_text
from toc.model import Stage
from toc.renderers.dot import DiagramOptions, dot_ids, render_dot

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")

MODELS = ["wirral", "kirklees", "sefton", "leicester-city", "east-midlands"]


def drawn_columns(text: str, options: DiagramOptions = DiagramOptions()) -> dict[Stage, list[str]]:
    """Each column's box ids, top to bottom as Graphviz drew them; asserts the columns stand left to right."""
    model = check_text(text).model
    laid_out = json.loads(subprocess.run(["dot", "-Tjson"], input=render_dot(model, options),
                                         capture_output=True, text=True, check=True).stdout)
    by_dot_id = {dot_id: node_id for node_id, dot_id in dot_ids(model).items()}
    position = {by_dot_id[item["name"]]: tuple(map(float, item["pos"].split(",")))
                for item in laid_out["objects"] if item.get("name") in by_dot_id}
    columns: dict[Stage, list[str]] = {}
    for node in model.nodes.values():
        columns.setdefault(node.stage, []).append(node.id)
    xs = []
    for stage in sorted(columns):
        assert len({position[node_id][0] for node_id in columns[stage]}) == 1, f"{stage.name} is not one column"
        xs.append(position[columns[stage][0]][0])
        columns[stage].sort(key=lambda node_id: -position[node_id][1])  # JSON's y grows upwards
    assert xs == sorted(xs), "the columns are not in stage order"
    return columns


def file_columns(text: str) -> dict[Stage, list[str]]:
    columns: dict[Stage, list[str]] = {}
    for node in check_text(text).model.nodes.values():
        columns.setdefault(node.stage, []).append(node.id)
    return columns


@pytest.mark.parametrize("name", MODELS)
def test_every_column_is_drawn_in_the_files_order(name):
    text = (EXAMPLES / f"{name}.toc.yaml").read_text()
    assert drawn_columns(text) == file_columns(text)


@pytest.mark.parametrize("name", MODELS)
def test_one_new_box_or_link_leaves_every_other_box_where_it_was_in_its_column(name):
    text = (EXAMPLES / f"{name}.toc.yaml").read_text()
    before = drawn_columns(text)
    model = check_text(text).model
    first_activity = next(node.id for node in model.nodes.values() if node.stage is Stage.ACTIVITY)
    last_outcome = [node.id for node in model.nodes.values() if node.stage is Stage.SHORT_TERM_OUTCOME][-1]
    with_box, new_id = edit_text(text, lambda document: add_node(document, "A box added in the workshop",
                                                                   "outcome", "short"))
    with_link, _ = edit_text(with_box, lambda document: add_link(document, first_activity, new_id))
    unlinked_pair = next((source, target) for source in model.nodes for target in model.nodes
                         if model.nodes[source].stage is Stage.ACTIVITY
                         and model.nodes[target].stage is Stage.SHORT_TERM_OUTCOME and target != last_outcome
                         and target not in {link.target for link in model.nodes[source].links})
    with_other_link, _ = edit_text(text, lambda document: add_link(document, *unlinked_pair))
    for changed in (with_box, with_link, with_other_link):
        after = drawn_columns(changed)
        for stage, column in before.items():
            assert [node_id for node_id in after[stage] if node_id in column] == column, (name, stage.name)
    assert new_id in drawn_columns(with_box)[Stage.SHORT_TERM_OUTCOME]


def test_the_workshop_drawing_keeps_the_order_too():
    text = (EXAMPLES / "wirral.toc.yaml").read_text()
    assert drawn_columns(text, DiagramOptions(workshop=True)) == file_columns(text)
