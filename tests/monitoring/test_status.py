"""The status rules of docs/monitoring.md, boundary by boundary."""

import pytest

from monitoring_support import MODEL, write
from toc.checker import check_file
from toc.model import Indicator, Location
from toc.monitoring import AMBER, GREEN, GREY, RED, Plan, expected_value, progress, stale, status_of
from toc.periods import parse_period

P = parse_period
PLAN = Plan(P("2025-Q1"), P("2025-Q4"), 0.1)


def indicator(**fields) -> Indicator:
    return Indicator(id="i", location=Location("m", 1, 1), **fields)


# ------------------------------------------------------------------ expected values
@pytest.mark.parametrize("period, expected", [("2025-Q1", 10), ("2025-Q2", 20), ("2025-Q4", 40), ("2025", 40),
                                              ("2025-01", 40 / 12), ("2025-06", 20)])
def test_linear_from_the_baseline_at_the_start_to_the_target_at_the_end(period, expected):
    assert expected_value(indicator(baseline=0, target=40), PLAN, P(period)) == pytest.approx(expected)


def test_a_decrease_runs_down_the_line():
    assert expected_value(indicator(baseline=18, target=14), PLAN, P("2025-Q2")) == pytest.approx(16)


def test_milestones_bend_the_line_and_hold_after_the_last():
    trajectory = indicator(baseline=0, target=40, trajectory={"2025-Q2": 5, "2025-Q3": 30})
    assert expected_value(trajectory, PLAN, P("2025-Q1")) == pytest.approx(2.5)
    assert expected_value(trajectory, PLAN, P("2025-Q2")) == 5
    assert expected_value(trajectory, PLAN, P("2025-Q3")) == 30
    assert expected_value(trajectory, PLAN, P("2025-Q4")) == 40
    late = indicator(baseline=0, target=40, trajectory={"2026-Q2": 40})  # a milestone past the plan's end
    assert expected_value(late, PLAN, P("2025-Q4")) == pytest.approx(40 * 12 / 18)


def test_a_text_baseline_takes_the_first_value_as_the_baseline():
    text_baseline = indicator(baseline="not yet known", target=100)
    assert expected_value(text_baseline, PLAN, P("2025-Q2"), first=(P("2025-Q2"), 40)) == 40
    assert expected_value(text_baseline, PLAN, P("2025-Q4"), first=(P("2025-Q2"), 40)) == 100
    assert expected_value(text_baseline, PLAN, P("2025-Q3"), first=(P("2025-Q2"), 40)) == pytest.approx(70)


def test_no_line_without_a_numeric_target_or_milestones():
    assert expected_value(indicator(baseline=3, target="reduction"), PLAN, P("2025-Q2")) is None
    assert expected_value(indicator(baseline=3), PLAN, P("2025-Q2")) is None


# ------------------------------------------------------------------ RAG boundaries
@pytest.mark.parametrize("value, status", [(10, GREEN), (11, GREEN), (9.000001, AMBER), (8, AMBER), (7.999, RED)])
def test_increase_boundaries(value, status):
    assert status_of(value, 10, "increase", 2) == status


@pytest.mark.parametrize("value, status", [(10, GREEN), (9, GREEN), (12, AMBER), (12.001, RED)])
def test_decrease_boundaries(value, status):
    assert status_of(value, 10, "decrease", 2) == status


@pytest.mark.parametrize("value, status", [(10, GREEN), (8, AMBER), (12, AMBER), (12.5, RED)])
def test_without_a_direction_either_way_counts(value, status):
    assert status_of(value, 10, None, 2) == status


def test_a_value_on_a_line_of_thirds_is_green_despite_rounding():
    assert status_of(40 / 3, 40 * 4 / 12, "increase", 0.0) == GREEN


# ------------------------------------------------------------------ whole progress
TWO_LINKED = MODEL


def _progress(tmp_path, csv_text, model=TWO_LINKED, area=""):
    return progress(check_file(write(tmp_path, csv_text, model)).model, area)


