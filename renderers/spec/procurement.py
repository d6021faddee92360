"""The procurement annex a council tender carries: instructions to bidders, award criteria with
their weighting, a pricing schedule and contract terms (`toc spec --procurement`).

Everything a council decides for itself (dates, weights, contract form) is a placeholder or a
suggestion marked as one; the pricing schedule lists the deliverables and the methods of the
proposed design, with the indicative ranges beside the column bidders fill in.
"""

from __future__ import annotations

from toc.evaluation.catalogue import Catalogue
from toc.evaluation.costing import price_plan
from toc.evaluation.plan import EvaluationPlan
from toc.model import Model
from toc.renderers.spec.blocks import Block, Bullets, Heading, Paragraph, Table, to_complete

# A common split for research contracts, to confirm against the council's contract procedure rules.
SUGGESTED_WEIGHTS = (
    ("Understanding of the programme and of the questions", "15%"),
    ("Design and methods, including what each design lets you claim", "30%"),
    ("Team: skills, experience and capacity", "15%"),
    ("Ethics, safeguarding and data protection", "10%"),
    ("Social value", "10%"),
    ("Price", "20%"),
)
BIDDER = "[Bidder to complete]"


def procurement_annex(model: Model, plan: EvaluationPlan, catalogue: Catalogue) -> list[Block]:
    evaluation = model.evaluation
    pricing = price_plan(plan, catalogue, evaluation.budget if evaluation else None)
    deliverables = evaluation.deliverables if evaluation and evaluation.deliverables else (
        "Inception report", "Data collection tools", "Interim report", "Final report")
    schedule = [(text, "", BIDDER) for text in deliverables]
    schedule += [(m.name, f"£{m.low:,} to £{m.high:,}" if m.band else "", BIDDER) for m in pricing.methods]
    schedule += [("Project management and steering group meetings", "", BIDDER), ("Total, excluding VAT", "", BIDDER)]
    return [
        Heading(3, "Instructions to bidders"),
        Bullets((
            "Deadline for bids: " + to_complete("date and time"),
            "Clarification questions to " + to_complete("contact") + " by " + to_complete("date")
            + "; answers are shared with every bidder.",
            "Procurement route: " + to_complete("the route under the council's contract procedure rules"),
            "A bid sets out: understanding of the programme; the design and methods for each question and what "
            "each lets you claim; sampling and power; the team and their time; the timetable; ethics, "
            "safeguarding and data protection arrangements; risks; social value; and the completed pricing "
            "schedule.",
            "Length: " + to_complete("page limit") + ". Format: " + to_complete("e.g. PDF by email or the e-tendering portal"),
            "Interviews with shortlisted bidders: " + to_complete("date, or none"),
        )),
        Heading(3, "Award criteria and weighting"),
        Paragraph("Suggested weights, to confirm before issue: " + to_complete("the council's weighting"),
                  emphasis=True),
        Table(("Criterion", "Weight"), SUGGESTED_WEIGHTS),
        Heading(3, "Pricing schedule"),
        Paragraph("Bidders price each line, excluding VAT. The indicative ranges come from the method catalogue's "
                  "cost bands and are for the commissioner's information only."),
        Table(("Item", "Indicative range", "Bidder's price"), tuple(schedule)),
        Heading(3, "Contract terms"),
        Bullets((
            "Form of contract: " + to_complete("the council's standard terms for services"),
            "Payment: in stages against the deliverables, " + to_complete("the share paid at each"),
            "Intellectual property and publication: the council may publish the reports and tools; "
            + to_complete("the licence terms"),
            "Data protection: a data processing schedule naming the controller and processor, security and "
            "deletion at the end of the contract.",
            "Safeguarding: the evaluator follows the local safeguarding partnership's procedures.",
            "Insurance, termination and variation: " + to_complete("the council's requirements"),
        )),
    ]
