"""`toc compare`: the five area examples side by side, snapshotted; matching rules asserted."""

from __future__ import annotations

import io
import textwrap

import pytest

from conftest import ROOT
from toc.renderers.compare import render_csv, render_markdown, render_xlsx
from toc.checker import check_text
from toc.cli import main
from toc.compare import compare_models
from toc.loading import load_file

AREAS = ["sefton", "wirral", "kirklees", "leicester-city", "east-midlands"]


def area_comparison(monkeypatch):
    monkeypatch.chdir(ROOT)
    return compare_models([load_file(f"examples/{name}.toc.yaml").model for name in AREAS])


@pytest.mark.parametrize("render, extension", [(render_markdown, ".md"), (render_csv, ".csv")])
def test_area_set_snapshot(render, extension, monkeypatch, file_regression):
    file_regression.check(render(area_comparison(monkeypatch)), basename="areas", extension=extension)


def model(text, path):
    return check_text(textwrap.dedent(text), path).model


ONE = """\
    toc: 1
    area: North
    uses: [eif-rpc]
    nodes:
      a: {type: activity, label: Support, leads_to: [fewer-rows]}
      fewer-rows:
        type: outcome
        term: medium
        label: Fewer rows between parents
        maps_to: [eif-rpc:central-risk]
        indicators: [{id: n-conflict, measure: Parent conflict score}]
      wellbeing:
        type: outcome
        term: long
        label: Parents' wellbeing improves
      shared-id: {type: outcome, term: long, label: Something shared}
    """
TWO = """\
    toc: 1
    area: South
    uses: [eif-rpc]
    nodes:
      b: {type: activity, label: Support, leads_to: [less-conflict]}
      less-conflict:
        type: outcome
        term: medium
        label: Less conflict between parents
        maps_to: [eif-rpc:central-risk]
        indicators: [{id: s-conflict, measure: parent  conflict score}]
      wellbeing-of-parents:
        type: outcome
        term: long
        label: Parents wellbeing improved
      shared-id: {type: outcome, term: long, label: Worded differently}
    """


def test_matching_by_framework_then_id_and_similar_labels_only_reported():
    comparison = compare_models([model(ONE, "n.toc.yaml"), model(TWO, "s.toc.yaml")])
    rows = {row.key: row for row in comparison.outcomes}
    assert rows["eif-rpc:central-risk"].nodes == {"North": ["fewer-rows"], "South": ["less-conflict"]}
    assert rows["eif-rpc:central-risk"].matched_by == "framework"
    assert rows["shared-id"].nodes == {"North": ["shared-id"], "South": ["shared-id"]}
    # Similar labels are a possible match, and stay two rows.
    assert rows["wellbeing"].nodes == {"North": ["wellbeing"]}
    assert [(m.first[1], m.second[1]) for m in comparison.possible_matches] == [("wellbeing", "wellbeing-of-parents")]
    # The shared outcome is measured in both areas: poolable; the measures match by wording.
    assert [(row.key, [u.id for u in uses]) for row, uses in comparison.poolable] == [
        ("eif-rpc:central-risk", ["n-conflict", "s-conflict"])]
    assert [(r.matched_by, r.key) for r in comparison.indicators] == [("measure", "parent conflict score")]


def test_xlsx_is_deterministic_and_readable(monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    comparison = area_comparison(monkeypatch)
    first, second = render_xlsx(comparison), render_xlsx(comparison)
    assert first == second
    book = openpyxl.load_workbook(io.BytesIO(first))
    assert book.sheetnames == ["Coverage", "Poolable indicators", "Possible matches", "Measures and methods"]
    coverage = book["Coverage"]
    # The polish of every toc spreadsheet (renderers/spreadsheet.py add_table): a title, the header
    # frozen with a filter on exactly the table, columns sized to their text, counts as numbers.
    assert coverage["A1"].value.startswith("Comparison of ") and coverage["A1"].font.bold
    header = [cell.value for cell in coverage[3]]
    assert header[:4] == ["outcome", "matched by", "label", "stage"] and "Sefton" in header
    assert coverage.freeze_panes == "A4" and coverage[3][0].font.bold
    assert coverage.auto_filter.ref == f"A3:{coverage.cell(row=3, column=len(header)).column_letter}{coverage.max_row}"
    assert all(isinstance(row[-1].value, int) for row in coverage.iter_rows(min_row=4))
    assert coverage.column_dimensions["C"].width > coverage.column_dimensions["D"].width >= 8
    matches = book["Possible matches"]
    assert all(isinstance(row[0].value, float) for row in matches.iter_rows(min_row=4))
    measures = book["Measures and methods"]
    assert [cell.value for cell in measures[3]] == ["kind", "catalogue id", "areas", "number of areas"]
    assert all(isinstance(row[3].value, int) for row in measures.iter_rows(min_row=4))


def test_cli_outputs_and_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    paths = [f"examples/{name}.toc.yaml" for name in AREAS]
    assert main(["compare", *paths]) == 0
    assert capsys.readouterr().out.startswith("# Comparison of 5 models")
    out = tmp_path / "coverage.csv"
    assert main(["compare", "-o", str(out), *paths]) == 0
    assert out.read_text().startswith('"outcome","matched by","label","stage","Sefton","Wirral"')
    assert main(["compare", "-o", str(tmp_path / "c.pdf"), *paths]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["compare", paths[0]]) == 2
    assert "at least two models" in capsys.readouterr().err


def test_east_midlands_area_set_snapshot(monkeypatch, file_regression):
    monkeypatch.chdir(ROOT)
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples" / "east-midlands").glob("*.toc.yaml"))
    assert len(paths) >= 5
    comparison = compare_models([load_file(path).model for path in paths])
    file_regression.check(render_markdown(comparison), basename="east_midlands_areas", extension=".md")


def test_shared_instruments_and_methods_are_tabulated():
    north = model("""\
        toc: 1
        area: North
        nodes:
          calm: {type: outcome, term: short, label: Calmer, methods: [parent-survey],
                 indicators: [{id: n1, instrument: swemwbs}]}
        """, "north.toc.yaml")
    south = model("""\
        toc: 1
        area: South
        nodes:
          calm2: {type: outcome, term: short, label: Better, indicators: [{id: s1, instrument: swemwbs}]}
        evaluation:
          questions: [{id: q1, text: Q, kind: impact, nodes: [calm2], methods: [interviews]}]
        """, "south.toc.yaml")
    comparison = compare_models([north, south])
    assert comparison.instruments == {"swemwbs": ["North", "South"]}
    assert comparison.methods == {"interviews": ["South"], "parent-survey": ["North"]}
    assert [(row.key, row.matched_by, row.areas) for row in comparison.indicators] == [
        ("swemwbs", "instrument", ["North", "South"])]
    markdown = render_markdown(comparison)
    assert "| swemwbs | ✓ | ✓ | 2 |" in markdown
