"""Reading the support-pathway parts of a model: the `pathway:` section, service fields on
activities and `figures:` on needs.

Kept out of build.py so the pathway format can grow without touching the core
builder; the builder calls these functions at four points and passes itself, so
every value is read (and every problem located) exactly as elsewhere.
"""

from __future__ import annotations

import math

from typing import TYPE_CHECKING

import yaml

from toc import fields as field_tables
from toc.loading.wording import a as _a
from toc.loading.wording import describe as _describe
from toc.loading.wording import FLOAT, INT
from toc.loading.wording import is_null as _is_null
from toc.findings import Related
from toc.model import (Comparator, Figure, Location, Model, Node, NodeType, Pathway, PathwayEntry,
                       levels_and_populations)
from toc.suggest import did_you_mean
from toc.loading.finding_kinds import INVALID_VALUE, MISSING_FIELD

if TYPE_CHECKING:
    from toc.loading.build import ModelBuilder

SERVICE_FIELDS = ("level", "populations", "provider", "delivery", "area", "eif_rating", "capacity")
NODE_FIELDS = (*SERVICE_FIELDS, "figures")


# ------------------------------------------------------------------ pathway:
def read_pathway(builder: ModelBuilder, value: yaml.Node) -> Pathway | None:
    location = builder._loc(value)
    pathway = Pathway(location=location)
    if _is_null(value):
        return pathway
    pairs = builder._mapping(value, "pathway", "a mapping with levels and populations")
    if pairs is None:
        return pathway
    fields = builder._fields(pairs, field_tables.PATHWAY, "pathway")
    for name, entries in fields.items():
        if name == "coverage":
            pathway.value_locations[name] = builder._loc(entries)
            if not _is_null(entries):
                from toc.loading.monitoring_fields import read_number

                pathway.coverage = read_number(builder, entries, name, None, low=0.0, high=1.0)
            continue
        read = None if _is_null(entries) else _entries(builder, entries, name)
        if read:
            setattr(pathway, name, read)
        elif read is not None or _is_null(entries):
            builder._report(MISSING_FIELD, f"pathway `{name}:` is empty; leave it out to use the defaults",
                            builder._loc(entries))
    return pathway


def _entries(builder: ModelBuilder, value: yaml.Node, name: str) -> tuple[PathwayEntry, ...] | None:
    """``id: label`` pairs in order (the order of levels is the order of need); None if not a mapping."""
    example = "universal: Universal" if name == "levels" else "fathers: Fathers and carers"
    pairs = builder._mapping(value, f"pathway {name}", f"a mapping of id to label (e.g. `{example}`)")
    if pairs is None:
        return None
    entries = []
    for entry_id, key, label_value in pairs:
        if not builder._valid_id(entry_id, key, f"{name[:-1]} id"):
            continue
        label = builder._text(label_value, f"{name[:-1]} label") if not _is_null(label_value) else None
        entries.append(PathwayEntry(entry_id, label or entry_id, builder._loc(key)))
    return tuple(entries)


# ------------------------------------------------------------- node fields
def read_node_field(builder: ModelBuilder, node: Node, name: str, value: yaml.Node) -> None:
    if name == "level":
        node.level = builder._id_text(value, "level", node.id)
    elif name == "populations":
        node.populations = builder._references(value, "populations", node.id)
    elif name == "delivery":
        node.delivery = builder._choice(value, name, field_tables.DELIVERY_MODES, str, node.id)
    elif name == "eif_rating":
        number = builder._scalar(value, name, node.id) if value.tag in (FLOAT, INT) else None
        if isinstance(number, (int, float)) and float(number).is_integer():  # `3.0` is the rating 3, as in JSON
            value = yaml.ScalarNode(INT, str(int(number)), value.start_mark, value.end_mark)
        node.eif_rating = builder._choice(value, name, field_tables.EIF_RATINGS, str, node.id)
    elif name == "figures":
        node.figures = _figures(builder, node.id, value)
    elif name == "capacity":
        node.capacity = builder._positive(value, name, node.id, whole=True)
    else:
        setattr(node, name, builder._text(value, name, node.id))


def check_node(builder: ModelBuilder, node: Node, given: dict) -> None:
    """Service fields belong on activities and figures on needs; a service needs level and populations."""
    if node.type is None:
        return
    service_fields = [name for name in SERVICE_FIELDS if name in given]
    if service_fields and node.type is not NodeType.ACTIVITY:
        first = service_fields[0]
        builder._report(INVALID_VALUE,
                        f'`{first}` is a service field, for activities only; "{node.id}" is {_a(node.type.value)}',
                        node.value_locations[first], node=node.id,
                        hint="put services on the pathway as activity nodes, or remove "
                             + ", ".join(f"`{name}`" for name in service_fields))
    elif service_fields:
        for required, example in (("level", "level: targeted"), ("populations", "populations: [all-parents]")):
            if required not in given:
                builder._report(MISSING_FIELD, f'service "{node.id}" has {_fields_text(service_fields)} '
                                f"but no {required}", node.location, node=node.id,
                                hint=f"add `{example}` (the ids from the model's pathway: section or the defaults)")
    if "figures" in given and node.type is not NodeType.NEED:
        builder._report(INVALID_VALUE, f'figures belong on need nodes; "{node.id}" is {_a(node.type.value)}',
                        node.value_locations["figures"], node=node.id,
                        hint="move the figures to the need they describe, or make them an indicator")


