import pytest

from monitoring_support import findings, located


@pytest.mark.parametrize("value, message", [
    ("tbc", 'value "tbc" is not a number'),
    ("", "no value in this row"),
    ("=B2/C2", "the value is a formula, not a number"),
    ("45%", 'value "45%" is not a plain number'),
    ("1,234", 'value "1,234" is not a plain number'),
    ("nan", 'value "nan" is not a number'),
    ("inf", 'value "inf" is not a number'),
])
def test_each_kind_of_bad_value_is_located_at_the_value_cell(tmp_path, value, message):
    text = f'indicator,period,value\nsessions-held,2025-Q1,9\nsessions-held,2025-Q2,"{value}"\n'
    assert located(tmp_path, text, "TOC802") == [("TOC802", "actuals.csv", 3, 3)]
    assert findings(tmp_path, text, "TOC802")[0].message == message


def test_a_short_row_has_no_value(tmp_path):
    assert located(tmp_path, "indicator,period,value\nsessions-held,2025-Q1\n", "TOC802") == \
        [("TOC802", "actuals.csv", 2, 3)]


def test_numbers_in_any_plain_form_are_fine(tmp_path):
    text = "indicator,period,value\nsessions-held,2025-Q1,9\nsessions-held,2025-Q2, 19.5\nsessions-held,2025-Q3,-1e1\n"
    assert located(tmp_path, text, "TOC802") == []
