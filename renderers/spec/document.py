"""What a commissioner's evaluation specification says, as a list of blocks.

Pure: the same model, plan and findings give the same blocks, which the
Markdown, HTML and DOCX layouts render. The sections follow what a
specification contains (see docs/spec.md): background, purpose, scope, the
theory of change, questions, methods, the matrix, data, ethics,
proportionality, deliverables and an annex of open issues.
"""

from __future__ import annotations

from toc.renderers.outline import render_outline
from toc.renderers.spec.blocks import Block, Bullets, Diagram, Heading, Paragraph, Table
from toc.evaluation.catalogue import Catalogue
from toc.evaluation.design import SCALE
from toc.evaluation.evaluability import Evaluability
from toc.evaluation.plan import NOT_IN_A_QUESTION, EvaluationPlan
from toc.evaluation.power import PowerSettings
from toc.findings import Finding, Severity
from toc.model import Model, NodeType

NOT_GIVEN = "Not yet stated in the model (add it under `evaluation:`)."
MATRIX_COLUMNS = ("Question", "Node", "Indicators", "Measures", "Method", "Why this method", "Data sources",
                  "Timing", "Responsibility")


def build_specification(model: Model, plan: EvaluationPlan, catalogue: Catalogue,
                        findings: list[Finding]) -> list[Block]:
    evaluation = model.evaluation
    blocks: list[Block] = [Heading(1, f"Evaluation specification: {model.display_name}")]
    facts = [f"{label}: {value}" for label, value in (
        ("Area", model.area), ("Model owner", model.owner), ("Model version", model.version),
        ("Time frame of the theory", model.horizon)) if value]
    if facts:
        blocks.append(Bullets(tuple(facts)))
    blocks.append(Paragraph(
        f"Drafted by toc from {model.path}. Sections marked as suggestions are for the commissioner "
        "to confirm before the specification is sent out.", emphasis=True))

    blocks += [Heading(2, "1. Background and rationale"), Paragraph(model.description or NOT_GIVEN)]
    needs = [node for node in model.nodes.values() if node.type is NodeType.NEED]
    if needs:
        blocks += [Paragraph("The needs the programme responds to:"),
                   Bullets(tuple(_with_description(node) for node in needs))]

    blocks += [Heading(2, "2. Purpose and intended users"),
               Bullets((f"Purpose: {_or(evaluation and evaluation.purpose)}",
                        f"Intended users: {_or(evaluation and evaluation.users)}",
                        f"Evaluation lead: {_or(evaluation and evaluation.lead)}"))]

    blocks += [Heading(2, "3. Scope"), *_scope(model, plan)]
    blocks += [Heading(2, "4. The theory of change"),
               Paragraph("The evaluation tests this theory of change: each box is a claim, each arrow an "
                         "assumption to test."),
               Diagram(_outline(model), f"Theory of change diagram of {model.display_name}",
                       _outline(model, markdown=False)),
               *_assumptions(model)]
    blocks += [Heading(2, "5. Evaluation questions"), *_questions(model, plan, catalogue)]
    blocks += [Heading(2, "6. Evaluability"), *_evaluability(plan)]
    blocks += [Heading(2, "7. Designs and what each lets you claim"), *_designs(plan)]
    blocks += [Heading(2, "8. Can the change be detected? Sample size and power"), *_power(plan)]
    blocks += [Heading(2, "9. Approach and methods"), *_methods(plan, catalogue)]
    blocks += [Heading(2, "10. Evaluation matrix"),
               Paragraph("One row per question and node. \"Suggested\" methods were proposed by toc where the "
                         "model names none. The spreadsheet (`toc spec --matrix`) has one row per question, node "
                         "and method, with each method's limitations."),
               Table(MATRIX_COLUMNS, tuple(matrix_rows(plan)), wide=True)]
    blocks += [Heading(2, "11. Data availability and data sharing"), *_data(plan)]
    blocks += [Heading(2, "12. Ethics and information governance"), *_ethics(plan)]
    blocks += [Heading(2, "13. Proportionality"), *_proportionality(model, plan, catalogue)]
    blocks += [Heading(2, "14. Deliverables and timeline"), *_deliverables(model)]
    blocks += [Heading(2, "15. Roles, governance and evaluator skills"), *_roles(model, plan, catalogue)]
    blocks += [Heading(2, "Annex A. Open issues"), *_open_issues(model, plan, findings)]
    return blocks


