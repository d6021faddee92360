"""The evaluation plan of a model: which methods cover which nodes, and why.

``plan_evaluation`` is a plain function from a model (and its catalogue) to
data; the specification renderers only lay that data out. Methods the model
names (on a node, or in a question about it) are used as they are; where it
names none, the suggestion rules propose some, each with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from toc.evaluation.catalogue import Catalogue, catalogue_for
from toc.evaluation.causal_steps import question_nodes, step_methods
from toc.evaluation.design import Design, design_of
from toc.evaluation.evaluability import (Evaluability, causal_distances, model_evaluability,
                                         question_evaluability)
from toc.evaluation.power import PowerSettings, PowerVerdict, assess_indicator
from toc.evaluation.suggestions import node_facts, suggest
from toc.findings import Finding, Severity
from toc.model import Availability, Indicator, Model, Node, NodeType

# Nodes an evaluation looks at; needs and inputs are the context it describes.
IN_SCOPE = (NodeType.ACTIVITY, NodeType.OUTPUT, NodeType.OUTCOME, NodeType.IMPACT)
NOT_IN_A_QUESTION = "(no question)"


@dataclass(frozen=True)
class MethodUse:
    id: str
    name: str
    family: str | None
    sms: int | None
    chosen: bool  # named by the model; False when suggested
    reason: str  # why it fits (for suggestions) or where it was chosen


@dataclass(frozen=True)
class NodePlan:
    id: str
    label: str
    kind: str
    questions: tuple[str, ...]
    methods: tuple[MethodUse, ...]
    indicators: tuple[Indicator, ...]
    gaps: tuple[str, ...]
    # What the methods let you claim about the node, and whether its indicators' target changes could be
    # detected with the people available (outcomes and impacts only).
    design: Design | None = None
    power: tuple[PowerVerdict, ...] = ()


@dataclass(frozen=True)
class MatrixRow:
    """One row of the evaluation matrix: a question x node x method."""

    question: str
    question_text: str
    kind: str
    node: str
    node_label: str
    stage: str
    indicators: str
    measures: str
    method: str
    method_source: str  # chosen | suggested
    reason: str
    data_sources: str
    availability: str
    timing: str
    responsibility: str
    limitations: str

    HEADERS = ("Question", "Question text", "Kind", "Node", "Node label", "Stage", "Indicators", "Measures",
               "Method", "Chosen or suggested", "Why this method", "Data sources", "Data availability",
               "Timing", "Responsibility", "Limitations")

    def cells(self) -> tuple[str, ...]:
        return (self.question, self.question_text, self.kind, self.node, self.node_label, self.stage,
                self.indicators, self.measures, self.method, self.method_source, self.reason, self.data_sources,
                self.availability, self.timing, self.responsibility, self.limitations)


@dataclass(frozen=True)
class QuestionPlan:
    """A question's design (named methods, else its nodes' methods) and its evaluability."""

    id: str
    kind: str
    text: str
    nodes: tuple[str, ...]
    design: Design
    evaluability: Evaluability
    named_methods: bool  # False when the question names none and its nodes' methods stand in


@dataclass(frozen=True)
class DataNeed:
    node: str
    indicator: str
    measure: str
    source: str
    holder: str
    availability: str  # partner | not-collected | unknown


@dataclass(frozen=True)
class WeakClaim:
    node: str
    questions: tuple[str, ...]
    methods: tuple[str, ...]


@dataclass(frozen=True)
class Ethics:
    children: bool
    sensitive: bool
    personal_data: bool
    safeguarding: tuple[tuple[str, str], ...]  # (measure name, what the route must cover)
    licences: tuple[tuple[str, str], ...]  # (measure name, licence note)
    flagged_methods: tuple[tuple[str, tuple[str, ...]], ...]  # (method name, flags)


@dataclass(frozen=True)
class EvaluationPlan:
    nodes: tuple[NodePlan, ...]
    matrix: tuple[MatrixRow, ...]
    unchosen: tuple[str, ...]  # outcomes with suggested methods only
    uncovered: tuple[str, ...]  # outcomes no method covers at all
    weak_claims: tuple[WeakClaim, ...]
    data_needs: tuple[DataNeed, ...]
    ethics: Ethics
    methods_used: tuple[str, ...] = field(default=())
    questions: tuple[QuestionPlan, ...] = ()
    evaluability: Evaluability | None = None  # the model's
    ready: bool = False
    not_ready_reasons: tuple[str, ...] = ()


def plan_evaluation(model: Model, catalogue: Catalogue | None = None, findings: list[Finding] | tuple = (),
                    settings: PowerSettings = PowerSettings()) -> EvaluationPlan:
    """The plan; ``findings`` (from `toc check`) feed its evaluability and readiness."""
    catalogue = catalogue or catalogue_for(model)
    methods, measures = catalogue.methods, catalogue.measures
    measure_names = {key: measure.name or key for key, measure in measures.items()}
    questions = model.evaluation.questions if model.evaluation else []
    about: dict[str, list] = {}
    for question in questions:
        for node_id in question_nodes(model, question):  # (with the ends of the links it tests)
            about.setdefault(node_id, []).append(question)

    node_plans: list[NodePlan] = []
    chosen_by_node: dict[str, tuple[MethodUse, ...]] = {}
    for node in model.nodes.values():
        if node.type not in IN_SCOPE and node.id not in about:
            continue
        asked = about.get(node.id, [])
        uses = _chosen(node, asked, methods)
        if not uses:
            facts = node_facts(model, node, {q.kind for q in asked if q.kind}, measure_names, catalogue)
            uses = [MethodUse(s.method, methods[s.method].name or s.method, methods[s.method].family,
                              methods[s.method].sms, False, s.reason) for s in suggest(facts, methods)]
        chosen_by_node[node.id] = tuple(uses)
        verdicts = tuple(v for v in (assess_indicator(model, node, indicator, asked, settings)
                                     for indicator in node.indicators) if v is not None)
        design = None
        if node.is_outcome_or_impact:
            design = _with_power(design_of([use.id for use in uses], methods, _is_impact_claim(asked)), verdicts)
        node_plans.append(NodePlan(
            id=node.id, label=node.label or node.id, kind=node.kind,
            questions=tuple(q.id for q in asked if q.id), methods=tuple(uses),
            indicators=tuple(node.indicators), gaps=tuple(_gaps(node, uses)), design=design, power=verdicts,
        ))

    used = {use.id for plan in node_plans for use in plan.methods}
    findings = list(findings)
    distances = causal_distances(model)
    plans_by_id = {plan.id: plan for plan in node_plans}
    question_plans = tuple(_question_plan(model, q, plans_by_id, methods, findings, distances) for q in questions)
    all_verdicts = [v for plan in node_plans for v in plan.power]
    ready, reasons = _readiness(questions, question_plans, findings, {p.id: p.power for p in node_plans})
    return EvaluationPlan(
        nodes=tuple(node_plans),
        matrix=tuple(_matrix(model, node_plans, questions, methods, measure_names)),
        unchosen=tuple(p.id for p in node_plans if _is_outcome(model, p.id) and p.methods
                       and not any(use.chosen for use in p.methods)),
        uncovered=tuple(p.id for p in node_plans if _is_outcome(model, p.id) and not p.methods),
        weak_claims=tuple(_weak_claims(model, node_plans, about, methods)),
        data_needs=tuple(_data_needs(model, node_plans, measure_names)),
        ethics=_ethics(model, used, methods, measures),
        methods_used=tuple(sorted(used)),
        questions=question_plans,
        evaluability=model_evaluability(model, [q.evaluability for q in question_plans], all_verdicts, findings,
                                        distances),
        ready=ready,
        not_ready_reasons=reasons,
    )


def _is_impact_claim(asked: list) -> bool:
    """An outcome is claimed as the programme's impact when an impact question asks about it, or when
    no question does (a theory of change claims its outcomes); not when only process or economic
    questions ask about it."""
    return not asked or any(q.kind == "impact" for q in asked)


def _with_power(design: Design, verdicts: tuple[PowerVerdict, ...]) -> Design:
    """The design with a caveat for each impact indicator whose target change could not be detected."""
    if not design.impact_claim:
        return design
    extra = tuple(f"Indicator {v.indicator} is {v.summary}." for v in verdicts if v.detectable is False)
    return replace(design, caveats=design.caveats + extra) if extra else design


def _question_plan(model, question, plans_by_id, methods, findings, distances) -> QuestionPlan:
    about = [plans_by_id[node_id] for node_id in question_nodes(model, question) if node_id in plans_by_id]
    named = [r.id for r in question.methods if r.id in methods]
    # A question testing a link or an assumption is answered by methods that test causal steps.
    method_ids = named or step_methods(question, methods) or [use.id for plan in about for use in plan.methods]
    impact = question.kind == "impact"
    design = design_of(method_ids, methods, impact)
    verdicts = [v for plan in about for v in plan.power]
    if impact:
        design = _with_power(design, tuple(verdicts))
        if not named:
            design = replace(design, caveats=("The question names no method: the design shown is what the plan "
                                              "uses for its nodes.",) + design.caveats)
    evaluability = question_evaluability(model, question, design, verdicts, findings, distances)
    return QuestionPlan(question.id or "", question.kind or "", question.text or "",
                        tuple(plan.id for plan in about), design, evaluability, bool(named))


def _readiness(questions, question_plans, findings, verdicts_by_node) -> tuple[bool, tuple[str, ...]]:
    reasons = []
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        reasons.append(f"the model has {len(errors)} error{'s' if len(errors) != 1 else ''} (`toc check`): "
                       + "; ".join(sorted({f"{f.code} {f.name}" for f in errors})))
    if not questions:
        reasons.append("no evaluation questions: add them under `evaluation: questions:`")
    for plan, question in zip(question_plans, questions):
        if question.kind == "impact" and not plan.named_methods:
            reasons.append(f"impact question {plan.id or '(no id)'} names no method")
    for plan, question in zip(question_plans, questions):
        if question.kind != "impact":
            continue
        # A claim its own numbers cannot show is a plan that will report "no difference" whatever happens.
        hidden = [v for node_id in plan.nodes for v in verdicts_by_node.get(node_id, ()) if v.detectable is False]
        for verdict in hidden:
            reasons.append(f"impact question {plan.id or '(no id)'} claims a change in {verdict.node} that its "
                           f"numbers cannot show (indicator {verdict.indicator}: needs {verdict.needed:,} per "
                           f"group, about {verdict.n:,} available)")
    return not reasons, tuple(reasons)


def _chosen(node: Node, asked: list, methods) -> list[MethodUse]:
    uses: dict[str, MethodUse] = {}
    for reference in node.methods:
        if reference.id in methods:
            method = methods[reference.id]
            uses.setdefault(reference.id, MethodUse(reference.id, method.name or reference.id, method.family,
                                                    method.sms, True, "chosen for this node"))
    for question in asked:
        named = [r for r in question.methods if r.id in methods]
        # A question's methods are shared by its nodes: each node takes those that suit it.
        suited = [r for r in named if methods[r.id].suits(node)] or named
        for reference in suited:
            if reference.id not in uses:
                method = methods[reference.id]
                uses[reference.id] = MethodUse(reference.id, method.name or reference.id, method.family,
                                               method.sms, True, f"chosen in question {question.id}")
    return list(uses.values())


def _gaps(node: Node, uses: list[MethodUse]) -> list[str]:
    gaps = []
    if node.is_outcome_or_impact and not node.indicators:
        gaps.append("no indicator: how will this change be known?")
    if not uses:
        gaps.append("no method covers it")
    elif node.is_outcome_or_impact and not any(use.chosen for use in uses):
        gaps.append("methods suggested, none chosen yet")
    return gaps


def _is_outcome(model: Model, node_id: str) -> bool:
    return model.nodes[node_id].is_outcome_or_impact


def _weak_claims(model, node_plans, about, methods):
    # An impact question answered only by designs that show change, not cause:
    # monitoring, descriptive process methods and before/after (SMS 1) designs.
    for plan in node_plans:
        impact_questions = tuple(q.id for q in about.get(plan.id, ()) if q.kind == "impact" and q.id)
        if not impact_questions or not plan.methods:
            continue
        if all(_weak(methods[use.id]) for use in plan.methods):
            yield WeakClaim(plan.id, impact_questions, tuple(use.id for use in plan.methods))


def _weak(method) -> bool:
    if method.family in ("monitoring", "process", "economic"):
        return True
    return method.sms is not None and method.sms <= 1


def _matrix(model, node_plans, questions, methods, measure_names):
    plans = {plan.id: plan for plan in node_plans}
    covered: set[str] = set()
    for question in questions:
        for node_id in question_nodes(model, question):
            plan = plans.get(node_id)
            if plan is None:
                continue
            covered.add(plan.id)
            named = [use for use in plan.methods if use.id in {r.id for r in question.methods}]
            if question.methods and not named:
                continue  # the question's methods suit other nodes of it; this node's rows come from them
            for use in named or plan.methods:
                yield _row(model.nodes[plan.id], plan, use, question, methods, measure_names)
    for plan in node_plans:
        if plan.id not in covered:
            for use in plan.methods:
                yield _row(model.nodes[plan.id], plan, use, None, methods, measure_names)


def _row(node, plan, use, question, methods, measure_names) -> MatrixRow:
    indicators = plan.indicators
    return MatrixRow(
        question=(question.id or "") if question else NOT_IN_A_QUESTION,
        question_text=(question.text or "") if question else "",
        kind=(question.kind or "") if question else "",
        node=node.id,
        node_label=plan.label,
        stage=plan.kind,
        indicators="; ".join(f"{i.id}: {i.measure}" if i.measure else str(i.id) for i in indicators),
        measures="; ".join(measure_names.get(i.instrument, i.instrument) for i in indicators if i.instrument),
        method=use.name,
        method_source="chosen" if use.chosen else "suggested",
        reason=use.reason,
        data_sources="; ".join(dict.fromkeys(i.source for i in indicators if i.source)),
        availability="; ".join(dict.fromkeys(i.availability.value for i in indicators if i.availability)),
        timing=(question.timing or "") if question else "",
        responsibility=((question.owner if question else None)
                        or "; ".join(dict.fromkeys(i.owner for i in indicators if i.owner))),
        limitations=methods[use.id].limitations or "",
    )


def _data_needs(model, node_plans, measure_names):
    for plan in node_plans:
        for indicator in plan.indicators:
            if indicator.availability is Availability.COLLECTED:
                continue
            yield DataNeed(
                node=plan.id,
                indicator=indicator.id or "",
                measure=indicator.measure or measure_names.get(indicator.instrument, indicator.instrument or ""),
                source=indicator.source or "not stated",
                holder=indicator.owner or "not stated",
                availability=indicator.availability.value if indicator.availability else "unknown",
            )


def _ethics(model, used, methods, measures) -> Ethics:
    instruments = sorted({i.instrument for node in model.nodes.values() for i in node.indicators
                          if i.instrument in measures})
    flags: set[str] = set()
    flagged = []
    for method_id in sorted(used):
        method = methods[method_id]
        flags.update(method.ethics)
        if method.ethics:
            flagged.append((method.name or method_id, method.ethics))
    for measure_id in instruments:
        flags.update(measures[measure_id].ethics)
    return Ethics(
        children="children" in flags,
        sensitive="sensitive" in flags,
        personal_data="personal-data" in flags,
        safeguarding=tuple((measures[m].name or m, measures[m].safeguarding) for m in instruments
                           if measures[m].safeguarding),
        licences=tuple((measures[m].name or m, measures[m].licence) for m in instruments if measures[m].licence),
        flagged_methods=tuple(flagged),
    )
