"""Power: each formula against a published worked example, the verdicts, and the fields they read."""

import math

import pytest

from toc.evaluation import power
from toc.evaluation.power import PowerSettings, assess_indicator
from toc.loading import load_text


# ------------------------------------------------------------------ formulas
def test_z_sum_is_2_8_at_80_percent_power_and_5_percent_two_sided():
    # The "2.8 standard errors" of Gelman, Hill & Vehtari, Regression and Other Stories (2020), 16.1.
    assert power.z_sum() == pytest.approx(2.8016, abs=1e-4)
    assert power.z_sum(0.05, 0.90) == pytest.approx(1.95996 + 1.28155, abs=1e-4)


def test_two_proportions_escalations_12_to_9_percent():
    # Worked example of the project's domain brief (../shared/DOMAIN.md, "Power") and issue 16:
    # 12% -> 9% at 80% power, 5% two-sided, needs about 1,640 families per arm.
    # By hand: 2.8016^2 * (0.12*0.88 + 0.09*0.91) / 0.03^2 = 7.849 * 0.1875 / 0.0009 = 1635.2.
    assert power.n_two_proportions(0.12, 0.09) == 1636
    assert power.n_two_proportions(0.09, 0.12) == 1636  # symmetric


def test_two_means_half_a_standard_deviation():
    # Gelman, Hill & Vehtari (2020), section 16.3: an effect of 0.5 SD with 80% power at 5% needs
    # 0.5 sqrt(n) / 2 = 2.8, n = 125.4 in total (equal groups): about 63 per arm.
    per_arm = power.n_two_means(0.5, 1.0)
    assert per_arm == 63
    assert 2 * per_arm == pytest.approx(125.4, abs=1.5)


def test_two_means_sdq_16_to_13():
    # Issue 16 / DOMAIN.md: SDQ total difficulties 16 -> 13 with SD 6-7 needs 63-86 per arm (74 at 6.5).
    assert power.n_two_means(3, 6) == 63
    assert power.n_two_means(3, 7) == 86
    assert power.n_two_means(-3, 6.5) == 74


def test_paired_pre_post_needs_half_of_one_arm():
    # One group measured twice: n = 2.8016^2 sd_diff^2 / delta^2. Gelman et al.'s 2.8 standard errors for
    # a single mean: 0.5 SD needs (2.8 / 0.5)^2 = 31.4 people.
    assert power.n_paired(0.5, 1.0) == 32
    assert power.n_paired(3, 6.5) == 37


def test_design_effect_for_clustered_delivery():
    # 1 + (m - 1) ICC: groups of 11 with ICC 0.05 double the sample (Kish's design effect).
    assert power.design_effect(11, 0.05) == pytest.approx(1.5)
    assert power.design_effect(21, 0.05) == pytest.approx(2.0)


@pytest.mark.parametrize("n", [63, 200, 1636])
def test_minimum_detectable_effects_invert_the_sample_size_formulas(n):
    # The MDE at n is the change whose sample size is n (floating point may round n up by one).
    d = power.mde_two_means(1.0, n)
    assert power.n_two_means(d, 1.0) in (n, n + 1)
    assert power.n_paired(power.mde_paired(1.0, n), 1.0) in (n, n + 1)
    drop = power.mde_two_proportions(0.12, n)
    assert power.n_two_proportions(0.12, 0.12 - drop) in (n, n + 1)
    rise = power.mde_two_proportions(0.12, n, decrease=False)
    assert power.n_two_proportions(0.12, 0.12 + rise) in (n, n + 1)


def test_mde_for_1636_per_arm_is_the_3_point_drop():
    assert 100 * power.mde_two_proportions(0.12, 1636) == pytest.approx(3.0, abs=0.01)


def test_equal_proportions_or_no_change_cannot_be_detected():
    with pytest.raises(ValueError):
        power.n_two_proportions(0.1, 0.1)
    with pytest.raises(ValueError):
        power.n_two_means(0, 1)


def test_default_response_rates_are_the_dwp_counts():
    rates = dict(PowerSettings().response)
    assert rates[6] == pytest.approx(878 / 2694) and rates[12] == pytest.approx(374 / 2694)
    assert rates[0] == pytest.approx(2694 / 4802)
    assert "research report 1039" in PowerSettings().response_source


# ------------------------------------------------------------------ verdicts
MODEL = """\
toc: 1
nodes:
  workshops: {{type: activity, label: Workshops, leads_to: [families]}}
  families:
    type: output
    label: Families completing the course
    indicators:
      - {{id: completers, measure: Families completing, unit: families, baseline: 0, target: 120}}
    leads_to: [less-escalation]
  less-escalation:
    type: outcome
    term: medium
    label: Fewer escalations
    indicators:
{indicators}
"""