def _outline(model: Model, markdown: bool = True) -> str:
    """The text outline without its title and background (the specification has them), one level down."""
    lines = render_outline(model, markdown=markdown).splitlines()
    first = "## " if markdown else "THE BOXES"
    start = next((i for i, line in enumerate(lines) if line.startswith(first)), 0)
    return "\n".join("#" + line if markdown and line.startswith("#") else line for line in lines[start:]) + "\n"


def _plural(kind: str, count: int) -> str:
    if count == 1:
        return kind
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def _or(value: str | None) -> str:
    return value or NOT_GIVEN


def _with_description(node) -> str:
    return f"{node.label or node.id}: {node.description}" if node.description else (node.label or node.id)


def _scope(model: Model, plan: EvaluationPlan) -> list[Block]:
    counts: dict[str, int] = {}
    for node_plan in plan.nodes:
        counts[node_plan.kind] = counts.get(node_plan.kind, 0) + 1
    lines = [f"{count} {_plural(kind, count)}" for kind, count in counts.items()]
    blocks: list[Block] = [Paragraph(
        "In scope: every activity, output, outcome and impact of the theory of change ("
        + ", ".join(lines) + "). Needs and inputs are the context the evaluation describes, not claims it tests.")]
    if model.horizon:
        blocks.append(Paragraph(f"The theory covers {model.horizon}."))
    return blocks


def _method_names(references, catalogue: Catalogue) -> str:
    names = [(catalogue.methods[r.id].name or r.id) if r.id in catalogue.methods else f"{r.id} (not in the catalogue)"
             for r in references]
    return "; ".join(names) or "none chosen"


