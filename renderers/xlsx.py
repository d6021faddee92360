"""Spreadsheet bytes from openpyxl that are the same for the same input.

openpyxl stamps the document's modified time and each zip entry's time at
save; both are fixed here so an .xlsx output is byte-identical run to run, like
every other toc output. openpyxl is imported only by the functions that need it.
"""

from __future__ import annotations

import datetime
import io
import zipfile

_FIXED_TIME = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def new_workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = "toc"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    return workbook


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


def header_style(sheet, row: int = 1) -> None:
    """Bold, filled header row, frozen below it, with a filter on the columns."""
    from openpyxl.styles import Font, PatternFill

    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    sheet.auto_filter.ref = sheet.dimensions


def formula_safe(value):
    """Text starting with = + - @ would run as a formula in a spreadsheet: keep it text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
