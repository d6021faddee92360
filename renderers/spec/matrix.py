"""The evaluation matrix as a spreadsheet: CSV, or XLSX through openpyxl."""

from __future__ import annotations

from toc.evaluation.plan import EvaluationPlan, MatrixRow
from toc.renderers.spreadsheet import add_sheet, csv_text, header_style, new_workbook, workbook_bytes

_WIDTHS = (10, 40, 10, 18, 30, 16, 40, 24, 30, 12, 50, 30, 14, 20, 20, 40)


def render_matrix_csv(plan: EvaluationPlan) -> str:
    return csv_text([MatrixRow.HEADERS, *(row.cells() for row in plan.matrix)])


def render_matrix_xlsx(plan: EvaluationPlan, title: str) -> bytes:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    workbook = new_workbook(title)
    sheet = add_sheet(workbook, "Evaluation matrix", [MatrixRow.HEADERS, *(row.cells() for row in plan.matrix)])
    header_style(sheet, fill="DCE9F5")
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_bytes(workbook)