def _figures(builder: ModelBuilder, node_id: str, value: yaml.Node) -> list[Figure]:
    figures = []
    for location, fields, locations in builder._records(
            value, "figures", "figure", "a mapping with id, measure, value, unit...", field_tables.FIGURE, "figure", node_id):
        figure = Figure(id=None, location=location, value_locations=locations)
        for name, field_value in fields.items():
            if name == "id":
                figure.id = builder._id_text(field_value, "figure id", node_id)
            elif name == "value":
                figure.value = _number(builder, field_value, "value", node_id)
            elif name == "comparator":
                figure.comparator = _comparator(builder, field_value, node_id)
            elif name == "population":
                figure.population = builder._positive(field_value, name, node_id, whole=True)
            elif name == "level":
                figure.level = builder._id_text(field_value, "level", node_id)
            else:
                setattr(figure, name, builder._text(field_value, name, node_id))
        for required in ("id", "value"):  # (an empty id is reported as such)
            if required not in fields or (required == "value" and _is_null(fields[required])):
                builder._report(MISSING_FIELD, f'a figure of "{node_id}" has no {required}', location,
                                node=node_id, hint=_FIGURE_HINTS[required])
        figures.append(figure)
    return figures


def _comparator(builder: ModelBuilder, value: yaml.Node, node_id: str) -> Comparator | None:
    if _is_null(value):
        return None
    pairs = builder._mapping(value, "comparator", "a mapping with label and value (e.g. England average)", node_id)
    if pairs is None:
        return None
    comparator = Comparator()
    fields = builder._fields(pairs, field_tables.COMPARATOR, "comparator", node_id)
    for name, field_value in fields.items():
        if name == "value":
            comparator.value = _number(builder, field_value, "comparator value", node_id)
        else:
            comparator.label = builder._text(field_value, name, node_id)
    for required in ("label", "value"):
        if required not in fields or _is_null(fields[required]):
            builder._report(MISSING_FIELD, f"a comparator has no {required}", builder._loc(value), node=node_id,
                            hint="e.g. comparator: {label: England, value: 14.2}")
    return comparator


def _number(builder: ModelBuilder, value: yaml.Node, name: str, node_id: str) -> int | float | None:
    number = builder._scalar(value, name, node_id)
    if isinstance(number, str):
        hint = "write the number alone and the unit in `unit:`" if any(ch.isdigit() for ch in number) else None
        builder._report(INVALID_VALUE, f"`{name}` should be a number, not {_describe(value)}",
                        builder._loc(value), node=node_id, hint=hint)
        return None
    if isinstance(number, float) and not math.isfinite(number):  # .nan or .inf would poison every difference
        builder._report(INVALID_VALUE, f"`{name}` should be a number, not {value.value}", builder._loc(value),
                        node=node_id)
        return None
    return number


# ------------------------------------------------------- after the whole file
def check_model(builder: ModelBuilder, model: Model) -> None:
    """Levels and populations named by services exist in the model's pathway; figure ids are unique."""
    levels, populations = levels_and_populations(model)
    level_ids = [entry.id for entry in levels]
    population_ids = [entry.id for entry in populations]
    where = "the model's pathway: section" if model.pathway else "the default pathway"
    for node in model.nodes.values():
        if node.type is not NodeType.ACTIVITY:
            continue
        if node.level is not None and node.level not in level_ids:
            builder._report(INVALID_VALUE, f'unknown level "{node.level}": {where} has {", ".join(level_ids)}',
                            node.value_locations["level"], node=node.id,
                            hint=_either_typo(node.level, level_ids, model.pathway is not None, "levels")
                            or "add the level to pathway: levels:")
        for population in node.populations:
            if population.id not in population_ids:
                builder._report(INVALID_VALUE, f'unknown population "{population.id}" in {where}',
                                population.location, node=node.id,
                                hint=_either_typo(population.id, population_ids, model.pathway is not None,
                                                  "populations")
                                or "populations here: " + ", ".join(population_ids))
    first_figure: dict[str, Location] = {}
    for node in model.nodes.values():
        for figure in node.figures:
            if figure.level is not None and figure.level not in level_ids:
                builder._report(INVALID_VALUE, f'unknown level "{figure.level}": {where} has {", ".join(level_ids)}',
                                figure.value_locations["level"], node=node.id,
                                hint=_either_typo(figure.level, level_ids, model.pathway is not None, "levels")
                                or "add the level to pathway: levels:")
            if figure.id is None:
                continue
            if figure.id in first_figure:
                first = first_figure[figure.id]
                builder._report(INVALID_VALUE, f'figure id "{figure.id}" is used twice in this model',
                                figure.value_locations.get("id", figure.location), node=node.id,
                                hint=f"first used at line {first.line}; ids name what is measured, once per area",
                                related=(Related(first, f'"{figure.id}" first used here'),))
            else:
                first_figure[figure.id] = figure.value_locations.get("id", figure.location)


_FIGURE_HINTS = {
    "id": "give it an id that names what is measured, the same in every area, e.g. `id: lone-parent-households`",
    "value": "add `value:` with the number (and `unit:`)",
}


def _fields_text(names: list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def _either_typo(written: str, known: list[str], own_pathway: bool, section: str) -> str | None:
    """Did-you-mean; with the model's own pathway the typo may be in `pathway:` itself, so say so."""
    hint = did_you_mean(written, known)
    if hint and own_pathway:
        hint += f' (or, if "{written}" is right, correct the id under pathway: {section}:)'
    return hint
