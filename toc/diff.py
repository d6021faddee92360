"""A semantic diff of two versions of a model: what changed in the theory, not in the text.

``diff_models`` is pure and returns data (``ModelDiff``); renderers/diff.py turns
it into text, Markdown or JSON. Nodes are matched by id; a removed and an added
node with the same type, term and label are reported as one *rename*, and links
are compared after renames, so renaming a box does not show every link as new.

What is compared comes from the format's field tables (toc/fields.py), not from
lists kept here: every field of every section is compared, so a field added to a
table is diffed with no edit to this module. A field of kind "section" holds
records of its own; the sections whose records are listed one by one (boxes,
links, indicators, figures, questions...) are in ``_LISTED``, and any other
section (a figure's comparator, check's severity overrides, or one added to the
format later) is compared field by field under dotted names (``comparator.value``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from toc import fields as field_tables
from toc.findings import Finding
from toc.meaning import plain
from toc.model import Link, Model, Node, levels_and_populations

# Where the typed model (toc.model) keeps a field under another name than the file's,
# as (section, field name in the file): attribute. Every other field is the attribute
# of the same name; the one place this mapping is written.
_ATTRIBUTES = {
    ("top level", "toc"): "format_version",
    ("node", "leads_to"): "links",
    ("link", "to"): "target",
}

# Fields that identify a record rather than say something about it: a record whose
# key changed is one removed and one added.
_KEYS = {("link", "to"), ("indicator", "id"), ("question", "id"), ("figure", "id")}

# Sections whose records are listed one by one, each matched by its id (or, for
# links, by its ends); every other section is compared as fields of its record.
_LISTED = {
    ("top level", "nodes"), ("top level", "assumptions"), ("top level", "pathway"),
    ("top level", "methods"), ("top level", "measures"), ("top level", "evaluation"), ("top level", "check"),
    ("node", "leads_to"), ("node", "indicators"), ("node", "figures"),
    ("evaluation", "questions"),
    ("pathway", "levels"), ("pathway", "populations"),
    ("top level", "mechanisms"),
}


def attribute(section: str, name: str) -> str:
    """The typed model's attribute for the field ``name`` of a ``section`` (a key of fields.SECTIONS)."""
    return _ATTRIBUTES.get((section, name), name)


@dataclass(frozen=True)
class Change:
    """One field that changed: ``field`` went from ``old`` to ``new`` (None when absent)."""

    field: str
    old: object
    new: object


@dataclass
class NodeChange:
    id: str
    kind: str  # "added" | "removed" | "renamed" | "changed"
    label: str | None
    stage: str
    old_id: str | None = None  # for renames
    changes: list[Change] = field(default_factory=list)


@dataclass
class LinkChange:
    source: str
    target: str
    kind: str  # "added" | "removed" | "changed"
    changes: list[Change] = field(default_factory=list)


@dataclass
class IndicatorChange:
    id: str
    node: str
    kind: str  # "added" | "removed" | "changed" | "moved"
    measure: str | None
    changes: list[Change] = field(default_factory=list)


@dataclass
class EntryChange:
    """A record of a keyed section other than boxes, links and indicators: a need's figure, an
    evaluation question, a method or measure of the model's own catalogue, a pathway level or
    population. ``node`` is the need a figure belongs to (None elsewhere)."""

    id: str
    kind: str  # "added" | "removed" | "changed" | "moved" (a pathway level put in another place)
    label: str | None
    node: str | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class FindingChange:
    kind: str  # "introduced" | "resolved"
    code: str
    name: str
    severity: str
    message: str


