"""Which part of a model to show: a focus neighbourhood, hidden node types.

Pure functions over the typed model, shared by every renderer.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from toc.model import Link, Model, Node


@dataclass(frozen=True)
class View:
    focus: str | None = None
    depth: int | None = None  # None: no limit
    direction: str = "both"  # both | upstream | downstream
    hide: frozenset[str] = frozenset()  # node types not to show


def visible_nodes(model: Model, view: View = View()) -> list[Node]:
    """The nodes to draw, in file order."""
    chosen = set(model.nodes)
    if view.focus is not None:
        chosen = _neighbourhood(model, view.focus, view.depth, view.direction)
    return [
        node for node_id, node in model.nodes.items()
        if node_id in chosen and (node.type is None or node.type.value not in view.hide)
    ]


def visible_links(model: Model, shown: list[Node]) -> list[Link]:
    """Links between shown nodes, first of each duplicate only, no self-links."""
    ids = {node.id for node in shown}
    seen: set[tuple[str, str]] = set()
    links = []
    for node in shown:
        for link in node.links:
            pair = (link.source, link.target)
            if link.target in ids and link.target != link.source and pair not in seen:
                seen.add(pair)
                links.append(link)
    return links


def _neighbourhood(model: Model, focus: str, depth: int | None, direction: str) -> set[str]:
    successors: dict[str, list[str]] = {node_id: [] for node_id in model.nodes}
    predecessors: dict[str, list[str]] = {node_id: [] for node_id in model.nodes}
    for link in model.links():
        if link.target in model.nodes:
            successors[link.source].append(link.target)
            predecessors[link.target].append(link.source)
    chosen = {focus}
    if direction in ("both", "downstream"):
        chosen |= _within(successors, focus, depth)
    if direction in ("both", "upstream"):
        chosen |= _within(predecessors, focus, depth)
    return chosen


def _within(neighbours: dict[str, list[str]], start: str, depth: int | None) -> set[str]:
    distance = {start: 0}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if depth is not None and distance[current] >= depth:
            continue
        for nxt in neighbours[current]:
            if nxt not in distance:
                distance[nxt] = distance[current] + 1
                queue.append(nxt)
    return set(distance)
