"""Actuals files as people make them: spreadsheets, and files that are hostile or huge."""

from __future__ import annotations

import datetime

from monitoring_support import MODEL, write
from toc.checker import check_file
from toc.limits import Limits
from toc.loading import load_file


def _workbook(path, rows, sheet_title="Sheet1"):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_an_xlsx_file_is_read_with_numbers_dates_and_formulas_as_people_type_them(tmp_path):
    _workbook(tmp_path / "data.xlsx", [
        ["Indicator", "Period", "Value", "Note"],
        ["sessions-held", "2025-Q1", 9, "=HYPERLINK(\"x\")"],
        ["sessions-held", datetime.datetime(2025, 5, 1), 12.5, None],  # Excel made 2025-05 a date
        ["sessions-held", 2025, "=B2*2", None],  # a formula: its value is not in the file
        [None, None, None, None],
        ["sdq-total", "2025-Q1", 17, None],
    ])
    report = check_file(write(tmp_path, "", MODEL.replace("actuals.csv", "data.xlsx"), name="unused.csv"))
    located = [(f.code, f.location.line, f.location.column, f.message) for f in report.findings
               if f.code.startswith("TOC80")]
    assert located == [("TOC802", 4, 3, "the value is a formula, not a number")]
    series = report.model.actuals.series
    assert {period.text: point.value for period, point in series[("sessions-held", "")].items()} == \
        {"2025-Q1": 9, "2025-05": 12.5}
    assert report.model.actuals.notes[("sessions-held", "", next(iter(series[("sessions-held", "")])))] == \
        '=HYPERLINK("x")'  # kept as text: the renderers make it inert


def test_a_sheet_named_actuals_is_preferred(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["notes about the file"])
    sheet = workbook.create_sheet("Actuals")
    sheet.append(["indicator", "period", "value"])
    sheet.append(["sessions-held", "2025-Q1", 9])
    workbook.save(tmp_path / "data.xlsx")
    report = check_file(write(tmp_path, "", MODEL.replace("actuals.csv", "data.xlsx"), name="unused.csv"))
    assert [f for f in report.findings if f.code.startswith("TOC80")] == []
    assert ("sessions-held", "") in report.model.actuals.series


def test_more_rows_than_the_limit_end_in_one_finding(tmp_path):
    rows = "".join(f"sessions-held,2025-{month:02d},{month}\n" for month in range(1, 13))
    path = write(tmp_path, "indicator,period,value\n" + rows)
    result = load_file(path, Limits(max_actuals_rows=5))
    limit = [(f.code, f.location.line, f.message) for f in result.findings if f.code == "TOC006"]
    assert limit == [("TOC006", 7, "more than 5 rows of actuals")]
    assert len(result.model.actuals.series[("sessions-held", "")]) == 5


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path, "indicator,period,value\n" + "sessions-held,2025-Q1,1\n" * 100)
    result = load_file(path, Limits(max_actuals_bytes=1000))
    assert [(f.code, f.location.line, f.location.column) for f in result.findings if f.code == "TOC006"] == \
        [("TOC006", 5, 13)]


def test_a_million_rows_are_read_and_a_million_bad_rows_are_a_bounded_report(tmp_path):
    # In a process of its own: reading a million rows here would grow the test process, and the
    # tests that measure a child's peak memory would see it (a child starts from its parent's peak).
    import json
    import subprocess
    import sys

    good = "".join(f"sessions-held,2025-{month:02d},{month}\n" for month in range(1, 13))
    bad = "nobody,2025-Q1,1\n" * 1_000_000
    path = write(tmp_path, "indicator,period,value\n" + good + bad)
    result = subprocess.run([sys.executable, "-m", "toc", "check", "--format", "json", path], capture_output=True,
                            text=True)
    codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
    assert codes.count("TOC801") == 200
    assert codes.count("TOC006") == 1  # past a million rows
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_hostile_text_in_cells_stays_text(tmp_path):
    hostile = "\x1b[31mred\x1b[0m <script>alert(1)</script> " + "x" * 20_000
    path = write(tmp_path, f'indicator,period,value,note\nsessions-held,2025-Q1,9,"{hostile}"\n{hostile},2025-Q1,1,\n')
    result = load_file(path)
    assert [f.code for f in result.findings] == ["TOC801"]
    assert len(result.findings[0].message) < 200  # the cell is shortened in the message


def test_an_unclosed_quote_is_a_finding_not_a_crash(tmp_path):
    path = write(tmp_path, 'indicator,period,value,note\nsessions-held,2025-Q1,9,"open\n' + "x" * 200_000)
    result = load_file(path)
    assert all(f.code.startswith("TOC") for f in result.findings)
