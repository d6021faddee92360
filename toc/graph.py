"""The model as a networkx graph, and the small graph functions rules use.

Functions take the graph first and return witnesses (the nodes, the edges of a
cycle) that a rule turns into located findings.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import networkx as nx

from toc.model import Link, Model, Stage


def build_graph(model: Model, stages: dict[str, Stage | None]) -> nx.DiGraph:
    """A directed graph of the model: node ids, and one edge per distinct link.

    Edges to unknown ids and self-links are left out (other rules report them);
    each edge keeps the first ``Link`` written for it under ``link``. ``stages``
    is each node's stage by id (``CheckContext.stages``). The graph's ``feedback``
    attribute says whether any edge is a feedback link.
    """
    graph = nx.DiGraph()
    # Added in bulk: networkx's per-call add_node/add_edge checks cost more than the work.
    graph.add_nodes_from(model.nodes)
    nodes = model.nodes
    edges: dict[tuple[str, str], dict] = {}
    for source, node in nodes.items():
        for link in node.links:
            target = link.target
            if target == source or target not in nodes or (source, target) in edges:
                continue
            if link.feedback:
                # A "feedback" link that goes forward is still a causal link (TOC210 reports the mark).
                before, after = stages[source], stages[target]
                forward = before is not None and after is not None and after > before
                edges[source, target] = {"link": link, "feedback": not forward}
            else:
                edges[source, target] = {"link": link, "feedback": False}
    graph.add_edges_from([(source, target, data) for (source, target), data in edges.items()])
    graph.graph["feedback"] = any(data["feedback"] for data in edges.values())  # see causal_graph
    return graph


def causal_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """The graph (from ``build_graph``) without links marked ``feedback: true``.

    A real graph rather than a filtered view: the rules walk it several times,
    and networkx views re-run their filter on every step.
    """
    if not graph.graph["feedback"]:
        return graph  # nothing to leave out (the usual case): rules only read graphs
    causal = nx.DiGraph()
    causal.add_nodes_from(graph)
    causal.add_edges_from((u, v, data) for u, v, data in graph.edges(data=True) if not data["feedback"])
    return causal


def tangles(graph: nx.DiGraph) -> list[set[str]]:
    """Groups of nodes that sit on loops together (strongly connected, 2+ nodes)."""
    return [component for component in nx.strongly_connected_components(graph) if len(component) > 1]


def reachable_from(graph: nx.DiGraph, sources: Iterable[str]) -> set[str]:
    """Every node reachable from any of ``sources`` (sources included)."""
    return _search(dict(graph.adjacency()), sources)


def reaching(graph: nx.DiGraph, targets: Iterable[str]) -> set[str]:
    """Every node from which any of ``targets`` can be reached (targets included)."""
    return _search(dict(graph.reverse(copy=False).adjacency()), targets)


def _search(neighbours: dict[str, dict], starts: Iterable[str]) -> set[str]:
    # ``neighbours`` is the graph's own adjacency (node -> its neighbours' edge data), read
    # directly: a method call per step would cost more than the step itself.
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for nxt in neighbours[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def cycles(graph: nx.DiGraph, order: dict[str, int], components: list[set[str]] | None = None) -> list[list[Link]]:
    """One witness cycle for each tangle of loops, as the links that form it.

    A strongly connected component with more than one node holds at least one
    cycle; reporting one loop per component keeps the output linear in the size
    of the model (enumerating every simple cycle can be exponential). ``order``
    ranks node ids (file order) so that the same file always gives the same loop.
    """
    witnesses = []
    for component in components if components is not None else tangles(graph):
        start = min(component, key=order.__getitem__)
        inside = graph.subgraph(component)
        path = _shortest_cycle_through(inside, start, order)
        witnesses.append([graph.edges[u, v]["link"] for u, v in path])
    witnesses.sort(key=lambda links: order[links[0].source])
    return witnesses


def _shortest_cycle_through(graph: nx.DiGraph, start: str, order: dict[str, int]) -> list[tuple[str, str]]:
    """The shortest loop from ``start`` back to itself (breadth first, file order ties)."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for nxt in sorted(graph.successors(current), key=order.__getitem__):
            if nxt == start:
                path = [(current, start)]
                while current != start:
                    path.append((parent[current], current))
                    current = parent[current]
                return list(reversed(path))
            if nxt not in parent:
                parent[nxt] = current
                queue.append(nxt)
    raise ValueError(f"{start} is on no cycle")  # unreachable for a strongly connected component


def linked_pieces(graph: nx.DiGraph) -> list[set[str]]:
    """The separate pieces of the model as sets of node ids (nodes with no links left out)."""
    return [component for component in nx.weakly_connected_components(graph) if len(component) > 1]


def pieces(graph: nx.DiGraph, order: dict[str, int], components: list[set[str]] | None = None) -> list[list[str]]:
    """The separate pieces of the model (ignoring nodes with no links), biggest first.

    Each piece lists its node ids in file order; ties between pieces of the same
    size go to the one that starts earlier in the file. ``components`` is
    ``linked_pieces(graph)`` if the caller has it already.
    """
    found = [
        sorted(component, key=order.__getitem__)
        for component in (components if components is not None else linked_pieces(graph))
    ]
    found.sort(key=lambda piece: (-len(piece), order[piece[0]]))
    return found
