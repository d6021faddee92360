from monitoring_support import MODEL, findings, located
from toc.checker import check_file


def test_the_second_row_is_located_with_the_first_as_related(tmp_path):
    text = "indicator,period,value\nsessions-held,2025-Q1,9\nsessdq,2025-Q1,1\nsessions-held,2025-Q1,11\n"
    assert located(tmp_path, text, "TOC803") == [("TOC803", "actuals.csv", 4, 2)]
    finding = findings(tmp_path, text, "TOC803")[0]
    assert finding.related[0].location.line == 2
    assert finding.message == "sessions-held for 2025-Q1 is given twice (first at row 2)"


def test_different_areas_are_not_duplicates_but_the_same_area_is(tmp_path):
    text = ("indicator,period,value,area\nsessions-held,2025-Q1,9,North\nsessions-held,2025-Q1,9,South\n"
            "sessions-held,2025-Q1,9,North\n")
    assert located(tmp_path, text, "TOC803") == [("TOC803", "actuals.csv", 4, 2)]


def test_a_later_file_replaces_an_earlier_files_row_without_a_finding(tmp_path):
    (tmp_path / "actuals.csv").write_text("indicator,period,value\nsessions-held,2025-Q1,9\n")
    (tmp_path / "fix.csv").write_text("indicator,period,value\nsessions-held,2025-Q1,12\n")
    (tmp_path / "m.toc.yaml").write_text(MODEL)
    report = check_file(str(tmp_path / "m.toc.yaml"), actuals=(str(tmp_path / "fix.csv"),))
    assert [f for f in report.findings if f.code == "TOC803"] == []
    points = report.model.actuals.series[("sessions-held", "")]
    assert [point.value for point in points.values()] == [12.0]
