"""One test per suggestion rule, with the reason a commissioner reads; every catalogue method is reachable."""

import textwrap

from toc.evaluation.catalogue import shipped
from toc.evaluation.suggestions import RULES, node_facts, suggest
from toc.loading import load_text

MEASURE_NAMES = {key: m.name for key, m in shipped().measures.items()}


def suggestions(yaml_text: str, node_id: str, asked=()):
    model = load_text(textwrap.dedent(yaml_text)).model
    facts = node_facts(model, model.nodes[node_id], set(asked), MEASURE_NAMES)
    return [(s.rule, s.method, s.reason) for s in suggest(facts, shipped().methods)]


def reached(node_yaml: str, extra: str = "", service: str = "") -> str:
    """A model where an activity leads to node "n" (given as its YAML mapping)."""
    return (f"toc: 1\n{extra}nodes:\n  act: {{type: activity, label: Service{service}, leads_to: [{{to: n, evidence: strong}}]}}\n"
            f"  n: {node_yaml}\n")


def test_delivery_monitoring():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: activity, label: A, indicators: [{id: i, availability: collected}]}
        """, "a")
    assert found[0] == ("delivery-monitoring", "monitoring-data",
                        "activity with data you already collect: routine monitoring data, because reach, dosage "
                        "and completion come from your own records")


def test_delivery_costs():
    found = suggestions("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "a", asked={"economic"})
    assert found == [("delivery-costs", "cost-analysis", "activity with an economic question: cost analysis, "
                      "because value for money starts from the full cost of delivery")]
    # Every plan costs its activities, whatever is asked.
    found = suggestions("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "a")
    assert found[1] == ("delivery-costs", "cost-analysis", "activity: cost analysis, because every plan needs the "
                        "full cost of delivery, and beside the outcomes measured it makes a cost-consequence account")


def test_practitioner_practice():
    found = suggestions(reached("{type: outcome, term: medium, label: Practitioners routinely support parents}"),
                        "n")
    assert found[0] == ("practitioner-practice", "case-file-audit",
                        "medium-term outcome about practice: case-file audit (or observation) before and after, "
                        "because changed practice shows in records, not in self-report (Kirkpatrick level 3, "
                        "behaviour)")


def test_practitioner_change():
    found = suggestions(reached("{type: outcome, term: short, label: Practitioners confident}"), "n")
    assert found == [("practitioner-change", "practitioner-survey",
                      "short-term outcome about practitioners: a practitioner survey before and after training, "
                      "because confidence and knowledge (Kirkpatrick levels 1-2) change soon after it")]


def test_critical_link():
    found = suggestions("""\
        toc: 1
        assumptions:
          engage: {text: Parents take up the offer, criticality: high, evidence: weak}
        nodes:
          act: {type: activity, label: A, leads_to: [{to: n, assumptions: [engage]}]}
          n: {type: outcome, term: medium, label: Less destructive conflict between parents}
        """, "n")
    assert found[0] == ("critical-link", "process-tracing",
                        'medium-term outcome reached by the link "act" -> "n" (assumption "engage"), which the '
                        "theory depends on and which has weak or no evidence: process tracing in a few cases, "
                        "because it tests that link against rival explanations")


def test_validated_measure():
    found = suggestions(reached("{type: outcome, term: short, label: Parents' wellbeing, "
                                "indicators: [{id: i, instrument: swemwbs}]}"), "n")
    assert found[0] == ("validated-measure", "parent-survey",
                        "short-term outcome measured with Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS): "
                        "a survey before, after and at follow-up, because a validated measure shows change the "
                        "same way each time")


def test_a_measure_named_in_text_counts_as_validated():
    # Unset availability is "not stated", not "no data": a quantified SDQ indicator gets a survey.
    found = suggestions(reached("{type: outcome, term: long, label: Children's wellbeing improves, "
                                "indicators: [{id: i, measure: SDQ total difficulties, baseline: 16, target: 13}]}"),
                        "n")
    assert [rule for rule, _, _ in found] == ["validated-measure", "later-default"]
    assert "Strengths and Difficulties Questionnaire (SDQ)" in found[0][2]


TRIAL = """\
toc: 1
nodes:
  act: {type: activity, label: Programme, leads_to: [out]}
  out: {type: output, label: Parents complete, indicators: [{id: c, target: 600}], leads_to: [n]}
  n:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators: [{id: o, instrument: oleary-porter, source: Programme questionnaires}]
