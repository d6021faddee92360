from conftest import located, only

BASE = """\
toc: 1
nodes:
  course: {{type: activity, label: Couples course, leads_to: [less-conflict]}}
  less-conflict:
    type: outcome
    term: medium
    label: Less conflict between parents
    indicators:
      - {{id: acrimony, measure: Acrimony score, frequency: '{frequency}'}}
evaluation:
  timeline: {timeline}
  questions:
    - {{id: q1, text: Q, kind: impact, nodes: [less-conflict], methods: [parent-survey], timing: {timing}}}
"""


def text(frequency="pre and post, 6 and 12 months", timeline="Inception in the first quarter; final report at month 18",
         timing="end of the contract"):
    return BASE.format(frequency=frequency, timeline=timeline, timing=timing)


def test_reported_at_the_words_that_name_the_follow_up():
    assert located(text(), "TOC509") == [("TOC509", 9, 60)]
    [finding] = only(text(), "TOC509")
    assert finding.message == ('the 12-month follow-up of indicator "acrimony" of "less-conflict" cannot finish before '
                               'the final report at month 18: inception to month 3, 3 months to recruit and deliver, '
                               '12 of follow-up and 3 to analyse and report end at month 21')
    assert finding.node == "less-conflict"
    assert "month 21" in finding.hint


def test_a_follow_up_that_fits_is_not_reported():
    assert located(text(frequency="pre and post, 6 months"), "TOC509") == []
    assert located(text(timeline="Inception in the first quarter; final report at month 21"), "TOC509") == []


def test_a_question_timing_is_checked_too():
    found = located(text(frequency="pre and post", timing="'start, end and 12-month follow-up'"), "TOC509")
    assert found == [("TOC509", 13, 97)]


def test_no_final_month_no_finding():
    assert located(text(timeline="April 2025 to March 2027"), "TOC509") == []


def test_a_month_in_the_contract_is_not_a_follow_up():
    # "final report, month 18" is a date in the contract, not 18 months after the intervention.
    assert located(text(frequency="pre and post", timing="'final report, month 18'"), "TOC509") == []
