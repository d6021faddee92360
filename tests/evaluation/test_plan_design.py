"""Designs (what each set of methods lets you claim), evaluability, readiness and the plan as JSON."""

import json

import jsonschema
import pytest

from conftest import EXAMPLES
from toc.checker import check_file, check_text
from toc.cli import main
from toc.evaluation.catalogue import shipped
from toc.evaluation.design import CONTRIBUTION, design_of
from toc.evaluation.evaluability import NOT_EVALUABLE_AT_SCALE
from toc.evaluation.plan import plan_evaluation
from toc.renderers.spec.document import build_specification
from toc.renderers.spec.markdown import render_markdown
from toc.renderers.spec.plan_json import plan_record, render_plan_json
from toc.evaluation.catalogue import catalogue_for

METHODS = shipped().methods
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toc.yaml"))


# ------------------------------------------------------------------ design rules
def test_uncontrolled_before_after_shows_change_not_cause():
    design = design_of(["parent-survey"], METHODS, impact_claim=True)
    assert (design.sms, design.weak) == (1, True)
    assert design.may_claim == "shows change, not cause: expect regression to the mean and attrition"
    assert design.caveat == "Caveat (SMS 1): shows change, not cause: expect regression to the mean and attrition."


def test_theory_based_methods_support_contribution_not_attribution():
    design = design_of(["contribution-analysis"], METHODS, impact_claim=True)
    assert design.sms is None and design.weak
    assert design.may_claim.startswith("contribution, not attribution")
    assert design.caveat == f"Caveat (no SMS level): {CONTRIBUTION}."


def test_the_caveat_stays_whatever_else_is_chosen_beside_a_weak_design():
    design = design_of(["parent-survey", "contribution-analysis", "interviews"], METHODS, impact_claim=True)
    assert design.sms == 1 and design.weak
    assert design.may_claim == (f"{CONTRIBUTION}; shows change, not cause: expect regression to the mean "
                                "and attrition")


def test_a_comparison_that_does_not_deal_with_selection_is_level_2_and_weak():
    design = design_of(["interrupted-time-series"], METHODS, impact_claim=True)
    assert design.sms == 2 and design.weak
    assert "not cause" in design.may_claim and "selection" in design.may_claim


def test_a_justified_comparison_group_supports_cause_without_the_caveat():
    design = design_of(["parent-survey", "waiting-list-comparison"], METHODS, impact_claim=True)
    assert (design.sms, design.weak, design.caveat, design.caveats) == (3, False, "", ())
    assert design.may_claim.startswith("cause, with care: a justified comparison group")
    assert design_of(["rct"], METHODS, True).may_claim.startswith("cause: a randomised comparison")


def test_process_methods_on_an_impact_claim_say_they_estimate_no_effect():
    design = design_of(["interviews", "monitoring-data"], METHODS, impact_claim=True)
    assert design.may_claim == "how it was delivered and experienced, not whether it made a difference"
    assert design.caveats[1].startswith("No method here estimates an effect")


def test_a_process_question_is_no_impact_claim_and_gets_no_caveat():
    design = design_of(["parent-survey"], METHODS, impact_claim=False)
    assert not design.weak and design.caveats == ()


# ------------------------------------------------------------------ evaluability and readiness
SMALL = """\
toc: 1
nodes:
  workshops: {{type: activity, label: Parenting workshops, leads_to: [attended]}}
  attended:
    type: output
    label: Parents attend
    indicators: [{{id: attending, unit: parents, baseline: 0, target: 60}}]
    leads_to: [understand]
  understand: {{type: outcome, term: short, label: Parents understand conflict, leads_to: [calmer]}}
  calmer: {{type: outcome, term: medium, label: Calmer arguments, leads_to: [children]}}
  children:
    type: outcome
    term: long
    label: Children's wellbeing improves
    indicators:
      - {{id: sdq, unit: score (0-40), instrument: sdq, baseline: 16, target: 13, frequency: 'pre, post and 12 months'}}
evaluation:
  purpose: Learn what works
  questions:
    - {{id: q1, text: Do children's SDQ scores fall?, kind: impact, nodes: [children], methods: [{methods}]}}
"""


def plan_of(text):
    report = check_text(text, "m.toc.yaml")
    return report, plan_evaluation(report.model, catalogue_for(report.model), report.findings)


