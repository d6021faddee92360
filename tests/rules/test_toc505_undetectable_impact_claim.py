from conftest import located, only

BASE = """\
toc: 1
nodes:
  course: {{type: activity, label: Course, leads_to: [completers]}}
  completers:
    type: output
    label: Families completing
    indicators:
      - {{id: completing, unit: families, baseline: 0, target: 120}}
    leads_to: [fewer]
  fewer:
    type: outcome
    term: medium
    label: Fewer escalations
    indicators:
      - {{id: escalations, unit: '%', baseline: 12, target: 9, frequency: quarterly}}
evaluation:
  questions:
    - {{id: q1, text: Q, kind: {kind}, nodes: [fewer], methods: [matched-comparison], comparison: waiting list{extra}}}
"""


def test_reported_at_the_target_with_the_numbers():
    text = BASE.format(kind="impact", extra="")
    assert located(text, "TOC505") == [("TOC505", 15, 60)]
    finding = only(text, "TOC505")[0]
    assert finding.message == ('impact question q1 claims a change in "fewer" that its numbers cannot show: '
                               'indicator "escalations" needs 1,636 per group, about 120 are available')
    assert finding.node == "fewer"
    assert "`sample:`" in finding.hint


def test_a_sample_large_enough_clears_it():
    assert located(BASE.format(kind="impact", extra=", sample: 2000"), "TOC505") == []


def test_follow_up_loss_can_make_a_sample_too_small():
    text = BASE.format(kind="impact", extra=", sample: 2000").replace("frequency: quarterly",
                                                                      "frequency: 'pre, post and 12 months'")
    assert located(text, "TOC505") == [("TOC505", 15, 60)]  # 2000 x 14% = 277 < 1,636


def test_process_questions_and_unquantified_indicators_are_not_claims():
    assert located(BASE.format(kind="process", extra=""), "TOC505") == []
    text = BASE.format(kind="impact", extra="").replace("baseline: 12", "baseline: not yet known")
    assert located(text, "TOC505") == []  # cannot tell is not "not detectable"
