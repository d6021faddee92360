from conftest import located, only

TEXT = """\
toc: 1
nodes:
  act: {type: activity, label: A, methods: [rct]}
  long: {type: outcome, term: long, label: L, methods: [monitoring-data, contribution-analysis]}
evaluation:
  questions:
    - {id: q1, text: Q, kind: impact, nodes: [act, long], methods: [contribution-analysis, cost-analysis]}
    - {id: q2, text: Q, kind: impact, nodes: [act], methods: [monitoring-data]}
"""


def test_methods_that_do_not_suit_their_node_or_question():
    assert located(TEXT, "TOC504") == [
        ("TOC504", 3, 45),  # an RCT of an activity
        ("TOC504", 4, 57),  # attendance counts for a long-term outcome
        ("TOC504", 7, 92),  # cost analysis answers economic questions, not impact ones
        ("TOC504", 8, 63),  # monitoring data answers process questions
    ]


def test_a_questions_method_needs_to_suit_only_one_of_its_nodes():
    # contribution-analysis suits "long" though not "act": no finding for it in q1.
    messages = [finding.message for finding in only(TEXT, "TOC504")]
    assert not any("contribution-analysis" in message for message in messages)
    assert messages[1] == ('monitoring-data does not suit long-term outcome "long": the catalogue lists it for '
                           "activity, output")
