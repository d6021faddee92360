from conftest import check, located

MODEL = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: outcome, term: short, label: B, leads_to: [c, e]}
  c: {type: outcome, term: short, label: C, leads_to: [b]}
  e: {type: impact, label: E}
"""


def test_cycle_reported_once_at_its_first_link_with_every_link_related():
    assert located(MODEL, "TOC208") == [("TOC208", 4, 56)]
    [finding] = [f for f in check(MODEL) if f.code == "TOC208"]
    assert finding.message == "links go round in a loop: b -> c -> b"
    assert [(r.location.line, r.location.column) for r in finding.related] == [(4, 56), (5, 56)]


def test_feedback_breaks_the_cycle():
    text = MODEL.replace("leads_to: [b]}\n  e", "leads_to: [{to: b, feedback: true}]}\n  e")
    assert located(text, "TOC208") == []


def test_one_finding_per_tangle_of_loops():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: outcome, term: short, label: B, leads_to: [c, d]}
  c: {type: outcome, term: short, label: C, leads_to: [b, d]}
  d: {type: outcome, term: short, label: D, leads_to: [b]}
"""
    assert len(located(text, "TOC208")) == 1
