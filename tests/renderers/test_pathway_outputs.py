"""`toc pathway`: snapshots of the matrix as text, Markdown, CSV and DOT; real dot; xlsx; the CLI."""

from __future__ import annotations

import io
import shutil

import pytest

from conftest import EXAMPLES, ROOT
from toc.renderers.pathway_dot import render_pathway_dot
from toc.renderers.pathway_tables import render_pathway_csv, render_pathway_markdown, render_pathway_text
from toc.renderers.pathway_xlsx import render_pathway_xlsx
from toc.checker import check_file, check_text
from toc.cli import main
from toc.pathway import build_matrix

PATHWAY_EXAMPLES = ["kirklees.toc.yaml", "leicester-city.toc.yaml"]
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def matrix_of(name):
    return build_matrix(check_file(str(EXAMPLES / name)).model)


@pytest.mark.parametrize("name", PATHWAY_EXAMPLES)
@pytest.mark.parametrize("extension, render", [
    (".md", lambda m: render_pathway_markdown(m, "Pathway")),
    (".csv", render_pathway_csv),
    (".txt", lambda m: render_pathway_text(m, "Pathway", width=120)),
    (".dot", lambda m: render_pathway_dot(m, "Pathway")),
])
def test_snapshots(name, extension, render, file_regression):
    file_regression.check(render(matrix_of(name)), basename=name.replace(".toc.yaml", "-pathway"),
                          extension=extension)


def test_kirklees_shows_the_duplicated_universal_offer_and_the_specialist_gap():
    matrix = matrix_of("kirklees.toc.yaml")
    duplicated = {(dup.level.id, dup.population.id) for dup in matrix.duplications}
    assert ("universal", "all-parents") in duplicated
    assert {dup.level.id for dup in matrix.duplications} == {"universal"}
    gaps = {level.id: len(matrix.gaps_at(level.id)) for level in matrix.levels}
    assert gaps["specialist"] == max(gaps.values()) == len(matrix.populations) - 1
    text = render_pathway_text(matrix, "Kirklees")
    assert "| gaps" in text and "6 of 7" in text
    assert "Duplication: Universal, All parents, group - 3 services" in text


def test_colour_only_when_asked():
    matrix = matrix_of("kirklees.toc.yaml")
    assert "\033[" not in render_pathway_text(matrix, "K")
    assert "\033[41;97mGAP\033[0m" in render_pathway_text(matrix, "K", colour=True)


def test_hostile_labels_cannot_escape_dot_markdown_or_csv():
    model = check_text("""\
toc: 1
pathway:
  levels: {u: "Universal> ] ; node [shape=box"}
  populations: {p: "<B>bold</B> | pipe"}
nodes:
  a: {type: activity, label: "=HYPERLINK(\\"x\\") \\\\N", level: u, populations: [p], leads_to: [z]}
  z: {type: outcome, term: long, label: Z}
""", "h.toc.yaml").model
    matrix = build_matrix(model)
    dot = render_pathway_dot(matrix, 'T"itle')
    assert "<B>bold</B>" not in dot and "&lt;B&gt;bold&lt;/B&gt;" in dot
    assert "\\\\N" in dot and 'tooltip="T\\"itle"' in dot
    markdown = render_pathway_markdown(matrix, "T")
    assert "&lt;B>bold&lt;/B> \\| pipe" in markdown
    assert "\"'=HYPERLINK" in render_pathway_csv(matrix)


@needs_dot
@pytest.mark.parametrize("name", PATHWAY_EXAMPLES)
def test_the_grid_renders_with_real_dot(name, tmp_path, capsys):
    for suffix, magic in ((".svg", b"<svg"), (".png", b"\x89PNG"), (".pdf", b"%PDF")):
        out = tmp_path / f"pathway{suffix}"
        assert main(["pathway", str(EXAMPLES / name), "-o", str(out)]) == 0
        assert magic in out.read_bytes()[:400]
    svg = (tmp_path / "pathway.svg").read_text()
    assert "<title>" in svg and "GAP" in svg


def test_xlsx_is_deterministic_and_holds_the_grid_and_services(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    matrix = matrix_of("kirklees.toc.yaml")
    first, second = render_pathway_xlsx(matrix, "Kirklees"), render_pathway_xlsx(matrix, "Kirklees")
    assert first == second
    workbook = openpyxl.load_workbook(io.BytesIO(first))
    assert workbook.sheetnames == ["Pathway", "Services"]
    grid = workbook["Pathway"]
    header = [cell.value for cell in grid[4]]
    assert header == ["Population", "Universal", "Targeted", "Specialist"]
    all_parents = [cell.value for cell in grid[5]]
    assert all_parents[3] == "GAP" and all_parents[1].startswith("! Healthy relationships")
    assert grid.cell(row=5, column=4).fill.fgColor.rgb.endswith("F5B895")
    services = list(workbook["Services"].values)
    assert services[0][:4] == ("level", "population", "status", "service")
    assert len(services) - 1 == len(render_pathway_csv(matrix).splitlines()) - 1


def test_cli_writes_each_format_and_the_terminal_table(tmp_path, capsys):
    model = str(EXAMPLES / "kirklees.toc.yaml")
    assert main(["pathway", model]) == 0
    assert "Specialist" in capsys.readouterr().out
    for suffix in (".md", ".csv", ".xlsx", ".dot", ".txt"):
        assert main(["pathway", model, "-o", str(tmp_path / f"p{suffix}")]) == 0
    assert (tmp_path / "p.md").read_text().startswith("# Kirklees - support pathway")


@pytest.mark.parametrize("argv, message", [
    (["pathway", str(EXAMPLES / "wirral.toc.yaml")], "has no services"),
    (["pathway", str(EXAMPLES / "kirklees.toc.yaml"), "-o", "p.gif"], "cannot tell the format"),
    (["pathway", str(EXAMPLES / "kirklees.toc.yaml"), "--width", "10"], "--width"),
    (["pathway", "no-such.toc.yaml"], "no-such.toc.yaml"),
])
def test_usage_errors_are_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("toc: error:") and message in err and err.count("\n") == 1


def test_refuses_to_overwrite_the_model(tmp_path, capsys):
    model = tmp_path / "m.toc.yaml"
    model.write_text((EXAMPLES / "kirklees.toc.yaml").read_text())
    assert main(["pathway", str(model), "-o", str(model), "--format", "md"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err


def test_outputs_are_byte_identical_run_to_run(tmp_path):
    model = str(ROOT / "examples" / "leicester-city.toc.yaml")
    for run in ("a", "b"):
        main(["pathway", model, "-o", str(tmp_path / f"{run}.xlsx")])
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
