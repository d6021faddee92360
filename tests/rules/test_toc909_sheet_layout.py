import io

import openpyxl

from toc.capture.sheets import read_workbook
from toc.checker import check_text
from toc.renderers.model_xlsx import render_model_xlsx

MODEL = "toc: 1\nnodes:\n  training: {type: activity, label: Training}\n"


def workbook_bytes(change) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(render_model_xlsx(check_text(MODEL, "m.toc.yaml").model, "m")))
    change(book)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def located(data: bytes):
    workbook, findings = read_workbook(data, "m.xlsx")
    assert workbook is None
    return [(str(f.location), f.code) for f in findings]


def test_a_renamed_heading():
    data = workbook_bytes(lambda book: book["Boxes"].cell(1, 4, "Box text"))
    assert located(data) == [("m.xlsx:Boxes!D1", "TOC909")]


def test_a_missing_sheet_and_a_file_that_is_no_workbook():
    assert located(workbook_bytes(lambda book: book.remove(book["Links"]))) == [("m.xlsx:Links!A1", "TOC909")]
    assert located(b"text,stage\n") == [("m.xlsx:Boxes!A1", "TOC909")]


def test_a_zip_bomb_is_refused_unopened():
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"\0" * (300 * 1024 * 1024))
    assert located(data.getvalue()) == [("m.xlsx:Boxes!A1", "TOC909")]
