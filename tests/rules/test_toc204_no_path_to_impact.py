from conftest import located


def test_branch_that_never_reaches_the_impact():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [e]}
  leaflet: {type: activity, label: L, leads_to: [sent]}
  sent: {type: output, label: S, leads_to: [aware]}
  aware: {type: outcome, term: short, label: Aware}
  e: {type: impact, label: E}
"""
    # aware is the dead end (TOC202); the nodes feeding only it are TOC204.
    assert located(text, "TOC204") == [("TOC204", 4, 3), ("TOC204", 5, 3)]
    assert located(text, "TOC202") == [("TOC202", 6, 3)]


def test_long_term_outcomes_are_the_goal_without_an_impact():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [l]}
  l: {type: outcome, term: long, label: L}
"""
    assert located(text, "TOC204") == []
