"""`toc monitor`: the report of each example, in every format, and its errors."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from conftest import ROOT
from monitoring_support import MODEL, write
from toc.cli import main

EXAMPLES_WITH_ACTUALS = ("sefton", "wirral", "east-midlands")


def _monitor(args, capsys) -> tuple[int, str, str]:
    code = main(["monitor", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", EXAMPLES_WITH_ACTUALS)
@pytest.mark.parametrize("extension", ["md", "json"])
def test_report_snapshot(name, extension, tmp_path, monkeypatch, capsys, file_regression):
    monkeypatch.chdir(ROOT)  # paths in the report stay relative: examples/...
    output = tmp_path / f"report.{extension}"
    assert _monitor([f"examples/{name}.toc.yaml", "-o", str(output)], capsys)[0] == 0
    file_regression.check(output.read_text(encoding="utf-8"), basename=f"{name}-progress", extension=f".{extension}")


def test_the_sefton_headline_names_what_is_off_track_and_what_to_examine(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = _monitor(["examples/sefton.toc.yaml", "-o", "-", "--format", "json"], capsys)
    data = json.loads(out)
    assert data["headline"] == ("2 of 3 outcomes off track, 1 at risk; 2 links where delivery is on track but the "
                                "outcome is not")
    assert [(link["from"], link["to"]) for link in data["links"] if link["flag"] == "suspect"] == [
        ("framework-agreed", "monitoring-in-place"), ("boards-briefed", "system-ownership")]
    indicator = next(item for item in data["indicators"] if item["id"] == "sf-briefings")
    assert set(indicator) == {"id", "node", "latest", "expected", "status", "stale", "series"}
    assert indicator["latest"] == {"period": "2025-Q3", "value": 5} and indicator["status"] == "green"
    assert {tuple(sorted(node)) for node in data["nodes"]} == {("id", "status")}
    assert {tuple(sorted(link)) for link in data["links"]} == {("flag", "from", "to")}


def test_next_quarters_figures_change_the_report(tmp_path, monkeypatch, capsys):
    # What the README promises: add next quarter's rows, run again.
    monkeypatch.chdir(ROOT)
    quarter = tmp_path / "2025-q4.csv"
    quarter.write_text("indicator,period,value\nsf-outcomes-monitored,2025-Q4,74\nsf-partners-contributing,2025-Q4,9\n"
                       "sf-briefings,2025-Q4,6\nsf-outcomes-agreed,2025-Q4,100\n")
    code, out, _ = _monitor(["examples/sefton.toc.yaml", "--actuals", str(quarter), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["as_at"] == "2025-Q4"
    statuses = {item["id"]: item["status"] for item in data["indicators"]}
    assert statuses["sf-outcomes-monitored"] == "amber" and statuses["sf-partners-contributing"] == "green"
    assert [link for link in data["links"] if link["flag"]] == []
    stale = {item["id"] for item in data["indicators"] if item["stale"]}
    assert "sf-report-shared" in stale  # quarterly, and no 2025-Q4 figure in the new file


def test_html_is_one_page_with_accessible_charts(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    output = tmp_path / "report.html"
    assert _monitor(["examples/sefton.toc.yaml", "-o", str(output)], capsys)[0] == 0
    page = output.read_text(encoding="utf-8")
    assert page.count('role="img"') == page.count("<desc id=") == page.count("<title id=") >= 8
    assert "Content-Security-Policy" in page and "<script" not in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert "Off track" in page and "Assumptions to examine" in page


def test_docx_and_xlsx_open(tmp_path, monkeypatch, capsys):
    import docx
    from openpyxl import load_workbook

    monkeypatch.chdir(ROOT)
    assert _monitor(["examples/wirral.toc.yaml", "-o", str(tmp_path / "r.docx")], capsys)[0] == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "2 of 4 outcomes off track" in text
    assert _monitor(["examples/wirral.toc.yaml", "-o", str(tmp_path / "r.xlsx")], capsys)[0] == 0
    workbook = load_workbook(tmp_path / "r.xlsx")
    assert workbook.sheetnames == ["Summary", "Indicators", "Values", "Links", "Suspect links", "Data problems"]
    # The same bytes every run.
    first = (tmp_path / "r.xlsx").read_bytes()
    assert _monitor(["examples/wirral.toc.yaml", "-o", str(tmp_path / "r.xlsx")], capsys)[0] == 0
    assert (tmp_path / "r.xlsx").read_bytes() == first


HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script> [x](javascript:alert(2)) \x1b[2J"


def test_hostile_text_stays_text_in_every_format(tmp_path, capsys):
    model = MODEL.replace("label: Parents attend sessions", f'label: "{HOSTILE.replace(chr(27), "")}"')
    path = write(tmp_path, f'indicator,period,value,area,note\nsessions-held,2025-Q1,10,"{HOSTILE}","{HOSTILE}"\n'
                           f'sessions-held,2025-Q1,10,,"{HOSTILE}"\n', model)
    for extension in ("html", "md", "json", "xlsx", "docx"):
        output = tmp_path / f"r.{extension}"
        assert _monitor([path, "-o", str(output)], capsys)[0] == 0, extension
    page = (tmp_path / "r.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    markdown = (tmp_path / "r.md").read_text()
    assert "<script>" not in markdown
    assert "[x](javascript" not in markdown and "\\[x\\](javascript" in markdown  # escaped: not a link
    with zipfile.ZipFile(tmp_path / "r.xlsx") as archive:
        sheets = "".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/"))
    assert "<f>" not in sheets  # no formula cell anywhere


def test_an_area_column_shows_areas_side_by_side_and_one_area_in_full(tmp_path, capsys):
    path = write(tmp_path, "indicator,period,value,area\nsessions-held,2025-Q1,10,North\nsdq-total,2025-Q1,17,North\n"
                           "sessions-held,2025-Q1,2,South\nsdq-total,2025-Q1,17.9,South\n")
    code, out, _ = _monitor([path, "--format", "json"], capsys)
    data = json.loads(out)
    assert [(a["area"], a["statuses"]["red"], a["suspect_links"]) for a in data["areas"]] == [("North", 0, 0),
                                                                                             ("South", 2, 0)]
    assert {item["status"] for item in data["indicators"]} == {"grey"}  # no rows without an area
    code, out, _ = _monitor([path, "--format", "json", "--area", "North"], capsys)
    assert json.loads(out)["area"] == "North"
    assert {node["id"]: node["status"] for node in json.loads(out)["nodes"]}["sessions"] == "green"


@pytest.mark.parametrize("args, message", [
    (["--area", "Nowhere"], "--area Nowhere: no figures for that area (the actuals have no area column)"),
    (["--actuals", "missing.csv"], "--actuals missing.csv: no such file"),
    (["--actuals", "data.txt"], "--actuals data.txt: give a .csv or .xlsx file"),
    (["-o", "report.pdf"], "cannot tell the format of 'report.pdf'"),
])
def test_unusable_arguments_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys, args, message):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = _monitor([path, *args], capsys)
    assert code == 2 and message in err and err.count("\n") == 1


def test_a_model_without_monitoring_is_told_what_to_add(tmp_path, capsys):
    path = tmp_path / "m.toc.yaml"
    path.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A}\n")
    code, _, err = _monitor([str(path)], capsys)
    assert code == 2 and "has no `monitoring:` section" in err


def test_the_report_never_overwrites_its_inputs(tmp_path, capsys):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n")
    before = (tmp_path / "actuals.csv").read_bytes()
    code, _, err = _monitor([path, "-o", str(tmp_path / "actuals.csv"), "--format", "md"], capsys)
    assert code == 2 and (tmp_path / "actuals.csv").read_bytes() == before


def test_data_problems_are_in_the_report_and_do_not_stop_it(tmp_path, capsys):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,ten\nsesions-held,2025-Q2,3\n")
    code, out, err = _monitor([path, "--format", "json"], capsys)
    problems = json.loads(out)["problems"]
    assert code == 0 and [(p["code"], p["row"], p["column"]) for p in problems] == [("TOC802", 2, 3),
                                                                                   ("TOC801", 3, 1)]
    assert "error(s)" not in err  # data problems are the report's, not a note about the model


def test_demand_against_capacity_is_in_the_report_and_the_pathway(tmp_path, capsys):
    model = MODEL.replace("    type: activity\n    label: Run a parenting course\n",
                          "    type: activity\n    label: Run a parenting course\n    level: targeted\n"
                          "    populations: [all-parents]\n    capacity: 120\n").replace(
        "nodes:\n", "pathway: {coverage: 0.5}\nnodes:\n  conflict:\n    type: need\n    label: Conflict\n"
                    "    figures:\n      - {id: rate, value: 12, unit: '%', population: 8000, level: targeted}\n"
                    "    leads_to: [course]\n")
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n", model)
    code, out, _ = _monitor([path, "--format", "json"], capsys)
    assert json.loads(out)["capacity"] == [{"level": "targeted", "demand": 960, "capacity": 120,
                                           "below_coverage": True}]
    code, out, _ = _monitor([path, "--format", "md"], capsys)
    assert "Targeted: expected demand 960 families a year; capacity 120 (12% of demand) - BELOW the 50%" in out
    assert main(["pathway", path, "-o", "-", "--format", "md"]) == 0
    assert "## Demand and capacity" in capsys.readouterr().out


def test_the_regional_example_shows_its_authorities_side_by_side(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = _monitor(["examples/east-midlands.toc.yaml", "--format", "md"], capsys)
    assert "| Indicator | Derby | Derbyshire | Leicester |" in out
    code, out, _ = _monitor(["examples/east-midlands.toc.yaml", "--format", "json", "--area", "Rutland"], capsys)
    data = json.loads(out)
    assert data["area"] == "Rutland"
    assert [item["id"] for item in data["indicators"] if item["series"]] == ["em-completion-rate"]
