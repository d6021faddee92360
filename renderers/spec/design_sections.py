"""The sections of a specification about design: evaluability, what each design lets you claim,
methods, sampling and power, the evaluation matrix, and data.

Pure functions from the plan (and catalogue) to blocks; document.py puts them in order.
"""

from __future__ import annotations

from toc.evaluation.catalogue import Catalogue
from toc.evaluation.design import SCALE
from toc.evaluation.evaluability import Evaluability
from toc.evaluation.plan import NOT_IN_A_QUESTION, EvaluationPlan
from toc.evaluation.power import PowerSettings, nearest_output_count
from toc.evaluation.reading import subject
from toc.model import Model
from toc.renderers.spec.blocks import Block, Bullets, Heading, Paragraph, Table, to_complete

MATRIX_COLUMNS = ("Question", "Node", "Indicators", "Measures", "Method", "Why this method", "Data sources",
                  "Timing", "Responsibility")

def claim_text(design) -> str:
    """What a design lets you claim, with its caveat inline for an impact claim below SMS 3, and
    every further caveat (a change its numbers cannot show) beside it: a question's row must not
    read stronger than its design."""
    if design.weak:
        text, further = design.caveat, design.caveats[1:]
    else:
        level = f"{design.level_text}: " if design.sms is not None else ""
        text, further = f"{level}{design.may_claim}", design.caveats
    return f"{text.rstrip('.')}. {' '.join(further)}" if further else text

def claim(node_plan) -> str:
    """A node named as a claim: its label and id, and the caveat its design needs."""
    design = node_plan.design
    text = f"{node_plan.label} [{node_plan.id}]"
    return f"{text}. {design.caveat}" if design is not None and design.weak else text

def evaluability_section(plan: EvaluationPlan) -> list[Block]:
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

def designs_section(plan: EvaluationPlan) -> list[Block]:
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
    rows = tuple((claim(p), "; ".join(use.name for use in p.methods) or "none",
                  p.design.level_text,
                  p.design.may_claim if p.design.impact_claim else f"not claimed as impact: {p.design.may_claim}",
                  " ".join(p.design.caveats[1:] if p.design.weak else p.design.caveats) or "none")
                 for p in claims)
    blocks.append(Table(("Claim", "Methods", "Strongest design", "What you may claim", "Further caveats"), rows))
    return blocks

