"""The evaluation matrix as a spreadsheet: CSV, or XLSX through openpyxl.

The CSV keeps every column, always in the same order, for tools. The XLSX is for people: a
column no row fills is left out, a row without a question's timing takes its indicators'
frequency, each row is as tall as its longest wrapped cell, and the sheet prints landscape, one
page wide, with the header row repeated on every page.
"""

from __future__ import annotations

import math

from toc.evaluation.plan import EvaluationPlan, MatrixRow
from toc.renderers.spreadsheet import add_sheet, csv_text, header_style, new_workbook, workbook_bytes

_WIDTHS = dict(zip(MatrixRow.HEADERS, (10, 40, 10, 18, 30, 16, 40, 24, 30, 12, 50, 30, 14, 20, 20, 40)))
_LINE_POINTS = 15  # one line of 11-point text, with its leading


def render_matrix_csv(plan: EvaluationPlan) -> str:
    return csv_text([MatrixRow.HEADERS, *(row.cells() for row in plan.matrix)])


def sheet_rows(plan: EvaluationPlan, frequencies: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """The rows the XLSX shows: a header and one row per question x node x method, the timing filled
    from the node's indicators' frequency where no question gives one, and empty columns left out."""
    timing = MatrixRow.HEADERS.index("Timing")
    rows = []
    for row in plan.matrix:
        cells = list(row.cells())
        if not cells[timing] and frequencies and frequencies.get(row.node):
            cells[timing] = frequencies[row.node]
        rows.append(tuple(cells))
    keep = [i for i in range(len(MatrixRow.HEADERS)) if any(r[i] for r in rows)] or list(range(len(MatrixRow.HEADERS)))
    return [tuple(MatrixRow.HEADERS[i] for i in keep), *(tuple(r[i] for i in keep) for r in rows)]


def render_matrix_xlsx(plan: EvaluationPlan, title: str, frequencies: dict[str, str] | None = None) -> bytes:
    """``frequencies``: each node's indicators' collection frequencies, for rows no question times."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    rows = sheet_rows(plan, frequencies)
    workbook = new_workbook(title)
    sheet = add_sheet(workbook, "Evaluation matrix", rows)
    header_style(sheet, fill="DCE9F5")
    widths = [_WIDTHS.get(header, 20) for header in rows[0]]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheet programs do not grow a wrapped row when the file is opened: give it its height.
        lines = max((_lines(str(cell.value or ""), width) for cell, width in zip(cells, widths)), default=1)
        sheet.row_dimensions[number].height = min(lines, 27) * _LINE_POINTS
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    return workbook_bytes(workbook)


def _lines(text: str, width: int) -> int:
    """About how many lines the text wraps to in a column ``width`` characters wide."""
    return sum(max(1, math.ceil(len(part) / max(width - 1, 1))) for part in text.split("\n")) or 1
