from conftest import check, located

MODEL = """\
toc: 1
nodes:
  training:
    type: activity
    label: Training
    label: Training again
    leads_to: [trained]
  trained:
    type: output
    label: Trained
  training:
    type: output
    label: Duplicate node
"""


def test_each_repeated_key_is_reported_at_its_second_occurrence():
    assert located(MODEL, "TOC002") == [("TOC002", 6, 5), ("TOC002", 11, 3)]


def test_first_definition_is_kept_and_named_as_related():
    findings = [f for f in check(MODEL) if f.code == "TOC002"]
    assert findings[1].related[0].location.line == 3
    assert "line 3" in findings[1].hint


def test_duplicate_does_not_hide_later_findings():
    text = MODEL + "  other:\n    type: outcom\n    label: X\n"
    assert ("TOC004", 15, 11) in located(text)