"""


def test_trial_scale():
    found = suggestions(TRIAL, "n", asked={"impact"})
    assert found[1] == ("trial-scale", "rct",
                        'medium-term outcome with an impact question and a target of 600 at "out": a randomised '
                        "trial (of families, or of teams in a cluster trial) is feasible at this scale, because only "
                        "randomisation rules out regression to the mean and selection; weigh its cost against the "
                        "budget")


def test_waiting_list():
    found = suggestions(TRIAL.replace("600", "120"), "n", asked={"impact"})
    assert found[1] == ("waiting-list", "waiting-list-comparison",
                        "medium-term outcome with an impact question, measured only for families in the service: a "
                        "waiting-list comparison, because families waiting to start are a comparison group that "
                        "exists even though every area has the programme")


PARTIAL = """\
toc: 1
nodes:
  act: {type: activity, label: Video coaching pilot, level: targeted, area: East Wirral, leads_to: [n]}
  n:
    type: impact
    label: Fewer police call-outs for domestic incidents
    indicators: [{id: p, measure: Domestic incidents per 1000 households, source: Police incident data}]
"""


def test_within_area_comparison():
    found = suggestions(PARTIAL, "n", asked={"impact"})
    assert found[0] == ("within-area-comparison", "difference-in-differences",
                        'impact recorded in "Police incident data" for everyone, with services offered only in '
                        '"East Wirral": difference-in-differences between the parts of the area with the service '
                        "and those without, because DWP has funded parental-conflict work in every upper-tier "
                        "authority since 2018, so other authorities are no clean comparison")


def test_no_difference_in_differences_without_an_explicit_question_or_for_served_only_data():
    assert all(method != "difference-in-differences" for _, method, _ in suggestions(PARTIAL, "n"))
    served = PARTIAL.replace("source: Police incident data", "source: Provider records")
    assert all(method != "difference-in-differences" for _, method, _ in suggestions(served, "n", {"impact"}))


def test_staggered_start():
    found = suggestions(PARTIAL.replace("source: Police incident data", "source: Provider records"), "n",
                        asked={"impact"})
    assert found[0] == ("staggered-start", "staggered-rollout",
                        'impact reached by services offered only in "East Wirral": a staggered roll-out, extending '
                        "them team by team or area by area in an order set in advance, because teams not yet started "
                        "are a fair comparison")


CASES = """\
toc: 1
nodes:
  act: {type: activity, label: Triage, leads_to: [{to: n, evidence: moderate}]}
  n:
    type: outcome
    term: long
    label: Fewer families escalate to social care
    indicators:
      - {id: e, measure: Families stepped up to social care, source: Early Help case management system,
         frequency: quarterly, availability: collected}
"""


def test_matched_cohort():
    found = suggestions(CASES, "n", asked={"impact"})
    assert found[0] == ("matched-cohort", "matched-comparison",
                        'long-term outcome recorded in "Early Help case management system": a matched comparison '
                        "with similar families in the same records who were not offered the service, because the "
                        "records already hold a comparison group")


def test_known_start():
    found = suggestions(CASES, "n")
    assert found[0] == ("known-start", "interrupted-time-series",
                        'long-term outcome recorded quarterly in "Early Help case management system": an interrupted '
                        "time series at the date the service started, because a long series before that date shows "
                        "the trend the change must break")


def test_recorded_outcome():
    found = suggestions(CASES, "n")
    assert found[1] == ("recorded-outcome", "administrative-data",
                        'long-term outcome with recorded data ("Early Help case management system"): analysis of '
                        "the administrative data before and after, because the records exist already; it shows the "
                        "trend, not its cause")


def test_partner_data_contribution():
    found = suggestions(reached("{type: outcome, term: long, label: Children do better, "
                                "indicators: [{id: i, availability: partner}]}"), "n")
    assert found[0] == ("partner-data-contribution", "contribution-analysis",
                        "long-term outcome with partner-held data: contribution analysis, because attribution is "
                        "not feasible without a comparison group")


def test_for_whom():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: activity, label: A, level: targeted, populations: [separating], leads_to: [n]}
          b: {type: activity, label: B, level: targeted, populations: [fathers-carers], leads_to: [n]}
          n: {type: outcome, term: short, label: Parents cope, indicators: [{id: i, instrument: bacs-8}]}
        """, "n")
    assert found[1] == ("for-whom", "realist-evaluation",
                        'short-term outcome reached by services for different groups ("Separating and separated '
                        'parents", "Fathers and carers"): realist evaluation, because it asks what works for whom '
                        "and in what circumstances")


