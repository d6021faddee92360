import pytest

from monitoring_support import MODEL, findings, located, write
from toc.checker import check_file


def test_a_header_without_value_is_located_at_the_header(tmp_path):
    found = findings(tmp_path, "indicator,period,amount\nsessions-held,2025-Q1,9\n", "TOC800")
    assert [(f.location.line, f.location.column) for f in found] == [(1, 1)]
    assert found[0].message == "the header has no value column"


def test_a_file_outside_the_models_folder_is_refused(tmp_path):
    (tmp_path / "inner").mkdir()
    (tmp_path / "secret.csv").write_text("indicator,period,value\n")
    path = tmp_path / "inner" / "m.toc.yaml"
    path.write_text(MODEL.replace("[actuals.csv]", "[../secret.csv]"))
    found = [f for f in check_file(str(path)).findings if f.code == "TOC800"]
    assert len(found) == 1 and "outside the model's folder" in found[0].message


def test_not_utf8_is_located_at_the_byte(tmp_path):
    write(tmp_path, "")
    (tmp_path / "actuals.csv").write_bytes("indicator,period,value,note\nsessions-held,2025-Q1,9,£5\n".encode("cp1252"))
    found = [f for f in check_file(str(tmp_path / "m.toc.yaml")).findings if f.code == "TOC800"]
    assert [(f.location.line, f.location.column) for f in found] == [(2, 25)]
    assert "not UTF-8" in found[0].message and "CSV UTF-8" in found[0].hint


@pytest.mark.parametrize("data, words", [(b"\x00\x01\x02binary", "binary data"), (b"PK\x03\x04zip", "XLSX")])
def test_binary_data_is_one_finding(tmp_path, data, words):
    write(tmp_path, "")
    (tmp_path / "actuals.csv").write_bytes(data)
    found = [f for f in check_file(str(tmp_path / "m.toc.yaml")).findings if f.code == "TOC800"]
    assert len(found) == 1 and words in found[0].message


def test_a_damaged_workbook_is_one_finding(tmp_path):
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    found = findings(tmp_path, "", "TOC800", MODEL.replace("actuals.csv", "data.xlsx"))
    assert len(found) == 1 and "not a readable XLSX workbook" in found[0].message


def test_an_empty_file_has_no_header(tmp_path):
    assert located(tmp_path, "", "TOC800") == [("TOC800", "actuals.csv", 1, 1)]


def test_past_200_problems_the_rest_are_counted_not_listed(tmp_path):
    rows = "".join(f"nobody-{n},2025-Q1,1\n" for n in range(250))
    found = check_file(write(tmp_path, "indicator,period,value\n" + rows)).findings
    assert sum(f.code == "TOC801" for f in found) == 200
    assert [f.message for f in found if f.code == "TOC800"] == ["50 more problems in this file are not listed"]


def test_a_misspelt_column_is_named_in_the_hint(tmp_path):
    found = findings(tmp_path, "indicator,period,valeu\nsessions-held,2025-Q1,9\n", "TOC800")
    assert found[0].hint.startswith('is the column "valeu" meant to be "value"?')


def test_semicolons_and_tabs_separate_columns_when_the_header_has_no_comma(tmp_path):
    for separator in (";", "\t"):
        text = separator.join(("Indicator", "Period", "Value")) + "\n" + separator.join(
            ("sessions-held", "2025-Q1", "9")) + "\n"
        report = check_file(write(tmp_path, text))
        assert [f for f in report.findings if f.code.startswith("TOC80")] == []
        assert ("sessions-held", "") in report.model.actuals.series
