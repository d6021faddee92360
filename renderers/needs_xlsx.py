"""The needs dataset as a spreadsheet: the tidy data (real numbers) and the side-by-side view."""

from __future__ import annotations

from toc.renderers.needs_tables import comparison_table
from toc.renderers.spreadsheet import add_sheet, append_row, header_style, new_workbook, workbook_bytes
from toc.needs import COLUMNS, Comparison, NeedsRow

_WIDTHS = {"area": 20, "geography": 20, "indicator": 26, "measure": 48, "source": 36, "notes": 36, "model": 36}


def render_needs_xlsx(rows: list[NeedsRow], comparison: Comparison, title: str) -> bytes:
    from openpyxl.utils import get_column_letter

    workbook = new_workbook(title)
    # Numbers stay numbers, so the sheet can be sorted, charted and pivoted.
    data = add_sheet(workbook, "Needs data", [COLUMNS, *(row.as_dict().values() for row in rows)])
    header_style(data)
    for index, column in enumerate(COLUMNS, start=1):
        data.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 14)

    header, body = comparison_table(comparison)
    side = add_sheet(workbook, "Compare", [header, *body])
    header_style(side)
    side.column_dimensions["A"].width = 48
    for index in range(2, len(header) + 1):
        side.column_dimensions[get_column_letter(index)].width = 18
    if comparison.notes:
        append_row(side, [])
        for note in comparison.notes:
            append_row(side, ["note: " + note])
    return workbook_bytes(workbook)
