"""`toc needs`: the tidy dataset, the comparison, snapshots over the East Midlands files, the CLI."""

from __future__ import annotations

import io
import textwrap

import pytest

from conftest import EXAMPLES, ROOT
from toc.renderers.needs_tables import render_needs_csv, render_needs_markdown, render_needs_text
from toc.renderers.needs_xlsx import render_needs_xlsx
from toc.checker import check_file, check_text
from toc.cli import main
from toc.needs import compare, compile_dataset, format_number

EAST_MIDLANDS = sorted((EXAMPLES / "east-midlands").glob("*.toc.yaml"))


def model(text: str, path: str):
    return check_text(textwrap.dedent(text), path).model


def area(name: str, value, unit="%", year="2021", comparator="{label: England, value: 10}", geography=None):
    extra = f"\n                geography: {geography}" if geography else ""
    return model(f"""\
        toc: 1
        area: {name}
        nodes:
          n:
            type: need
            label: N
            figures:
              - id: lone-parents
                measure: Lone parent households
                value: {value}
                unit: '{unit}'
                year: {year}
                comparator: {comparator}{extra}
            leads_to: [a]
          a: {{type: activity, label: A}}
        """, f"{name}.toc.yaml")


def em_models(monkeypatch):
    monkeypatch.chdir(ROOT)  # model paths in the dataset stay relative
    return [check_file(str(path.relative_to(ROOT))).model for path in EAST_MIDLANDS]


def test_east_midlands_files_are_several_clean_area_models(monkeypatch):
    assert len(EAST_MIDLANDS) >= 5
    monkeypatch.chdir(ROOT)
    for path in EAST_MIDLANDS:
        report = check_file(str(path))
        assert [f for f in report.findings if f.severity != "info"] == [], path.name
        assert report.model.area


def test_one_row_per_area_and_indicator_with_differences(monkeypatch):
    rows = compile_dataset(em_models(monkeypatch))
    keys = [(row.indicator, row.area) for row in rows]
    assert len(keys) == len(set(keys)) == 5 * len(EAST_MIDLANDS)
    leicester = next(row for row in rows if row.area == "Leicester" and row.indicator == "minority-ethnic-population")
    assert (leicester.value, leicester.comparator_value, leicester.difference) == (59.1, 19.0, 40.1)
    assert leicester.difference_pct == 211.1
    assert leicester.notes is None  # the one figure stated in a case study


def test_differences_hide_float_noise_and_handle_missing_or_zero_comparators():
    [row] = compile_dataset([area("A", 11.2, comparator="{label: England, value: 6.9}")])
    assert row.difference == 4.3
    [row] = compile_dataset([area("A", 5, comparator="{label: England, value: 0}")])
    assert (row.difference, row.difference_pct) == (5, None)
    [row] = compile_dataset([area("A", 5, comparator="")])
    assert (row.comparator, row.difference, row.difference_pct) == (None, None, None)
    assert [format_number(v) for v in (12, 12.0, 0.1 + 0.2, 1e-05, None)] == ["12", "12", "0.3", "0.00001", ""]


def test_comparison_flags_mixed_units_years_and_comparators():
    rows = compile_dataset([
        area("A", 20), area("B", 21, year="2022"), area("C", 300, unit="households"),
        area("D", 22, comparator="{label: Statistical neighbours, value: 12}"),
    ])
    comparison = compare(rows)
    assert comparison.places == ("A", "B", "C", "D")
    assert [(row.indicator, row.unit) for row in comparison.rows] == [("lone-parents", "%"), ("lone-parents", "households")]
    assert comparison.rows[0].comparator == "varies"
    assert any("different units" in note for note in comparison.notes)
    assert any("different years" in note for note in comparison.notes)


def test_geography_is_the_column_and_area_is_kept():
    [row] = compile_dataset([area("Wirral", 54, geography="East Wirral")])
    assert (row.area, row.geography) == ("Wirral", "East Wirral")
    assert compare([row]).places == ("East Wirral",)


@pytest.mark.parametrize("extension", [".csv", ".md", ".txt"])
def test_east_midlands_snapshots(extension, monkeypatch, file_regression):
    rows = compile_dataset(em_models(monkeypatch))
    comparison = compare(rows)
    text = {".csv": lambda: render_needs_csv(rows),
            ".md": lambda: render_needs_markdown(rows, comparison, "East Midlands needs data"),
            ".txt": lambda: render_needs_text(rows, comparison, "East Midlands needs data")}[extension]()
    file_regression.check(text, basename="east-midlands-needs", extension=extension)


def test_xlsx_keeps_numbers_as_numbers_and_is_deterministic(monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    rows = compile_dataset(em_models(monkeypatch))
    data = render_needs_xlsx(rows, compare(rows), "EM")
    assert data == render_needs_xlsx(rows, compare(rows), "EM")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Needs data", "Compare"]
    sheet = list(workbook["Needs data"].values)
    header = sheet[0]
    first = dict(zip(header, sheet[1]))
    assert isinstance(first["value"], float) and isinstance(first["difference"], float)
    assert len(sheet) == len(rows) + 1


def test_cli_compiles_a_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["needs", "examples/east-midlands/"]) == 0
    out = capsys.readouterr().out
    assert "Rutland" in out and "minority-ethnic-population" in out
    for suffix in (".csv", ".xlsx", ".md"):
        assert main(["needs", "examples/east-midlands/", "-o", str(tmp_path / f"regional{suffix}")]) == 0
    assert (tmp_path / "regional.csv").read_text().splitlines()[0].startswith('"area","geography","indicator"')


def test_cli_errors(tmp_path, capsys):
    assert main(["needs", str(EXAMPLES / "sefton.toc.yaml")]) == 2
    assert "no figures on need nodes" in capsys.readouterr().err
    assert main(["needs", str(EXAMPLES / "east-midlands"), "-o", "x.pdf"]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes: [\n")
    assert main(["needs", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "TOC001" in err and "cannot be loaded" in err


def test_different_comparators_and_repeated_areas_are_noted():
    from toc.checker import check_text
    from toc.needs import compare, compile_dataset

    def area(name, comparator):
        return check_text(f"toc: 1\narea: {name}\nnodes:\n  n:\n    type: need\n    label: N\n    figures:\n"
                          f"      - {{id: conc, value: 15, unit: '%', year: 2021, comparator: {{label: England, "
                          f"value: {comparator}}}}}\n  i: {{type: impact, label: I}}\n", f"{name}.toc.yaml").model

    notes = compare(compile_dataset([area("X", 13.1), area("Y", 12.0)])).notes
    assert notes == ('"conc": areas compare with different comparators (England 12; England 13.1): '
                     "differences are not comparable across them",)
    notes = compare(compile_dataset([area("X", 13.1), area("X", 13.1)])).notes
    assert notes == ('"conc": X given more than once for the same year (the same area in two files?); '
                     "the last is shown, all are in the dataset",)
