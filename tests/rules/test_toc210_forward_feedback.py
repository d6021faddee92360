from conftest import located


def test_feedback_mark_on_a_forward_link():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [s]}
  s:
    type: outcome
    term: short
    label: S
    leads_to:
      - {to: a, feedback: true}
      - {to: l, feedback: true}
  l: {type: outcome, term: long, label: L}
"""
    assert located(text, "TOC210") == [("TOC210", 10, 27)]