def test_workshops_to_child_sdq_at_small_scale_is_not_evaluable_for_impact():
    _, plan = plan_of(SMALL.format(methods="parent-survey"))
    question = plan.questions[0]
    assert question.evaluability.verdict == NOT_EVALUABLE_AT_SCALE
    assert "causal distance: 4 links from the nearest activity" in question.evaluability.in_principle
    assert "power: 1 not detectable" in question.evaluability.in_practice
    assert plan.evaluability.verdict.startswith(NOT_EVALUABLE_AT_SCALE)
    # The power caveat joins the design caveat.
    assert question.design.caveats[-1].startswith("Indicator sdq is not detectable: needs 74 per arm, about 8 "
                                                  "available")


def test_a_model_with_errors_is_not_ready_with_reasons():
    report, plan = plan_of(SMALL.format(methods="parent-survey").replace("term: short", "term: soon"))
    assert plan.ready is False
    assert plan.not_ready_reasons[0].startswith("the model has 1 error (`toc check`): TOC004 invalid-value")
    record = plan_record(plan, report.findings)
    assert record["ready"] is False and record["not_ready_reasons"] == list(plan.not_ready_reasons)


def test_no_questions_or_an_impact_question_without_method_is_not_ready():
    _, plan = plan_of(SMALL.format(methods="").split("evaluation:")[0])
    assert plan.not_ready_reasons == ("no evaluation questions: add them under `evaluation: questions:`",)
    _, plan = plan_of(SMALL.format(methods="").replace("target: 60", "target: 1200"))
    assert plan.not_ready_reasons == ("impact question q1 names no method",)
    _, plan = plan_of(SMALL.format(methods="parent-survey"))
    assert plan.not_ready_reasons == ("impact question q1 claims a change in children that its numbers cannot "
                                      "show (indicator sdq: needs 74 per group, about 8 available)",)
    _, plan = plan_of(SMALL.format(methods="parent-survey").replace("target: 60", "target: 1200"))
    assert (plan.ready, plan.not_ready_reasons) == (True, ())


# ------------------------------------------------------------------ the JSON plan
_DESIGN = {
    "type": "object", "additionalProperties": False,
    "required": ["methods", "sms", "may_claim", "caveats"],
    "properties": {"methods": {"type": "array", "items": {"type": "string"}},
                   "sms": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                   "may_claim": {"type": "string", "minLength": 1},
                   "caveats": {"type": "array", "items": {"type": "string"}}},
}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_EVALUABILITY = {
    "type": "object", "additionalProperties": False,
    "required": ["verdict", "in_principle", "in_practice", "utility"],
    "properties": {"verdict": {"type": "string"}, "in_principle": _STRINGS, "in_practice": _STRINGS,
                   "utility": _STRINGS},
}
PLAN_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "additionalProperties": False,
    "required": ["schema", "ready", "not_ready_reasons", "evaluability", "questions", "nodes"],
    "properties": {
        "schema": {"const": "toc-plan/1"},
        "ready": {"type": "boolean"},
        "not_ready_reasons": _STRINGS,
        "evaluability": {"anyOf": [_EVALUABILITY, {"type": "null"}]},
        "questions": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "kind", "text", "nodes", "design", "evaluability"],
            "properties": {"id": {"type": "string"}, "kind": {"type": "string"}, "text": {"type": "string"},
                           "nodes": _STRINGS, "design": _DESIGN, "evaluability": _EVALUABILITY}}},
        "nodes": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "kind", "methods", "design", "power", "measure_fit"],
            "properties": {
                "id": {"type": "string"}, "kind": {"type": "string"},
                "methods": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False, "required": ["id", "chosen", "reason"],
                    "properties": {"id": {"type": "string"}, "chosen": {"type": "boolean"},
                                   "reason": {"type": "string"}}}},
                "design": {"anyOf": [_DESIGN, {"type": "null"}]},
                "power": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["indicator", "n", "needed", "mde", "detectable", "verdict", "assumptions"],
                    "properties": {"indicator": {"type": "string"},
                                   "n": {"type": ["integer", "null"], "minimum": 0},
                                   "needed": {"type": ["integer", "null"], "minimum": 1},
                                   "mde": {"type": ["number", "null"], "minimum": 0},
                                   "detectable": {"type": ["boolean", "null"]},
                                   "verdict": {"enum": ["detectable", "not detectable", "cannot tell"]},
                                   "assumptions": _STRINGS}}},
                "measure_fit": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["code", "name", "severity", "message", "line", "column"],
                    "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                                   "severity": {"type": "string"}, "message": {"type": "string"},
                                   "line": {"type": "integer"}, "column": {"type": "integer"}}}},
            }}},
    },
}
VALIDATOR = jsonschema.Draft7Validator(PLAN_SCHEMA)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".toc"))
def test_the_plan_json_of_every_example_fits_its_schema_and_is_deterministic(path, tmp_path):
    jsonschema.Draft7Validator.check_schema(PLAN_SCHEMA)
    outputs = []
    for name in ("a.json", "b.json"):
        main(["spec", str(path), "-o", str(tmp_path / name)])
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    record = json.loads(outputs[0])
    assert list(VALIDATOR.iter_errors(record)) == []
    report = check_file(str(path))
    has_errors = any(f.severity == "error" for f in report.findings)
    assert record["ready"] is (not has_errors and bool(report.model.evaluation and report.model.evaluation.questions)
                               and not any("names no method" in r for r in record["not_ready_reasons"]))
    assert record["ready"] or record["not_ready_reasons"]


