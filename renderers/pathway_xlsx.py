"""The support pathway as a spreadsheet: the grid on one sheet, every service on another."""

from __future__ import annotations

from toc.renderers.pathway_tables import CSV_COLUMNS, GAP, findings_summary, gap_counts, pathway_rows, summary_line
from toc.renderers.spreadsheet import add_sheet, append_row, header_style, new_workbook, workbook_bytes
from toc.pathway import PathwayMatrix, service_label

GAP_FILL, DUPLICATE_FILL, HEADER_FILL = "F5B895", "F7EE9A", "0072B2"


def render_pathway_xlsx(matrix: PathwayMatrix, title: str) -> bytes:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = new_workbook(title)
    grid = add_sheet(workbook, "Pathway", [[title]])
    grid["A1"].font = Font(bold=True, size=14)
    append_row(grid, [summary_line(matrix)])
    append_row(grid, [])
    append_row(grid, ["Population"] + [level.label for level in matrix.levels])
    header_row = grid.max_row
    for cell in grid[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for population in matrix.populations:
        values = [population.label]
        for cell in matrix.row(population.id):
            if cell.is_gap:
                values.append(GAP)
            else:
                values.append("\n".join(
                    ("! " if cell.duplicated(node) else "") + service_label(node)
                    + (f" ({node.delivery})" if node.delivery else "")
                    for node in cell.services))
        append_row(grid, values)
        row = grid.max_row
        for column, cell in enumerate(matrix.row(population.id), start=2):
            target = grid.cell(row=row, column=column)
            target.alignment = wrap
            if cell.is_gap:
                target.fill = PatternFill("solid", fgColor=GAP_FILL)
                target.font = Font(bold=True)
            elif cell.duplications:
                target.fill = PatternFill("solid", fgColor=DUPLICATE_FILL)
        grid.cell(row=row, column=1).font = Font(bold=True)
        grid.cell(row=row, column=1).alignment = wrap
    append_row(grid, ["Gaps (populations with no service)"] + gap_counts(matrix))
    for cell in grid[grid.max_row]:
        cell.font = Font(bold=True)
    append_row(grid, [])
    for line in findings_summary(matrix):
        append_row(grid, [line])
    append_row(grid, ["Key: GAP = no service in the cell (vermillion); ! = duplicated: same level, population "
                 "and delivery (yellow)."])
    grid.column_dimensions["A"].width = 28
    for index in range(len(matrix.levels)):
        grid.column_dimensions[get_column_letter(index + 2)].width = 42
    grid.freeze_panes = grid.cell(row=header_row + 1, column=2)

    services = add_sheet(workbook, "Services",
                         [CSV_COLUMNS, *([row[column] for column in CSV_COLUMNS] for row in pathway_rows(matrix))])
    header_style(services)
    for letter, width in zip("ABCDEFGHIJ", (14, 20, 9, 26, 44, 30, 18, 16, 10, 30)):
        services.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
