from conftest import located, only

MODEL = """\
toc: 1
titel: Misspelt
nodes:
  training:
    type: activity
    label: Training
    leads_to: [trained]
    indicator: []
  trained:
    type: output
    label: Trained
    assumption: belongs on a link
"""


def test_unknown_fields_are_located_at_their_key():
    assert located(MODEL, "TOC003") == [("TOC003", 2, 1), ("TOC003", 8, 5), ("TOC003", 12, 5)]


def test_did_you_mean():
    hints = [f.hint for f in only(MODEL, "TOC003")]
    assert hints[0] == 'did you mean "title"?'
    assert hints[1] == 'did you mean "indicators"?'


def test_field_in_the_wrong_place_says_where_it_belongs():
    assert only(MODEL, "TOC003")[2].hint == "`assumption` is a field of a link, not of a node"


def test_unknown_field_in_an_indicator_and_a_link():
    text = """\
toc: 1
nodes:
  a:
    type: activity
    label: A
    leads_to:
      - to: b
        evidense: strong
  b:
    type: impact
    label: B
    indicators:
      - id: i
        sauce: register
"""
    assert located(text, "TOC003") == [("TOC003", 8, 9), ("TOC003", 14, 9)]
