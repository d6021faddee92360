"""Reading back the workbook `toc export` wrote: each sheet's rows, by its column headings.

Only the layout is judged here (a sheet or heading missing or renamed is TOC909);
what each cell holds is judged against the model by ``toc.sheet_import``, which
knows what `toc export` wrote there. A cell is read as it is stored: a formula
stays a formula (never computed, never trusted), a number a number.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from toc.capture import kinds
from toc.capture.columns import SHEETS, Sheet
from toc.capture.kinds import SheetLocation
from toc.findings import Finding

# An .xlsx is a zip: its parts, unpacked, may not be larger than this (a zip bomb is refused).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Cell:
    """One cell as stored: its value, and whether it is a formula ("f") or an error ("e")."""

    value: object
    data_type: str
    location: SheetLocation

    @property
    def is_blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, Cell]  # by column name


@dataclass
class Workbook:
    rows: dict[str, list[Row]]  # by sheet name
    title: str | None = None


def read_workbook(data: bytes, path: str) -> tuple[Workbook | None, list[Finding]]:
    """The rows of each of toc's sheets, or None and the findings saying why it cannot be read."""
    findings: list[Finding] = []
    where = SheetLocation(path, 1, 1, SHEETS[0].name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return None, [kinds.SHEET_LAYOUT.finding("not an .xlsx workbook (an .xls, .ods or .csv saved as .xlsx?)",
                                                 where, hint="save it as Excel Workbook (.xlsx)")]
    if unpacked > MAX_UNPACKED_BYTES:
        return None, [kinds.SHEET_LAYOUT.finding(
            f"the workbook unpacks to {unpacked // 1048576} MB, over {MAX_UNPACKED_BYTES // 1048576} MB", where)]
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on damaged files; all mean "cannot open"
        return None, [kinds.SHEET_LAYOUT.finding(
            f"cannot open the workbook ({type(error).__name__})", where, hint="save it again as .xlsx")]
    result = Workbook({}, workbook.properties.title if workbook.properties else None)
    try:
        for sheet in SHEETS:
            if sheet.name not in workbook.sheetnames:
                findings.append(kinds.SHEET_LAYOUT.finding(
                    f'the workbook has no sheet "{sheet.name}"', SheetLocation(path, 1, 1, sheet.name),
                    hint="keep the sheets toc export wrote (Boxes, Links, Indicators, Questions), "
                         "even when empty"))
                continue
            rows = _sheet_rows(workbook[sheet.name], sheet, path, findings)
            if rows is not None:
                result.rows[sheet.name] = rows
    finally:
        workbook.close()
    return (None if findings else result), findings


def _sheet_rows(worksheet, sheet: Sheet, path: str, findings: list[Finding]) -> list[Row] | None:
    rows_iterator = worksheet.iter_rows()
    header = next(rows_iterator, ())
    names = [(cell.value.strip() if isinstance(cell.value, str) else cell.value) for cell in header]
    for index, name in enumerate(sheet.names):
        found = names[index] if index < len(names) else None
        if not isinstance(found, str) or found.casefold() != name:
            shown = "nothing" if found in (None, "") else f'"{str(found)[:40]}"'
            findings.append(kinds.SHEET_LAYOUT.finding(
                f'column {kinds.column_letter(index + 1)} is headed {shown}; toc export wrote "{name}" there',
                SheetLocation(path, 1, index + 1, sheet.name),
                hint=f"the {sheet.name} sheet's headings are: " + ", ".join(sheet.names)))
            return None
    rows = []
    for number, cells in enumerate(rows_iterator, start=2):
        if number > MAX_ROWS:
            findings.append(kinds.SHEET_LAYOUT.finding(
                f"more than {MAX_ROWS:,} rows", SheetLocation(path, number, 1, sheet.name)))
            return None
        by_name = {}
        for index, name in enumerate(sheet.names):
            cell = cells[index] if index < len(cells) else None
            value = getattr(cell, "value", None)
            data_type = getattr(cell, "data_type", "n") or "n"
            by_name[name] = Cell(value, data_type, SheetLocation(path, number, index + 1, sheet.name))
        if all(cell.is_blank for cell in by_name.values()):
            continue  # an empty row (a deleted one, or space between) says nothing
        rows.append(Row(number, by_name))
    return rows