@dataclass
class ModelDiff:
    old_name: str
    new_name: str
    model: list[Change] = field(default_factory=list)
    nodes: list[NodeChange] = field(default_factory=list)
    links: list[LinkChange] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)
    assumptions: list[NodeChange] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    # Added after the first five sections so the JSON's existing keys keep their order.
    figures: list[EntryChange] = field(default_factory=list)
    levels: list[EntryChange] = field(default_factory=list)
    populations: list[EntryChange] = field(default_factory=list)
    evaluation: list[Change] = field(default_factory=list)
    questions: list[EntryChange] = field(default_factory=list)
    methods: list[EntryChange] = field(default_factory=list)
    measures: list[EntryChange] = field(default_factory=list)
    check: list[Change] = field(default_factory=list)
    mechanisms: list[NodeChange] = field(default_factory=list)  # format 1.1

    @property
    def is_empty(self) -> bool:
        return not any(items for _, items in self._parts()) and not self.model

    def _parts(self):
        """Every part but the model's own fields, in the order the renderers show them."""
        return (("nodes", self.nodes), ("links", self.links), ("indicators", self.indicators),
                ("figures", self.figures), ("assumptions", self.assumptions), ("mechanisms", self.mechanisms), ("levels", self.levels),
                ("populations", self.populations), ("evaluation fields", self.evaluation),
                ("questions", self.questions), ("methods", self.methods), ("measures", self.measures),
                ("check settings", self.check), ("findings", self.findings))

    def counts(self) -> dict[str, int]:
        """How many of each kind of change, for the summary line (only kinds that occur):
        "nodes changed", "evaluation fields changed"...

        Changed fields of the model itself are not counted ("only model details changed");
        those of the evaluation plan and of check's settings are, since they change what is
        evaluated and what check reports."""
        tally: dict[str, int] = {}
        for section, items in self._parts():
            for item in items:
                key = f"{section} {getattr(item, 'kind', 'changed')}"  # a field's Change has no kind
                tally[key] = tally.get(key, 0) + 1
        return tally


def diff_models(old: Model, new: Model, old_findings: list[Finding] = (), new_findings: list[Finding] = (),
                old_name: str | None = None, new_name: str | None = None) -> ModelDiff:
    result = ModelDiff(old_name or old.path, new_name or new.path)
    result.model = _field_changes(old, new, "top level")
    # The pathway's own settings (beside its listed levels and populations), e.g. pathway.coverage.
    result.model += [Change(f"pathway.{change.field}", change.old, change.new)
                     for change in _field_changes(old.pathway, new.pathway, "pathway")]
    renamed = _renames(old, new)  # old id -> new id
    result.nodes = _node_changes(old, new, renamed)
    result.links = _link_changes(old, new, renamed)
    result.indicators = _indicator_changes(old, new, renamed)
    result.figures = _figure_changes(old, new, renamed)
    result.assumptions = _assumption_changes(old, new)
    result.mechanisms = _mechanism_changes(old, new)
    result.levels, result.populations = _pathway_changes(old, new)
    result.evaluation = _field_changes(old.evaluation, new.evaluation, "evaluation")
    result.questions = _question_changes(old, new)
    result.methods = _catalogue_changes(old.methods, new.methods, "method")
    result.measures = _catalogue_changes(old.measures, new.measures, "measure")
    result.check = _field_changes(old.check, new.check, "check")
    result.findings = _finding_changes(old_findings, new_findings, renamed)
    return result


# ------------------------------------------------------------------ fields
def _normal(value):
    """A value as compared and reported: plain data, with an empty text, list or mapping the
    same as a field left out (None). 0 and false stay what they are."""
    value = plain(value)
    if isinstance(value, (str, list, dict)) and not value:
        return None
    return value


def _same(old, new) -> bool:
    """Equal in meaning: NaN is the same as NaN (``nan != nan`` would report a change that is
    none), and true is not the number 1."""
    if isinstance(old, float) and isinstance(new, float) and math.isnan(old) and math.isnan(new):
        return True
    if isinstance(old, bool) != isinstance(new, bool):
        return False
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new))
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[key], new[key]) for key in old)
    return old == new


def _flat(name: str, value) -> dict[str, object]:
    """A field's value by dotted name: a nested section's fields each on their own
    (``comparator.value``, ``severity.TOC301``), so a change names what changed."""
    if isinstance(value, dict):
        found = {}
        for key, item in value.items():
            found.update(_flat(f"{name}.{key}", _normal(item)))
        return found
    return {name: value}


def _field_changes(old, new, section: str) -> list[Change]:
    """Every field of ``section``'s table that differs between two records, in the table's
    order. A record that is None (a section left out) has every field absent."""
    changes = []
    for spec in field_tables.SECTIONS[section]:
        if (section, spec.name) in _KEYS or (section, spec.name) in _LISTED:
            continue
        name = attribute(section, spec.name)
        before = _flat(spec.name, _normal(getattr(old, name)) if old is not None else None)
        after = _flat(spec.name, _normal(getattr(new, name)) if new is not None else None)
        for key in [*before, *(key for key in after if key not in before)]:
            if not _same(before.get(key), after.get(key)):
                changes.append(Change(key, before.get(key), after.get(key)))
    return changes


