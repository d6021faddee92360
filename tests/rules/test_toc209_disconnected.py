from conftest import check, located


def test_smaller_piece_reported_at_its_first_node():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: output, label: B, leads_to: [e]}
  e: {type: impact, label: E}
  x: {type: activity, label: X, leads_to: [y]}
  y: {type: output, label: Y}
"""
    assert located(text, "TOC209") == [("TOC209", 6, 3)]
    [finding] = [f for f in check(text) if f.code == "TOC209"]
    assert finding.message == 'these 2 nodes are not connected to the main part of the model (3 nodes, from "a"): "x", "y"'
