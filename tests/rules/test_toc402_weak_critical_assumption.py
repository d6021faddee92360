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


def test_the_hint_leads_to_a_question_toc_accepts():
    # Format 1.1: a question may test an assumption itself; following the hint gives no finding.
    from conftest import only

    text = """\
toc: 1
assumptions:
  weak: {text: W, criticality: high, evidence: weak}
nodes:
  a: {type: activity, label: A, leads_to: [{to: b, assumptions: [weak]}]}
  b: {type: outcome, term: short, label: B}
"""
    hints = [finding.hint for finding in only(text, "TOC402")]
    assert hints == ["test it: ask an evaluation question about it (`assumptions: [weak]`), "
                     "or find the evidence and set `evidence:`"]
    followed = text + "evaluation:\n  questions:\n    - {id: q1, text: Does W hold?, kind: process, assumptions: [weak]}\n"
    assert only(followed, "TOC101") == []
    # The question names no method: TOC502's hint offers those that test a causal step.
    assert [f.hint for f in only(followed, "TOC502")] == [
        "add `methods: [interviews, focus-groups]`: methods that test one causal step"]
