"""The support pathway as plain data: levels x populations, each cell with its services.

EIF's Support Pathway Model lays out the services available to families across the
spectrum of need (levels, in order) and for which groups of families
(populations). A *gap* is a cell with no service; *duplication* is two or more
services in one cell delivered the same way to the same place. Kirklees mapped
theirs by hand and found a duplicated universal offer and a gap in specialist
support; this module finds the same from a model.

Pure: no printing, no files. ``toc pathway``, the renderers and rules TOC601/602
all read a ``PathwayMatrix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The defaults are model facts (the loader checks services against them); re-exported here.
from toc.model import (DEFAULT_LEVELS, DEFAULT_POPULATIONS, Figure, Location, Model, Node, PathwayEntry,
                       levels_and_populations)

def uses_pathway(model: Model) -> bool:
    """Whether the model maps a pathway at all: a `pathway:` section or at least one service."""
    return model.pathway is not None or any(node.is_service for node in model.nodes.values())


@dataclass(frozen=True)
class Duplication:
    """Services in one cell delivered the same way to overlapping places."""

    level: PathwayEntry
    population: PathwayEntry
    delivery: str
    services: tuple[Node, ...]  # in file order: every service that overlaps another
    pairs: tuple[tuple[Node, Node], ...] = ()  # (earlier, later) services that duplicate each other

    def partners(self, node: Node) -> list[Node]:
        """The services ``node`` duplicates (not every service in the group: areas may differ)."""
        return [b if a is node else a for a, b in self.pairs if node in (a, b)]


@dataclass
class Cell:
    level: PathwayEntry
    population: PathwayEntry
    services: list[Node] = field(default_factory=list)
    duplications: list[Duplication] = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return not self.services

    def duplicated(self, node: Node) -> Duplication | None:
        """The duplication ``node`` is part of in this cell, if any."""
        return next((dup for dup in self.duplications if node in dup.services), None)


@dataclass
class PathwayMatrix:
    levels: tuple[PathwayEntry, ...]
    populations: tuple[PathwayEntry, ...]
    services: list[Node]
    cells: dict[tuple[str, str], Cell]  # (level id, population id)
    # Expected demand against the services' capacity, level by level (see demand_and_capacity).
    demand: list[LevelDemand] = field(default_factory=list)

    def cell(self, level_id: str, population_id: str) -> Cell:
        return self.cells[(level_id, population_id)]

    def row(self, population_id: str) -> list[Cell]:
        return [self.cells[(level.id, population_id)] for level in self.levels]

    def column(self, level_id: str) -> list[Cell]:
        return [self.cells[(level_id, pop.id)] for pop in self.populations]

    @property
    def gaps(self) -> list[Cell]:
        """Empty cells, level by level (least intensive first), populations in order."""
        return [self.cells[(level.id, pop.id)] for level in self.levels for pop in self.populations
                if self.cells[(level.id, pop.id)].is_gap]

    @property
    def duplications(self) -> list[Duplication]:
        return [dup for level in self.levels for pop in self.populations
                for dup in self.cells[(level.id, pop.id)].duplications]

    @property
    def empty_levels(self) -> list[PathwayEntry]:
        """Levels with no service for any population."""
        return [level for level in self.levels if all(self.cells[(level.id, pop.id)].is_gap
                                                      for pop in self.populations)]

    def gaps_at(self, level_id: str) -> list[Cell]:
        return [cell for cell in self.gaps if cell.level.id == level_id]


def build_matrix(model: Model) -> PathwayMatrix:
    """Place every service of the model in its cells and find the duplication in each.

    Services naming a level or population the pathway does not have are left out
    (the loader has reported them as TOC004).
    """
    levels, populations = levels_and_populations(model)
    cells = {(level.id, pop.id): Cell(level, pop) for level in levels for pop in populations}
    services = [node for node in model.nodes.values() if node.is_service]
    for node in services:
        for population in dict.fromkeys(ref.id for ref in node.populations):
            cell = cells.get((node.level, population))
            if cell is not None:
                cell.services.append(node)
    for cell in cells.values():
        cell.duplications = find_duplications(cell.level, cell.population, cell.services)
    placed = [node for node in services if any(node in cell.services for cell in cells.values())]
    return PathwayMatrix(levels, populations, placed, cells, demand_and_capacity(model, levels, placed))


# ------------------------------------------------------------ demand and capacity
@dataclass
class LevelDemand:
    """A level's expected demand (families a year, from needs figures) and its services' capacity.

    ``demand`` is None when no figure gives one for the level; ``short`` is whether the
    capacity is below the model's `pathway: coverage:` share of the demand (never without it)."""

    level: PathwayEntry
    demand: float | None
    capacity: int
    figures: list[tuple[Node, Figure]]
    services: list[Node]  # the level's services with a capacity
    uncounted: list[Node]  # the level's services without one
    coverage: float | None = None

    @property
    def short(self) -> bool:
        return (self.coverage is not None and self.demand is not None and self.demand > 0
                and self.capacity < self.coverage * self.demand)


