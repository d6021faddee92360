"""The one way toc writes a table for spreadsheet programs: CSV text, or an XLSX workbook.

Every cell, in either format, goes through ``escape.spreadsheet_cell``, so model
text can never become a formula (CSV injection). Beyond that, following OWASP's
guidance: every CSV field is quoted, so a separator inside model text (``;`` in
locales that split on it) cannot start a new cell whose text then runs; and every
XLSX text cell is typed as a string, never a formula or an error value.

openpyxl stamps the document's modified time and each zip entry's time at save;
both are fixed here so an .xlsx output is byte-identical run to run, like every
other toc output. openpyxl is imported only by the functions that need it.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable

from toc.renderers.escape import spreadsheet_cell, xml_text

_FIXED_TIME = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def csv_text(rows: Iterable[Iterable]) -> str:
    """Rows as CSV: every field quoted and made inert, one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerows([spreadsheet_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def new_workbook(title: str):
    """An empty workbook (sheets come from ``add_sheet``) with fixed document properties."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)  # openpyxl's unnamed first sheet; add_sheet names every sheet
    workbook.properties.title = xml_text(title)  # model text, in the document's XML properties
    workbook.properties.creator = "toc"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    return workbook


def add_sheet(workbook, title: str, rows: Iterable[Iterable] = ()):
    """A new last sheet named ``title``, holding ``rows`` (each through ``append_row``)."""
    sheet = workbook.create_sheet(title)
    for row in rows:
        append_row(sheet, row)
    return sheet


def append_row(sheet, values: Iterable) -> None:
    """Add one row below the last: numbers stay numbers, every text is a string cell, never a formula."""
    values = [spreadsheet_cell(value) for value in values]
    sheet.append(values)
    if values:
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # openpyxl guesses a formula from a leading "=" and an error value from "#N/A";
                # the text was made inert already, and is typed as what it is.
                cell.data_type = "s"


def header_style(sheet, row: int = 1, fill: str = "DDDDDD", filter_ref: str | None = None) -> None:
    """Bold, filled header row, frozen below it, with a filter on the columns (``filter_ref``,
    else the whole sheet)."""
    from openpyxl.styles import Font, PatternFill

    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=fill)
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    sheet.auto_filter.ref = filter_ref or sheet.dimensions


def add_table(workbook, name: str, header: list, rows: Iterable[Iterable], *, title: str | None = None,
              widths: dict[int, float] | None = None, wrap: bool = False, fill: str = "DDDDDD"):
    """A new sheet holding one table, with the polish every toc spreadsheet has: an optional
    title row (bold, large) above it, a bold filled header row frozen in view, a filter on
    exactly the table's columns and rows, columns as wide as their text (within 8 to 60
    characters, or ``widths`` by column number), and text wrapped at the top of its cell with
    ``wrap``. Numbers stay numbers (``append_row``), so the table sorts, sums and charts."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(name)
    if title:
        append_row(sheet, [title])
        sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
        append_row(sheet, [])
    append_row(sheet, header)
    header_row = sheet.max_row
    rows = [list(row) for row in rows]
    for row in rows:
        append_row(sheet, row)
    header_style(sheet, header_row, fill, filter_ref=(
        f"A{header_row}:{get_column_letter(max(1, len(header)))}{header_row + len(rows)}"))
    for index in range(1, len(header) + 1):
        if widths and index in widths:
            width = widths[index]
        else:
            longest = max((_text_width(row[index - 1]) for row in [header, *rows] if index - 1 < len(row)), default=0)
            width = min(60, max(8, longest + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    if wrap:
        for cells in sheet.iter_rows(min_row=header_row + 1):
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return sheet


def _text_width(value) -> int:
    """Columns a value takes when shown: its longest line, CJK and emoji counting two."""
    from toc.renderers.text_width import display_width

    if value is None:
        return 0
    return max((display_width(line) for line in str(value).splitlines()), default=0)


def workbook_bytes(workbook) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        # ExcelWriter.save() without save_workbook(), which would stamp the current time.
        ExcelWriter(workbook, archive).save()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


# The last row of a worksheet: a drop-down list covers the rows people add, too.
_LAST_ROW = 1_048_576


def choice_list(sheet, column: int, choices: tuple[str, ...], first_row: int = 2) -> None:
    """A drop-down list of ``choices`` on a column, from ``first_row`` down; anything else is refused
    with a message (Excel and LibreOffice both honour it). Empty cells stay allowed."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(column)
    # The list is written into the sheet's XML as a formula string: toc's own words, never model text.
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Not one of the choices",
                                error="Choose one of: " + ", ".join(choices))
    validation.add(f"{letter}{first_row}:{letter}{_LAST_ROW}")
    sheet.add_data_validation(validation)


def print_setup(sheet, title_rows: str | None = "1:1", landscape: bool = True) -> None:
    """Printable as it is: landscape, as wide as one page, the header row on every page, gridlines."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.print_options.gridLines = True