def _entries(before: dict, after: dict, compare: Callable, owner: str = "node") -> Iterator[tuple]:
    """Records matched by key, each ``key: (where, record)``: yields (kind, key, where, record,
    changes) for each removed, moved, changed and then added record. ``where`` is what holds
    the record (an indicator's box) or its place (a level's position); a record whose ``where``
    differs is "moved", with a change of ``owner``."""
    for key, (where, record) in before.items():
        if key not in after:
            yield "removed", key, where, record, []
            continue
        new_where, new_record = after[key]
        changes = compare(record, new_record)
        if new_where != where:
            yield "moved", key, new_where, new_record, [Change(owner, where, new_where), *changes]
        elif changes:
            yield "changed", key, where, new_record, changes
    for key, (where, record) in after.items():
        if key not in before:
            yield "added", key, where, record, []


# ------------------------------------------------------------------- nodes
def _identity(node: Node):
    return (node.type, node.term, (node.label or "").strip().casefold())


def _renames(old: Model, new: Model) -> dict[str, str]:
    removed = [node for node_id, node in old.nodes.items() if node_id not in new.nodes]
    added = {}
    for node_id, node in new.nodes.items():
        if node_id not in old.nodes:
            added.setdefault(_identity(node), []).append(node_id)
    renames = {}
    for node in removed:
        candidates = added.get(_identity(node))
        if node.label and candidates:
            renames[node.id] = candidates.pop(0)
    return renames


def _node_changes(old: Model, new: Model, renamed: dict[str, str]) -> list[NodeChange]:
    changes = []
    new_ids_of_renames = set(renamed.values())
    for node_id, node in old.nodes.items():
        if node_id in renamed:
            after = new.nodes[renamed[node_id]]
            changes.append(NodeChange(after.id, "renamed", after.label, after.kind, old_id=node_id,
                                      changes=_field_changes(node, after, "node")))
        elif node_id not in new.nodes:
            changes.append(NodeChange(node_id, "removed", node.label, node.kind))
        else:
            after = new.nodes[node_id]
            fields = _field_changes(node, after, "node")
            if node.stage != after.stage:
                fields.append(Change("stage", node.kind, after.kind))
            if fields:
                changes.append(NodeChange(node_id, "changed", after.label, after.kind, changes=fields))
    for node_id, node in new.nodes.items():
        if node_id not in old.nodes and node_id not in new_ids_of_renames:
            changes.append(NodeChange(node_id, "added", node.label, node.kind))
    return changes


def _links_by_ends(model: Model, renamed: dict[str, str] | None = None) -> dict[tuple[str, str], Link]:
    rename = renamed or {}
    found = {}
    for link in model.links():
        found.setdefault((rename.get(link.source, link.source), rename.get(link.target, link.target)), link)
    return found


def _link_changes(old: Model, new: Model, renamed: dict[str, str]) -> list[LinkChange]:
    before, after = _links_by_ends(old, renamed), _links_by_ends(new)
    changes = []
    for ends, link in before.items():
        if ends not in after:
            changes.append(LinkChange(*ends, "removed", _link_summary(link, removed=True)))
        else:
            fields = _field_changes(link, after[ends], "link")
            if fields:
                changes.append(LinkChange(*ends, "changed", fields))
    for ends, link in after.items():
        if ends not in before:
            changes.append(LinkChange(*ends, "added", _link_summary(link)))
    return changes


def _link_summary(link: Link, removed: bool = False) -> list[Change]:
    """What an added or removed link said (its reason and evidence), for the reader: a removed
    link's values are what it had (old), an added link's what it has (new)."""
    said = [(name, _normal(getattr(link, name))) for name in ("assumption", "evidence")]
    return [Change(name, value, None) if removed else Change(name, None, value) for name, value in said if value]


def _indicators(model: Model, renamed: dict[str, str] | None = None):
    rename = renamed or {}
    found = {}
    for node in model.nodes.values():
        for indicator in node.indicators:
            if indicator.id is not None:
                found.setdefault(indicator.id, (rename.get(node.id, node.id), indicator))
    return found


def _indicator_changes(old: Model, new: Model, renamed: dict[str, str]) -> list[IndicatorChange]:
    compare = partial(_field_changes, section="indicator")
    return [IndicatorChange(key, node, kind, indicator.measure, changes)
            for kind, key, node, indicator, changes in _entries(_indicators(old, renamed), _indicators(new), compare)]


def _figures(model: Model, renamed: dict[str, str] | None = None):
    """Each need's figures by (need, id). Figure ids are shared across areas and need not be
    unique in a model (the same measure for two places), so a repeated id on one need is told
    apart by its occurrence: "rate", "rate#2"."""
    rename = renamed or {}
    found = {}
    for node in model.nodes.values():
        node_id = rename.get(node.id, node.id)
        seen: dict[str | None, int] = {}
        for figure in node.figures:
            seen[figure.id] = seen.get(figure.id, 0) + 1
            name = figure.id or "(no id)"
            found[(node_id, name if seen[figure.id] == 1 else f"{name}#{seen[figure.id]}")] = (None, figure)
    return found


