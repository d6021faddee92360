"""A model as a workbook an officer can edit and give back: Boxes, Links, Indicators, Questions.

`toc export` writes it and `toc import --into` reads it back (toc/capture/columns.py
is the table both follow). Every row carries its ids, so rows can be sorted and
filtered freely; choices are drop-down lists; headers are frozen; each sheet
prints on landscape pages as wide as one page. A last sheet says how to edit.
"""

from __future__ import annotations

from toc.capture.columns import HELP_SHEET, SHEETS, model_rows
from toc.renderers.spreadsheet import (add_sheet, append_row, choice_list, header_style, new_workbook,
                                       print_setup, workbook_bytes)

_HELP = (
    "Edit the cells, add rows, delete rows; then bring the changes back into the model with",
    "    toc import THIS-FILE.xlsx --into MODEL.toc.yaml",
    "which changes only what you changed (keeping the file's comments) and prints what changed.",
    "Ids are how the sheets name each other: a link's from and to, an indicator's box, a question's boxes.",
    "Sorting, filtering, widening columns and adding sheets of your own are fine; keep the headings as they are.",
    "Cells with a drop-down list take only its choices. Text starting with = + - @ is shown with a leading '",
    "(so that it is never run as a formula) and comes back without it. Formulas are not read: type values.",
)


_MOST_LINES = 20  # a 20,000-character label gets a tall row, not a page-long one


def _lines(value, width: int) -> int:
    """About how many lines a value takes wrapped in a column ``width`` characters wide."""
    if value is None:
        return 1
    per_line = max(width - 2, 1)
    return sum(max(1, -(-len(line) // per_line)) for line in str(value).split("\n"))


def render_model_xlsx(model, title: str) -> bytes:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    workbook = new_workbook(title)
    rows = model_rows(model)
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    for sheet in SHEETS:
        worksheet = add_sheet(workbook, sheet.name, [sheet.names, *rows[sheet.name]])
        header_style(worksheet)
        print_setup(worksheet)
        wrapped = [index for index, column in enumerate(sheet.columns) if column.width >= 30]
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = column.width
            if column.choices:
                choice_list(worksheet, index, column.choices)
        for number, values in enumerate(rows[sheet.name], start=2):
            for index in range(len(sheet.columns)):
                worksheet.cell(number, index + 1).alignment = wrap if index in wrapped else top
            # Spreadsheet programs do not grow a row for wrapped text of a file they did not write
            # (LibreOffice prints such rows one line high, the lines on top of each other).
            lines = max([_lines(values[index], sheet.columns[index].width) for index in wrapped] or [1])
            if lines > 1:
                worksheet.row_dimensions[number].height = 15 * min(lines, _MOST_LINES)
    help_sheet = add_sheet(workbook, HELP_SHEET, [[line] for line in _HELP])
    append_row(help_sheet, [])
    for sheet in SHEETS:
        append_row(help_sheet, [f"{sheet.name}: {sheet.doc}"])
        for column in sheet.columns:
            append_row(help_sheet, [f"    {column.name}: {column.doc}"])
    help_sheet.column_dimensions["A"].width = 110
    print_setup(help_sheet, title_rows=None, landscape=False)
    return workbook_bytes(workbook)
