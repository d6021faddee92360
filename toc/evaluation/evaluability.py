"""Is it evaluable? A short verdict for the model and each question.

The headings are Davies' evaluability criteria (Davies, *Planning evaluability
assessments*, DFID Working Paper 40, 2013), grouped as she groups them:

- **in principle**: the theory (is it clear, plausible and testable? here: the
  model's errors and structural warnings, how many steps a claim sits from the
  nearest activity, links resting on weak or no evidence);
- **in practice**: data availability (indicators, who holds the data, baselines,
  whether the target change could be detected with the people available);
- **utility and practicality**: who will use the answer, with what design and
  budget.

Every line comes from what the model says; nothing is scored. A long causal
distance at a small scale (workshops -> a child's SDQ score) means: monitor the
outcomes and evaluate the process; impact is not evaluable at this scale.
"""

from __future__ import annotations

import re

from collections import deque
from dataclasses import dataclass

from toc.evaluation.design import ATTRIBUTION_LEVEL, Design
from toc.evaluation.power import PowerVerdict
from toc.findings import Finding, Severity
from toc.model import Availability, Evidence, Model, NodeType, Question

# A claim this many links or more from the nearest activity is "far" along the chain.
FAR = 3
NOT_EVALUABLE_AT_SCALE = "monitor outcomes and evaluate the process; impact is not evaluable at this scale"


@dataclass(frozen=True)
class Evaluability:
    subject: str  # "model", or a question id
    verdict: str
    in_principle: tuple[str, ...]
    in_practice: tuple[str, ...]
    utility: tuple[str, ...]


def causal_distances(model: Model) -> dict[str, int]:
    """Links from the nearest activity to each node it reaches (feedback loops left out)."""
    out: dict[str, list[str]] = {}
    for link in model.links():
        if not link.feedback and link.target in model.nodes:
            out.setdefault(link.source, []).append(link.target)
    distance = {node.id: 0 for node in model.nodes.values() if node.type is NodeType.ACTIVITY}
    queue = deque(distance)
    while queue:
        current = queue.popleft()
        for target in out.get(current, ()):
            if target not in distance:
                distance[target] = distance[current] + 1
                queue.append(target)
    return distance


def question_evaluability(model: Model, question: Question, design: Design,
                          verdicts: list[PowerVerdict], findings: list[Finding],
                          distances: dict[str, int]) -> Evaluability:
    nodes = [model.nodes[r.id] for r in question.nodes if r.id in model.nodes]
    claims = [node for node in nodes if node.is_outcome_or_impact]
    principle: list[str] = []
    unreached = [node.id for node in nodes if node.id not in distances]
    if unreached:
        principle.append("no activity leads to " + ", ".join(unreached) + ": the theory does not say how the "
                         "programme would cause it")
    far = max((distances[n.id] for n in claims if n.id in distances), default=None)
    if far is not None:
        principle.append(f"causal distance: {far} link{'s' if far != 1 else ''} from the nearest activity")
    weak = _weak_links(model, {n.id for n in nodes})
    if weak:
        principle.append(f"{weak} link{'s' if weak != 1 else ''} into these nodes rest{'s' if weak == 1 else ''} "
                         "on weak or no stated evidence")
    about = {n.id for n in nodes}
    serious = [f for f in findings if f.node in about and f.severity in (Severity.ERROR, Severity.WARNING)]
    if serious:
        principle.append(f"{len(serious)} `toc check` finding{'s' if len(serious) != 1 else ''} at warning or "
                         "above on these nodes")

    practice = [_data_line([i for n in nodes for i in n.indicators])]
    if verdicts:
        practice.append(_power_line(verdicts))
    utility = [f"what the design lets you claim: {design.may_claim}" if design.methods
               else "no method answers it yet"]
    if question.owner or question.timing:
        utility.append("owner and timing: " + ", ".join(filter(None, (question.owner, question.timing))))

    verdict = _question_verdict(question, design, verdicts, unreached, far)
    return Evaluability(question.id or "", verdict, tuple(principle), tuple(practice), tuple(utility))


def _question_verdict(question, design, verdicts, unreached, far) -> str:
    if unreached:
        return "not evaluable in principle yet: link the nodes it asks about to the activities that cause them"
    if question.kind == "process":
        return "evaluable: delivery records and the people involved can answer it"
    if question.kind == "economic":
        return ("evaluable for costs; value for money only on top of a credible impact estimate"
                if design.methods else "evaluable for costs once a method is chosen")
    if not design.methods:
        return "not evaluable as asked: no method answers it"
    detectable = [v for v in verdicts if v.detectable is True]
    undetectable = [v for v in verdicts if v.detectable is False]
    strong = design.sms is not None and design.sms >= ATTRIBUTION_LEVEL
    if undetectable and not detectable:
        if far is not None and far >= FAR:
            return NOT_EVALUABLE_AT_SCALE
        return ("impact is not detectable at this scale: monitor the outcomes and evaluate the process, "
                "or pool the evaluation with other areas")
    if detectable and strong:
        return "evaluable for impact: the design and the numbers can support a causal estimate"
    if detectable:
        return ("change is measurable at this scale, but the design shows change, not cause: a comparison "
                "group (SMS 3) is needed to claim impact")
    if design.sms is None and any(c.startswith("contribution") for c in design.may_claim.split("; ")):
        return ("evaluable as a contribution claim, not attribution"
                + ("; whether an effect could be detected cannot be told yet" if verdicts else ""))
    if far is not None and far >= FAR:
        return ("impact evaluability cannot be told yet (give baselines, targets and the numbers reached); "
                "so far from the activities, plan to monitor outcomes and evaluate the process")
    return "impact evaluability cannot be told yet: give baselines, targets and the numbers reached"


