"""`toc spec`: the Markdown snapshot for every example, and the DOCX, HTML and matrix agree with it."""

import csv
import io
import shutil
import subprocess
import zipfile

import pytest

from conftest import EXAMPLES
from toc.renderers.spec.blocks import Heading
from toc.renderers.spec.document import build_specification, matrix_rows
from toc.renderers.spec.markdown import _cell, render_markdown
from toc.checker import check_file
from toc.cli import main
from toc.evaluation.catalogue import catalogue_for
from toc.evaluation.plan import MatrixRow, plan_evaluation

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toc.yaml"))
EAST_MIDLANDS = str(EXAMPLES / "east-midlands.toc.yaml")


def blocks_for(path):
    report = check_file(str(path))
    catalogue = catalogue_for(report.model)
    plan = plan_evaluation(report.model, catalogue)
    return build_specification(report.model, plan, catalogue, report.findings), plan


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem.removesuffix(".toc"))
def test_markdown_snapshot(path, file_regression, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    blocks, _ = blocks_for(path.relative_to(EXAMPLES.parent))
    file_regression.check(render_markdown(blocks), extension=".md")


def test_flawed_annex_lists_unmeasured_and_unevaluated_outcomes(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    markdown = render_markdown(blocks_for("examples/flawed.toc.yaml")[0])
    annex = markdown.split("## Annex A. Open issues", 1)[1]
    assert "Outcomes with no indicator" in annex
    assert "Outcomes with suggested methods only" in annex
    assert "TOC302" in annex  # the check's unmeasured-outcome warnings are listed too


def test_docx_headings_and_matrix_rows_match_the_markdown(tmp_path):
    import docx

    out = tmp_path / "spec.docx"
    assert main(["spec", EAST_MIDLANDS, "-o", str(out)]) == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    blocks, plan = blocks_for(EAST_MIDLANDS)
    markdown = render_markdown(blocks)
    expected = [block.text for block in blocks if isinstance(block, Heading)]
    assert headings == expected
    assert all(f"{'#' * block.level} {block.text}" in markdown.splitlines()
               for block in blocks if isinstance(block, Heading))
    matrix = next(t for t in document.tables if t.rows[0].cells[0].text == "Question"
                  and t.rows[0].cells[1].text == "Node")
    assert len(matrix.rows) - 1 == len(matrix_rows(plan)) < len(plan.matrix)
    first = [cell.text for cell in matrix.rows[1].cells]
    assert f"| {' | '.join(_cell(text) for text in first)} |" in markdown
    assert document.inline_shapes, "the diagram is embedded as a picture when dot is available"


def test_outputs_are_byte_identical_run_to_run(tmp_path):
    for name in ("a", "b"):
        assert main(["spec", EAST_MIDLANDS, "-o", str(tmp_path / f"{name}.docx"),
                     "--matrix", str(tmp_path / f"{name}.xlsx")]) == 0
        assert main(["spec", EAST_MIDLANDS, "-o", str(tmp_path / f"{name}.html")]) == 0
    for suffix in ("docx", "xlsx", "html"):
        assert (tmp_path / f"a.{suffix}").read_bytes() == (tmp_path / f"b.{suffix}").read_bytes(), suffix


def test_matrix_spreadsheets_have_one_row_per_question_node_and_method(tmp_path):
    import openpyxl

    _, plan = blocks_for(EAST_MIDLANDS)
    assert main(["spec", EAST_MIDLANDS, "-o", str(tmp_path / "s.md"), "--matrix", str(tmp_path / "m.xlsx")]) == 0
    assert main(["spec", EAST_MIDLANDS, "-o", str(tmp_path / "s.md"), "--matrix", str(tmp_path / "m.csv")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    table = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text())))
    assert len(rows) == len(table) == len(plan.matrix) + 1
    assert rows[0][:5] == ("Question", "Question text", "Kind", "Node", "Node label")
    # The CSV keeps every column; the sheet the columns some row fills, with the same cells.
    assert tuple(table[0]) == MatrixRow.HEADERS and set(rows[0]) <= set(table[0])
    columns = [table[0].index(header) for header in rows[0]]
    timing = rows[0].index("Timing")
    for sheet_row, csv_row in zip(rows[1:], table[1:]):
        assert all((sheet_row[i] or "") == csv_row[c] for i, c in enumerate(columns) if i != timing)
    assert ("q3", "less-conflict", "Parent survey with validated measures (pre, post and follow-up)") in {
        (r[0], r[3], r[8]) for r in rows}


def test_html_is_self_contained_and_escapes_model_text(tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text('toc: 1\ntitle: "<script>alert(1)</script>"\nnodes:\n'
                     '  a: {type: activity, label: "<b>bold</b>", leads_to: [b]}\n'
                     '  b: {type: impact, label: B}\n')
    assert main(["spec", str(model), "-o", str(tmp_path / "s.html")]) == 0
    page = (tmp_path / "s.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert "<svg" in page


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")),
                    reason="LibreOffice is not installed (`apt-get install libreoffice-writer-nogui`)")
def test_docx_converts_to_pdf_with_libreoffice(tmp_path):
    out = tmp_path / "spec.docx"
    assert main(["spec", EAST_MIDLANDS, "-o", str(out)]) == 0
    office = shutil.which("libreoffice") or shutil.which("soffice")
    result = subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                            capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "spec.pdf"
    assert pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000


def test_docx_package_is_a_valid_zip_with_fixed_times(tmp_path):
    out = tmp_path / "spec.docx"
    assert main(["spec", EAST_MIDLANDS, "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("argv, message", [
    (["-o", "spec.pdf"], "cannot tell the format of 'spec.pdf'"),
    (["-o", "-", "--matrix", "m.ods"], "cannot tell the format of 'm.ods'"),
])
def test_unusable_outputs_are_one_line_errors(argv, message, capsys):
    assert main(["spec", EAST_MIDLANDS, *argv]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_refuses_to_overwrite_the_model(tmp_path, capsys):
    model = tmp_path / "m.md"
    model.write_text("toc: 1\nnodes:\n  a: {type: impact, label: A}\n")
    assert main(["spec", str(model), "-o", str(model)]) == 2
    assert model.read_text().startswith("toc: 1")


def test_markdown_to_standard_output(capsys):
    assert main(["spec", EAST_MIDLANDS, "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Evaluation specification: East Midlands")


def test_every_output_is_checked_before_any_is_written(tmp_path, examples_dir, capsys):
    from toc.cli import main

    spec = tmp_path / "s.md"
    assert main(["spec", str(examples_dir / "wirral.toc.yaml"), "-o", str(spec),
                 "--matrix", str(tmp_path / "missing" / "m.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err and not spec.exists()
    (tmp_path / "spec.md").symlink_to(tmp_path / "matrix.csv")  # one file under two names
    assert main(["spec", str(examples_dir / "wirral.toc.yaml"), "-o", str(tmp_path / "spec.md"),
                 "--matrix", str(tmp_path / "matrix.csv")]) == 2
    assert "name the same file" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.md"]


def test_an_unknown_suffix_suggests_no_option_spec_lacks(tmp_path, examples_dir, capsys):
    from toc.cli import main

    assert main(["spec", str(examples_dir / "wirral.toc.yaml"), "-o", str(tmp_path / "s.pdf")]) == 2
    assert "--format" not in capsys.readouterr().err


def test_a_questions_claim_carries_its_power_caveat(tmp_path):
    # A waiting-list comparison (SMS 3) whose N cannot show its target read "cause, with care" alone.
    from conftest import ROOT
    from toc.cli import main

    model = ROOT / "tests" / "evaluation" / "public_models" / "incredible-years-preschool.toc.yaml"
    assert main(["spec", str(model), "-o", str(tmp_path / "s.md")]) == 0
    lines = (tmp_path / "s.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("### q2 ("))
    claim = next(line for line in lines[start:] if line.startswith("- What you may claim: "))
    assert "SMS 3: cause, with care" in claim and "is not detectable: needs 74 per arm" in claim


@pytest.mark.parametrize("name", ["wirral", "east-midlands", "kirklees", "leicester-city", "sefton", "flawed"])
def test_every_docx_table_fits_between_its_pages_margins(tmp_path, name):
    # The matrix (27.6 cm on a 25.7 cm landscape page) and the data-needs table ran off the page,
    # their last column cut: a table's columns must add up to no more than its section's text width.
    import docx
    from docx.oxml.ns import qn

    from conftest import EXAMPLES
    from toc.cli import main

    out = tmp_path / "spec.docx"
    assert main(["spec", str(EXAMPLES / f"{name}.toc.yaml"), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    widths = [section.page_width - section.left_margin - section.right_margin for section in document.sections]
    section, tables = 0, iter(document.tables)
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            table = next(tables)
            # (Word stores widths in twips, 635 EMU: each column may round up by one.)
            slack = 635 * len(table.columns)
            assert sum(column.width for column in table.columns) <= widths[section] + slack, table.rows[0].cells[0].text
        elif element.tag == qn("w:p") and element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1  # a paragraph carrying a section break ends that section


def test_column_widths_fit_even_when_a_single_word_is_wider_than_the_page():
    from docx.shared import Cm, Pt

    from toc.renderers.spec.blocks import Table
    from toc.renderers.spec.docx import _column_widths

    block = Table(("Id", "Address"), (("a", "https://example.org/" + "x" * 300), ("b", "y" * 200)))
    widths = _column_widths(block, Cm(17.0), Pt(9))
    assert sum(widths) <= Cm(17.0) and min(widths) > 0
