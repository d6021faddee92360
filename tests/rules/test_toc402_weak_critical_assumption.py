from conftest import located


def test_critical_assumptions_with_weak_or_no_evidence():
    text = """\
toc: 1
assumptions:
  weak: {text: W, criticality: high, evidence: weak}
  unstated: {text: U, criticality: high}
  fine: {text: F, criticality: high, evidence: strong}
  minor: {text: M, criticality: low, evidence: none}
nodes: {}
"""
    assert located(text, "TOC402") == [("TOC402", 3, 3), ("TOC402", 4, 3)]
