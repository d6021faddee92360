"""`toc export` and `toc import --into`: the spreadsheet round trip, as an officer would make it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES

from toc.cli import main

EXAMPLE_MODELS = sorted(EXAMPLES.glob("*.toc.yaml"))

COMMENTED = """\
# Our theory of change: kept under version control.
toc: 1
title: Test area
nodes:
  training:                # what we do
    type: activity
    label: Multi-agency RPC training
    leads_to:
      - to: trained
        assumption: Managers release staff
        evidence: weak
  trained:
    type: output
    label: "=HYPERLINK(\\"http://evil.example\\", \\"click\\")"
    indicators:
      - id: trained-count
        measure: Professionals trained
        source: Register
        baseline: 0
        target: 200        # agreed at the March board
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners confident
evaluation:
  questions:
    - id: q1
      kind: process
      text: Was the training delivered as planned?
      nodes: [training]
"""


@pytest.fixture
def model(tmp_path) -> Path:
    path = tmp_path / "area.toc.yaml"
    path.write_text(COMMENTED)
    return path


def export(model: Path) -> Path:
    workbook = model.with_suffix(".xlsx")
    assert main(["export", str(model), "-o", str(workbook)]) == 0
    return workbook


def edit(workbook: Path, changes: dict[str, object], out: Path | None = None) -> Path:
    """Set cells ("Boxes!D3": value) as an officer would, with openpyxl."""
    book = openpyxl.load_workbook(workbook)
    for where, value in changes.items():
        sheet, cell = where.split("!")
        book[sheet][cell] = value
    out = out or workbook.with_name("edited.xlsx")
    book.save(out)
    return out


def semantic_diff(old: Path, new: Path) -> dict:
    completed = subprocess.run([sys.executable, "-m", "toc", "diff", "--format", "json", str(old), str(new)],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def changes_of(diff: dict) -> list:
    """Every change the diff reports, without the findings it introduced or resolved."""
    return {key: value for key, value in diff.items()
            if value and key not in ("old_name", "new_name", "findings", "summary")}


# ------------------------------------------------------------------ export
def test_the_workbook_an_officer_gets(model):
    workbook_path = export(model)
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == ["Boxes", "Links", "Indicators", "Questions", "How to edit"]
    boxes = book["Boxes"]
    assert [cell.value for cell in boxes[1]] == ["id", "type", "term", "label", "group", "description"]
    assert [row[0] for row in boxes.iter_rows(min_row=2, values_only=True)] == ["training", "trained", "confident"]
    assert boxes.freeze_panes == "A2"
    assert boxes.page_setup.orientation == "landscape" and boxes.page_setup.fitToWidth == 1
    assert boxes.print_title_rows == "$1:$1"
    lists = {str(validation.sqref): validation.formula1 for validation in boxes.data_validations.dataValidation}
    assert lists == {"B2:B1048576": '"cause,need,input,activity,output,outcome,impact"',
                     "C2:C1048576": '"short,medium,long"'}
    links = {str(v.sqref): v.formula1 for v in book["Links"].data_validations.dataValidation}
    assert links["D2:D1048576"] == '"none,weak,moderate,strong"'
    # A formula-like label is text, with the quote that stops a spreadsheet running it.
    assert boxes["D3"].value.startswith("'=HYPERLINK") and boxes["D3"].data_type == "s"
    indicators = list(book["Indicators"].iter_rows(min_row=2, values_only=True))
    assert indicators == [("trained", "trained-count", "Professionals trained", "Register", None, None, None, 0, 200,
                           None, None)]
    assert list(book["Questions"].iter_rows(min_row=2, values_only=True)) == [
        ("q1", "process", "Was the training delivered as planned?", "training", None, None, None)]


def test_export_is_the_same_bytes_every_time(model, tmp_path):
    first = export(model).read_bytes()
    assert main(["export", str(model), "-o", str(tmp_path / "again.xlsx")]) == 0
    assert (tmp_path / "again.xlsx").read_bytes() == first


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("example", EXAMPLE_MODELS, ids=lambda path: path.name)
def test_export_then_import_unedited_changes_nothing(example, tmp_path, capsys):
    model = tmp_path / example.name
    shutil.copy(example, model)
    for catalogue in example.parent.glob("*.yaml"):
        if not catalogue.name.endswith(".toc.yaml"):
            shutil.copy(catalogue, tmp_path / catalogue.name)
    before = model.read_bytes()
    workbook = export(model)
    capsys.readouterr()
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    assert "no changes" in capsys.readouterr().err
    assert model.read_bytes() == before


def test_one_label_changed_is_exactly_that_change(model, tmp_path, capsys):
    original = tmp_path / "original.toc.yaml"
    shutil.copy(model, original)
    workbook = edit(export(model), {"Boxes!D4": "Practitioners feel confident to support parents"})
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    printed = capsys.readouterr().out
    assert 'label: "Practitioners confident" -> "Practitioners feel confident to support parents"' in printed
    diff = semantic_diff(original, model)
    assert changes_of(diff) == {"nodes": [{"id": "confident", "kind": "changed", "stage": "short-term outcome",
                                          "label": "Practitioners feel confident to support parents",
                                          "old_id": None,
                                          "changes": [{"field": "label", "old": "Practitioners confident",
                                                       "new": "Practitioners feel confident to support parents"}]}]}
    # Every comment is still there, and every line but the label's is as it was.
    old_lines, new_lines = COMMENTED.splitlines(), model.read_text().splitlines()
    assert [pair for pair in zip(old_lines, new_lines) if pair[0] != pair[1]] == [
        ("    label: Practitioners confident", "    label: Practitioners feel confident to support parents")]


def test_a_target_changed(model, tmp_path, capsys):
    original = tmp_path / "original.toc.yaml"
    shutil.copy(model, original)
    workbook = edit(export(model), {"Indicators!I2": 250})
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    diff = changes_of(semantic_diff(original, model))
    assert list(diff) == ["indicators"]
    assert diff["indicators"][0]["changes"] == [{"field": "target", "old": 200, "new": 250}]
    assert "        target: 250        # agreed at the March board" in model.read_text()


def test_rows_added_and_deleted(model, tmp_path, capsys):
    workbook = export(model)
    book = openpyxl.load_workbook(workbook)
    book["Boxes"].append(["less-conflict", "outcome", "medium", "Less destructive conflict", "Parents", None])
    book["Links"].append(["confident", "less-conflict", "Confident staff refer parents", "moderate", None, None])
    book["Links"].delete_rows(2)  # training -> trained
    book["Indicators"].append(["less-conflict", None, "Acrimony Scale score", "Parent survey", None, None, None,
                               "not yet known", "10% lower", "not-collected", None])
    book["Questions"].append(["q2", "impact", "Do parents argue less?", "less-conflict", None, None, None])
    book.save(workbook)
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    text = model.read_text()
    assert "# Our theory of change: kept under version control." in text and "# what we do" in text
    from toc.checker import check_file

    loaded = check_file(str(model)).model
    assert loaded.nodes["less-conflict"].term.value == "medium"
    assert [link.target for link in loaded.nodes["training"].links] == []
    assert [(link.target, link.assumption) for link in loaded.nodes["confident"].links] == [
        ("less-conflict", "Confident staff refer parents")]
    assert [(i.id, i.target) for i in loaded.nodes["less-conflict"].indicators] == [
        ("acrimony-scale-score", "10% lower")]
    assert [q.id for q in loaded.evaluation.questions] == ["q1", "q2"]


def test_dash_o_writes_a_new_model_and_leaves_the_old(model, tmp_path, capsys):
    before = model.read_bytes()
    workbook = edit(export(model), {"Boxes!E2": "Workforce"})
    new = tmp_path / "new.toc.yaml"
    assert main(["import", str(workbook), "--into", str(model), "-o", str(new)]) == 0
    assert model.read_bytes() == before
    assert "group: Workforce" in new.read_text()
    # And from the workbook alone: a model of its own.
    alone = tmp_path / "alone.toc.yaml"
    assert main(["import", str(workbook), "-o", str(alone)]) == 0
    from toc.checker import check_file

    report = check_file(str(alone))
    assert list(report.model.nodes) == ["training", "trained", "confident"]
    assert report.model.title == "Test area"
    assert not [f for f in report.findings if f.code.startswith("TOC0")]


def test_a_model_saved_meanwhile_is_never_overwritten(model, monkeypatch, capsys):
    import toc.sheet_import

    workbook = edit(export(model), {"Boxes!D2": "Training for all practitioners"})
    real = toc.sheet_import.plan_changes

    def someone_saves_meanwhile(*arguments):
        plan = real(*arguments)
        model.write_text(COMMENTED + "# saved in an editor\n")
        return plan

    monkeypatch.setattr(toc.sheet_import, "plan_changes", someone_saves_meanwhile)
    assert main(["import", str(workbook), "--into", str(model)]) == 2
    assert "changed on disk" in capsys.readouterr().err
    assert model.read_text() == COMMENTED + "# saved in an editor\n"


def test_a_hostile_model_round_trips_untouched_and_one_edit_is_one_change(tmp_path, capsys):
    from test_output_injection import hostile_model

    model = tmp_path / "hostile.toc.yaml"
    model.write_text(hostile_model("Wirral"), encoding="utf-8")
    before = model.read_bytes()
    workbook = export(model)
    capsys.readouterr()
    assert main(["import", str(workbook), "--into", str(model)]) == 0  # control characters, 20,000 characters,
    assert model.read_bytes() == before                                # formulas: exported, read back, unchanged
    book = openpyxl.load_workbook(workbook)
    row = next(row for row in book["Boxes"].iter_rows(min_row=2) if row[0].value == "act2")
    row[3].value = "Full-width formula characters, retyped"
    book.save(workbook)
    original = tmp_path / "original.toc.yaml"
    original.write_bytes(before)
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    diff = changes_of(semantic_diff(original, model))
    assert [(node["id"], [change["field"] for change in node["changes"]]) for node in diff["nodes"]] == [
        ("act2", ["label"])]
    assert list(diff) == ["nodes"]


# ------------------------------------------------------------------ hostile and wrong cells
def located(err: str) -> list[str]:
    return [line.split(": ")[0] + " " + line.split(": ")[1].split()[1] for line in err.splitlines()
            if ": error TOC" in line]


@pytest.mark.parametrize("cell, value, expected", [
    ("Boxes!D3", "=1+1", "Boxes!D3 TOC907"),                       # a formula
    ("Boxes!D2", "x" * 20_000, "Boxes!D2 TOC907"),                  # 20,000 characters
    ("Boxes!D2", "Training\x7f\u202egnissim", "Boxes!D2 TOC907"),   # control and bidi characters
    ("Links!D2", "very strong", "Links!D2 TOC907"),                 # not one of the list
    ("Boxes!B4", "outcomes", "Boxes!B4 TOC907"),
    ("Links!B2", "trainned", "Links!B2 TOC908"),                    # a box that is not there
    ("Indicators!A2", "nobody", "Indicators!A2 TOC908"),
    ("Boxes!A3", "training", "Boxes!A3 TOC908"),                    # one id on two rows
    ("Boxes!D1", "Box text", "Boxes!D1 TOC909"),                    # a heading renamed
])
def test_bad_cells_are_findings_and_nothing_is_applied(model, capsys, cell, value, expected):
    before = model.read_bytes()
    workbook = edit(export(model), {cell: value})
    capsys.readouterr()
    assert main(["import", str(workbook), "--into", str(model)]) == 1
    err = capsys.readouterr().err
    assert located(err)[:1] == [f"{workbook}:{expected}"], err
    assert "nothing applied" in err
    assert model.read_bytes() == before


def test_a_workbook_that_is_not_one(model, tmp_path, capsys):
    fake = tmp_path / "notes.xlsx"
    fake.write_text("text,stage\n")
    assert main(["import", str(fake), "--into", str(model)]) == 1
    assert "notes.xlsx:Boxes!A1: error TOC909 sheet-layout: not an .xlsx workbook" in capsys.readouterr().err
    book = openpyxl.load_workbook(export(model))
    del book["Questions"]
    book.save(tmp_path / "short.xlsx")
    assert main(["import", str(tmp_path / "short.xlsx"), "--into", str(model)]) == 1
    assert 'short.xlsx:Questions!A1: error TOC909 sheet-layout: the workbook has no sheet "Questions"' in \
        capsys.readouterr().err


def test_formula_like_text_typed_by_an_officer_comes_back_as_text(model, capsys):
    # Typed with the quote, as the export shows such text: the quote is the export's, not the officer's.
    workbook = edit(export(model), {"Boxes!F2": "'-3 sessions per family", "Boxes!D2": "@home visits"})
    assert main(["import", str(workbook), "--into", str(model)]) == 0
    from toc.checker import check_file

    node = check_file(str(model)).model.nodes["training"]
    assert (node.description, node.label) == ("-3 sessions per family", "@home visits")
    # The formula-like label nobody touched is still exactly as it was.
    assert '    label: "=HYPERLINK(\\"http://evil.example\\", \\"click\\")"' in model.read_text()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_through_libreoffice(model, tmp_path, capsys):
    """Saved again by LibreOffice Calc (as an officer without Excel would), then edited and imported."""
    workbook = edit(export(model), {"Boxes!D4": "Practitioners feel confident"})
    folder = tmp_path / "libreoffice"
    converted = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder), str(workbook)],
        capture_output=True, text=True, timeout=120, check=False)
    saved = folder / workbook.name
    if not saved.exists():
        pytest.skip("LibreOffice Calc could not convert: " + converted.stderr[-200:])
    original = tmp_path / "original.toc.yaml"
    shutil.copy(model, original)
    assert main(["import", str(saved), "--into", str(model)]) == 0
    assert list(changes_of(semantic_diff(original, model))) == ["nodes"]
    assert "label: Practitioners feel confident" in model.read_text()


def test_usage_errors_are_one_line(model, tmp_path, capsys):
    workbook = export(model)
    capsys.readouterr()
    assert main(["import", str(workbook)]) == 2  # neither --into nor -o
    assert main(["import", str(tmp_path / "notes.csv"), "--into", str(model)]) == 2
    assert main(["export", str(model), "-o", str(tmp_path / "x.ods")]) == 2
    assert main(["export", str(model), "-o", str(model)]) == 2  # never over the model
    err = capsys.readouterr().err
    assert err.count("toc: error:") == 4 and "Traceback" not in err
    assert model.read_text() == COMMENTED


def test_a_model_that_does_not_load(tmp_path, capsys):
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes:\n  a: [unclosed\n")
    assert main(["export", str(broken), "-o", str(tmp_path / "b.xlsx")]) == 1
    assert "TOC001" in capsys.readouterr().err and not (tmp_path / "b.xlsx").exists()