def sampling_section(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    """Who is asked or counted for each question, how many the model says there are, how they are
    chosen, and whether the numbers can show the changes claimed."""
    blocks: list[Block] = []
    questions = model.evaluation.questions if model.evaluation else []
    plans = {p.id: p for p in plan.nodes}
    rows = []
    for question, question_plan in zip(questions, plan.questions):
        methods = [catalogue.methods[m] for m in question_plan.design.methods if m in catalogue.methods]
        who = _who(model, question_plan.nodes, methods)
        rows.append((question.id or "", "; ".join(who), _how_many(model, question_plan.nodes, plans),
                     _sampling_approach(question.kind, methods)))
    if rows:
        blocks += [Paragraph("Who each question asks or counts, how many people the model expects, and how they "
                             "are chosen. The evaluator confirms the numbers and the sampling in the inception "
                             "report."),
                   Table(("Question", "Who is asked or counted", "How many (from the model)", "Sampling"),
                         tuple(rows))]
    return blocks + power_section(plan)


def _who(model: Model, node_ids, methods) -> list[str]:
    """The people the question's changes are about (read from its nodes), else those its methods ask."""
    about = [_PEOPLE.get(who, who) for who in dict.fromkeys(subject(model.nodes[n]) for n in node_ids) if who]
    records = ["service records"] if any(m.family == "monitoring" for m in methods) else []
    costs = ["finance and service managers (costs)"] if any(m.family == "economic" for m in methods) else []
    found = list(dict.fromkeys(about + records + costs))
    if not found:
        found = sorted({r for method in methods for r in method.respondents})
    return found or [to_complete("who is asked or counted")]


_PEOPLE = {"organisations": "services and partner organisations", "young-people": "young people"}


def _how_many(model: Model, node_ids, plans) -> str:
    verdicts = [v for node_id in node_ids for v in plans[node_id].power if v.n is not None] if plans else []
    if verdicts:
        # The people expected at the latest follow-up, per indicator (fewest first: the binding number).
        fewest = min(verdicts, key=lambda v: v.n)
        return f"about {fewest.n:,} to measure at the latest follow-up ({fewest.indicator}; see the power table)"
    for node_id in node_ids:
        count = nearest_output_count(model, node_id)
        if count is not None:
            node, indicator, target = count
            return f"a target of {target:,} ({indicator.id} of {node.label or node.id})"
    for node_id in node_ids:
        node = model.nodes.get(node_id)
        for indicator in (node.indicators if node else ()):
            if isinstance(indicator.target, int) and indicator.unit and "%" not in indicator.unit:
                return f"a target of {indicator.target:,} {indicator.unit} ({indicator.id})"
    return to_complete("how many people, or all of them")


def _sampling_approach(kind: str | None, methods) -> str:
    families = {m.family for m in methods}
    parts = []
    if any(m.sms is not None for m in methods):
        parts.append("everyone starting in the evaluation period invited (a census, not a sample); response "
                     "reported at each wave, with who was lost")
    if any(m.family == "impact" and m.sms is None for m in methods):
        parts.append("cases chosen purposively to test the contribution story, including where it may fail: "
                     + to_complete("number of cases"))
    if families & {"process"}:
        parts.append("purposive: every area and provider, and people who dropped out as well as completers: "
                     + to_complete("number of interviews and focus groups"))
    if "monitoring" in families:
        parts.append("all records for the period (no sampling)")
    if "economic" in families:
        parts.append("cost data for every activity costed: " + to_complete("the providers or areas costed"))
    return "; ".join(parts) or to_complete(f"how people are chosen for this {kind or ''} question".replace("  ", " "))


def power_section(plan: EvaluationPlan) -> list[Block]:
    settings = PowerSettings()
    verdicts = [v for p in plan.nodes for v in p.power]
    blocks: list[Block] = [Heading(3, "Can the change be detected?"), Paragraph(
        "For each outcome indicator measured as a share or a score: the people needed in each of two equal "
        "groups (the people reached and a comparison group) to detect the target change at 5% two-sided with "
        "80% power, the people available after loss at follow-up, and the smallest change that number could "
        "show. Two proportions: n = (z + z)^2 (p1(1-p1) + p2(1-p2)) / (p1-p2)^2; two means: "
        "n = 2 (z + z)^2 sd^2 / delta^2. Clustered delivery (groups, practitioners' caseloads) needs more: "
        "multiply by 1 + (m-1) ICC. A sample size, and a standard deviation for a score, given on an "
        "indicator in the model replace the defaults."),
        Paragraph(f"Expected response at follow-up: {settings.response_source}. Replace these with your "
                  "service's own figures when known.", emphasis=True)]
    if not verdicts:
        return blocks + [Paragraph("No outcome indicator is measured as a share or a score yet, so nothing can "
                                   "be said about power.")]
    rows = tuple((f"{v.indicator} ({v.node})", v.verdict,
                  f"{v.needed:,}" if v.needed is not None else "?",
                  f"{v.n:,}" if v.n is not None else "?",
                  (f"{v.mde:g} {'percentage points' if v.kind == 'proportion' else 'points'}"
                   if v.mde is not None else "?"),
                  # The first assumption is the test (5% two-sided, 80% power, two equal arms): said above.
                  "; ".join(v.assumptions[1:] + tuple(f"missing: {m}" for m in v.missing)))
                 for v in verdicts)
    blocks.append(Table(("Indicator (node)", "Verdict", "Needed per group", "Available", "Smallest detectable "
                         "change", "Assumptions"), rows))
    return blocks


def methods_section(plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
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
        question = first.question  # its id: section 5 gives the text, and a wide matrix keeps its columns readable
        methods = "; ".join(f"{row.method} ({row.method_source})" for row in rows)
        reasons = "; ".join(dict.fromkeys(row.reason for row in rows if row.method_source == "suggested"))
        node_plan = plans.get(first.node)
        claimed = claim(node_plan) if node_plan is not None else f"{first.node_label} [{first.node}]"
        cells.append((question, claimed, first.indicators or "none", first.measures,
                      methods, reasons or "chosen in the model", first.data_sources, first.timing,
                      first.responsibility))
    return cells

def data_section(plan: EvaluationPlan) -> list[Block]:
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
