"""Reading actuals files: the monitoring data beside a model, checked like the model.

An actuals file is a tidy table, CSV (UTF-8) or XLSX (its first sheet, or the sheet
named "actuals"), one row per indicator and period (and area):

    indicator,period,value,area,note
    sf-briefings,2025-Q1,1,,Steering Group in February

Every problem is a finding located as ``file.csv:ROW:COLUMN``, ROW counting lines
(the header is row 1) and COLUMN counting cells (A = 1): an unknown indicator
(TOC801, with a did-you-mean), a value that is not a number (TOC802), the same
indicator, period and area twice (TOC803), a period in no known form or outside
the plan (TOC804), and a file that cannot be read as such a table (TOC800). Values
outside a measure's range and stale indicators need the catalogue and the
monitoring analysis, so rules find those (TOC805, TOC806).

The reading is bounded: all the files together may hold at most
``Limits.max_actuals_bytes`` and ``Limits.max_actuals_rows`` (TOC006 past that),
and at most ``MOST_FINDINGS_PER_FILE`` findings are reported for one file, so a
file of a million bad rows costs a million checks and a few hundred lines.

The row loop is the cost of `toc monitor` on a big regional file, so it does per
row only what it must: each period text is parsed once, each indicator and area
pair is looked up once, and everything else happens on the rare bad row.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import operator
import os
from collections.abc import Iterable

from toc.findings import Finding, Related
from toc.limits import Limits
from toc.loading.finding_kinds import (ACTUALS_FILE, BAD_PERIOD, DUPLICATE_ACTUAL, LIMIT_EXCEEDED,
                                       MISSING_ACTUALS, NOT_A_NUMBER, UNKNOWN_INDICATOR)
from toc.loading.source import UnreadableInput
from toc.model import Actuals, ActualsFile, Location, Model, Point, Reference
from toc.periods import FORMS, Period, parse_period, why_not_a_period
from toc.suggest import closest, did_you_mean

COLUMNS = ("indicator", "period", "value", "area", "note")
REQUIRED_COLUMNS = ("indicator", "period", "value")
MOST_FINDINGS_PER_FILE = 200
_HINT = "see docs/monitoring.md#actuals-files"


class _Stop(Exception):
    """The rows limit was reached: the rest of this file (and of the files after it) is not read."""


def read_actuals(model: Model, limits: Limits, base: str, extra: Iterable[str] = ()) -> list[Finding]:
    """Read the actuals files the model's `monitoring:` names (relative to the folder ``base``),
    then ``extra`` files (given on the command line, read as named), into ``model.actuals``."""
    reader = _Reader(model, limits)
    named = model.monitoring.actuals if model.monitoring else ()
    for reference in named:
        path = os.path.join(base, reference.id)
        refusal = _outside(reference, path, base)
        if refusal is not None:
            reader.findings.append(refusal)
            continue
        reader.read_path(path, reference)
    for path in extra:
        reader.read_path(path, None)
    model.actuals = reader.actuals
    return reader.findings


def _outside(reference: Reference, path: str, base: str) -> Finding | None:
    """A finding when a named file is outside the model's folder: a shared model must not make toc
    read (and echo into reports) files elsewhere on the machine."""
    folder = os.path.realpath(base or ".")
    if os.path.commonpath([os.path.realpath(path), folder]) == folder:
        return None
    return ACTUALS_FILE.finding(f'actuals file "{reference.id}" is outside the model\'s folder', reference.location,
                                hint="keep actuals files beside the model (or below it), or give the file with "
                                     "`toc monitor --actuals FILE`")


class _Reader:
    def __init__(self, model: Model, limits: Limits):
        self.model = model
        self.limits = limits
        self.actuals = Actuals()
        self.findings: list[Finding] = []
        self.indicators = {indicator.id for node in model.nodes.values() for indicator in node.indicators
                           if indicator.id}
        monitoring = model.monitoring
        start = parse_period(monitoring.start) if monitoring and monitoring.start else None
        end = parse_period(monitoring.end) if monitoring and monitoring.end else None
        self.plan = (start.first if start else None, end.last if end else None)
        self.bytes_read = 0
        self.rows_read = 0
        self.stopped = False

    # ------------------------------------------------------------- files
    def read_path(self, path: str, reference: Reference | None) -> None:
        if self.stopped:
            return
        where = reference.location if reference else Location(path, 1, 1)
        named = f'actuals file "{reference.id}"' if reference else f'actuals file "{path}"'
        try:
            size = _regular_file_size(path)
        except FileNotFoundError:
            # A model shared without its data, or data not yet received: the model itself is fine.
            self.findings.append(MISSING_ACTUALS.finding(f"{named} is not there", where,
                                                         hint="actuals paths are relative to the model file; " + _HINT))
            return
        except UnreadableInput as error:
            self.findings.append(ACTUALS_FILE.finding(f"{named}: {error}", where,
                                                      hint="actuals paths are relative to the model file; " + _HINT))
            return
        if self.bytes_read + size > self.limits.max_actuals_bytes:
            self.findings.append(LIMIT_EXCEEDED.finding(
                f"{named} would take the actuals past {self.limits.max_actuals_bytes // 1048576} MB", where,
                hint="raise TOC_MAX_ACTUALS_MB if the data are genuine"))
            return
        self.bytes_read += size
        source = ActualsFile(path)
        self.actuals.files.append(source)
        before = len(self.findings)
        try:
            if path.lower().endswith(".xlsx"):
                rows = _xlsx_rows(path, source, self)
            else:
                rows = _csv_rows(path, source, self)
            if rows is not None:
                self._rows(rows, source)
        except _Stop:
            self.stopped = True
        extra = len(self.findings) - before - MOST_FINDINGS_PER_FILE
        if extra > 0:
            limit = [f for f in self.findings[before + MOST_FINDINGS_PER_FILE:] if f.code == LIMIT_EXCEEDED.code]
            del self.findings[before + MOST_FINDINGS_PER_FILE:]
            extra -= len(limit)
            self.findings += limit
            self.findings.append(ACTUALS_FILE.finding(
                f"{extra:,} more problems in this file are not listed", source.location(1, "indicator"),
                hint=f"the first {MOST_FINDINGS_PER_FILE} are; fix those and check again"))

    def report(self, kind, message: str, location: Location, hint: str | None = None,
               related: tuple[Related, ...] = (), subject: str | None = None) -> None:
        self.findings.append(kind.finding(message, location, hint=hint, related=related, subject=subject))

    # -------------------------------------------------------------- rows
    def _rows(self, rows, source: ActualsFile) -> None:
        """Every data row after the header. ``rows`` iterates over each row's cells and says in
        ``line_num`` where the row ends (a csv reader, or _SheetRows)."""
        try:
            self._read_rows(rows, source)
        except csv.Error as error:
            self.report(ACTUALS_FILE, f"not a readable CSV row: {error}", Location(source.path, rows.line_num, 1),
                        hint="a quote (\") opened in a cell must be closed in it")

    def _read_rows(self, rows, source: ActualsFile) -> None:
        columns = source.columns
        at = {name: columns[name] - 1 for name in COLUMNS if name in columns}
        area_at, note_at = at.get("area"), at.get("note")
        # One C call takes a row's cells apart (the area's cell is the value's again when there is none).
        take = operator.itemgetter(at["indicator"], at["period"], at["value"], at["value"] if area_at is None
                                   else area_at)
        widest = max(at.values())
        series, notes = self.actuals.series, self.actuals.notes
        periods: dict[object, Period] = {}  # each period text parsed (and checked) once
        known = self.indicators
        isfinite = math.isfinite
        point = tuple.__new__  # a Point without NamedTuple's argument parsing, once per row
        most = self.limits.max_actuals_rows - self.rows_read
        count = 0
        for cells in rows:
            number = rows.line_num
            count += 1
            if count > most:
                self.rows_read += count - 1
                self.report(LIMIT_EXCEEDED, f"more than {self.limits.max_actuals_rows:,} rows of actuals",
                            source.location(number), hint="raise TOC_MAX_ACTUALS_ROWS if the data are genuine")
                raise _Stop
            if len(cells) <= widest:
                if not any(cells):
                    continue  # an empty line (spreadsheets leave them at the end)
                cells = [*cells, *([""] * (widest + 1 - len(cells)))]
            indicator, period_text, value, area = take(cells)
            if area_at is None:
                area = ""
            elif area.__class__ is not str:
                area = _cell_text(area)
            points = series.get((indicator, area))
            if points is None:
                if indicator.__class__ is not str or indicator not in known:
                    if not any(cells):
                        continue  # an empty row
                    indicator = self._indicator(indicator, number, source)
                    if indicator is None:
                        continue
                    area = area.strip()
                    points = series.get((indicator, area))
                if points is None:
                    points = series[(indicator, area)] = {}
            period = periods.get(period_text)
            if period is None:
                period = self._period(period_text, number, source, periods)
                if period is None:
                    continue
            try:
                figure = float(value)
            except (TypeError, ValueError):
                figure = self._value(value, number, source)
                if figure is None:
                    continue
            else:
                if not isfinite(figure):
                    self._not_a_number(value, number, source)
                    continue
            earlier = points.get(period)
            if earlier is not None and earlier[2] is source:
                self.report(DUPLICATE_ACTUAL, f"{indicator} for {period.text}"
                            + (f" in {area}" if area else "") + f" is given twice (first at row {earlier.row})",
                            source.location(number, "period"),
                            hint="keep one row (a correction goes in place of the old value); the later row "
                                 "is used", related=(Related(source.location(earlier.row, "period"),
                                                             "first given here"),))
            points[period] = point(Point, (figure, number, source))
            if note_at is not None:
                note = cells[note_at]
                if note:
                    notes[(indicator, area, period)] = _cell_text(note)
        self.rows_read += count

    def _indicator(self, cell, number: int, source: ActualsFile) -> str | None:
        text = _cell_text(cell).strip()
        if text in self.indicators:
            return text
        location = source.location(number, "indicator")
        if not text:
            self.report(UNKNOWN_INDICATOR, "no indicator id in this row", location,
                        hint="write the indicator's id (its `id:` in the model) in the indicator column")
            return None
        hint = did_you_mean(text, sorted(self.indicators))
        self.report(UNKNOWN_INDICATOR, f'"{_shown(text)}" is not an indicator of the model', location,
                    hint=hint or "use an indicator's `id:` from the model (`toc monitor` lists them)")
        return None

    def _period(self, cell, number: int, source: ActualsFile, periods: dict) -> Period | None:
        text = _period_text(cell)
        period = parse_period(text)
        location = source.location(number, "period")
        if period is None:
            self.report(BAD_PERIOD, why_not_a_period(text) if text.strip() else "no period in this row", location,
                        hint=f"write {FORMS}")
            return None
        start, end = self.plan
        if (start is not None and period.first < start) or (end is not None and period.last > end):
            monitoring = self.model.monitoring
            self.report(BAD_PERIOD, f"{period.text} is outside the plan ({monitoring.start} to {monitoring.end})",
                        location, hint="move `start:` or `end:` under `monitoring:` if the plan is longer, or "
                                       "remove the row")
            return None
        if isinstance(cell, (str, int)):
            periods[cell] = period  # (only good periods are kept: a bad one is reported on each row)
        return period

    def _value(self, cell, number: int, source: ActualsFile) -> float | None:
        text = cell.strip() if isinstance(cell, str) else ""
        if text.endswith("%") or "," in text:  # 45% or 1,234: say how to write it, rather than guess
            try:
                float(text.rstrip("%").replace(",", ""))
            except ValueError:
                pass
            else:
                self.report(NOT_A_NUMBER, f'value "{_shown(text)}" is not a plain number',
                            source.location(number, "value"),
                            hint="write 45 for 45% and 1234 for 1,234 (the unit is the indicator's `unit:`)")
                return None
        self._not_a_number(cell, number, source)
        return None

    def _not_a_number(self, cell, number: int, source: ActualsFile) -> None:
        text = _cell_text(cell).strip()
        if not text:
            message, hint = "no value in this row", "give the value, or leave the row out until it is known"
        elif text.startswith("="):
            message, hint = "the value is a formula, not a number", "paste the values, not the formulas"
        else:
            message, hint = f'value "{_shown(text)}" is not a number', "write a plain number, e.g. 42 or 3.5"
        self.report(NOT_A_NUMBER, message, source.location(number, "value"), hint=hint)


def _regular_file_size(path: str) -> int:
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnreadableInput(f"cannot read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput("is not a regular file")
    return info.st_size


def _shown(text: str) -> str:
    """A cell's text as a message quotes it: short, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _period_text(cell) -> str:
    """A period cell's text: spreadsheets turn 2025 into a number and 2025-04 into a date."""
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return f"{cell.year:04d}-{cell.month:02d}"
    if isinstance(cell, bool):
        return str(cell)
    return _cell_text(cell)


