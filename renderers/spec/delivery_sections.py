"""The sections of a specification about doing the evaluation: analysis, economic evaluation, ethics
and information governance, governance, deliverables and timeline, budget, skills, risks, and
dissemination.

Pure functions from the model and plan to blocks. Each says what the model supports and no more:
cost-benefit analysis only on an impact estimate from a design at SMS 3 or above, and a
placeholder ("[To complete: ...]") wherever the model is silent.
"""

from __future__ import annotations

from toc.evaluation.catalogue import Catalogue
from toc.evaluation.costing import BANDS_SOURCE, price_plan
from toc.evaluation.design import ATTRIBUTION_LEVEL, SCALE_SHORT
from toc.evaluation.governance import data_protection
from toc.evaluation.plan import EvaluationPlan
from toc.evaluation.timeline import RECRUIT_AND_DELIVER_MONTHS, REPORTING_MONTHS, timeline_of
from toc.model import Model, NodeType
from toc.renderers.spec.blocks import Block, Bullets, Heading, Paragraph, Table, to_complete

_ETHICS_WORDS = {"children": "involves children", "sensitive": "sensitive topics",
                 "personal-data": "processes personal data"}
_VALUE_METHODS = ("cost-benefit", "cost-effectiveness")


# ------------------------------------------------------------------ analysis
def analysis_section(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    questions = model.evaluation.questions if model.evaluation else []
    blocks: list[Block] = [Paragraph(
        "How each question's data will be analysed, from the methods chosen for it. The evaluator sets out the "
        "full analysis plan in the inception report, before any follow-up data arrive, and reports any change "
        "to it.")]
    rows = []
    for question, question_plan in zip(questions, plan.questions):
        methods = [catalogue.methods[m] for m in question_plan.design.methods if m in catalogue.methods]
        rows.append((question.id or "", question.kind or "", _analysis(methods, question_plan.design.sms)))
    if rows:
        blocks.append(Table(("Question", "Kind", "Analysis"), tuple(rows)))
    else:
        blocks.append(Paragraph(to_complete("the analysis for each evaluation question, once questions are set")))
    blocks.append(Bullets((
        "Missing data and attrition: report how many took part at each wave, compare those lost with those who "
        "stayed on their baseline answers, and say how the loss may bias the results.",
        "Groups: report results by area, provider and group of families where numbers allow (at least "
        + to_complete("smallest group size reported, e.g. 10") + ", so no one can be identified).",
        "Triangulation: set the numbers beside what practitioners and parents say, and report where they "
        "disagree.")))
    return blocks


def _analysis(methods, sms: int | None) -> str:
    families = {m.family for m in methods}
    parts = []
    if "monitoring" in families:
        parts.append("descriptive statistics of reach, take-up, completion and fidelity, by area and group")
    if "process" in families:
        parts.append("thematic analysis of interviews and focus groups against the theory of change's links "
                     "and assumptions, with the coding frame agreed at inception")
    if sms is not None and sms >= ATTRIBUTION_LEVEL:
        parts.append("the difference between the programme and comparison groups (e.g. difference-in-differences "
                     "or regression adjusting for baseline), with a 95% confidence interval and effect size; the "
                     "primary outcome and analysis fixed before follow-up data arrive")
    elif sms is not None:
        parts.append("change from before to after on each measure (mean change with a 95% confidence interval "
                     "and effect size) for those answering both times, reported as change, not as the "
                     "programme's effect")
    if any(m.family == "impact" and m.sms is None for m in methods):
        parts.append("contribution analysis: set out the contribution story link by link, gather evidence for "
                     "each link and assumption, weigh other explanations, and judge how strong the claim is")
    if "economic" in families:
        parts.append("unit costs per family and per practitioner trained from staff time, materials and overheads")
    return "; ".join(parts) or to_complete("the analysis")


# ------------------------------------------------------------------ economic evaluation
def economic_section(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    activities = [node.label or node.id for node in model.nodes.values() if node.type is NodeType.ACTIVITY]
    measured = [p.label for p in plan.nodes if model.nodes[p.id].is_outcome_or_impact and p.indicators]
    strong = [(p.label, p.design.sms) for p in plan.nodes if p.design is not None and p.design.impact_claim
              and p.design.sms is not None and p.design.sms >= ATTRIBUTION_LEVEL]
    blocks: list[Block] = [
        Heading(3, "Cost analysis (always)"),
        Paragraph("The full cost of delivering each activity, per family supported and per practitioner "
                  "trained: staff time, materials, venues, overheads and partners' time, including what was "
                  "paid from other budgets. Activities to cost: "
                  + ("; ".join(activities) if activities else to_complete("the activities")) + ".")]
    if measured:
        blocks += [Heading(3, "Cost-consequence analysis"),
                   Paragraph("The costs set beside each outcome measured, without combining them into one ratio, "
                             "so readers can judge value for themselves. Outcomes measured: "
                             + "; ".join(measured) + ".")]
    blocks.append(Heading(3, "Cost-effectiveness and cost-benefit analysis"))
    chosen = sorted({catalogue.methods[m].name or m for m in plan.methods_used if m in _VALUE_METHODS})
    if strong:
        blocks.append(Paragraph(
            "Possible where an impact estimate exists: "
            + "; ".join(f"{label} ({SCALE_SHORT} {sms})" for label, sms in strong)
            + ". Cost per unit of change from that estimate; a cost-benefit analysis values it with "
            + to_complete("the unit cost source, e.g. a published unit cost database") + "."))
    else:
        blocks.append(Paragraph(
            f"Not proposed: no claim rests on a design at {SCALE_SHORT} {ATTRIBUTION_LEVEL} or above, so there is "
            "no estimate of the programme's effect to value. A cost per outcome or a benefit-cost ratio here would "
            "present change that may not be the programme's doing as its benefit."))
        if chosen:
            blocks.append(Paragraph(
                f"The model names {', '.join(chosen)}: report it as a cost-consequence analysis until a design "
                f"at {SCALE_SHORT} {ATTRIBUTION_LEVEL} or above gives an impact estimate.", emphasis=True))
    return blocks


# ------------------------------------------------------------------ ethics
def ethics_section(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    ethics = plan.ethics
    protection = data_protection(model, catalogue)
    items = ["Follow the Government Social Research ethical principles: public benefit, sound methods, "
             "data protection, informed consent, enabling participation and minimising harm.",
             "Ethics review before fieldwork: " + to_complete("the route, e.g. the evaluator's research ethics "
                                                              "committee or the council's research governance"),
             "Informed consent from every adult taking part, with a clear right to withdraw."]
    if ethics.children:
        items.append("Children take part: parental consent and the child's own assent, age-appropriate "
                     "information, and researchers with enhanced DBS checks.")
    if ethics.sensitive:
        items.append("Sensitive topics (relationships, conflict, mental health): screen for domestic abuse, "
                     "offer support contacts, and agree what happens when a risk is disclosed.")
    items.append("Lived experience: parents who have used the services help shape the tools and read the "
                 "findings: " + to_complete("how, e.g. a parent advisory group paid for its time"))
    blocks: list[Block] = [Bullets(tuple(items)), Heading(3, "Information governance (UK GDPR)")]
    governance = ["A Data Protection Impact Assessment (DPIA) before any personal data is collected, with the "
                  "lawful basis and who is controller and processor agreed.",
                  "Retention: " + to_complete("how long identifiable data is kept, and when it is deleted"),
                  "Data held by partners needs a data-sharing agreement with each holder before the evaluation "
                  "starts (see Data sources and data sharing)."]
    if protection.health:
        governance.append("Data concerning health is special category data (UK GDPR Article 9): held about "
                          "people, it needs a condition under Article 9 and the Data Protection Act 2018 Schedule "
                          "1. Indicators that may involve it: "
                          + "; ".join(f"{d.indicator} ({d.why})" for d in protection.health) + ".")
    if protection.criminal:
        governance.append("Data about crimes, police incidents or offending is criminal offence data (UK GDPR "
                          "Article 10): held about people, it needs a Schedule 1 condition. Indicators that may involve it: "
                          + "; ".join(f"{d.indicator} ({d.why})" for d in protection.criminal) + ".")
    blocks.append(Bullets(tuple(governance)))
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


# ------------------------------------------------------------------ governance
def governance_section(model: Model) -> list[Block]:
    evaluation = model.evaluation
    owners = sorted({q.owner for q in (evaluation.questions if evaluation else []) if q.owner})
    roles = [f"Evaluation lead: {(evaluation and evaluation.lead) or to_complete('who leads the evaluation')}",
             f"Senior responsible owner: {model.owner or to_complete('the senior responsible owner')}",
             "Evaluation manager (the evaluator's day-to-day contact): "
             + to_complete("name and role"),
             "Steering group: " + to_complete("members, e.g. commissioners, service leads, a data lead and a "
                                              "parent representative")
             + "; it agrees the inception report, meets " + to_complete("how often")
             + " and receives the interim and final reports."]
    if owners:
        roles.append("Responsible for questions: " + "; ".join(owners))
    return [Bullets(tuple(roles))]


# ------------------------------------------------------------------ deliverables and timeline
_DUE_WORDS = (("inception", "inception"), ("tool", "inception"), ("interim", "interim"), ("final", "final"))


def timeline_section(model: Model) -> list[Block]:
    evaluation = model.evaluation
    timeline = timeline_of(model)
    listed = evaluation.deliverables if evaluation and evaluation.deliverables else (
        "Inception report (design, tools, data-sharing and ethics arrangements)",
        "Data collection tools", "Interim report", "Final report with findings against each question")
    blocks: list[Block] = [Paragraph(f"Timeline: {(evaluation and evaluation.timeline) or to_complete('start and end dates, and when each report is due')}")]
    if not (evaluation and evaluation.deliverables):
        blocks.append(Paragraph("Suggested deliverables (the model lists none):", emphasis=True))
    rows = tuple((text, _due(text, timeline.milestones)) for text in listed)
    blocks.append(Table(("Deliverable", "Due"), rows))
    timed = [q for q in (evaluation.questions if evaluation else []) if q.timing]
    if timed:
        blocks += [Paragraph("Milestones from the questions:"),
                   Bullets(tuple(f"{q.id}: {q.timing}" for q in timed))]
    fits = timeline.fits()
    if fits:
        blocks += [Heading(3, "Do the follow-ups fit before the final report?"), Paragraph(
            f"Each follow-up needs data collection to start after the inception report (month {timeline.start}), "
            f"{RECRUIT_AND_DELIVER_MONTHS} months to recruit a first cohort and deliver the intervention, the "
            f"follow-up itself, and {REPORTING_MONTHS} months to analyse and report before the final report "
            f"(month {timeline.final})."),
            Table(("Follow-up", "Months after the intervention", "Ends at the earliest", "Fits?"),
                  tuple((f.follow_up.about, str(f.follow_up.months), f"month {f.ends}",
                         "yes" if f.fits else f"no: {f.ends - f.final} months after the final report")
                        for f in fits))]
        if not all(f.fits for f in fits):
            blocks.append(Paragraph("A follow-up that does not fit yields no data for the final report: drop it "
                                    "from this contract or extend the contract.", emphasis=True))
    elif timeline.follow_ups:
        blocks.append(Paragraph("The follow-ups cannot be checked against the contract: the timeline gives the "
                                "final report no month. " + to_complete("the month of the final report")))
    return blocks


def _due(text: str, milestones: dict[str, int]) -> str:
    lowered = text.lower()
    for word, milestone in _DUE_WORDS:
        if word in lowered and milestone in milestones:
            return f"month {milestones[milestone]} of the contract"
    return to_complete("due date")


# ------------------------------------------------------------------ budget
def budget_section(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    evaluation = model.evaluation
    budget = evaluation.budget if evaluation else None
    pricing = price_plan(plan, catalogue, budget)
    blocks: list[Block] = [Paragraph(f"Budget: {budget or to_complete('the amount available, excluding VAT')}"
                                     + ("" if pricing.stated is not None or not budget
                                        else " " + to_complete("the amount, in pounds")))]
    if pricing.methods:
        rows = tuple((m.name, m.band or "not given", f"£{m.low:,} to £{m.high:,}" if m.band else "not priced")
                     for m in pricing.methods)
        blocks += [Paragraph(f"The proposed design priced from the method catalogue's cost bands ({BANDS_SOURCE}). "
                             "Each method is priced once, however many questions it answers."),
                   Table(("Method", "Cost band", "Indicative cost"),
                         rows + (("All methods", "", f"£{pricing.low:,} to £{pricing.high:,}"),
                                 ("Inception, project management and reporting", "", to_complete("estimate")))),
                   Paragraph(f"Against the budget: {pricing.verdict}.")]
    costly = sorted({catalogue.methods[m].name or m for m in plan.methods_used if catalogue.methods[m].cost == "high"})
    proportion = ("Choose the least costly design that answers each question well enough for the decision it "
                  "informs. A small local offer does not need a trial or a matched comparison; a regional or "
                  "multi-year programme may.")
    if costly:
        proportion += " High-cost methods in this plan: " + ", ".join(costly) + "."
    blocks.append(Paragraph(proportion))
    return blocks


# ------------------------------------------------------------------ skills
def skills_section(plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    families = {catalogue.methods[m].family for m in plan.methods_used}
    quasi = any((catalogue.methods[m].sms or 0) >= ATTRIBUTION_LEVEL for m in plan.methods_used)
    theory = any(catalogue.methods[m].family == "impact" and catalogue.methods[m].sms is None
                 for m in plan.methods_used)
    surveys = any(catalogue.methods[m].sms is not None for m in plan.methods_used)
    skills = ["Evaluation of family or children's services in England, with references"]
    if families & {"process"} or theory:
        skills.append("Qualitative research: interviews, focus groups and analysis of what people say")
    if theory:
        skills.append("Theory-based evaluation (contribution analysis, realist or process tracing)")
    if surveys:
        skills.append("Survey design and analysis with validated measures, including attrition")
    if quasi:
        skills.append("Quantitative impact evaluation with comparison groups and administrative data")
    if "economic" in families or families & {"monitoring"}:
        skills.append("Economic evaluation: unit costs and cost-consequence analysis")
    if plan.ethics.children:
        skills.append("Research with children, with safeguarding training and enhanced DBS checks")
    if plan.ethics.sensitive:
        skills.append("Research on sensitive topics, including domestic abuse screening")
    skills.append("Data protection: handling personal and special category data securely")
    return [Paragraph("The evaluation team should show:"), Bullets(tuple(skills))]


# ------------------------------------------------------------------ risks
def risks_section(model: Model, plan: EvaluationPlan) -> list[Block]:
    verdicts = [v for p in plan.nodes for v in p.power]
    timeline = timeline_of(model)
    rows = []
    if timeline.follow_ups or any(v.n is not None and "respond" in " ".join(v.assumptions) for v in verdicts):
        rows.append(("Attrition: few people answer the follow-ups, and those who do differ from those who do not",
                     "the model plans follow-ups; in the DWP study 878 of 2,694 completers answered at 6 months "
                     "and 374 at 12",
                     "consent and contact details for follow-up at the start; short follow-up questionnaires; "
                     "reminders and a thank-you payment; report who was lost"))
    holders = sorted({n.holder for n in plan.data_needs if n.availability == "partner" and n.holder})
    if holders:
        rows.append(("Data access: partner data arrives late or not at all",
                     "data held by " + "; ".join(holders),
                     "data-sharing agreements signed before the inception report is agreed; a named data lead at "
                     "each holder; an agreed fallback if a source is not available"))
    missing = [n for n in plan.data_needs if n.availability != "partner"]
    if missing:
        rows.append(("Data not yet collected: no baseline",
                     f"{len(missing)} indicator{'s' if len(missing) != 1 else ''} not collected yet",
                     "tools and baseline collection in place before delivery starts"))
    rows.append(("Low take-up: fewer people start or complete than planned",
                 "every number in the power and sampling tables assumes the targets are met",
                 "monitor recruitment monthly against target; agree with the steering group when to widen "
                 "recruitment or change the design"))
    if any(v.detectable is not True for v in verdicts):
        rows.append(("The change cannot be detected with the people available",
                     "power verdicts that are not detectable or cannot tell yet",
                     "confirm numbers at inception; pool areas or years; report the smallest detectable change "
                     "beside every result"))
    if plan.ethics.children or plan.ethics.sensitive:
        rows.append(("Disclosure of harm during the research", "children or sensitive topics take part",
                     "a safeguarding protocol agreed with the local safeguarding partnership before fieldwork"))
    if any(not f.fits for f in timeline.fits()):
        rows.append(("Follow-ups end after the final report", "see Deliverables and timeline",
                     "drop those follow-ups or extend the contract"))
    return [Table(("Risk", "Why it applies here", "Mitigation"), tuple(rows)),
            Paragraph("Bidders add the risks they see, with their own mitigations.", emphasis=True)]


# ------------------------------------------------------------------ dissemination and quality
def dissemination_section(model: Model) -> list[Block]:
    evaluation = model.evaluation
    users = evaluation.users if evaluation and evaluation.users else to_complete("the intended users")
    return [
        Heading(3, "Dissemination and publication"),
        Bullets((
            f"Findings presented to the steering group and to {users}, at the interim and final reports.",
            "The final report is published, whatever it finds, within " + to_complete("weeks")
            + " of sign-off, at " + to_complete("where, e.g. the council's website") + ".",
            "A short summary in plain English for families and practitioners who took part.",
            "The findings update the theory of change: links found to hold, links found weak, and what changes.",
        )),
        Heading(3, "Quality assurance"),
        Bullets((
            "The evaluator's own quality assurance, named in the bid, for every tool and report.",
            "Peer review of the inception and final reports by "
            + to_complete("a reviewer independent of the evaluator, e.g. an academic or a What Works Centre"),
            "Follows HM Treasury's Magenta Book and the Government Social Research publication and ethics "
            "guidance.",
            "Data and analysis kept so that the analysis can be repeated and checked.",
        )),
    ]
