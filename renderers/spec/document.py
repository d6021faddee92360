"""What a commissioner's evaluation specification says, as a list of blocks.

Pure: the same model, plan and findings give the same blocks, which the
Markdown, HTML and DOCX layouts render. The sections follow what a UK terms of
reference for an evaluation contains (see docs/spec.md): a cover with the
readiness banner, background, purpose, scope, the theory of change, questions,
design, methods, sampling, the matrix, data, analysis, economic evaluation,
ethics, governance, deliverables and timeline, budget, skills, risks,
dissemination, an annex of open issues and, when asked, a procurement annex.
What the model cannot say is a placeholder: "[To complete: ...]".
"""

from __future__ import annotations

import os

from toc.evaluation.catalogue import Catalogue
from toc.evaluation.plan import EvaluationPlan
from toc.findings import Finding, Severity
from toc.model import Model, NodeType, Stage, levels_and_populations
from toc.renderers.outline import render_outline
from toc.renderers.spec import delivery_sections as delivery
from toc.renderers.spec.blocks import (Banner, Block, Bullets, Contents, Diagram, Facts, Heading, Paragraph, Table,
                                       to_complete)
from toc.renderers.spec.figures import diagram_key
from toc.renderers.spec.design_sections import (MATRIX_COLUMNS, claim_text, data_section, designs_section,
                                                evaluability_section, matrix_rows, methods_section,
                                                sampling_section)

__all__ = ["build_specification", "matrix_rows", "MATRIX_COLUMNS"]


def build_specification(model: Model, plan: EvaluationPlan, catalogue: Catalogue, findings: list[Finding],
                        procurement: bool = False) -> list[Block]:
    """The whole specification; ``procurement`` adds the tender annex (instructions to bidders, award
    criteria, pricing schedule, contract terms)."""
    sections: list[tuple[str, list[Block]]] = [
        ("Background and rationale", _background(model)),
        ("Purpose and intended users", _purpose(model)),
        ("Scope", _scope(model, plan)),
        ("The theory of change", _theory(model)),
        ("Evaluation questions", _questions(model, plan, catalogue)),
        ("Evaluability", evaluability_section(plan)),
        ("Design: what each claim can rest on", designs_section(plan)),
        ("Approach and methods", methods_section(plan, catalogue)),
        ("Sampling, sample size and power", sampling_section(model, plan, catalogue)),
        ("Evaluation matrix", [
            Paragraph("The evaluation matrix is in Annex B: one row per question and node, with its indicators, "
                      "measures, methods, data sources, timing and who is responsible. \"Suggested\" methods were "
                      "proposed by toc where the model names none. The matrix spreadsheet has one row per "
                      "question, node and method, with each method's limitations.")]),
        ("Data sources and data sharing", data_section(plan)),
        ("Analysis plan", delivery.analysis_section(model, plan, catalogue)),
        ("Economic evaluation", delivery.economic_section(model, plan, catalogue)),
        ("Ethics, safeguarding and information governance", delivery.ethics_section(model, plan, catalogue)),
        ("Governance and roles", delivery.governance_section(model)),
        ("Deliverables and timeline", delivery.timeline_section(model)),
        ("Budget and proportionality", delivery.budget_section(model, plan, catalogue)),
        ("Evaluator skills", delivery.skills_section(plan, catalogue)),
        ("Risks and mitigations", delivery.risks_section(model, plan)),
        ("Dissemination, publication and quality assurance", delivery.dissemination_section(model)),
    ]
    annexes = [
        ("Annex A. Open issues", _open_issues(model, plan, findings)),
        ("Annex B. Evaluation matrix",
         [_without_empty_columns(Table(MATRIX_COLUMNS, tuple(matrix_rows(plan)), wide=True))]),
        ("Annex C. The theory of change diagram", [
            Paragraph("Each box is a claim, each arrow an assumption to test; the key below explains the shapes "
                      "and lines."),
            Diagram(_outline(model), f"Theory of change diagram of {model.display_name}: "
                    f"{len(model.nodes)} boxes from needs to impact, in columns by stage",
                    _outline(model, markdown=False)),
            Heading(3, "Key"),
            Table(("Box or line", "Means"), diagram_key())]),
    ]
    if procurement:
        from toc.renderers.spec.procurement import procurement_annex

        annexes.append(("Annex D. Procurement", procurement_annex(model, plan, catalogue)))
    headings = [f"{number}. {title}" for number, (title, _) in enumerate(sections, start=1)]
    headings += [title for title, _ in annexes]

    blocks: list[Block] = []
    if not plan.ready:
        blocks.append(Banner("Not ready to send", tuple(plan.not_ready_reasons)))
    blocks.append(Heading(1, f"Evaluation specification: {model.display_name}"))
    blocks.append(Facts((
        ("Area", model.area or to_complete("area")),
        ("Commissioned by", model.owner or to_complete("commissioning body")),
        ("Version", model.version or to_complete("version")),
        ("Period of the theory of change", model.horizon or to_complete("period")),
        ("Date of issue", to_complete("date of issue")),
        ("Contact", to_complete("name and email of the contact for questions")),
    )))
    blocks.append(Paragraph(
        "Drafted by toc from the theory of change. Text in square brackets that begins \"To complete\" is for "
        "the commissioner to fill in before sending; methods marked as suggested are for the commissioner to "
        "confirm.", emphasis=True))
    blocks.append(Contents(tuple(headings)))
    for heading, (_, section) in zip(headings, [*sections, *annexes]):
        blocks.append(Heading(2, heading))
        blocks += section
    return blocks


