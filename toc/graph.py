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

    Edges to unknown ids and self-links are left out (other rules report them).
    ``stages`` is each node's stage by id (``CheckContext.stages``). Two graph
    attributes say what the edges stand for: ``links`` maps each edge to the
    first ``Link`` written for it, and ``feedback`` is the set of edges that are
    feedback links (a link marked ``feedback: true`` that goes forward is still
    causal; TOC210 reports the mark). Edges carry no data of their own: a
    dictionary per edge would cost more than the graph's own bookkeeping.
    """
    nodes = model.nodes
    links: dict[tuple[str, str], Link] = {}
    feedback: set[tuple[str, str]] = set()
    for source, node in nodes.items():
        for link in node.links:
            target = link.target
            if target == source or target not in nodes or (source, target) in links:
                continue
            links[source, target] = link
            if link.feedback:
                before, after = stages[source], stages[target]
                if before is None or after is None or after <= before:
                    feedback.add((source, target))
    graph = nx.DiGraph(links=links, feedback=feedback)
    # Added in bulk: networkx's per-call add_node/add_edge checks cost more than the work.
    graph.add_nodes_from(nodes)
    graph.add_edges_from(links)
    return graph


def causal_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """The graph (from ``build_graph``) without links marked ``feedback: true``.

    A real graph rather than a filtered view: the rules walk it several times,
    and networkx views re-run their filter on every step.
    """
    feedback = graph.graph["feedback"]
    if not feedback:
        return graph  # nothing to leave out (the usual case): rules only read graphs
    causal = nx.DiGraph(links=graph.graph["links"], feedback=set())
    causal.add_nodes_from(graph)
    causal.add_edges_from(edge for edge in graph.edges if edge not in feedback)
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
    links = graph.graph["links"]
    for component in components if components is not None else tangles(graph):
        start = min(component, key=order.__getitem__)
        inside = graph.subgraph(component)
        path = _shortest_cycle_through(inside, start, order)
        witnesses.append([links[edge] for edge in path])
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
