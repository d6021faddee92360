from conftest import located, only

MODEL = """\
toc: 1
nodes:
  e:
    type: impact
    label: E
    indicators:
      - {id: both, source: s, baseline: 0, target: 5}
      - {id: no-target, source: s, baseline: not yet known}
      - {id: neither, source: s}
"""


def test_missing_baseline_or_target():
    assert located(MODEL, "TOC303") == [("TOC303", 8, 9), ("TOC303", 9, 9)]
    assert only(MODEL, "TOC303")[1].message == 'indicator "neither" of "e" has no baseline and no target'


def test_context_figures_on_needs_need_no_target():
    text = """\
toc: 1
nodes:
  n:
    type: need
    label: Many children live with single parents
    indicators:
      - {id: single-parents, source: Census 2021, baseline: 54}
"""
    assert located(text, "TOC303") == []
