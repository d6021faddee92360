from conftest import located, only

MODEL = """\
toc: 1
uses: [kirkpatrick]
nodes:
  training:
    type: activity
    label: Training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Confident practitioners
    maps_to: [kirkpatrick:learning, kirkpatrick:reaction]
"""


def test_each_unaddressed_framework_outcome_is_reported_at_the_uses_entry():
    assert located(MODEL, "TOC701") == [("TOC701", 2, 8), ("TOC701", 2, 8)]
    messages = sorted(f.message for f in only(MODEL, "TOC701"))
    assert messages[0].startswith('long-term outcome "kirkpatrick:results"')
    assert messages[1].startswith('medium-term outcome "kirkpatrick:behaviour"')
    assert only(MODEL, "TOC701")[0].severity == "info"


def test_fully_mapped_framework_is_silent():
    model = MODEL.replace("kirkpatrick:reaction]", "kirkpatrick:reaction, kirkpatrick:behaviour, kirkpatrick:results]")
    assert located(model, "TOC701") == []


def test_no_uses_means_no_findings_even_with_maps_to():
    assert located(MODEL.replace("uses: [kirkpatrick]\n", ""), "TOC701") == []


def test_unknown_framework_is_left_to_toc101():
    model = MODEL.replace("uses: [kirkpatrick]", "uses: [kirkpatrik]")
    assert located(model, "TOC701") == []
