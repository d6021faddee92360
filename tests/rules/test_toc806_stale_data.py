from monitoring_support import MODEL, findings, located


def test_a_quarterly_indicator_two_quarters_behind_is_located_at_its_latest_row(tmp_path):
    text = ("indicator,period,value\nsessions-held,2025-Q1,9\nsdq-total,2025-Q1,18\nsdq-total,2025-Q2,17\n"
            "sdq-total,2025-Q3,16\n")
    assert located(tmp_path, text, "TOC806") == [("TOC806", "actuals.csv", 2, 2)]
    assert findings(tmp_path, text, "TOC806")[0].message == (
        "sessions-held has no value since 2025-Q1, though it is collected quarterly and the actuals run to 2025-Q3")


def test_one_period_behind_is_stale_and_the_current_one_is_not(tmp_path):
    text = "indicator,period,value\nsessions-held,2025-Q2,9\nsdq-total,2025-Q3,16\n"
    assert [row for _, _, row, _ in located(tmp_path, text, "TOC806")] == [2]
    assert located(tmp_path, "indicator,period,value\nsessions-held,2025-Q3,9\nsdq-total,2025-Q3,16\n",
                   "TOC806") == []


def test_an_annual_indicator_is_not_due_within_its_year_and_words_without_a_rhythm_never_are(tmp_path):
    model = MODEL.replace("frequency: quarterly, baseline: 0", "frequency: annually, baseline: 0").replace(
        "frequency: quarterly, baseline: 18", "frequency: pre and post, baseline: 18")
    text = "indicator,period,value\nsessions-held,2025,9\nsdq-total,2025-Q1,18\n"
    assert located(tmp_path, text, "TOC806", model) == []


def test_each_area_is_judged_on_its_own(tmp_path):
    text = ("indicator,period,value,area\nsessions-held,2025-Q3,9,North\nsessions-held,2025-Q1,9,South\n")
    found = findings(tmp_path, text, "TOC806")
    assert [(f.location.line, "in South" in f.message) for f in found] == [(3, True)]