def test_nothing_collected():
    found = suggestions(reached("{type: outcome, term: medium, label: Parents cope}"), "n")
    assert found[0] == ("nothing-collected", "outcome-harvesting",
                        "medium-term outcome with no indicator yet: outcome harvesting, because it gathers "
                        "evidence of the change after the fact and substantiates the programme's part in it")


def test_unset_availability_is_not_stated_not_nothing():
    found = suggestions(reached("{type: outcome, term: medium, label: Parents cope, "
                                "indicators: [{id: i, measure: Parents coping, baseline: 40, target: 60}]}"), "n")
    assert "outcome-harvesting" not in [method for _, method, _ in found]


def test_system_change():
    found = suggestions(reached("{type: outcome, term: medium, label: Partners share data on families' risk "
                                "factors, indicators: [{id: i, source: Housing records, availability: partner}]}"),
                        "n")
    assert found == [("system-change", "interviews",
                      "medium-term outcome about partners and services: in-depth interviews with their leads, "
                      "checked against their plans and records, because whether organisations changed how they work "
                      "is known from them")]


def test_weak_links():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: activity, label: A, leads_to: [{to: s, evidence: weak}]}
          s: {type: outcome, term: short, label: Parents cope, indicators: [{id: i, instrument: sdq}]}
        """, "s")
    assert ("weak-links", "interviews",
            "short-term outcome reached by links with weak or no evidence: in-depth interviews, because they test "
            "why the change does or does not follow") in found


def test_outcome_process():
    found = suggestions(reached("{type: outcome, term: short, label: S}"), "n", asked={"process"})
    assert found == [("outcome-process", "focus-groups", "short-term outcome with a process question: focus "
                      "groups, because they bring out barriers and whether the assumptions held")]


def test_outcome_benefit():
    found = suggestions(CASES, "n", asked={"economic"})
    assert found[0] == ("outcome-benefit", "cost-benefit",
                        'long-term outcome with an economic question and recorded demand ("Early Help case '
                        'management system"): cost-benefit analysis, valuing the demand avoided with unit costs, '
                        "because fiscal benefits show in these records; it needs a credible impact estimate first")


def test_outcome_value():
    found = suggestions(reached("{type: impact, label: S}"), "n", asked={"economic"})
    assert found == [("outcome-value", "cost-effectiveness", "impact with an economic question: "
                      "cost-effectiveness analysis, because it sets the cost per outcome beside alternatives")]


def test_short_term_default():
    found = suggestions(reached("{type: outcome, term: short, label: Parents cope}"), "n")
    assert found == [("short-term-default", "parent-survey",
                      "short-term outcome about parents with no validated measure yet: a survey before and after, "
                      "once a measure is chosen from the catalogue, because short-term change is seen soon")]


def test_short_term_others():
    found = suggestions(reached("{type: outcome, term: short, label: Young people understand healthy "
                                "relationships}"), "n")
    assert found == [("short-term-others", "interviews",
                         "short-term outcome with no validated measure: in-depth interviews with the people it is "
                         "about, because they show whether and how the change happened")]


def test_the_subject_of_a_label_not_any_word_in_it():
    # "children's" later in the label does not make a partners' outcome a parent survey.
    found = suggestions(reached("{type: outcome, term: short, label: Partners understand how parental conflict "
                                "affects children's outcomes}"), "n")
    assert "parent-survey" not in [method for _, method, _ in found]


def test_later_default():
    found = suggestions(reached("{type: outcome, term: long, label: Children do better, "
                                "indicators: [{id: i, availability: collected}]}"), "n")
    assert found == [("later-default", "contribution-analysis",
                      "long-term outcome: contribution analysis, because change this far along the chain has many "
                      "causes and a contribution claim is what the evidence can support")]


def test_later_default_is_anchored_on_a_weak_critical_link():
    found = suggestions("""\
        toc: 1
        assumptions:
          engage: {text: Parents take up the offer, criticality: high, evidence: weak}
        nodes:
          act: {type: activity, label: A, leads_to: [{to: m, assumptions: [engage]}]}
          m: {type: outcome, term: medium, label: Parents argue less, leads_to: [{to: n, evidence: strong}]}
          n: {type: outcome, term: long, label: Children do better, indicators: [{id: i, availability: collected}]}
        """, "n")
    assert found == [("later-default", "contribution-analysis",
                      'long-term outcome: contribution analysis, anchored on the link "act" -> "m" (assumption '
                      '"engage"), which the theory depends on with weak or no evidence, because change this far '
                      "along the chain has many causes and a contribution claim is what the evidence can support")]


def test_a_node_no_activity_reaches_gets_no_method():
    assert suggestions("toc: 1\nnodes:\n  n: {type: outcome, term: long, label: Children do better}\n", "n") == []


def test_every_rule_has_a_test():
    tested = {name[5:].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert {rule.name for rule in RULES} <= tested


def test_a_method_the_catalogue_lacks_is_never_suggested():
    model = load_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n").model
    facts = node_facts(model, model.nodes["a"], set(), MEASURE_NAMES)
    methods = {k: v for k, v in shipped().methods.items() if k not in ("monitoring-data", "cost-analysis")}
    assert suggest(facts, methods) == []


# One model (and the question kinds asked) per catalogue method that gets it suggested.
REACHES = {
    "monitoring-data": ("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "a", ()),
    "cost-analysis": ("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "a", ()),
    "practitioner-survey": (reached("{type: outcome, term: short, label: Practitioners confident}"), "n", ()),
    "case-file-audit": (reached("{type: outcome, term: medium, label: Practitioners routinely help}"), "n", ()),
    "parent-survey": (reached("{type: outcome, term: short, label: Parents cope}"), "n", ()),
    "focus-groups": (reached("{type: outcome, term: short, label: S}"), "n", ("process",)),
    "interviews": (reached("{type: outcome, term: short, label: Leaders committed}"), "n", ()),
    "realist-evaluation": ("""\