def _without_empty_columns(table: Table) -> Table:
    """The table without the columns no row fills (a matrix with no measures named has no Measures)."""
    keep = [i for i in range(len(table.headers)) if any(row[i].strip() for row in table.rows)] or \
        list(range(len(table.headers)))
    return Table(tuple(table.headers[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in table.rows),
                 wide=table.wide)


def _background(model: Model) -> list[Block]:
    blocks: list[Block] = [Paragraph(model.description or to_complete("the background: the programme, why it "
                                                                     "exists and what is known so far"))]
    needs = [node for node in model.nodes.values() if node.type is NodeType.NEED]
    if needs:
        blocks += [Paragraph("The needs the programme responds to:"),
                   Bullets(tuple(_with_description(node) for node in needs))]
    return blocks


def _purpose(model: Model) -> list[Block]:
    evaluation = model.evaluation
    return [Bullets((
        "Purpose and the decisions it will inform: " + ((evaluation and evaluation.purpose) or to_complete(
            "why the evaluation is done and the decisions it will inform")),
        "Intended users: " + ((evaluation and evaluation.users) or to_complete(
            "who will use the findings, e.g. commissioners and the partnership board")),
        "Evaluation lead: " + ((evaluation and evaluation.lead) or to_complete(
            "who leads the evaluation, e.g. an independent evaluator commissioned for it"))))]


def _scope(model: Model, plan: EvaluationPlan) -> list[Block]:
    counts: dict[str, int] = {}
    for node_plan in plan.nodes:
        counts[node_plan.kind] = counts.get(node_plan.kind, 0) + 1
    lines = [f"{count} {_plural(kind, count)}" for kind, count in counts.items()]
    items = [("In scope: the activities, outputs, outcomes and impacts of the theory of change ("
              + ", ".join(lines) + ")." if lines else "In scope: " + to_complete("what the evaluation covers"))]
    items.append(f"Populations: {_populations(model)}")
    areas = sorted({node.area for node in model.nodes.values() if node.area and node.area != model.area})
    geography = model.area or to_complete("the area covered")
    if areas:
        geography += " (some services only in " + ", ".join(areas) + ")"
    items.append(f"Geography: {geography}")
    evaluation = model.evaluation
    period = "; ".join(filter(None, (model.horizon and f"the theory of change covers {model.horizon}",
                                     evaluation and evaluation.timeline and f"evaluation: {evaluation.timeline}")))
    items.append(f"Period: {period or to_complete('the period the evaluation covers')}")
    unreached = sorted(p.label for p in plan.nodes if not p.methods and model.nodes[p.id].type is not NodeType.NEED
                       and not model.nodes[p.id].is_outcome_or_impact)
    exclusions = ["needs and inputs are the context the evaluation describes, not claims it tests"]
    if unreached:
        exclusions.append("no method is proposed for " + "; ".join(unreached))
    items.append("Exclusions: " + "; ".join(exclusions) + "; " + to_complete("anything else out of scope"))
    return [Bullets(tuple(items))]


def _populations(model: Model) -> str:
    """The groups of families the services are for (their pathway populations), else a placeholder."""
    _, populations = levels_and_populations(model)
    labels = {entry.id: entry.label for entry in populations}
    named = dict.fromkeys(labels.get(ref.id, ref.id) for node in model.nodes.values() if node.is_service
                          for ref in node.populations)
    if named:
        return "families the services are for: " + "; ".join(named)
    return to_complete("who the programme serves (e.g. parents in conflict below the domestic abuse threshold, "
                       "and their children), by age and circumstance")


def _theory(model: Model) -> list[Block]:
    stages: dict[str, list[str]] = {stage.column_title: [] for stage in Stage}  # in causal order
    for node in model.nodes.values():
        if node.stage is not None:
            stages[node.stage.column_title].append(node.label or node.id)
    stages = {stage: labels for stage, labels in stages.items() if labels}
    return [Paragraph("The evaluation tests this theory of change: each box is a claim, each arrow an assumption "
                      "to test. The diagram is in Annex C; its boxes, by stage:"),
            Bullets(tuple(f"{stage}: " + "; ".join(labels) for stage, labels in stages.items())),
            *_assumptions(model)]


def _questions(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    questions = model.evaluation.questions if model.evaluation else []
    if not questions:
        return [Paragraph("The model asks no evaluation questions yet, so this specification cannot say what the "
                          "evaluation is for. " + to_complete("the evaluation questions: process (how was it "
                                                              "delivered?), impact (what difference did it "
                                                              "make?) and economic (was it worth it?)")),
                Paragraph("Every node in scope still has methods below, as a starting point.", emphasis=True)]
    blocks: list[Block] = [Paragraph("Each question, what it is about, the methods that answer it, and what its "
                                     "design lets the evaluation claim.")]
    for question, question_plan in zip(questions, plan.questions):
        blocks += [Heading(3, f"{question.id or '(no id)'} ({question.kind or 'kind not given'}): "
                              f"{question.text or to_complete('the question')}"),
                   Bullets((
                       "About: " + (_about(model, question) or "nothing named"),
                       "Methods: " + _method_names(question.methods, catalogue),
                       "What you may claim: " + claim_text(question_plan.design),
                       "Owner: " + (question.owner or to_complete("owner")),
                       "Timing: " + (question.timing or to_complete("timing"))))]
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

def _with_description(node) -> str:
    return f"{node.label or node.id}: {node.description}" if node.description else (node.label or node.id)

def _method_names(references, catalogue: Catalogue) -> str:
    names = [(catalogue.methods[r.id].name or r.id) if r.id in catalogue.methods else f"{r.id} (not in the catalogue)"
             for r in references]
    return "; ".join(names) or "none chosen"

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

def _where(finding: Finding, model: Model) -> str:
    place = f"line {finding.location.line}, column {finding.location.column}"
    # Another file (a catalogue) by its name only: a specification carries no file-system paths.
    return place if finding.location.path == model.path else f"{os.path.basename(finding.location.path)}, {place}"


def _open_issues(model: Model, plan: EvaluationPlan, findings: list[Finding]) -> list[Block]:
    blocks: list[Block] = []
    labels = {node_plan.id: node_plan.label for node_plan in plan.nodes}
    if plan.not_ready_reasons:
        blocks += [Paragraph("Not ready to send, because:"), Bullets(tuple(plan.not_ready_reasons))]
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
    if plan.weak_claims:
        blocks += [Paragraph("Impact questions resting only on designs that show change, not its cause:"),
                   Bullets(tuple(f"{labels[c.node]} [{c.node}], question{'s' if len(c.questions) > 1 else ''} "
                                 f"{', '.join(c.questions)}: "
                                 f"{', '.join(c.methods)}" for c in plan.weak_claims))]
    serious = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    if serious:
        blocks += [Paragraph("Findings of toc check at warning and above:"),
                   Table(("Where", "Code", "Severity", "Finding"),
                         tuple((_where(f, model), f.code, f.severity.value,
                                f.message) for f in serious))]
    return blocks or [Paragraph("None: every outcome is measured and has a chosen method, and toc check reports "
                                "no warnings.")]
