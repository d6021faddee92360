"""The needs dataset as a spreadsheet: the tidy data (real numbers) and the side-by-side view."""

from __future__ import annotations

from toc.renderers.needs_tables import comparison_table
from toc.renderers.xlsx import formula_safe, header_style, new_workbook, workbook_bytes
from toc.needs import COLUMNS, Comparison, NeedsRow

_WIDTHS = {"area": 20, "geography": 20, "indicator": 26, "measure": 48, "source": 36, "notes": 36, "model": 36}


def render_needs_xlsx(rows: list[NeedsRow], comparison: Comparison, title: str) -> bytes:
    from openpyxl.utils import get_column_letter

    workbook = new_workbook()
    workbook.properties.title = title
    data = workbook.active
    data.title = "Needs data"
    data.append(list(COLUMNS))
    for row in rows:
        # Numbers stay numbers, so the sheet can be sorted, charted and pivoted.
        data.append([formula_safe(value) for value in row.as_dict().values()])
    header_style(data)
    for index, column in enumerate(COLUMNS, start=1):
        data.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 14)

    side = workbook.create_sheet("Compare")
    header, body = comparison_table(comparison)
    side.append(header)
    for line in body:
        side.append([formula_safe(cell) for cell in line])
    header_style(side)
    side.column_dimensions["A"].width = 48
    for index in range(2, len(header) + 1):
        side.column_dimensions[get_column_letter(index)].width = 18
    if comparison.notes:
        side.append([])
        for note in comparison.notes:
            side.append([formula_safe("note: " + note)])
    return workbook_bytes(workbook)
