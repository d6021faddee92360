"""The evaluation matrix as a spreadsheet: CSV, or XLSX through openpyxl."""

from __future__ import annotations

import csv
import io

from toc.evaluation.plan import EvaluationPlan, MatrixRow


def render_matrix_csv(plan: EvaluationPlan) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MatrixRow.HEADERS)
    for row in plan.matrix:
        writer.writerow(_safe(cell) for cell in row.cells())
    return buffer.getvalue()


def render_matrix_xlsx(plan: EvaluationPlan, title: str) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Evaluation matrix"
    sheet.append(MatrixRow.HEADERS)
    for row in plan.matrix:
        sheet.append([_safe(cell) for cell in row.cells()])
    header_fill = PatternFill("solid", fgColor="DCE9F5")
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), header_fill
    widths = (10, 40, 10, 18, 30, 16, 40, 24, 30, 12, 50, 30, 14, 20, 20, 40)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.title = title
    workbook.properties.creator = "toc"
    # openpyxl stamps creation and modification times; fix them so the same model gives the same file.
    import datetime

    fixed = datetime.datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    from toc.renderers.spec.docx import _reproducible

    return _reproducible(buffer.getvalue())


def _safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
