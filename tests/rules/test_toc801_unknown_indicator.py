from monitoring_support import findings, located


def test_an_unknown_indicator_is_located_at_its_cell_with_a_suggestion(tmp_path):
    text = "period,indicator,value\n2025-Q1,sessions-held,9\n2025-Q1,session-held,9\n"
    assert located(tmp_path, text, "TOC801") == [("TOC801", "actuals.csv", 3, 2)]
    assert findings(tmp_path, text, "TOC801")[0].hint == 'did you mean "sessions-held"?'


def test_an_empty_indicator_cell(tmp_path):
    found = findings(tmp_path, "indicator,period,value\n,2025-Q1,9\n", "TOC801")
    assert [(f.location.line, f.location.column, f.message) for f in found] == [(2, 1, "no indicator id in this row")]


def test_every_row_of_an_unknown_indicator_is_reported_and_known_ones_are_not(tmp_path):
    text = "indicator,period,value\nnobody,2025-Q1,1\nsessions-held,2025-Q1,9\nnobody,2025-Q2,1\n"
    assert [row for _, _, row, _ in located(tmp_path, text, "TOC801")] == [2, 4]


def test_spaces_around_an_id_are_forgiven(tmp_path):
    assert located(tmp_path, "indicator,period,value\n sessions-held ,2025-Q1,9\n", "TOC801") == []
