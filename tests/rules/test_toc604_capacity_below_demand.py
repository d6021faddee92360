from conftest import located, only

from toc.loading import load_text
from toc.pathway import build_matrix, expected_demand, figure_rate


def model(capacity: str = "capacity: 120", coverage: str = "coverage: 0.5", unit: str = "'%'",
          second: str = "") -> str:
    return f"""\
toc: 1
pathway:
  levels: {{universal: Universal, targeted: Targeted}}
  populations: {{all-parents: All parents}}
  {coverage}
nodes:
  conflict:
    type: need
    label: Parents in conflict
    figures:
      - {{id: conflict-rate, value: 12, unit: {unit}, population: 8000, level: targeted}}
    leads_to: [course]
  course:
    type: activity
    label: Targeted couple course
    level: targeted
    populations: [all-parents]
    {capacity}
    leads_to: [calmer]
{second}  calmer:
    type: outcome
    term: short
    label: Calmer
"""


def test_capacity_below_the_share_is_located_at_the_level():
    assert located(model(), "TOC604") == [("TOC604", 3, 34)]
    finding = only(model(), "TOC604")[0]
    assert finding.message == ('services at pathway level "Targeted" can take 120 families a year, below 50% of the '
                               "expected demand of 960 (480)")


def test_exactly_the_share_is_enough_and_no_coverage_means_no_check():
    assert located(model("capacity: 480"), "TOC604") == []
    assert located(model(coverage=""), "TOC604") == []


def test_services_without_capacity_are_named_and_count_nothing():
    second = ("  other:\n    type: activity\n    label: Other\n    level: targeted\n    populations: [all-parents]\n"
              "    capacity: 400\n    leads_to: [calmer]\n")
    assert located(model(second=second), "TOC604") == []  # 120 + 400 >= 480
    assert "1 service(s) there give no capacity" in only(model(capacity="provider: Hub"), "TOC604")[0].message


def test_rates_per_thousand_and_non_rates():
    assert located(model(unit="'per 1,000 families'"), "TOC604") == []  # 12 per 1,000 of 8,000 = 96
    matrix = build_matrix(load_text(model(unit="'per 1,000 families'")).model)
    assert matrix.demand[0].demand == 96
    assert located(model(unit="families"), "TOC604") == []  # a count, not a rate: no demand
    figure = load_text(model()).model.nodes["conflict"].figures[0]
    assert figure_rate(figure) == 0.12 and expected_demand(figure) == 960


def test_an_unknown_figure_level_is_reported_by_the_loader():
    text = model().replace("level: targeted}", "level: targetted}")
    assert [(code, line) for code, line, _ in located(text, "TOC004")] == [("TOC004", 11)]