def _questions(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    questions = model.evaluation.questions if model.evaluation else []
    if not questions:
        return [Paragraph("The model asks no evaluation questions yet. Every node in scope still has methods "
                          "below; add questions under `evaluation: questions:` to focus the evaluation.")]
    rows = tuple((q.id or "", q.text or "", q.kind or "",
                  _about(model, q),
                  _method_names(q.methods, catalogue),
                  _claim_text(design),
                  q.owner or "", q.timing or "")
                 for q, design in zip(questions, (p.design for p in plan.questions)))
    return [Table(("Id", "Question", "Kind", "About", "Methods", "What you may claim", "Owner", "Timing"), rows,
                  wide=True)]


def _claim_text(design) -> str:
    """What a design lets you claim, with its caveat inline for an impact claim below SMS 3, and
    every further caveat (a change its numbers cannot show) beside it: a question's row must not
    read stronger than its design."""
    if design.weak:
        text, further = design.caveat, design.caveats[1:]
    else:
        level = f"{design.level_text}: " if design.sms is not None else ""
        text, further = f"{level}{design.may_claim}", design.caveats
    return f"{text.rstrip('.')}. {' '.join(further)}" if further else text


def _claim(node_plan) -> str:
    """A node named as a claim: its label and id, and the caveat its design needs."""
    design = node_plan.design
    text = f"{node_plan.label} [{node_plan.id}]"
    return f"{text}. {design.caveat}" if design is not None and design.weak else text


def _evaluability(plan: EvaluationPlan) -> list[Block]:
    blocks: list[Block] = [Paragraph(
        "Whether each question can be answered credibly, under Davies' evaluability headings: in principle "
        "(the theory), in practice (the data) and utility (who uses the answer, and how). Drawn only from "
        "what the model says.")]
    if plan.evaluability is not None:
        blocks += _evaluability_of("The model", plan.evaluability)
    for question in plan.questions:
        blocks += _evaluability_of(f"Question {question.id}", question.evaluability)
    return blocks


def _evaluability_of(title: str, found: Evaluability) -> list[Block]:
    items = [f"In principle (the theory): {'; '.join(found.in_principle) or 'nothing stands in the way'}",
             f"In practice (data availability): {'; '.join(found.in_practice)}",
             f"Utility and practicality: {'; '.join(found.utility)}"]
    return [Heading(3, f"{title}: {found.verdict}"), Bullets(tuple(items))]


def _designs(plan: EvaluationPlan) -> list[Block]:
    claims = [p for p in plan.nodes if p.design is not None]
    if not claims:
        return [Paragraph("No outcomes or impacts in scope.")]
    blocks: list[Block] = [Paragraph(
        f"Each outcome and impact, the methods covering it, the strongest design's level on the {SCALE} "
        "(1 uncontrolled before/after or cross-section; 2 a comparison that does not deal with selection; "
        "3 a justified comparison group with before/after, e.g. difference-in-differences or a matched "
        "comparison; 4 quasi-random variation; 5 randomised), and what it lets you claim. Only level 3 and "
        "above support saying the programme caused a change; theory-based methods support a contribution "
        "claim. Claims of impact below level 3 carry their caveat wherever they appear.")]
    rows = tuple((_claim(p), "; ".join(use.name for use in p.methods) or "none",
                  p.design.level_text,
                  p.design.may_claim if p.design.impact_claim else f"not claimed as impact: {p.design.may_claim}",
                  " ".join(p.design.caveats[1:] if p.design.weak else p.design.caveats) or "none")
                 for p in claims)
    blocks.append(Table(("Claim", "Methods", "Strongest design", "What you may claim", "Further caveats"), rows,
                        wide=True))
    return blocks


def _power(plan: EvaluationPlan) -> list[Block]:
    settings = PowerSettings()
    verdicts = [v for p in plan.nodes for v in p.power]
    blocks: list[Block] = [Paragraph(
        "For each outcome indicator measured as a share or a score: the people needed in each of two equal "
        "groups (the people reached and a comparison group) to detect the target change at 5% two-sided with "
        "80% power, the people available after loss at follow-up, and the smallest change that number could "
        "show. Two proportions: n = (z + z)^2 (p1(1-p1) + p2(1-p2)) / (p1-p2)^2; two means: "
        "n = 2 (z + z)^2 sd^2 / delta^2. Clustered delivery (groups, practitioners' caseloads) needs more: "
        "multiply by 1 + (m-1) ICC. Give `sample:` (and `sd:` for a score) on an indicator to replace the "
        "defaults."),
        Paragraph(f"Expected response at follow-up: {settings.response_source}. Replace these with your "
                  "service's own figures when known.", emphasis=True)]
    if not verdicts:
        return blocks + [Paragraph("No outcome indicator is measured as a share or a score yet, so nothing can "
                                   "be said about power.")]
    rows = tuple((v.node, v.indicator, v.verdict,
                  f"{v.needed:,}" if v.needed is not None else "?",
                  f"{v.n:,}" if v.n is not None else "?",
                  (f"{v.mde:g} {'percentage points' if v.kind == 'proportion' else 'points'}"
                   if v.mde is not None else "?"),
                  "; ".join(v.assumptions + tuple(f"missing: {m}" for m in v.missing)))
                 for v in verdicts)
    blocks.append(Table(("Node", "Indicator", "Verdict", "Needed per group", "Available", "Smallest detectable "
                         "change", "Assumptions"), rows, wide=True))
    return blocks


def _about(model: Model, question) -> str:
    """What a question is about: its boxes, then (format 1.1) the links and shared assumptions it tests."""
    parts = [_label(model, r.id) for r in question.nodes]
    parts += [f"the link {_label(model, step.source)} → {_label(model, step.target)}" for step in question.links]
    parts += [f"the assumption {model.assumptions[r.id].text or r.id}" if r.id in model.assumptions
              else f"the assumption {r.id} (not defined)" for r in question.assumptions]
    return "; ".join(parts)


def _label(model: Model, node_id: str) -> str:
    node = model.nodes.get(node_id)
    return (node.label or node_id) if node else f"{node_id} (not a node)"


def _methods(plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    blocks: list[Block] = []
    chosen_for: dict[str, list[str]] = {}
    suggested_for: dict[str, list[str]] = {}
    reasons: dict[str, list[str]] = {}
    for node_plan in plan.nodes:
        for use in node_plan.methods:
            (chosen_for if use.chosen else suggested_for).setdefault(use.id, []).append(node_plan.label)
            if not use.chosen:
                # The part after the node's description is the method's own reason, the same for every node.
                reasons.setdefault(use.id, []).append(use.reason.split(": ", 1)[-1])
    used = set(chosen_for) | set(suggested_for)
    for method_id in sorted(used, key=lambda m: (_FAMILY_ORDER.get(catalogue.methods[m].family, 9), m)):
        method = catalogue.methods[method_id]
        status = ("chosen in the model" if method_id not in suggested_for else
                  "suggested by toc" if method_id not in chosen_for else "chosen, and suggested for more nodes")
        blocks.append(Heading(3, f"{method.name or method_id} ({status})"))
        if method.description:
            blocks.append(Paragraph(method.description))
        details = [f"Family: {method.family} evaluation" if method.family != "monitoring" else "Family: monitoring"]
        if method.strength:
            details.append(f"Causal strength: {method.strength}"
                           + (f" ({SCALE}, level {method.sms})" if method.sms else ""))
        if method.cost or method.duration:
            details.append(f"Cost and time: {method.cost or '?'} cost, {method.duration or 'duration not given'}")
        if method.respondents:
            details.append("Respondents: " + ", ".join(method.respondents))
        if method.data:
            details.append("Data needed: " + ", ".join(method.data))
        if method_id in chosen_for:
            details.append("Chosen for: " + "; ".join(chosen_for[method_id]))
        if method_id in suggested_for:
            details.append("Suggested for: " + "; ".join(suggested_for[method_id]))
        if method.limitations:
            details.append(f"Limitations: {method.limitations}")
        blocks.append(Bullets(tuple(details)))
        if method_id in reasons:
            why = sorted(set(reasons[method_id]))
            blocks.append(Paragraph("Why toc suggests it: " + " ".join(f"{r[0].upper()}{r[1:]}." for r in why)))
    return blocks or [Paragraph("No methods: the model has no activities, outputs or outcomes in scope.")]


_ETHICS_WORDS = {"children": "involves children", "sensitive": "sensitive topics",
                 "personal-data": "processes personal data"}
_FAMILY_ORDER = {"monitoring": 0, "process": 1, "impact": 2, "economic": 3}


def matrix_rows(plan: EvaluationPlan) -> list[tuple[str, ...]]:
    """The document's matrix: the plan's rows grouped by question and node, methods side by side."""
    plans = {node_plan.id: node_plan for node_plan in plan.nodes}
    grouped: dict[tuple[str, str], list] = {}
    for row in plan.matrix:
        grouped.setdefault((row.question, row.node), []).append(row)
    cells = []
    for rows in grouped.values():
        first = rows[0]
        question = first.question if first.question == NOT_IN_A_QUESTION else f"{first.question}: {first.question_text}"
        methods = "; ".join(f"{row.method} ({row.method_source})" for row in rows)
        reasons = "; ".join(dict.fromkeys(row.reason for row in rows if row.method_source == "suggested"))
        node_plan = plans.get(first.node)
        claim = _claim(node_plan) if node_plan is not None else f"{first.node_label} [{first.node}]"
        cells.append((question, claim, first.indicators or "none", first.measures,
                      methods, reasons or "chosen in the model", first.data_sources, first.timing,
                      first.responsibility))
    return cells


def _data(plan: EvaluationPlan) -> list[Block]:
    if not plan.data_needs:
        return [Paragraph("Every indicator's data is already collected by the programme.")]
    partner = [n for n in plan.data_needs if n.availability == "partner"]
    missing = [n for n in plan.data_needs if n.availability != "partner"]
    blocks: list[Block] = []
    if partner:
        blocks += [Paragraph("Held by partners: a data-sharing agreement (and a lawful basis for sharing) is "
                             "needed with each holder before the evaluation starts."),
                   Table(("Node", "Indicator", "What", "Source", "Held by"),
                         tuple((n.node, n.indicator, n.measure, n.source, n.holder) for n in partner))]
    if missing:
        blocks += [Paragraph("Not collected yet (or availability not stated): collection must be set up, "
                             "with a baseline, before delivery starts."),
                   Table(("Node", "Indicator", "What", "Source", "Who would collect it", "Availability"),
                         tuple((n.node, n.indicator, n.measure, n.source, n.holder, n.availability)
                               for n in missing))]
    return blocks


def _ethics(plan: EvaluationPlan) -> list[Block]:
    ethics = plan.ethics
    items = ["Follow the Government Social Research ethical principles: public benefit, sound methods, "
             "data protection, informed consent, enabling participation and minimising harm."]
    if ethics.personal_data:
        items.append("Personal data will be processed: complete a Data Protection Impact Assessment (DPIA) "
                     "and agree the lawful basis, retention and who is controller before data collection.")
    items.append("Informed consent from every adult taking part, with a clear right to withdraw.")
    if ethics.children:
        items.append("Children take part: parental consent and the child's own assent, age-appropriate "
                     "information, and researchers with enhanced DBS checks.")
    if ethics.sensitive:
        items.append("Sensitive topics (relationships, conflict, mental health): screen for domestic abuse, "
                     "offer support contacts, and agree what happens when a risk is disclosed.")
    blocks: list[Block] = [Bullets(tuple(items))]
    if ethics.safeguarding:
        blocks += [Paragraph("Safeguarding routes needed by the measures chosen:"),
                   Bullets(tuple(f"{name}: {route}" for name, route in ethics.safeguarding))]
    if ethics.licences:
        blocks += [Paragraph("Licences and permissions for the measures chosen:"),
                   Bullets(tuple(f"{name}: {note}" for name, note in ethics.licences))]
    if ethics.flagged_methods:
        blocks += [Paragraph("Methods with ethical implications:"),
                   Bullets(tuple(f"{name}: {', '.join(_ETHICS_WORDS[f] for f in flags)}"
                                 for name, flags in ethics.flagged_methods))]
    return blocks


def _proportionality(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    evaluation = model.evaluation
    budget = evaluation.budget if evaluation else None
    costly = sorted({catalogue.methods[m].name or m for m in plan.methods_used
                     if catalogue.methods[m].cost == "high"})
    text = f"Budget: {budget}." if budget else "Budget: not yet stated in the model."
    text += (" Choose the least costly design that answers each question well enough for the decision it "
             "informs.")
    blocks: list[Block] = [Paragraph(text)]
    if costly:
        blocks.append(Paragraph("High-cost methods in this plan, to confirm against the budget: "
                                + ", ".join(costly) + ". A small local offer does not need a trial or a "
                                "matched comparison; a regional or multi-year programme may."))
    return blocks


def _deliverables(model: Model) -> list[Block]:
    evaluation = model.evaluation
    deliverables = evaluation.deliverables if evaluation and evaluation.deliverables else (
        "Inception report (design, tools, data-sharing and ethics arrangements)",
        "Data collection tools", "Interim report", "Final report with findings against each question")
    blocks: list[Block] = [Paragraph(f"Timeline: {_or(evaluation and evaluation.timeline)}")]
    if not (evaluation and evaluation.deliverables):
        blocks.append(Paragraph("Suggested deliverables (the model lists none):", emphasis=True))
    blocks.append(Bullets(tuple(deliverables)))
    timed = [q for q in (evaluation.questions if evaluation else []) if q.timing]
    if timed:
        blocks += [Paragraph("Milestones from the questions:"),
                   Bullets(tuple(f"{q.id}: {q.timing}" for q in timed))]
    return blocks


def _assumptions(model: Model) -> list[Block]:
    blocks: list[Block] = []
    if model.assumptions:
        resting: dict[str, int] = {}
        for link in model.links():
            for reference in link.assumptions:
                resting[reference.id] = resting.get(reference.id, 0) + 1
        blocks += [Heading(3, "Assumptions to test"),
                   Table(("Assumption", "Evidence", "Criticality", "Links resting on it"),
                         tuple((a.text or a.id, a.evidence.value if a.evidence else "not stated",
                                a.criticality.value if a.criticality else "not stated", str(resting.get(a.id, 0)))
                               for a in model.assumptions.values()))]
    weak = [link for link in model.links()
            if link.target in model.nodes and model.nodes[link.target].is_outcome_or_impact
            and (link.evidence is None or link.evidence.value in ("none", "weak")) and link.assumption]
    if weak:
        blocks += [Paragraph("Links into outcomes whose rationale has weak or no stated evidence:"),
                   Bullets(tuple(f"{_label(model, link.source)} -> {_label(model, link.target)}: {link.assumption}"
                                 for link in weak))]
    return blocks


def _roles(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    evaluation = model.evaluation
    owners = sorted({q.owner for q in (evaluation.questions if evaluation else []) if q.owner})
    roles = [f"Evaluation lead: {_or(evaluation and evaluation.lead)}",
             f"Senior responsible owner: {model.owner or 'to be named (the model has no owner)'}",
             "Steering group: to be named; it agrees the inception report and receives interim and final reports."]
    if owners:
        roles.append("Responsible for questions: " + "; ".join(owners))
    families = {catalogue.methods[m].family for m in plan.methods_used}
    quasi = any((catalogue.methods[m].sms or 0) >= 3 for m in plan.methods_used)
    theory = any(catalogue.methods[m].family == "impact" and catalogue.methods[m].sms is None
                 for m in plan.methods_used)
    skills = []
    if families & {"process"} or theory:
        skills.append("Qualitative research: interviews, focus groups and analysis of what people say")
    if theory:
        skills.append("Theory-based evaluation (contribution analysis, realist or process tracing)")
    if quasi:
        skills.append("Quantitative impact evaluation with comparison groups and administrative data")
    if "economic" in families:
        skills.append("Economic evaluation: unit costs and cost-effectiveness")
    if plan.ethics.children:
        skills.append("Research with children, with safeguarding training and enhanced DBS checks")
    if plan.ethics.sensitive:
        skills.append("Research on sensitive topics, including domestic abuse screening")
    blocks: list[Block] = [Bullets(tuple(roles))]
    if skills:
        blocks += [Paragraph("Evaluator skills the methods call for:"), Bullets(tuple(skills))]
    return blocks


def _open_issues(model: Model, plan: EvaluationPlan, findings: list[Finding]) -> list[Block]:
    blocks: list[Block] = []
    labels = {node_plan.id: node_plan.label for node_plan in plan.nodes}
    unmeasured = [p for p in plan.nodes if model.nodes[p.id].is_outcome_or_impact and not p.indicators]
    if unmeasured:
        blocks += [Paragraph("Outcomes with no indicator (how will the change be known?):"),
                   Bullets(tuple(f"{p.label} [{p.id}]" for p in unmeasured))]
    if plan.uncovered:
        blocks += [Paragraph("Outcomes no method covers:"),
                   Bullets(tuple(f"{labels[n]} [{n}]" for n in plan.uncovered))]
    if plan.unchosen:
        blocks += [Paragraph("Outcomes with suggested methods only (the commissioner has not chosen one):"),
                   Bullets(tuple(f"{labels[n]} [{n}]" for n in plan.unchosen))]
    if plan.not_ready_reasons:
        blocks += [Paragraph("Not ready to send: " + "; ".join(plan.not_ready_reasons) + ".")]
    if plan.weak_claims:
        blocks += [Paragraph("Impact questions resting only on designs that show change, not its cause:"),
                   Bullets(tuple(f"{labels[c.node]} [{c.node}], question{'s' if len(c.questions) > 1 else ''} "
                                 f"{', '.join(c.questions)}: "
                                 f"{', '.join(c.methods)}" for c in plan.weak_claims))]
    serious = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    if serious:
        blocks += [Paragraph("`toc check` findings at warning and above:"),
                   Table(("Where", "Code", "Severity", "Finding"),
                         tuple((_where(f, model), f.code, f.severity.value,
                                f.message) for f in serious))]
    return blocks or [Paragraph("None: every outcome is measured and has a chosen method, and `toc check` "
                                "reports no warnings.")]


def _where(finding: Finding, model: Model) -> str:
    place = f"line {finding.location.line}, column {finding.location.column}"
    return place if finding.location.path == model.path else f"{finding.location.path}, {place}"
