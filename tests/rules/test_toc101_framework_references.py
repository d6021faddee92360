"""TOC101 also covers `uses:` and `maps_to:` references to shared frameworks."""

from conftest import located, only

MODEL = """\
toc: 1
uses: [eif-rcp, kirkpatrick]
nodes:
  training:
    type: activity
    label: Training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Confident practitioners
    maps_to: [kirkpatrick:lerning, eif-rpc:central-risk, supporting-families:family-relationships, no-colon]
"""


def test_each_bad_framework_reference_is_located_at_its_entry():
    assert located(MODEL, "TOC101") == [
        ("TOC101", 2, 8), ("TOC101", 12, 15), ("TOC101", 12, 36), ("TOC101", 12, 58), ("TOC101", 12, 100),
    ]


def test_messages_and_did_you_mean():
    findings = only(MODEL, "TOC101")
    assert findings[0].message == 'framework "eif-rcp" is not a known framework'
    assert findings[0].hint == 'did you mean "eif-rpc"?'
    assert findings[1].message == '"lerning" is not a node of framework "kirkpatrick"'
    assert findings[1].hint == 'did you mean "learning"?'
    # A real framework and node, but not declared in uses: (only the misspelt one is).
    assert "which `uses:` does not declare" in findings[2].message
    assert findings[2].hint == "add it: uses: [eif-rpc]"
    assert findings[3].hint == "add it: uses: [supporting-families]"
    assert findings[4].message == 'maps_to "no-colon" should be framework-id:node-id'


def test_uses_must_be_a_list():
    findings = only("toc: 1\nuses: eif-rpc\nnodes: {}\n", "TOC004")
    assert [(f.location.line, f.location.column) for f in findings] == [(2, 7)]
    assert "should be a list of ids" in findings[0].message


def test_valid_references_are_silent():
    model = MODEL.replace("eif-rcp", "eif-rpc").replace("lerning", "learning").replace(
        ", supporting-families:family-relationships, no-colon", "")
    assert located(model, "TOC101") == []
