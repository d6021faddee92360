"""One test per suggestion rule, with the reason a commissioner reads."""

import textwrap

from toc.evaluation.catalogue import shipped
from toc.evaluation.suggestions import RULES, node_facts, suggest
from toc.loading import load_text

MEASURE_NAMES = {key: m.name for key, m in shipped().measures.items()}


def suggestions(yaml_text: str, node_id: str, asked=()):
    model = load_text(textwrap.dedent(yaml_text)).model
    facts = node_facts(model, model.nodes[node_id], set(asked), MEASURE_NAMES)
    return [(s.rule, s.method, s.reason) for s in suggest(facts, shipped().methods)]


def test_delivery_monitoring():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: activity, label: A, indicators: [{id: i, availability: collected}]}
        """, "a")
    assert found == [("delivery-monitoring", "monitoring-data",
                      "activity with data you already collect: routine monitoring data, because reach, dosage "
                      "and completion come from your own records")]


def test_delivery_costs():
    found = suggestions("toc: 1\nnodes:\n  a: {type: activity, label: A}\n", "a", asked={"economic"})
    assert found == [("delivery-costs", "cost-analysis", "activity with an economic question: cost analysis, "
                      "because value for money starts from the full cost of delivery")]


def test_practitioner_change():
    found = suggestions("toc: 1\nnodes:\n  c: {type: outcome, term: short, label: Practitioners confident}\n", "c")
    assert found == [("practitioner-change", "practitioner-survey",
                      "short-term outcome about practitioners: a practitioner survey before and after training, "
                      "because confidence and knowledge change soon after it")]


def test_validated_measure():
    found = suggestions("""\
        toc: 1
        nodes:
          w: {type: outcome, term: short, label: Wellbeing, indicators: [{id: i, instrument: swemwbs}]}
        """, "w")
    assert found[0] == ("validated-measure", "parent-survey",
                        "short-term outcome measured with Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS): "
                        "a survey before, after and at follow-up, because a validated measure shows change the "
                        "same way each time")


def test_partner_data_contribution():
    found = suggestions("""\
        toc: 1
        nodes:
          l: {type: outcome, term: long, label: L, indicators: [{id: i, availability: partner}]}
        """, "l")
    assert found[0] == ("partner-data-contribution", "contribution-analysis",
                        "long-term outcome with partner-held data: contribution analysis, because attribution is "
                        "not feasible without a comparison group")


def test_comparison_design():
    found = suggestions("""\
        toc: 1
        nodes:
          i: {type: impact, label: I, indicators: [{id: x, availability: collected}]}
        """, "i")
    assert ("comparison-design", "difference-in-differences",
            "impact with recorded data: difference-in-differences against areas without the programme, if their "
            "data can be had, because it is the most credible impact estimate a local programme can afford") in found


def test_nothing_collected():
    found = suggestions("toc: 1\nnodes:\n  m: {type: outcome, term: medium, label: M}\n", "m")
    assert found[0] == ("nothing-collected", "outcome-harvesting",
                        "medium-term outcome with no indicator yet: outcome harvesting, because it gathers "
                        "evidence of the change after the fact and substantiates the programme's part in it")


def test_weak_links():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: output, label: A, leads_to: [{to: s, evidence: weak}]}
          s: {type: outcome, term: short, label: S, indicators: [{id: i, instrument: sdq}]}
        """, "s")
    assert ("weak-links", "interviews",
            "short-term outcome reached by links with weak or no evidence: in-depth interviews, because they test "
            "why the change does or does not follow") in found


def test_outcome_process():
    found = suggestions("toc: 1\nnodes:\n  s: {type: outcome, term: short, label: S}\n", "s", asked={"process"})
    assert found == [("outcome-process", "focus-groups", "short-term outcome with a process question: focus "
                      "groups, because they bring out barriers and whether the assumptions held")]


def test_outcome_value():
    found = suggestions("toc: 1\nnodes:\n  s: {type: impact, label: S}\n", "s", asked={"economic"})
    assert found == [("outcome-value", "cost-effectiveness", "impact with an economic question: "
                      "cost-effectiveness analysis, because it sets the cost per outcome beside alternatives")]


def test_short_term_default():
    found = suggestions("toc: 1\nnodes:\n  s: {type: outcome, term: short, label: Parents cope}\n", "s")
    assert found == [("short-term-default", "parent-survey",
                      "short-term outcome with no validated measure yet: a survey before and after, once a measure "
                      "is chosen from the catalogue, because short-term change is seen soon")]


def test_short_term_others():
    found = suggestions("toc: 1\nnodes:\n  s: {type: outcome, term: short, label: Leaders committed}\n", "s")
    assert found == [("short-term-others", "interviews",
                      "short-term outcome with no validated measure: in-depth interviews with the people it is "
                      "about, because they show whether and how the change happened")]


def test_at_most_two_suggestions_most_specific_first():
    found = suggestions("""\
        toc: 1
        nodes:
          a: {type: output, label: A, leads_to: [{to: l, evidence: weak}]}
          l: {type: outcome, term: long, label: L, indicators: [{id: i, availability: partner}]}
        """, "l")
    assert [rule for rule, _, _ in found] == ["partner-data-contribution", "weak-links"]


def test_later_default():
    found = suggestions("""\
        toc: 1
        nodes:
          l: {type: outcome, term: long, label: L, indicators: [{id: i, availability: collected}]}
        """, "l")
    assert found == [("later-default", "contribution-analysis",
                      "long-term outcome: contribution analysis, because change this far along the chain has many "
                      "causes and a contribution claim is what the evidence can support")]


def test_every_rule_has_a_test():
    tested = {name[5:].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert {rule.name for rule in RULES} <= tested


def test_a_method_the_catalogue_lacks_is_never_suggested():
    model = load_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n").model
    facts = node_facts(model, model.nodes["a"], set(), MEASURE_NAMES)
    methods = {k: v for k, v in shipped().methods.items() if k != "monitoring-data"}
    assert suggest(facts, methods) == []
