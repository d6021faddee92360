"""The findings of `toc import` (TOC9xx): declared here, documented by rule modules.

As with the loader's kinds (toc.loading.finding_kinds), each kind's documentation is
its rule module (toc/rules/capture_unknown_stage.py for TOC901 ...), which imports
the kind from here, so this package never imports a rule.
"""

from __future__ import annotations

from typing import NamedTuple

from toc.findings import FindingKind, Severity

UNKNOWN_STAGE = FindingKind("TOC901", "unknown-stage", Severity.ERROR)
UNKNOWN_NOTE = FindingKind("TOC902", "unknown-note", Severity.ERROR)
AMBIGUOUS_NOTE = FindingKind("TOC903", "ambiguous-note", Severity.ERROR)
DUPLICATE_NOTE = FindingKind("TOC904", "duplicate-note", Severity.WARNING)
EMPTY_NOTE = FindingKind("TOC905", "empty-note", Severity.WARNING)
UNREADABLE_NOTES = FindingKind("TOC906", "unreadable-notes", Severity.ERROR)
UNUSABLE_CELL = FindingKind("TOC907", "unusable-cell", Severity.ERROR)
UNKNOWN_ROW_REFERENCE = FindingKind("TOC908", "unknown-row-reference", Severity.ERROR)
SHEET_LAYOUT = FindingKind("TOC909", "sheet-layout", Severity.ERROR)


class SheetLocation(NamedTuple):
    """A cell of a workbook, shown as spreadsheet programs name it: ``model.xlsx:Boxes!B7``.

    It has a path, line (the row) and column like ``toc.model.Location``, so every
    findings renderer (JSON, SARIF...) can place it; text shows the cell's name.
    """

    path: str
    line: int
    column: int
    sheet: str

    def __str__(self) -> str:
        return f"{self.path}:{self.sheet}!{column_letter(self.column)}{self.line}"


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA, as spreadsheet programs name columns."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters or "A"