# ------------------------------------------------------------------ CSV
def _csv_rows(path: str, source: ActualsFile, reader: _Reader):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        reader.report(ACTUALS_FILE, f"cannot read: {error.strerror}", Location(path, 1, 1))
        return None
    text = _decoded(data, path, reader)
    if text is None:
        return None
    lines = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), skipinitialspace=True)
    try:
        header = next(lines, None)
    except csv.Error as error:
        reader.report(ACTUALS_FILE, f"not a readable CSV file: {error}", Location(path, 1, 1), hint=_HINT)
        return None
    if not _header(header, source, reader):
        return None
    return lines  # (its line_num is where each row ends: a quoted cell may hold line breaks)


def _delimiter(text: str) -> str:
    """Commas, unless the header has none and semicolons (Excel's CSV where a comma is the decimal
    mark) or tabs (pasted from a spreadsheet) instead."""
    header = text.split("\n", 1)[0]
    if "," not in header:
        for other in (";", "\t"):
            if other in header:
                return other
    return ","


def _decoded(data: bytes, path: str, reader: _Reader) -> str | None:
    if b"\x00" in data[:65536] or data.startswith(b"PK\x03\x04"):
        what = "an XLSX workbook (or another zip file) named .csv" if data.startswith(b"PK") else "binary data"
        reader.report(ACTUALS_FILE, f"the file holds {what}, not CSV text", Location(path, 1, 1),
                      hint="save it as 'CSV UTF-8 (comma delimited)', or name an .xlsx workbook .xlsx")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        reader.report(ACTUALS_FILE, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
                      Location(path, line, column),
                      hint="in Excel: Save As 'CSV UTF-8 (comma delimited)'; other programs: save as UTF-8")
        return None


