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


def test_the_hint_names_the_boxes_a_question_could_ask_about():
    # Questions name nodes, not assumptions: the hint must lead somewhere toc accepts.
    from conftest import only

    text = """\
toc: 1
assumptions:
  weak: {text: W, criticality: high, evidence: weak}
  unused: {text: U, criticality: high}
nodes:
  a: {type: activity, label: A, leads_to: [{to: b, assumptions: [weak]}]}
  b: {type: outcome, term: short, label: B}
"""
    hints = [finding.hint for finding in only(text, "TOC402")]
    assert hints == ["test it: ask an evaluation question about the change it leads to (`nodes: [b]`), "
                     "or find the evidence and set `evidence:`",
                     "find the evidence and set `evidence:`, or lower its `criticality:` if less rests on it"]