def verdict(indicator: str, questions=()):
    model = load_text(MODEL.format(indicators=indicator), "m.toc.yaml").model
    node = model.nodes["less-escalation"]
    return assess_indicator(model, node, node.indicators[0], list(questions))


def test_a_proportion_from_the_nearest_output_is_not_detectable():
    found = verdict("      - {id: esc, unit: '%', baseline: 12, target: 9, frequency: quarterly}")
    assert (found.needed, found.n, found.detectable, found.verdict) == (1636, 120, False, "not detectable")
    assert any('the target of "completers" on output "families", the nearest output upstream' in a
               for a in found.assumptions)
    assert "no loss at follow-up assumed" in " ".join(found.assumptions)
    assert found.mde == pytest.approx(100 * power.mde_two_proportions(0.12, 120), abs=0.01)
    assert found.summary.startswith("not detectable: needs 1,636 per arm, about 120 available; the smallest "
                                    "change it could show is ")


def test_a_sample_on_the_indicator_wins_and_follow_up_response_is_applied():
    found = verdict("      - {id: sdq, unit: score (0-40), instrument: sdq, baseline: 16, target: 13, "
                    "frequency: 'pre, post and 12 months', sample: 1000}")
    assert found.needed == 74
    assert found.n == math.floor(1000 * 374 / 2694) == 138
    assert found.detectable is True
    assert "N = 1,000 from the indicator's `sample:`" in found.assumptions
    assert any(a.startswith("14% expected to respond at 12 months (DWP research report 1039's counts)") for a in found.assumptions)
    assert any("SDQ total difficulties: SD about 6-7" in a for a in found.assumptions)


def test_a_points_target_gives_the_change_and_sd_on_the_indicator_the_spread():
    found = verdict("      - {id: w, unit: score (14-70), target: mean improvement of 3 points, sd: 9, "
                    "frequency: 'pre, post and 6 months'}")
    assert found.needed == power.n_two_means(3, 9) == 142
    assert found.n == math.floor(120 * 878 / 2694)
    assert found.detectable is False


def test_cannot_tell_says_what_is_missing():
    found = verdict("      - {id: sdq, unit: score (0-10), instrument: sdq, measure: SDQ emotional symptoms "
                    "subscale, baseline: not yet known, target: reduction}")
    assert found.detectable is None and found.verdict == "cannot tell"
    assert found.missing == ("a numeric baseline and target, or a target such as `3 points`",
                             "the score's standard deviation (add `sd:` to the indicator)")
    assert found.summary.startswith("cannot tell: a numeric baseline and target")


def test_a_question_sample_is_used_when_the_indicator_has_none():
    model = load_text(MODEL.format(indicators="      - {id: esc, unit: '%', baseline: 12, target: 9}")
                      + "evaluation:\n  questions:\n    - {id: q1, text: T, kind: impact, nodes: [less-escalation],"
                        " sample: 2000}\n", "m.toc.yaml").model
    node = model.nodes["less-escalation"]
    found = assess_indicator(model, node, node.indicators[0], model.evaluation.questions)
    assert (found.n, found.detectable) == (2000, True)
    assert "N = 2,000 from question q1's `sample:`" in found.assumptions


def test_counts_and_yes_no_indicators_get_no_power_verdict():
    assert verdict("      - {id: c, unit: families, baseline: 0, target: 50}") is None
    assert verdict("      - {id: y, unit: yes/no, baseline: 'no', target: 'yes'}") is None


def test_a_rate_per_10000_is_a_proportion():
    found = verdict("      - {id: r, unit: 'per 10,000 children', baseline: 120, target: 100, sample: 100000}")
    assert found.kind == "proportion"
    assert found.needed == power.n_two_proportions(0.012, 0.010)


# ------------------------------------------------------------------ the fields
def test_sample_and_sd_are_read_and_checked():
    text = MODEL.format(indicators="      - {id: a, sample: 40, sd: 6.5}\n      - {id: b, sample: 0, sd: -1}\n"
                                   "      - {id: c, sample: 2.5, sd: many}")
    result = load_text(text, "m.toc.yaml")
    first, second, third = result.model.nodes["less-escalation"].indicators
    assert (first.sample, first.sd) == (40, 6.5)
    assert (second.sample, second.sd, third.sample, third.sd) == (None, None, None, None)
    messages = sorted((f.code, f.location.line, f.message) for f in result.findings if f.code == "TOC004")
    assert messages == [
        ("TOC004", 16, "`sample` should be a whole number above 0, not the number 0"),
        ("TOC004", 16, "`sd` should be a number above 0, not the number -1"),
        ("TOC004", 17, "`sample` should be a whole number, not the number 2.5"),
        ("TOC004", 17, '`sd` should be a number above 0, not "many"'),
    ]
