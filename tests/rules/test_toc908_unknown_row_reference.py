import io

import openpyxl

from toc.capture.sheets import read_workbook
from toc.checker import check_text
from toc.renderers.model_xlsx import render_model_xlsx
from toc.sheet_import import plan_changes

MODEL = ("toc: 1\nnodes:\n  training: {type: activity, label: Training, leads_to: [trained]}\n"
         "  trained:\n    type: output\n    label: Trained\n    indicators:\n      - {id: count, measure: Number}\n")


def findings_after(changes):
    model = check_text(MODEL, "m.toc.yaml").model
    book = openpyxl.load_workbook(io.BytesIO(render_model_xlsx(model, "m")))
    for where, value in changes.items():
        sheet, cell = where.split("!")
        book[sheet][cell] = value
    data = io.BytesIO()
    book.save(data)
    workbook, findings = read_workbook(data.getvalue(), "m.xlsx")
    assert findings == []
    return [(str(f.location), f.code) for f in plan_changes(model, workbook).findings]


def test_a_link_to_a_box_that_is_not_there():
    assert findings_after({"Links!B2": "trainned"}) == [("m.xlsx:Links!B2", "TOC908")]


def test_an_indicator_on_a_box_that_is_not_there_and_an_id_on_two_rows():
    assert findings_after({"Indicators!A2": "nobody"}) == [("m.xlsx:Indicators!A2", "TOC908")]
    # The row that was "trained" is a second "training": "trained" is gone, and so are its rows' box.
    assert findings_after({"Boxes!A3": "training"}) == [
        ("m.xlsx:Boxes!A3", "TOC908"), ("m.xlsx:Indicators!A2", "TOC908"), ("m.xlsx:Links!B2", "TOC908")]


def test_a_deleted_box_still_named_by_a_link_and_an_indicator():
    assert findings_after({"Boxes!A3": None, "Boxes!B3": None, "Boxes!D3": None}) == [
        ("m.xlsx:Indicators!A2", "TOC908"), ("m.xlsx:Links!B2", "TOC908")]
