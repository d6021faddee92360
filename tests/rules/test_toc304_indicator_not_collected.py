from conftest import located


def test_partner_held_and_not_collected_data():
    text = """\
toc: 1
nodes:
  e:
    type: impact
    label: E
    indicators:
      - {id: ours, source: s, baseline: 0, target: 5, availability: collected}
      - {id: theirs, source: s, baseline: 0, target: 5, availability: partner}
      - id: nobody
        source: s
        availability: not-collected
"""
    assert located(text, "TOC304") == [("TOC304", 8, 71), ("TOC304", 11, 23)]