def test_statuses_nodes_and_a_suspect_link(tmp_path):
    result = _progress(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\nsessions-held,2025-Q2,21\n"
                                 "sdq-total,2025-Q1,17.9\nsdq-total,2025-Q2,17.5\n")
    by_id = {status.id: status for status in result.indicators}
    assert (by_id["sessions-held"].status, by_id["sessions-held"].expected) == (GREEN, 20)
    # sdq: expected 16 at Q2, band 0.1 * 4 = 0.4; 17.5 is 1.5 behind: red
    assert (by_id["sdq-total"].status, by_id["sdq-total"].expected) == (RED, 16)
    assert by_id["sdq-total"].direction == "decrease"
    assert result.nodes == {"course": GREY, "sessions": GREEN, "calmer": RED}
    assert [(link.link.source, link.flag, link.as_at and link.as_at.text) for link in result.links] == \
        [("course", None, None), ("sessions", "suspect", "2025-Q2")]


def test_the_link_is_judged_at_the_latest_period_both_ends_have(tmp_path):
    # The output has Q3 (red by then), the outcome only Q2: they are compared as at Q2.
    result = _progress(tmp_path, "indicator,period,value\nsessions-held,2025-Q2,20\nsessions-held,2025-Q3,1\n"
                                 "sdq-total,2025-Q2,19\n")
    assert result.nodes["sessions"] == RED
    assert [(link.flag, link.as_at.text, link.source_status) for link in result.links[1:]] == \
        [("suspect", "2025-Q2", GREEN)]


def test_grey_without_data_and_no_flag(tmp_path):
    result = _progress(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n")
    assert {s.id: s.status for s in result.indicators} == {"sessions-held": GREEN, "sdq-total": GREY}
    assert result.nodes == {"course": GREY, "sessions": GREEN, "calmer": GREY}
    assert [link.flag for link in result.links] == [None, None]


def test_the_worst_indicator_sets_the_node(tmp_path):
    model = MODEL.replace("      - {id: sessions-held,", "      - {id: parents, baseline: 0, target: 100}\n"
                                                         "      - {id: sessions-held,")
    result = _progress(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\nparents,2025-Q1,20\n", model)
    assert result.nodes["sessions"] == AMBER  # parents: 20 against 25, band 10


def test_accumulate_sum_adds_each_periods_count(tmp_path):
    model = MODEL.replace("baseline: 0, target: 40}", "baseline: 0, target: 40, accumulate: sum}")
    result = _progress(tmp_path, "indicator,period,value\nsessions-held,2025-Q2,12\nsessions-held,2025-Q1,9\n", model)
    sessions = result.indicators[0]
    assert [(period.text, value) for period, value in sessions.series] == [("2025-Q1", 9), ("2025-Q2", 21)]
    assert sessions.latest == (P("2025-Q2"), 21) and sessions.status == GREEN


def test_areas_are_apart(tmp_path):
    text = "indicator,period,value,area\nsessions-held,2025-Q1,10,North\nsessions-held,2025-Q1,2,South\n"
    assert _progress(tmp_path, text, area="North").nodes["sessions"] == GREEN
    assert _progress(tmp_path, text, area="South").nodes["sessions"] == RED
    assert _progress(tmp_path, text).nodes["sessions"] == GREY


def test_stale_boundaries():
    quarterly = indicator(frequency="quarterly")
    assert stale(quarterly, P("2025-Q2"), P("2025-Q3"))
    assert not stale(quarterly, P("2025-Q3"), P("2025-Q3"))
    assert not stale(quarterly, P("2025-Q2"), P("2025-08"))  # Q3 not yet over
    assert stale(quarterly, P("2025-Q2"), P("2025-09"))
    assert not stale(indicator(frequency="pre and post"), P("2024"), P("2025-Q3"))
    assert not stale(quarterly, None, P("2025-Q3"))