def test_the_flawed_example_is_not_ready_because_of_its_errors(tmp_path):
    out = tmp_path / "plan.json"
    assert main(["spec", str(EXAMPLES / "flawed.toc.yaml"), "-o", str(out)]) == 0
    record = json.loads(out.read_text())
    assert record["ready"] is False
    assert record["not_ready_reasons"][0].startswith("the model has 9 errors (`toc check`): ")
    assert "no evaluation questions: add them under `evaluation: questions:`" in record["not_ready_reasons"]


def test_measure_fit_findings_are_carried_per_node():
    # CPIC (the child's perception of conflict, a mediator) as a child wellbeing outcome: TOC507.
    text = SMALL.format(methods="parent-survey").replace("instrument: sdq", "instrument: cpic")
    report, plan = plan_of(text)
    fit = {node["id"]: node["measure_fit"] for node in plan_record(plan, report.findings)["nodes"]}
    expected = [(f.code, f.message) for f in report.findings if f.node == "children" and f.code in ("TOC507", "TOC508")]
    assert expected and [(f["code"], f["message"]) for f in fit["children"]] == expected
    assert fit["calmer"] == []


# ------------------------------------------------------------------ every example
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".toc"))
def test_no_weak_impact_claim_appears_without_its_caveat(path):
    report = check_file(str(path))
    catalogue = catalogue_for(report.model)
    plan = plan_evaluation(report.model, catalogue, report.findings)
    markdown = render_markdown(build_specification(report.model, plan, catalogue, report.findings))
    weak = [p for p in plan.nodes if p.design is not None and p.design.weak]
    lines = markdown.splitlines()
    for node_plan in weak:
        caveat = node_plan.design.caveat.replace("(", "(").split(": ", 1)[1]
        mentions = [line for line in lines if f"\\[{node_plan.id}\\]" in line or f"[{node_plan.id}]" in line]
        table_rows = [line for line in mentions if line.startswith("| ") and "Open issues" not in line]
        assert table_rows, node_plan.id
        for line in table_rows:
            assert "Caveat (" in line and caveat.split(":")[0] in line, (node_plan.id, line)
    for question in plan.questions:
        if question.design.weak:
            # Each question is a heading with its bullets; "What you may claim" carries the caveat.
            start = next(i for i, line in enumerate(lines) if line.startswith(f"### {question.id} ("))
            claim = next(line for line in lines[start:] if line.startswith("- What you may claim: "))
            assert question.design.caveat in claim.replace("\\", "")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".toc"))
def test_every_quantified_outcome_indicator_has_a_power_verdict(path):
    from toc.evaluation.power import is_quantified

    report = check_file(str(path))
    plan = plan_evaluation(report.model, catalogue_for(report.model), report.findings)
    verdicts = {(p.id, v.indicator): v for p in plan.nodes for v in p.power}
    for node in report.model.nodes.values():
        if not node.is_outcome_or_impact:
            continue
        for indicator in node.indicators:
            if is_quantified(indicator):
                verdict = verdicts[(node.id, indicator.id)]
                assert verdict.verdict in ("detectable", "not detectable", "cannot tell")
                assert verdict.detectable is not None or verdict.missing