def _figure_changes(old: Model, new: Model, renamed: dict[str, str]) -> list[EntryChange]:
    compare = partial(_field_changes, section="figure")
    return [EntryChange(figure_id, kind, figure.measure, node=node_id, changes=changes)
            for kind, (node_id, figure_id), _, figure, changes
            in _entries(_figures(old, renamed), _figures(new), compare)]


# ------------------------------------------------------- the other sections
def _assumption_changes(old: Model, new: Model) -> list[NodeChange]:
    compare = partial(_field_changes, section="assumption")
    before = {key: (None, item) for key, item in old.assumptions.items()}
    after = {key: (None, item) for key, item in new.assumptions.items()}
    return [NodeChange(key, kind, assumption.text, "assumption", changes=changes)
            for kind, key, _, assumption, changes in _entries(before, after, compare)]


def _mechanism_changes(old: Model, new: Model) -> list[NodeChange]:
    compare = partial(_field_changes, section="mechanism")
    before = {key: (None, item) for key, item in old.mechanisms.items()}
    after = {key: (None, item) for key, item in new.mechanisms.items()}
    return [NodeChange(key, kind, mechanism.label, "mechanism", changes=changes)
            for kind, key, _, mechanism, changes in _entries(before, after, compare)]


def _pathway_changes(old: Model, new: Model) -> tuple[list[EntryChange], list[EntryChange]]:
    """Levels and populations as they apply (a list left out is the default one, so writing the
    defaults out is no change). The order of levels is the order of need, so a level put in
    another place is "moved"; the order of populations is only the order of rows."""
    def compare(a, b):
        return [] if a.label == b.label else [Change("label", a.label, b.label)]

    old_levels, old_populations = levels_and_populations(old)
    new_levels, new_populations = levels_and_populations(new)
    levels = _entries({e.id: (place, e) for place, e in enumerate(old_levels, 1)},
                      {e.id: (place, e) for place, e in enumerate(new_levels, 1)}, compare, owner="position")
    populations = _entries({e.id: (None, e) for e in old_populations}, {e.id: (None, e) for e in new_populations},
                           compare)
    return ([EntryChange(key, kind, entry.label, changes=changes) for kind, key, _, entry, changes in levels],
            [EntryChange(key, kind, entry.label, changes=changes) for kind, key, _, entry, changes in populations])


def _question_changes(old: Model, new: Model) -> list[EntryChange]:
    def questions(model: Model):
        found = {}
        for question in model.evaluation.questions if model.evaluation else ():
            if question.id is not None:
                found.setdefault(question.id, (None, question))
        return found

    compare = partial(_field_changes, section="question")
    return [EntryChange(key, kind, question.text, changes=changes)
            for kind, key, _, question, changes in _entries(questions(old), questions(new), compare)]


def _catalogue_changes(old: dict, new: dict, section: str) -> list[EntryChange]:
    """The model's own methods: or measures: (what the file says, not the shipped catalogue
    or the files named in catalogues:, whose paths are compared as a field of the model)."""
    compare = partial(_field_changes, section=section)
    before = {key: (None, item) for key, item in old.items()}
    after = {key: (None, item) for key, item in new.items()}
    return [EntryChange(key, kind, item.name, changes=changes)
            for kind, key, _, item, changes in _entries(before, after, compare)]


def _finding_changes(old: list[Finding], new: list[Finding], renamed: dict[str, str]) -> list[FindingChange]:
    # Compared without positions (a finding that only moved lines is the same finding)
    # and with renamed ids read as their new names (renaming a box resolves nothing).
    def renamed_message(message: str) -> str:
        for old_id, new_id in renamed.items():
            message = message.replace(f'"{old_id}"', f'"{new_id}"')
        return message

    before = {(f.code, renamed_message(f.message)): f for f in old}
    after = {(f.code, f.message): f for f in new}
    changes = [FindingChange("resolved", f.code, f.name, f.severity.value, f.message)
               for k, f in before.items() if k not in after]
    changes += [FindingChange("introduced", f.code, f.name, f.severity.value, f.message)
                for k, f in after.items() if k not in before]
    return sorted(changes, key=lambda c: (c.kind != "introduced", c.code, c.message))
