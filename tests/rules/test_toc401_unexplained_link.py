from conftest import located


def test_links_into_outcomes_need_a_reason_or_evidence():
    text = """\
toc: 1
assumptions:
  shared: {text: Shared reason}
nodes:
  a:
    type: activity
    label: A
    leads_to:
      - o
      - s
      - {to: m, evidence: weak}
      - {to: l, assumptions: [shared]}
  o: {type: output, label: O}
  s: {type: outcome, term: short, label: S}
  m: {type: outcome, term: medium, label: M}
  l: {type: outcome, term: long, label: L}
"""
    # a -> o is into an output: no reason needed there.
    assert located(text, "TOC401") == [("TOC401", 10, 9)]
