from conftest import located


def test_indicator_without_source_is_located_at_the_indicator():
    text = """\
toc: 1
nodes:
  e:
    type: impact
    label: E
    indicators:
      - id: with-source
        source: Survey
      - id: without
        measure: Something
"""
    assert located(text, "TOC302") == [("TOC302", 9, 9)]