toc: 1
nodes:
  a: {type: activity, label: A, level: targeted, populations: [separating], leads_to: [n]}
  b: {type: activity, label: B, level: targeted, populations: [fathers-carers], leads_to: [n]}
  n: {type: outcome, term: short, label: Parents cope, indicators: [{id: i, instrument: bacs-8}]}
""", "n", ()),
    "contribution-analysis": (reached("{type: outcome, term: long, label: Children do better, "
                                      "indicators: [{id: i, availability: collected}]}"), "n", ()),
    "process-tracing": ("""\
toc: 1
assumptions:
  engage: {text: Parents take up the offer, criticality: high, evidence: weak}
nodes:
  act: {type: activity, label: A, leads_to: [{to: n, assumptions: [engage]}]}
  n: {type: outcome, term: medium, label: Parents argue less}
""", "n", ()),
    "outcome-harvesting": (reached("{type: outcome, term: medium, label: Parents cope}"), "n", ()),
    "administrative-data": (CASES, "n", ()),
    "matched-comparison": (CASES, "n", ("impact",)),
    "difference-in-differences": (PARTIAL, "n", ("impact",)),
    "waiting-list-comparison": (TRIAL.replace("600", "120"), "n", ("impact",)),
    "staggered-rollout": (PARTIAL.replace("Police incident data", "Provider records"), "n", ("impact",)),
    "interrupted-time-series": (CASES, "n", ()),
    "rct": (TRIAL, "n", ("impact",)),
    "cost-effectiveness": (reached("{type: impact, label: S}"), "n", ("economic",)),
    "cost-benefit": (CASES, "n", ("economic",)),
}


def test_no_catalogue_method_is_unreachable():
    assert set(REACHES) == set(shipped().methods)
    for method, (text, node_id, asked) in REACHES.items():
        assert method in [m for _, m, _ in suggestions(text, node_id, asked)], method
