from conftest import located


def test_isolated_node_reported_once():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: impact, label: B, indicators: [{id: i, source: s, baseline: 0, target: 1}]}
  lonely: {type: outcome, term: short, label: Alone}
"""
    # Not also a dead end, unsupported or unreachable: one finding says it.
    structural = ("TOC201", "TOC202", "TOC203", "TOC204")
    assert [f for f in located(text) if f[0] in structural] == [("TOC201", 5, 3)]


def test_single_node_model_is_not_isolated():
    assert located("toc: 1\nnodes:\n  a: {type: impact, label: A}\n", "TOC201") == []
