from conftest import located

TEXT = """\
toc: 1
nodes:
  a: {type: activity, label: A}
  b: {type: activity, label: B, methods: [monitoring-data]}
evaluation:
  questions:
    - {id: q1, text: Q, kind: process, nodes: [a]}
    - {id: q2, text: Q, kind: process, nodes: [b]}
    - {id: q3, text: Q, kind: process, nodes: [a], methods: [monitoring-data]}
"""


def test_question_with_no_method_anywhere_is_reported_where_it_starts():
    # q2 is answered by its node's own methods; q3 names one.
    assert located(TEXT, "TOC502") == [("TOC502", 7, 7)]
