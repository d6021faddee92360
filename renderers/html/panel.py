"""What the workshop page's side panel shows for each node: a pure, JSON-able dict.

The page's script only lays this data out; every decision about what a
facilitator sees (which fields, in what words, which findings) is made here,
where it can be unit-tested without a browser.

The panel is a list of sections. Each section function takes the shared
``PanelContext`` and a node and returns a ``Section`` (or None to leave it out),
so a new kind of information (e.g. the evaluation questions and methods that
cover a node) is one new function added to ``SECTIONS``; the page's script
renders any section without changes.

Shape of one section, as the script expects it::

    {"id": "indicators", "title": "Indicators", "empty": "text shown when no items",
     "items": [{"heading": "...", "node": "other-node-id" | None, "severity": None | "error"...,
                "fields": [["Source", "Training register"], ...]}]}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from toc.renderers.dot import describe, dot_ids
from toc.findings import Finding
from toc.model import Availability, Indicator, Link, Model, Node, Status

AVAILABILITY_WORDING = {
    Availability.COLLECTED: "collected by us",
    Availability.PARTNER: "held by a partner",
    Availability.NOT_COLLECTED: "not collected yet",
}


@dataclass
class PanelContext:
    """What the section functions share: the model, links into each node, findings by place."""

    model: Model
    incoming: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    findings_by_node: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    findings_by_link: dict[tuple[str, str], list[Finding]] = field(default_factory=lambda: defaultdict(list))
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, model: Model, findings: list[Finding] | tuple[Finding, ...]) -> PanelContext:
        context = cls(model)
        for link in model.links():
            context.incoming[link.target].append(link)
        link_at = model.links_by_location()
        for finding in findings:
            link = link_at.get(finding.location)
            if link is not None:
                context.findings_by_link[(link.source, link.target)].append(finding)
            if finding.node:
                context.findings_by_node[finding.node].append(finding)
        return context

    @property
    def evaluation(self):
        """The evaluation plan (methods and questions by node), computed once per page."""
        if "plan" not in self._cache:
            from toc.evaluation.plan import plan_evaluation

            plan = plan_evaluation(self.model)
            self._cache["plan"] = {node_plan.id: node_plan for node_plan in plan.nodes}
        return self._cache["plan"]

    @property
    def progress(self):
        """The monitoring status of every indicator (toc.monitoring), by indicator id, computed once per
        page; empty when the model has no `monitoring:` section."""
        if "progress" not in self._cache:
            if self.model.monitoring is None:
                self._cache["progress"] = {}
            else:
                from toc.monitoring import progress

                self._cache["progress"] = {status.id: status for status in progress(self.model).indicators}
        return self._cache["progress"]

    def name(self, node_id: str) -> str:
        node = self.model.nodes.get(node_id)
        if node is None:
            return f"{node_id} (no such box in the model)"
        return node.label or node_id


Section = dict
SectionFunction = Callable[[PanelContext, Node], "Section | None"]


# ------------------------------------------------------------- sections
def indicators_section(context: PanelContext, node: Node) -> Section:
    empty = "Not measured: no indicators yet." if node.is_outcome_or_impact else "No indicators."
    return _section("indicators", "Indicators: how we know it happened", empty,
                    [_indicator_item(indicator) for indicator in node.indicators])


def incoming_section(context: PanelContext, node: Node) -> Section:
    items = [_link_item(context, link, link.source) for link in context.incoming.get(node.id, [])]
    return _section("incoming", "What leads here, and why", "Nothing leads here.", items)


def outgoing_section(context: PanelContext, node: Node) -> Section:
    items = [_link_item(context, link, link.target) for link in node.links]
    return _section("outgoing", "What it leads to, and why", "It leads to nothing.", items)


def evaluation_section(context: PanelContext, node: Node) -> Section | None:
    """Evaluation questions about the node and the methods that cover it (chosen, or suggested with a reason)."""
    node_plan = context.evaluation.get(node.id)
    if node_plan is None:
        return None  # needs and inputs: context, not claims an evaluation tests
    questions = {q.id: q for q in context.model.evaluation.questions} if context.model.evaluation else {}
    items = [_item(f"Question {question_id}", [("Asks", questions[question_id].text),
                                                ("Kind", questions[question_id].kind),
                                                ("Owner", questions[question_id].owner),
                                                ("Timing", questions[question_id].timing)])
             for question_id in node_plan.questions if question_id in questions]
    items += [_item(use.name, [("Chosen or suggested", "chosen" if use.chosen else "suggested by toc"),
                               ("Why", use.reason),
                               ("Maryland SMS level", use.sms)])
              for use in node_plan.methods]
    title = "Evaluation: questions and methods"
    if not node_plan.questions and node_plan.methods and not any(use.chosen for use in node_plan.methods):
        title = "Evaluation: no question covers this box yet; methods toc suggests"
    return _section("evaluation", title, "No method covers it yet.", items)


def about_section(context: PanelContext, node: Node) -> Section | None:
    """Format 1.1: the box's status, the mechanisms it works through, its notes, its details
    and the user's own fields (`meta:`); left out when the box has none of them."""
    items = []
    if node.status is not None or node.notes:
        items.append(_item("About this box", [("Status", _STATUS_WORDING.get(node.status)), ("Notes", node.notes)]))
    if node.details:
        items.append(_item("Details", [("•", detail) for detail in node.details]))
    items += [_mechanism_item(context, reference.id) for reference in node.mechanisms]
    if node.meta:
        items.append(_item("Your own fields", [(key, _meta_text(value)) for key, value in node.meta.items()]))
    return _section("about", "Status, notes and details", "", items) if items else None


