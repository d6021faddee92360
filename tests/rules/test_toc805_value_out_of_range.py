from monitoring_support import MODEL, findings, located


def test_an_sdq_total_above_40_is_located_at_the_value(tmp_path):
    text = "indicator,period,value\nsdq-total,2025-Q1,17\nsdq-total,2025-Q2,42\n"
    assert located(tmp_path, text, "TOC805") == [("TOC805", "actuals.csv", 3, 3)]
    assert findings(tmp_path, text, "TOC805")[0].message == (
        "sdq-total for 2025-Q2 is 42, outside Strengths and Difficulties Questionnaire (SDQ)'s scores (0 to 40)")


def test_the_edges_of_the_scale_are_fine_and_below_is_not(tmp_path):
    text = "indicator,period,value\nsdq-total,2025-Q1,0\nsdq-total,2025-Q2,40\nsdq-total,2025-Q3,-1\n"
    assert [row for _, _, row, _ in located(tmp_path, text, "TOC805")] == [4]


def test_a_measure_named_in_the_measure_text_counts_and_unscored_indicators_are_not_checked(tmp_path):
    model = MODEL.replace("instrument: sdq,", "measure: SDQ total difficulties,")
    assert [row for _, _, row, _ in located(tmp_path, "indicator,period,value\nsdq-total,2025-Q1,41\n", "TOC805",
                                            model)] == [2]
    assert located(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,4000\n", "TOC805") == []
