from conftest import located


def test_assumption_no_link_names():
    text = """\
toc: 1
assumptions:
  used: {text: U}
  unused: {text: N}
nodes:
  a: {type: activity, label: A, leads_to: [{to: b, assumptions: [used]}]}
  b: {type: impact, label: B}
"""
    assert located(text, "TOC403") == [("TOC403", 4, 3)]
