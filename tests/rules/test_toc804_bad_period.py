import pytest

from monitoring_support import findings, located


@pytest.mark.parametrize("period, message", [
    ("Q1 2025", '"Q1 2025" is not a period: write a year (2025), a financial year (2025/26), a quarter (2025-Q1) '
                "or a month (2025-04)"),
    ("2025-13", '"2025-13": there is no month 13'),
    ("2025/27", '"2025/27" is not a financial year: the second part is the next year (2025/26)'),
    ("2026-Q1", "2026-Q1 is outside the plan (2025-Q1 to 2025-Q4)"),
    ("2024-12", "2024-12 is outside the plan (2025-Q1 to 2025-Q4)"),
    ("2025/26", "2025/26 is outside the plan (2025-Q1 to 2025-Q4)"),
    ("", "no period in this row"),
])
def test_each_bad_period_is_located_at_the_period_cell(tmp_path, period, message):
    text = f"value,indicator,period\n9,sessions-held,2025-Q1\n9,sessions-held,{period}\n"
    assert located(tmp_path, text, "TOC804") == [("TOC804", "actuals.csv", 3, 3)]
    assert findings(tmp_path, text, "TOC804")[0].message == message


@pytest.mark.parametrize("period", ["2025", "2025-Q4", "2025-01", "2025-12"])
def test_periods_within_the_plan_are_fine(tmp_path, period):
    assert located(tmp_path, f"indicator,period,value\nsessions-held,{period},9\n", "TOC804") == []
