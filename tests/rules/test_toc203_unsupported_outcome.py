from conftest import located


def test_outcome_with_no_activity_upstream():
    text = """\
toc: 1
nodes:
  need: {type: need, label: Need, leads_to: [c]}
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: outcome, term: short, label: B, leads_to: [e]}
  c: {type: outcome, term: medium, label: C, leads_to: [e]}
  e: {type: impact, label: E}
"""
    assert located(text, "TOC203") == [("TOC203", 6, 3)]


def test_feedback_does_not_make_an_outcome_supported():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [e]}
  c:
    type: outcome
    term: short
    label: C
    leads_to: [e]
  e:
    type: impact
    label: E
    leads_to: [{to: c, feedback: true}]
"""
    assert located(text, "TOC203") == [("TOC203", 4, 3)]
