"""A semantic diff of two versions of a model: what changed in the theory, not in the text.

``diff_models`` is pure and returns data (``ModelDiff``); renderers/diff.py turns
it into text, Markdown or JSON. Nodes are matched by id; a removed and an added
node with the same type, term and label are reported as one *rename*, and links
are compared after renames, so renaming a box does not show every link as new.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toc.findings import Finding
from toc.meaning import meaning
from toc.model import Link, Model, Node

# Fields compared one by one; anything else on a node is covered by links and indicators.
_NODE_FIELDS = ("label", "type", "term", "description", "group", "maps_to", "ignore")
_LINK_FIELDS = ("assumption", "assumptions", "evidence", "feedback")
_INDICATOR_FIELDS = ("measure", "source", "owner", "frequency", "unit", "baseline", "target", "availability",
                     "notes")
_MODEL_FIELDS = ("title", "area", "owner", "version", "description", "horizon", "uses")


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

    @property
    def is_empty(self) -> bool:
        return not (self.model or self.nodes or self.links or self.indicators or self.assumptions or self.findings)

    def counts(self) -> dict[str, int]:
        """How many of each kind of change, for the summary line (only kinds that occur)."""
        tally: dict[str, int] = {}
        for section, items in (("node", self.nodes), ("link", self.links), ("indicator", self.indicators),
                               ("assumption", self.assumptions), ("finding", self.findings)):
            for item in items:
                key = f"{section}s {item.kind}"
                tally[key] = tally.get(key, 0) + 1
        return tally


def diff_models(old: Model, new: Model, old_findings: list[Finding] = (), new_findings: list[Finding] = (),
                old_name: str | None = None, new_name: str | None = None) -> ModelDiff:
    result = ModelDiff(old_name or old.path, new_name or new.path)
    result.model = _field_changes(old, new, _MODEL_FIELDS)
    renamed = _renames(old, new)  # old id -> new id
    result.nodes = _node_changes(old, new, renamed)
    result.links = _link_changes(old, new, renamed)
    result.indicators = _indicator_changes(old, new, renamed)
    result.assumptions = _assumption_changes(old, new)
    result.findings = _finding_changes(old_findings, new_findings, renamed)
    return result


def _plain(value):
    plain = meaning(value) if hasattr(value, "__dataclass_fields__") else value
    if isinstance(value, tuple):
        plain = [meaning(item) if hasattr(item, "__dataclass_fields__") else item for item in value]
    if hasattr(plain, "value") and not isinstance(plain, (str, int, float)):
        plain = plain.value
    return plain


def _field_changes(old, new, names) -> list[Change]:
    changes = []
    for name in names:
        before, after = _plain(getattr(old, name)), _plain(getattr(new, name))
        if before != after:
            changes.append(Change(name, before or None, after or None))
    return changes


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
                                      changes=_field_changes(node, after, _NODE_FIELDS)))
        elif node_id not in new.nodes:
            changes.append(NodeChange(node_id, "removed", node.label, node.kind))
        else:
            after = new.nodes[node_id]
            fields = _field_changes(node, after, _NODE_FIELDS)
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
            fields = _field_changes(link, after[ends], _LINK_FIELDS)
            if fields:
                changes.append(LinkChange(*ends, "changed", fields))
    for ends, link in after.items():
        if ends not in before:
            changes.append(LinkChange(*ends, "added", _link_summary(link)))
    return changes


def _link_summary(link: Link, removed: bool = False) -> list[Change]:
    """What an added or removed link said (its reason and evidence), for the reader: a removed
    link's values are what it had (old), an added link's what it has (new)."""
    return [Change(name, _plain(getattr(link, name)), None) if removed else Change(name, None, _plain(getattr(link, name)))
            for name in ("assumption", "evidence") if getattr(link, name)]


def _indicators(model: Model, renamed: dict[str, str] | None = None):
    rename = renamed or {}
    found = {}
    for node in model.nodes.values():
        for indicator in node.indicators:
            if indicator.id is not None:
                found.setdefault(indicator.id, (rename.get(node.id, node.id), indicator))
    return found


def _indicator_changes(old: Model, new: Model, renamed: dict[str, str]) -> list[IndicatorChange]:
    before, after = _indicators(old, renamed), _indicators(new)
    changes = []
    for indicator_id, (node_id, indicator) in before.items():
        if indicator_id not in after:
            changes.append(IndicatorChange(indicator_id, node_id, "removed", indicator.measure))
            continue
        new_node, new_indicator = after[indicator_id]
        fields = _field_changes(indicator, new_indicator, _INDICATOR_FIELDS)
        if new_node != node_id:
            changes.append(IndicatorChange(indicator_id, new_node, "moved", new_indicator.measure,
                                           [Change("node", node_id, new_node), *fields]))
        elif fields:
            changes.append(IndicatorChange(indicator_id, node_id, "changed", new_indicator.measure, fields))
    for indicator_id, (node_id, indicator) in after.items():
        if indicator_id not in before:
            changes.append(IndicatorChange(indicator_id, node_id, "added", indicator.measure))
    return changes


def _assumption_changes(old: Model, new: Model) -> list[NodeChange]:
    changes = []
    for assumption_id, assumption in old.assumptions.items():
        if assumption_id not in new.assumptions:
            changes.append(NodeChange(assumption_id, "removed", assumption.text, "assumption"))
        else:
            fields = _field_changes(assumption, new.assumptions[assumption_id], ("text", "evidence", "criticality"))
            if fields:
                changes.append(NodeChange(assumption_id, "changed", new.assumptions[assumption_id].text,
                                          "assumption", changes=fields))
    for assumption_id, assumption in new.assumptions.items():
        if assumption_id not in old.assumptions:
            changes.append(NodeChange(assumption_id, "added", assumption.text, "assumption"))
    return changes


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
