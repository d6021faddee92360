"""The support pathway as a spreadsheet: the grid on one sheet, every service on another."""

from __future__ import annotations

from toc.renderers.pathway_tables import CSV_COLUMNS, GAP, findings_summary, gap_counts, pathway_rows, summary_line
from toc.renderers.xlsx import formula_safe, header_style, new_workbook, workbook_bytes
from toc.pathway import PathwayMatrix, service_label

GAP_FILL, DUPLICATE_FILL, HEADER_FILL = "F5B895", "F7EE9A", "0072B2"


def render_pathway_xlsx(matrix: PathwayMatrix, title: str) -> bytes:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = new_workbook()
    workbook.properties.title = title
    grid = workbook.active
    grid.title = "Pathway"
    grid.append([formula_safe(title)])
    grid["A1"].font = Font(bold=True, size=14)
    grid.append([summary_line(matrix)])
    grid.append([])
    grid.append(["Population"] + [formula_safe(level.label) for level in matrix.levels])
    header_row = grid.max_row
    for cell in grid[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for population in matrix.populations:
        values = [formula_safe(population.label)]
        for cell in matrix.row(population.id):
            if cell.is_gap:
                values.append(GAP)
            else:
                values.append(formula_safe("\n".join(
                    ("! " if cell.duplicated(node) else "") + service_label(node)
                    + (f" ({node.delivery})" if node.delivery else "")
                    for node in cell.services)))
        grid.append(values)
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
    grid.append(["Gaps (populations with no service)"] + gap_counts(matrix))
    for cell in grid[grid.max_row]:
        cell.font = Font(bold=True)
    grid.append([])
    for line in findings_summary(matrix):
        grid.append([formula_safe(line)])
    grid.append(["Key: GAP = no service in the cell (vermillion); ! = duplicated: same level, population "
                 "and delivery (yellow)."])
    grid.column_dimensions["A"].width = 28
    for index in range(len(matrix.levels)):
        grid.column_dimensions[get_column_letter(index + 2)].width = 42
    grid.freeze_panes = grid.cell(row=header_row + 1, column=2)

    services = workbook.create_sheet("Services")
    services.append(list(CSV_COLUMNS))
    for row in pathway_rows(matrix):
        services.append([formula_safe(row[column]) for column in CSV_COLUMNS])
    header_style(services)
    for letter, width in zip("ABCDEFGHIJ", (14, 20, 9, 26, 44, 30, 18, 16, 10, 30)):
        services.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
