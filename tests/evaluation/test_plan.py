"""The mapping of methods to nodes, as data, for every example."""

import pytest

from conftest import EXAMPLES
from toc.evaluation.plan import plan_evaluation
from toc.loading import load_file, load_text

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toc.yaml"))


def record(plan) -> dict:
    return {
        "nodes": {n.id: {"methods": [f"{u.id} ({'chosen' if u.chosen else 'suggested'}): {u.reason}"
                                     for u in n.methods],
                         "questions": list(n.questions), "gaps": list(n.gaps)} for n in plan.nodes},
        "uncovered": list(plan.uncovered),
        "unchosen": list(plan.unchosen),
        "weak_claims": [f"{c.node}: {', '.join(c.questions)} by {', '.join(c.methods)}" for c in plan.weak_claims],
        "data_needs": [f"{d.node}/{d.indicator}: {d.availability}, {d.holder}" for d in plan.data_needs],
        "ethics": {"children": plan.ethics.children, "sensitive": plan.ethics.sensitive,
                   "personal_data": plan.ethics.personal_data,
                   "safeguarding": [name for name, _ in plan.ethics.safeguarding]},
        "matrix_rows": len(plan.matrix),
    }


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".toc"))
def test_plan_snapshot(path, data_regression):
    data_regression.check(record(plan_evaluation(load_file(str(path)).model)))


def test_every_outcome_of_the_east_midlands_has_a_method_with_a_reason():
    plan = plan_evaluation(load_file(str(EXAMPLES / "east-midlands.toc.yaml")).model)
    model = load_file(str(EXAMPLES / "east-midlands.toc.yaml")).model
    outcomes = [n for n in plan.nodes if model.nodes[n.id].is_outcome_or_impact]
    assert outcomes and all(n.methods and all(u.reason for u in n.methods) for n in outcomes)
    assert plan.uncovered == () and plan.unchosen == ()


def test_cpic_triggers_a_safeguarding_note():
    plan = plan_evaluation(load_file(str(EXAMPLES / "east-midlands.toc.yaml")).model)
    names = [name for name, _ in plan.ethics.safeguarding]
    assert any("CPIC" in name for name in names)
    assert plan.ethics.children


MODEL = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [o]}
  o: {type: outcome, term: medium, label: O, methods: [parent-survey], leads_to: [i]}
  i: {type: impact, label: I}
evaluation:
  questions:
    - {id: q1, text: Did O change?, kind: impact, nodes: [o]}
"""


def test_named_methods_are_used_and_suggestions_fill_the_rest():
    plan = plan_evaluation(load_text(MODEL).model)
    by_id = {n.id: n for n in plan.nodes}
    assert [(u.id, u.chosen) for u in by_id["o"].methods] == [("parent-survey", True)]
    assert all(not u.chosen for u in by_id["i"].methods) and by_id["i"].methods
    assert plan.unchosen == ("i",)


def test_impact_claims_resting_only_on_before_after_designs_are_flagged():
    plan = plan_evaluation(load_text(MODEL).model)
    assert [(c.node, c.questions, c.methods) for c in plan.weak_claims] == [("o", ("q1",), ("parent-survey",))]


def test_matrix_has_a_row_per_question_node_and_method_and_rows_for_nodes_outside_questions():
    plan = plan_evaluation(load_text(MODEL).model)
    keys = [(r.question, r.node, r.method_source) for r in plan.matrix]
    assert keys[0] == ("q1", "o", "chosen")
    assert {r.node for r in plan.matrix} == {"a", "o", "i"}
