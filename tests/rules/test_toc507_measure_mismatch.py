from conftest import located, only

TEXT = """\
toc: 1
pathway:
  populations:
    together: Couples living together with children under 5
nodes:
  course: {type: activity, label: Couples course, level: targeted, populations: [together], leads_to: [calmer, kids]}
  calmer:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators:
      - {id: w, instrument: wemwbs}
      - {id: a, measure: Acrimony Scale score}
  kids:
    type: outcome
    term: long
    label: Children's emotional wellbeing improves
    indicators:
      - {id: v, instrument: cpic}
      - {id: s, measure: SDQ total}
"""


def test_construct_role_population_and_ages():
    assert located(TEXT, "TOC507") == [
        ("TOC507", 13, 26),  # the Acrimony Scale is for separated parents, the course for couples together
        ("TOC507", 19, 29),  # CPIC is for 9-17, the children are under 5
        ("TOC507", 19, 29),  # CPIC is a mediator, not children's wellbeing
        ("TOC507", 20, 26),  # SDQ is for 2-17
    ]


def test_messages():
    messages = [finding.message for finding in only(TEXT, "TOC507")]
    assert messages == [
        'Acrimony Scale was built for separated parents, but the services reaching "calmer" are for couples '
        "living together",
        'Children\'s Perception of Interparental Conflict scale (CPIC) is for children aged 9-17, but the '
        'populations of "kids" are children aged 0-4',
        "Children's Perception of Interparental Conflict scale (CPIC) measures a mediator (the route to the "
        'outcome), not the children\'s wellbeing that "kids" is about',
        'Strengths and Difficulties Questionnaire (SDQ) is for children aged 2-17, but the populations of "kids" '
        "are children aged 0-4",
    ]


def test_wellbeing_as_the_only_measure_of_less_conflict():
    text = """\
toc: 1
nodes:
  calmer:
    type: outcome
    term: medium
    label: Parents argue less
    indicators: [{id: w, instrument: wemwbs}, {id: k, measure: "Relationship satisfaction (CSI-16)"}]
"""
    assert located(text, "TOC507") == [("TOC507", 7, 38)]
    assert only(text, "TOC507")[0].message == (
        '"calmer" is about conflict, but its only measures are Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS) '
        "(parent wellbeing), Couples Satisfaction Index (CSI) (relationship quality)")
    fixed = text.replace("{id: w, instrument: wemwbs}", "{id: o, instrument: oleary-porter}")
    assert located(fixed, "TOC507") == []


def test_no_population_stated_no_population_finding():
    text = TEXT.replace("    together: Couples living together with children under 5\n", "    together: Parents\n")
    assert [f.message.split(" (CPIC) ")[1][:18] for f in only(text, "TOC507")] == ["measures a mediato"]
