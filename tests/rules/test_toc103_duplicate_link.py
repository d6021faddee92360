from conftest import check, located

MODEL = """\
toc: 1
nodes:
  a:
    type: activity
    label: A
    leads_to:
      - b
      - to: b
        evidence: strong
  b: {type: output, label: B}
"""


def test_second_link_is_reported():
    assert located(MODEL, "TOC103") == [("TOC103", 8, 9)]


def test_first_link_is_related():
    [finding] = [f for f in check(MODEL) if f.code == "TOC103"]
    assert finding.related[0].location.line == 7