# A figure's unit that makes it a rate: "%" or "per 1,000 children" (the number is what the rate is per).
_PER = re.compile(r"\bper\s+([0-9][0-9,]*)")


def figure_rate(figure: Figure) -> float | None:
    """The share of its population a figure stands for (12.5 with unit "%" is 0.125), or None when
    its unit is no rate."""
    if figure.value is None or not figure.unit:
        return None
    unit = figure.unit.strip()
    if unit.startswith("%"):
        return figure.value / 100
    match = _PER.search(unit)
    if match:
        base = int(match.group(1).replace(",", ""))
        return figure.value / base if base else None
    return None


def expected_demand(figure: Figure) -> float | None:
    """value x population for a rate with a population: the families it stands for."""
    rate = figure_rate(figure)
    return rate * figure.population if rate is not None and figure.population else None


def demand_and_capacity(model: Model, levels: tuple[PathwayEntry, ...], services: list[Node]) -> list[LevelDemand]:
    """Each level with demand or capacity: the expected demand of the needs figures that name it,
    against the capacity of its services. Empty when the model says nothing of either."""
    coverage = model.pathway.coverage if model.pathway else None
    found = []
    for level in levels:
        figures = [(node, figure) for node in model.nodes.values() for figure in node.figures
                   if figure.level == level.id and expected_demand(figure) is not None]
        at_level = [node for node in services if node.level == level.id]
        counted = [node for node in at_level if node.capacity is not None]
        if not figures and not counted:
            continue
        demand = sum(expected_demand(figure) for _, figure in figures) if figures else None
        found.append(LevelDemand(level, demand, sum(node.capacity for node in counted), figures, counted,
                                 [node for node in at_level if node.capacity is None], coverage))
    return found


def find_duplications(level: PathwayEntry, population: PathwayEntry, services: list[Node]) -> list[Duplication]:
    """Groups of two or more services with the same delivery mode whose areas overlap.

    A service with no `area` is offered across the whole area, so it overlaps every
    other; two services in named, different areas (North and South Kirklees) do
    not duplicate each other. Services with no `delivery` are never counted: there
    is nothing to compare.
    """
    by_delivery: dict[str, list[Node]] = {}
    for node in services:
        if node.delivery is not None:
            by_delivery.setdefault(node.delivery, []).append(node)
    found = []
    for delivery, group in by_delivery.items():
        pairs = tuple((first, second) for index, first in enumerate(group) for second in group[index + 1:]
                      if _areas_overlap(first, second))
        overlapping = tuple(node for node in group if any(node in pair for pair in pairs))
        if pairs:
            found.append(Duplication(level, population, delivery, overlapping, pairs))
    return found


def _areas_overlap(first: Node, second: Node) -> bool:
    if first.area is None or second.area is None:
        return True
    return first.area.strip().casefold() == second.area.strip().casefold()


def entry_location(model: Model, *entries: PathwayEntry, level_id: str | None = None) -> Location:
    """Where to point a finding about a cell or level: the first of ``entries`` written in the
    file, else the `pathway:` section; with the default pathway (written nowhere), the first
    service at ``level_id``, else the first service."""
    for entry in entries:
        if entry.location is not None:
            return entry.location
    if model.pathway is not None:
        return model.pathway.location
    services = [node for node in model.nodes.values() if node.is_service]
    at_level = [node for node in services if node.level == level_id]
    return (at_level or services)[0].location if services else model.location


def service_label(node: Node) -> str:
    return node.label or node.id
