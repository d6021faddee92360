from conftest import located

BASE = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: outcome, term: short, label: B, leads_to: [c]}
  c: {type: impact, label: C}
"""


def test_outcomes_outside_every_question_are_reported_at_the_node():
    text = BASE + "evaluation:\n  questions: [{id: q1, text: Q, kind: process, nodes: [a], methods: [monitoring-data]}]\n"
    assert located(text, "TOC501") == [("TOC501", 4, 3), ("TOC501", 5, 3)]


def test_a_question_or_the_nodes_own_methods_cover_it():
    text = BASE.replace("label: C}", "label: C, methods: [contribution-analysis]}") + (
        "evaluation:\n  questions: [{id: q1, text: Q, kind: impact, nodes: [b], methods: [parent-survey]}]\n")
    assert located(text, "TOC501") == []


def test_no_evaluation_section_no_finding():
    assert located(BASE, "TOC501") == []