def _header(header, source: ActualsFile, reader: _Reader) -> bool:
    """Find the columns by name (any order, any case); False with a finding when one is missing."""
    path = source.path
    if not header or not any(_cell_text(cell).strip() for cell in header):
        reader.report(ACTUALS_FILE, "the file has no header row", Location(path, 1, 1),
                      hint="the first row names the columns: indicator,period,value (and area, note)")
        return False
    names = [_cell_text(cell).strip().casefold() for cell in header]
    for column, name in enumerate(names, start=1):
        if name in COLUMNS and name not in source.columns:
            source.columns[name] = column
    missing = [name for name in REQUIRED_COLUMNS if name not in source.columns]
    if missing:
        unknown = [name for name in names if name not in COLUMNS]
        typo = closest(missing[0], unknown) if unknown else None
        hint = f'is the column "{typo}" meant to be "{missing[0]}"?' if typo else ""
        reader.report(ACTUALS_FILE, f"the header has no {' or '.join(missing)} column", Location(path, 1, 1),
                      hint=(hint + "; " if hint else "") + "columns: indicator, period, value, and optionally "
                                                           "area and note")
        return False
    return True


# ----------------------------------------------------------------- XLSX
def _xlsx_rows(path: str, source: ActualsFile, reader: _Reader):
    import zipfile

    try:
        from openpyxl import load_workbook
    except ImportError:  # (a dependency of toc; only a broken install lacks it)
        reader.report(ACTUALS_FILE, "reading XLSX needs openpyxl", Location(path, 1, 1))
        return None
    try:
        # read_only streams the sheet; formulas stay formulas (data_only=False), to be reported.
        workbook = load_workbook(path, read_only=True, data_only=False)
        sheet = next((workbook[name] for name in workbook.sheetnames if name.strip().casefold() == "actuals"),
                     workbook.worksheets[0] if workbook.worksheets else None)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError) as error:
        reader.report(ACTUALS_FILE, f"not a readable XLSX workbook ({type(error).__name__})", Location(path, 1, 1),
                      hint="save it again from the spreadsheet program as .xlsx, or as CSV UTF-8")
        return None
    except Exception as error:  # noqa: BLE001 (openpyxl raises many kinds on a damaged file)
        reader.report(ACTUALS_FILE, f"not a readable XLSX workbook ({type(error).__name__})", Location(path, 1, 1),
                      hint="save it again from the spreadsheet program as .xlsx, or as CSV UTF-8")
        return None
    if sheet is None:
        reader.report(ACTUALS_FILE, "the workbook has no sheet", Location(path, 1, 1))
        return None
    rows = sheet.iter_rows(values_only=True)
    try:
        header = next(rows, None)
    except Exception as error:  # noqa: BLE001
        reader.report(ACTUALS_FILE, f"not a readable XLSX sheet ({type(error).__name__})", Location(path, 1, 1))
        return None
    if not _header(list(header or ()), source, reader):
        return None
    return _SheetRows(rows, path, reader)


class _SheetRows:
    """A sheet's rows after the header, each as the row loop reads cells, counting rows as a csv
    reader counts lines."""

    def __init__(self, rows, path: str, reader: _Reader):
        self.rows, self.path, self.reader = rows, path, reader
        self.line_num = 1

    def __iter__(self):
        try:
            for cells in self.rows:
                self.line_num += 1
                yield [_xlsx_cell(cell) for cell in cells]
        except Exception as error:  # noqa: BLE001 (a damaged sheet part)
            self.reader.report(ACTUALS_FILE, f"the sheet cannot be read past this row ({type(error).__name__})",
                               Location(self.path, self.line_num, 1))


def _xlsx_cell(cell):
    """A cell as the row loop reads it: text stays text, numbers stay numbers, nothing is ""."""
    if cell is None:
        return ""
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return f"{cell.year:04d}-{cell.month:02d}"
    if isinstance(cell, bool):
        return str(cell)  # TRUE is not the number 1
    return cell
