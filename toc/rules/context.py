"""What graph rules read: the model and graph views of it, each computed once."""

from __future__ import annotations

from functools import cached_property

import networkx as nx

from toc import graph as graphs
from toc.model import Link, Model, Node, NodeType, Stage


class CheckContext:
    def __init__(self, model: Model):
        self.model = model

    @cached_property
    def links(self) -> list[Link]:
        """Every link in file order (rules walk them many times over)."""
        return list(self.model.links())

    @cached_property
    def stages(self) -> dict[str, Stage | None]:
        """Each node's stage by id, each worked out once."""
        return {node_id: node.stage for node_id, node in self.model.nodes.items()}

    @cached_property
    def staged_links(self) -> list[tuple[Link, Stage, Stage]]:
        """Each link whose two ends both have a stage, with those stages, in file order
        (``Model.link_stages`` for every link at once: three rules compare them)."""
        stages = self.stages
        found = []
        for link in self.links:
            source, target = stages.get(link.source), stages.get(link.target)
            if source is not None and target is not None:
                found.append((link, source, target))
        return found

    @cached_property
    def graph(self) -> nx.DiGraph:
        return graphs.build_graph(self.model, self.stages)

    @cached_property
    def causal(self) -> nx.DiGraph:
        """The graph without deliberate feedback links."""
        return graphs.causal_graph(self.graph)

    @cached_property
    def order(self) -> dict[str, int]:
        """Each node id's position in the file, for deterministic witnesses."""
        return {node_id: index for index, node_id in enumerate(self.model.nodes)}

    @cached_property
    def isolated(self) -> set[str]:
        """Nodes with no links in or out at all (TOC201 reports them once)."""
        nodes = self.model.nodes
        return {node_id for node_id, degree in self.graph.degree() if degree == 0 and not nodes[node_id].links}

    @cached_property
    def has_impact(self) -> bool:
        return any(node.type is NodeType.IMPACT for node in self.model.nodes.values())

    @cached_property
    def end_points(self) -> set[str]:
        """Where chains should end: impacts, or long-term outcomes if there is no impact."""
        end = Stage.IMPACT if self.has_impact else Stage.LONG_TERM_OUTCOME
        return {node_id for node_id, stage in self.stages.items() if stage is end}

    @cached_property
    def dead_ends(self) -> set[str]:
        """Nodes that lead nowhere but should (TOC202)."""
        isolated, end_points, nodes = self.isolated, self.end_points, self.model.nodes
        return {
            node_id
            for node_id, degree in self.causal.out_degree()
            if degree == 0
            and node_id not in isolated
            and node_id not in end_points
            and nodes[node_id].type not in (None, NodeType.IMPACT)
        }

    @cached_property
    def tangles(self) -> list[set[str]]:
        # Along a loop the stage cannot rise at every step, so a graph whose causal links
        # all go to a later stage has no loop (the usual model): no components to search.
        stages = self.stages
        for source, targets in self.causal.adjacency():
            before = stages[source]
            for target in targets:
                after = stages[target]
                if before is None or after is None or after <= before:
                    return graphs.tangles(self.causal)
        return []

    @cached_property
    def cycles(self):
        return graphs.cycles(self.causal, self.order, self.tangles)

    @cached_property
    def loop_of(self) -> dict[str, int]:
        """For nodes on a causal loop, which tangle of loops (component) they are in."""
        return {node_id: index for index, component in enumerate(self.tangles) for node_id in component}

    @cached_property
    def cycle_links(self) -> set[tuple[str, str]]:
        return {(link.source, link.target) for loop in self.cycles for link in loop}

    def on_loop(self, source: str, target: str) -> bool:
        """Whether the link source -> target is in a loop TOC208 reports (it says it once)."""
        return (source, target) in self.cycle_links

    def node(self, node_id: str) -> Node:
        return self.model.nodes[node_id]

    @cached_property
    def names_catalogue_entries(self) -> bool:
        """Whether the model names any method or instrument (only then is the catalogue read)."""
        model = self.model
        return (any(node.methods or any(i.instrument for i in node.indicators) for node in model.nodes.values())
                or any(q.methods for q in (model.evaluation.questions if model.evaluation else ())))

    @cached_property
    def catalogue(self):
        """The methods and measures the model can name (shipped, its files, its own)."""
        from toc.evaluation.catalogue import catalogue_for

        return catalogue_for(self.model)

    @cached_property
    def instruments(self) -> dict:
        """Each indicator's measure: (catalogue id, named by `instrument:`) or, recognised in its
        `measure:` text, (id, False); (None, False) when it names none. Read once for every rule."""
        catalogue = self.catalogue
        return {indicator: catalogue.indicator_instrument(indicator)
                for node in self.model.nodes.values() for indicator in node.indicators}

    @cached_property
    def questions_about(self) -> dict[str, list]:
        """Evaluation questions by the node ids they name."""
        from toc.evaluation.causal_steps import question_nodes

        found: dict[str, list] = {}
        for question in self.model.evaluation.questions if self.model.evaluation else ():
            for node_id in question_nodes(self.model, question):  # (and the ends of the links it tests)
                found.setdefault(node_id, []).append(question)
        return found

    @cached_property
    def pathway_matrix(self):
        """The support pathway's level x population matrix (TOC601 and TOC602 share it)."""
        from toc.pathway import build_matrix

        return build_matrix(self.model)
