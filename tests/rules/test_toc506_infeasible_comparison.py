from conftest import located, only

TEXT = """\
toc: 1
nodes:
  course: {type: activity, label: Couples course, leads_to: [calmer, fewer]}
  calmer:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators: [{id: c, measure: Conflict score, source: Course questionnaires}]
  fewer:
    type: impact
    label: Fewer repeat incidents
    methods: [matched-comparison]
    indicators: [{id: p, measure: Police-attended incidents, source: Police incident data}]
evaluation:
  questions:
    - {id: q1, text: Q, kind: impact, nodes: [calmer], methods: [difference-in-differences]}
    - {id: q2, text: Q, kind: impact, nodes: [calmer], methods: [waiting-list-comparison], comparison: Waiting list}
    - {id: q3, text: Q, kind: impact, nodes: [fewer], methods: [difference-in-differences]}
"""


def test_comparison_designs_without_a_group_or_anyone_to_compare_with():
    assert located(TEXT, "TOC506") == [
        ("TOC506", 12, 15),  # matched comparison on a node no question with a comparison is about
        ("TOC506", 16, 66),  # q1: no comparison named
        ("TOC506", 16, 66),  # q1: course questionnaires exist only for families on the course
        ("TOC506", 18, 65),  # q3: no comparison named (police data exists for everyone: no second finding)
    ]


def test_messages_say_what_is_missing():
    messages = [finding.message for finding in only(TEXT, "TOC506")]
    assert messages[0] == ('matched-comparison chosen for "fewer" needs a comparison group, and no question about '
                           "it says where it comes from")
    assert messages[1:3] == [
        'difference-in-differences in question "q1" needs a comparison group, and the question does not say '
        "where it comes from",
        'difference-in-differences on "calmer": its indicators exist only for families the service worked with '
        '(source "Course questionnaires"), so there is no one to compare with',
    ]
    assert "DWP parental-conflict funding since 2018" in only(TEXT, "TOC506")[1].hint


def test_a_named_group_and_population_wide_data_pass():
    text = TEXT.replace("methods: [difference-in-differences]}\n    - {id: q2", "methods: [interviews]}\n    - {id: q2")
    text = text.replace("methods: [difference-in-differences]}\n", "methods: [difference-in-differences], comparison: Wards "
                        "where the service has not started}\n")
    assert located(text, "TOC506") == []
