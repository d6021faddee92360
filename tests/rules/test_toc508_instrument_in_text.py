from conftest import located, only

TEXT = """\
toc: 1
nodes:
  calmer:
    type: outcome
    term: medium
    label: Separated parents co-parent with less acrimony
    indicators:
      - {id: a, measure: Acrimony Scale score}
      - {id: b, measure: Brief Acrimony Scale (BACS-8), instrument: bacs-8}
      - {id: c, measure: Police call-outs}
      - {id: d, measure: "Child difficulties, SDQ total"}
"""


def test_measures_named_in_text_without_instrument():
    assert located(TEXT, "TOC508") == [("TOC508", 8, 26), ("TOC508", 11, 26)]


def test_message_and_hint():
    finding = only(TEXT, "TOC508")[0]
    assert finding.message == 'indicator "a" names Acrimony Scale in its measure text but has no `instrument:`'
    assert finding.hint == "add `instrument: acrimony-scale` so the specification carries its licence and " \
                           "safeguarding notes"
