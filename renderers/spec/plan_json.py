"""The evaluation plan as JSON (`toc spec MODEL -o plan.json`), for tools.

A stable shape, `toc-plan/1` (docs/spec.md): keys are only added, never renamed
or removed, within it. Deterministic: the plan's order (questions as the model
lists them, nodes in the model's order), no timestamps.
"""

from __future__ import annotations

import json

from toc.evaluation.plan import EvaluationPlan
from toc.findings import Finding

SCHEMA = "toc-plan/1"
# Findings about a measure's fit to its outcome (TOC507 measure-mismatch, TOC508 instrument-in-text).
MEASURE_FIT_CODES = ("TOC507", "TOC508")


def plan_record(plan: EvaluationPlan, findings: list[Finding] | tuple = ()) -> dict:
    """The plan as plain data (what the JSON holds)."""
    fit: dict[str, list[dict]] = {}
    for finding in findings:
        if finding.code in MEASURE_FIT_CODES and finding.node:
            fit.setdefault(finding.node, []).append({
                "code": finding.code, "name": finding.name, "severity": finding.severity.value,
                "message": finding.message, "line": finding.location.line, "column": finding.location.column,
            })
    evaluability = plan.evaluability
    return {
        "schema": SCHEMA,
        "ready": plan.ready,
        "not_ready_reasons": list(plan.not_ready_reasons),
        "evaluability": _evaluability(evaluability) if evaluability else None,
        "questions": [
            {"id": question.id, "kind": question.kind, "text": question.text, "nodes": list(question.nodes),
             "design": _design(question.design), "evaluability": _evaluability(question.evaluability)}
            for question in plan.questions
        ],
        "nodes": [
            {
                "id": node.id,
                "kind": node.kind,
                "methods": [{"id": use.id, "chosen": use.chosen, "reason": use.reason} for use in node.methods],
                "design": _design(node.design) if node.design else None,
                "power": [
                    {"indicator": verdict.indicator, "n": verdict.n, "needed": verdict.needed, "mde": verdict.mde,
                     "detectable": verdict.detectable, "verdict": verdict.verdict,
                     "assumptions": list(verdict.assumptions) + [f"missing: {m}" for m in verdict.missing]}
                    for verdict in node.power
                ],
                "measure_fit": fit.get(node.id, []),
            }
            for node in plan.nodes
        ],
    }


def render_plan_json(plan: EvaluationPlan, findings: list[Finding] | tuple = ()) -> str:
    return json.dumps(plan_record(plan, findings), indent=2) + "\n"


def _design(design) -> dict:
    return {"methods": list(design.methods), "sms": design.sms, "may_claim": design.may_claim,
            "caveats": list(design.caveats)}


def _evaluability(evaluability) -> dict:
    return {"verdict": evaluability.verdict, "in_principle": list(evaluability.in_principle),
            "in_practice": list(evaluability.in_practice), "utility": list(evaluability.utility)}