def model_evaluability(model: Model, questions: list[Evaluability], verdicts: list[PowerVerdict],
                       findings: list[Finding], distances: dict[str, int]) -> Evaluability:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    structure = [f for f in findings if f.code.startswith("TOC2") and f.severity is not Severity.INFO]
    principle = []
    if errors:
        principle.append(f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the model")
    if structure:
        principle.append(f"{len(structure)} structural warning{'s' if len(structure) != 1 else ''} (TOC2xx): "
                         "links missing or leading nowhere")
    ends = [n for n in model.nodes.values() if n.type is NodeType.IMPACT or (n.is_outcome_or_impact and
                                                                              n.stage and n.stage.title.startswith("long"))]
    reached = [distances[n.id] for n in ends if n.id in distances]
    if reached:
        principle.append(f"the longest-term claims sit {min(reached)}-{max(reached)} links from the nearest "
                         "activity" if min(reached) != max(reached) else
                         f"the longest-term claims sit {reached[0]} links from the nearest activity")
    weak = _weak_links(model, {n.id for n in model.nodes.values() if n.is_outcome_or_impact})
    if weak:
        principle.append(f"{weak} link{'s' if weak != 1 else ''} into outcomes rest on weak or no stated evidence")
    outcome_indicators = [i for n in model.nodes.values() if n.is_outcome_or_impact for i in n.indicators]
    practice = [_data_line(outcome_indicators)]
    if verdicts:
        practice.append(_power_line(verdicts))
    evaluation = model.evaluation
    asked = evaluation.questions if evaluation else []
    kinds = sorted({q.kind for q in asked if q.kind})
    utility = [
        f"purpose and users: {'stated' if evaluation and _stated(evaluation.purpose) and _stated(evaluation.users) else 'not stated'}",
        f"budget: {'stated' if evaluation and _stated(evaluation.budget) else 'not stated'}",
        (f"{len(asked)} question{'s' if len(asked) != 1 else ''} ({', '.join(kinds)})" if asked
         else "no evaluation questions yet"),
    ]
    if errors:
        verdict = "not evaluable yet: fix the model's errors first"
    elif not asked:
        verdict = ("evaluate the process and monitor outcomes; ask evaluation questions before commissioning "
                   "an impact evaluation")
    else:
        impact = [q for q, given in zip(questions, asked) if given.kind == "impact"]
        if any(q.verdict.startswith("evaluable for impact") for q in impact):
            verdict = "evaluable for impact where the questions below say so; elsewhere monitor and evaluate the process"
        elif any(q.verdict == NOT_EVALUABLE_AT_SCALE for q in impact):
            verdict = NOT_EVALUABLE_AT_SCALE + " (see the questions below)"
        elif impact:
            verdict = ("the process is evaluable; impact evaluability cannot be told until baselines, targets "
                       "and the numbers reached are stated")
        else:
            verdict = "the process is evaluable; no impact question is asked"
    return Evaluability("model", verdict, tuple(principle), tuple(practice), tuple(utility))


def _weak_links(model: Model, targets: set[str]) -> int:
    count = 0
    for link in model.links():
        if link.target in targets and not link.feedback:
            evidence = model.link_evidence(link)[0]  # (its own, else its shared assumptions' weakest)
            if evidence in (None, Evidence.NONE, Evidence.WEAK):
                count += 1
    return count


def _data_line(indicators) -> str:
    if not indicators:
        return "no indicators: nothing says how the change would be known"
    counts = {"collected": 0, "held by a partner": 0, "not collected yet": 0, "availability not stated": 0}
    for indicator in indicators:
        counts[{Availability.COLLECTED: "collected", Availability.PARTNER: "held by a partner",
                Availability.NOT_COLLECTED: "not collected yet"}.get(indicator.availability,
                                                                     "availability not stated")] += 1
    baselines = sum(1 for i in indicators if isinstance(i.baseline, (int, float)) and not isinstance(i.baseline, bool))
    parts = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
    return (f"{len(indicators)} indicator{'s' if len(indicators) != 1 else ''}: {parts}; "
            f"{baselines} with a numeric baseline")


def _power_line(verdicts: list[PowerVerdict]) -> str:
    counts = {"detectable": 0, "not detectable": 0, "cannot tell": 0}
    for verdict in verdicts:
        counts[verdict.verdict] += 1
    return "power: " + ", ".join(f"{n} {what}" for what, n in counts.items() if n)


# What people write for a value they do not have yet.
_PLACEHOLDER = re.compile(r"^\W*(?:not (?:yet )?(?:known|agreed|decided|set|stated)|unknown|tbc|tbd|to be "
                          r"(?:confirmed|agreed|decided|determined|named)|n/?a|none|\?+)\W*$", re.I)


def _stated(value: str | None) -> bool:
    """Whether a field says something: "not yet known", "TBC" and the like do not."""
    return bool(value and value.strip()) and not _PLACEHOLDER.match(value.strip())
