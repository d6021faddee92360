from conftest import located

MODEL = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b, c]}
  b: {type: output, label: B}
  c: {type: outcome, term: short, label: C, leads_to: [d]}
  d: {type: outcome, term: long, label: D, leads_to: [e]}
  e: {type: impact, label: E}
"""


def test_output_that_leads_nowhere():
    assert located(MODEL, "TOC202") == [("TOC202", 4, 3)]


def test_long_term_outcome_is_an_end_when_there_is_no_impact():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [d]}
  d: {type: outcome, term: long, label: D}
"""
    assert located(text, "TOC202") == []


def test_feedback_links_do_not_count_as_leading_on():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [c]}
  c:
    type: outcome
    term: short
    label: C
    leads_to: [{to: a, feedback: true}]
  e: {type: impact, label: E}
"""
    assert ("TOC202", 4, 3) in located(text, "TOC202")