def monitoring_section(context: PanelContext, node: Node) -> Section | None:
    """Each indicator's status and trend against the plan, where the model is monitored (`toc monitor`)."""
    statuses = [context.progress[indicator.id] for indicator in node.indicators if indicator.id in context.progress]
    if not statuses:
        return None
    from toc.renderers.monitor.content import status_text, trend_text

    items = []
    for status in statuses:
        latest = status.latest
        items.append(_item(status.indicator.measure or status.id, [
            ("Status", status_text(status, judged=not status.series or len(status.anchors) >= 2)
             + (", stale: a period's figure is missing" if status.stale else "")),
            ("Latest", f"{_text(latest[1])} ({latest[0].text})" if latest else None),
            ("Expected then", round(status.expected, 2) if status.expected is not None else None),
            ("Trend", trend_text(status)),
        ]))
    return _section("monitoring", "Progress: figures against the plan", "", items)


def findings_section(context: PanelContext, node: Node) -> Section:
    items = [finding_item(finding) for finding in context.findings_by_node.get(node.id, [])]
    return _section("findings", "Check findings", "toc check found nothing here.", items)


# The panel's sections, top to bottom.
SECTIONS: tuple[SectionFunction, ...] = (
    about_section,
    indicators_section,
    monitoring_section,
    incoming_section,
    outgoing_section,
    evaluation_section,
    findings_section,
)


# ---------------------------------------------------------------- items
def _indicator_item(indicator: Indicator) -> dict:
    fields = [
        ("Id", indicator.id),
        ("Source", indicator.source),
        ("Owner", indicator.owner),
        ("Frequency", indicator.frequency),
        ("Unit", indicator.unit),
        ("Baseline", indicator.baseline),
        ("Target", indicator.target),
        ("Data", AVAILABILITY_WORDING.get(indicator.availability) if indicator.availability else None),
        ("Notes", indicator.notes),
    ]
    return _item(indicator.measure or indicator.id or "Indicator with no measure", fields)


def _link_item(context: PanelContext, link: Link, other: str) -> dict:
    fields: list[tuple[str, object]] = []
    if link.assumption:
        fields.append(("Assumption", link.assumption))
    for reference in link.assumptions:
        shared = context.model.assumptions.get(reference.id)
        if shared is None:
            fields.append(("Assumption", f"{reference.id} (not defined under assumptions:)"))
            continue
        details = [f"evidence {shared.evidence.value}" if shared.evidence else None,
                   f"criticality {shared.criticality.value}" if shared.criticality else None]
        extra = ", ".join(part for part in details if part)
        fields.append(("Assumption", (shared.text or shared.id) + (f" ({extra})" if extra else "")))
    if not link.assumption and not link.assumptions:
        fields.append(("Assumption", "not stated"))
    evidence, source = context.model.link_evidence(link)  # (format 1.1: else its shared assumptions')
    fields.append(("Evidence", (evidence.value if evidence else "not stated")
                   + (f" (from assumption {source})" if source else "")))
    for reference in link.mechanisms:
        mechanism = context.model.mechanisms.get(reference.id)
        fields.append(("Mechanism", (mechanism.label or mechanism.id) if mechanism
                       else f"{reference.id} (not defined under mechanisms:)"))
    if link.status is not None:
        fields.append(("Status", _STATUS_WORDING[link.status]))
    fields += [(key, _meta_text(value)) for key, value in link.meta.items()]
    if link.feedback:
        fields.append(("Feedback loop", "yes: a deliberate loop back to an earlier stage"))
    findings = context.findings_by_link.get((link.source, link.target), [])
    fields += [("Finding", f"{f.severity.value} {f.code} {f.name}: {f.message}") for f in findings]
    item = _item(context.name(other), fields)
    item["node"] = other if other in context.model.nodes else None
    item["severity"] = _worst(findings)
    return item


_STATUS_WORDING = {Status.DRAFT: "draft: proposed, not yet agreed", Status.AGREED: "agreed",
                   Status.IN_DEVELOPMENT: "in development: being built or piloted"}


