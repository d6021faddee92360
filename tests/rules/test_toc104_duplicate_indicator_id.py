from conftest import located


def test_second_use_of_an_indicator_id():
    text = """\
toc: 1
nodes:
  a:
    type: activity
    label: A
    leads_to: [b]
    indicators:
      - id: count
  b:
    type: output
    label: B
    indicators:
      - id: other
      - id: count
"""
    assert located(text, "TOC104") == [("TOC104", 14, 13)]
