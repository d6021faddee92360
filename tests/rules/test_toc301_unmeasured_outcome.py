from conftest import located


def test_outcomes_and_impacts_without_indicators():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [o]}
  o: {type: output, label: O, leads_to: [s]}
  s: {type: outcome, term: short, label: S, leads_to: [e]}
  e:
    type: impact
    label: E
    indicators:
      - {id: i, source: s, baseline: 1, target: 2}
"""
    assert located(text, "TOC301") == [("TOC301", 5, 3)]