def _meta_text(value) -> str:
    return ", ".join(value) if isinstance(value, tuple) else str(value)


def _mechanism_item(context: PanelContext, mechanism_id: str) -> dict:
    mechanism = context.model.mechanisms.get(mechanism_id)
    if mechanism is None:
        return _item(f"Mechanism {mechanism_id}", [("Mechanism", "not defined under mechanisms:")])
    links = [link for link in context.model.links() if any(r.id == mechanism_id for r in link.mechanisms)]
    return _item(f"Mechanism: {mechanism.label or mechanism.id}", [
        ("How it works", mechanism.description),
        ("Evidence", mechanism.evidence.value if mechanism.evidence else None),
        *(("On the link", f"{context.name(link.source)} → {context.name(link.target)}") for link in links),
    ])


def finding_item(finding: Finding) -> dict:
    """One finding as a panel item: severity, code and name, what, where and how to fix it."""
    item = _item(f"{finding.severity.value} {finding.code} {finding.name}", [
        ("Message", finding.message),
        ("Where", f"{finding.location.path}:{finding.location.line}:{finding.location.column}"),
        ("Hint", finding.hint),
    ])
    item["severity"] = finding.severity.value
    item["node"] = finding.node
    return item


def _item(heading: str, fields) -> dict:
    return {
        "heading": heading,
        "node": None,
        "severity": None,
        "fields": [[name, _text(value)] for name, value in fields if value is not None and value != ""],
    }


def _section(section_id: str, title: str, empty: str, items: list[dict]) -> Section:
    return {"id": section_id, "title": title, "empty": empty, "items": items}


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _worst(findings: list[Finding]) -> str | None:
    return max(findings, key=lambda f: f.severity.rank).severity.value if findings else None


# ------------------------------------------------------------ whole page
def node_data(context: PanelContext, node: Node, sections: tuple[SectionFunction, ...] = SECTIONS) -> dict:
    """The panel data of one node, with what the page needs to find, filter and mark it."""
    found = [section(context, node) for section in sections]
    return {
        "id": node.id,
        "label": node.label or node.id,
        "kind": node.kind,
        "type": node.type.value if node.type else None,
        "group": node.group,
        "description": node.description,
        "status": node.status.value if node.status else None,
        "measured": bool(node.indicators),
        "severity": _worst(context.findings_by_node.get(node.id, [])),
        "sections": [section for section in found if section is not None],
    }


def page_data(model: Model, findings: list[Finding] | tuple[Finding, ...] = (),
              sections: tuple[SectionFunction, ...] = SECTIONS) -> dict:
    """Everything the page's script reads, as plain JSON-able values, in file order.

    >>> from toc.loading import load_text
    >>> model = load_text("toc: 1\\nnodes:\\n  a: {type: activity, label: Train, leads_to: [b]}\\n"
    ...                   "  b: {type: output, label: Trained}\\n").model
    >>> data = page_data(model)
    >>> [node["label"] for node in data["nodes"]], data["links"]
    (['Train', 'Trained'], [['a', 'b', False]])
    """
    context = PanelContext.build(model, findings)
    svg_ids = dot_ids(model)
    nodes = []
    for node in model.nodes.values():
        entry = node_data(context, node, sections)
        entry["svg"] = f"node-{svg_ids[node.id]}"
        nodes.append(entry)
    return {
        "model": {
            "title": model.display_name,
            "details": [[name, value] for name, value in (
                ("Area", model.area), ("Owner", model.owner), ("Version", model.version),
                ("Horizon", model.horizon), ("File", model.path),
                *((key, _meta_text(value)) for key, value in model.meta.items()),
            ) if value],
            "description": model.description,
            "summary": describe(model),
            # Format 1.1: the mechanisms of change, a section of the overview (None when there are none).
            "mechanisms": _section("mechanisms", "Mechanisms of change", "", [
                _mechanism_item(context, mechanism_id) for mechanism_id in model.mechanisms]) if model.mechanisms
            else None,
        },
        "dot_ids": {svg_ids[node_id]: node_id for node_id in model.nodes},
        "nodes": nodes,
        "links": [[link.source, link.target, link.feedback] for link in model.links() if link.target in model.nodes],
        "findings": [finding_item(finding) for finding in findings],
    }


def unloadable_page_data(path: str, findings: list[Finding] | tuple[Finding, ...], message: str | None = None) -> dict:
    """Page data for a file that does not load: no diagram, only what is wrong with it."""
    summary = message or "This file does not load as a theory of change; fix the findings below."
    return {
        "model": {"title": path, "details": [["File", path]], "description": None, "summary": summary},
        "dot_ids": {},
        "nodes": [],
        "links": [],
        "findings": [finding_item(finding) for finding in findings],
    }
