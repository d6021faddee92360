"""Sticky notes typed up after a workshop, as CSV: one note per row, or one column per stage.

Two layouts are read:

* **one note per row**, with a header naming the columns: the note's text (``text``,
  ``note``, ``sticky note``...), its stage or column heading (``stage``, ``column``,
  ``heading``...), and optionally its ``group`` (theme, strand), what it ``leads to``
  (note numbers or note texts, several separated by ``;``) and its number (``#``,
  ``no``; without one, a note's number is its row, as a spreadsheet shows it);
* **the wall**: one column per stage, the headings in the first row (``Inputs``,
  ``Activities``, ``Outputs``...), one note per cell.

UTF-8 (with or without a byte-order mark) is read as such; a file that is not UTF-8
is read as Windows-1252, which is what Excel's plain "CSV" saves. The separator is
a comma, a semicolon or a tab, whichever the file uses.
"""

from __future__ import annotations

import csv
import io
import re

from toc.capture import kinds
from toc.capture.draft import Draft, Note, Reference, build_draft
from toc.capture.stages import normal_heading, stage_of
from toc.findings import Finding
from toc.model import Location

# Header words for each column, normalised as headings are (lower case, words only).
COLUMNS = {
    "text": ("text", "note", "notes", "sticky", "sticky note", "sticky notes", "label", "box", "content",
             "idea", "statement", "what", "description", "post it", "postit"),
    "stage": ("stage", "column", "column heading", "heading", "type", "category", "section", "lane",
              "stage or column", "stage column", "wall column"),
    "group": ("group", "theme", "strand", "cluster", "workstream", "partner", "group theme"),
    "leads_to": ("leads to", "leads", "links to", "link to", "linked to", "arrow to", "arrows to", "to",
                 "next", "causes", "contributes to", "then"),
    "number": ("#", "no", "number", "note number", "id", "ref", "reference", "num", "n", "note no",
               "note"),
}
_COLUMN_OF_HEADER = {word: column for column, words in COLUMNS.items() for word in words if word != "note"}
_SEPARATORS = re.compile(r"[;\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def read_notes(data: bytes, path: str, title: str | None = None) -> Draft:
    """A draft model from CSV notes (see the module's docstring)."""
    findings: list[Finding] = []
    rows = _rows(data, path, findings)
    header_index = next((index for index, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if header_index is None:
        findings.append(kinds.UNREADABLE_NOTES.finding(
            "the file has no notes", Location(path, 1, 1),
            hint="one note per row, with a header row: text, stage, group, leads to"))
        return build_draft([], path, title, findings)
    header = rows[header_index]
    columns = _columns(header)
    if "text" in columns and "stage" in columns:
        notes = _notes_per_row(rows, header_index, columns, path, findings)
    elif sum(1 for cell in header if cell.strip() and stage_of(cell)) >= 2 and "text" not in columns:
        notes = _wall(rows, header_index, path, findings)
    else:
        missing = [name for name in ("text", "stage") if name not in columns]
        findings.append(kinds.UNREADABLE_NOTES.finding(
            "the header row has no " + " and no ".join(f"{name} column" for name in missing)
            + ": " + _shown_header(header),
            Location(path, header_index + 1, 1),
            hint="name the columns text, stage, group, leads to (and # for note numbers); or put one stage "
                 "per column, headed Inputs, Activities, Outputs..."))
        notes = []
    return build_draft(notes, path, title, findings)


def _rows(data: bytes, path: str, findings: list[Finding]) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        findings.append(kinds.UNREADABLE_NOTES.finding(f"not readable as CSV: {error}", Location(path, 1, 1)))
        return []


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        words = normal_heading(cell) if cell.strip() != "#" else "#"
        column = _COLUMN_OF_HEADER.get(words)
        if column is None and words == "note":
            column = "text"
        if column is not None and column not in columns:
            columns[column] = index
    return columns


def _shown_header(header: list[str]) -> str:
    cells = [cell.strip()[:30] for cell in header if cell.strip()]
    return ", ".join(cells[:8]) + (", ..." if len(cells) > 8 else "")


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def clean_text(text: str, location: Location, findings: list[Finding]) -> str:
    """Text without control characters (kept out of the model), a finding when there were any."""
    if _CONTROL.search(text):
        findings.append(kinds.UNUSABLE_CELL.finding(
            "control characters (invisible, or ones that rewrite a terminal) removed from the text",
            location, hint="check the text reads as intended"))
        text = _CONTROL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _notes_per_row(rows: list[list[str]], header_index: int, columns: dict[str, int], path: str,
                   findings: list[Finding]) -> list[Note]:
    notes = []
    for index in range(header_index + 1, len(rows)):
        row, number = rows[index], index + 1  # the row as a spreadsheet program numbers it

        def where(column: str) -> Location:
            return Location(path, number, columns.get(column, 0) + 1)

        text = clean_text(_cell(row, columns["text"]), where("text"), findings).strip()
        if not text:
            if any(cell.strip() for cell in row):
                findings.append(kinds.EMPTY_NOTE.finding(
                    "row has no note text: left out", where("text"),
                    hint="write the note's words in the text column, or delete the row"))
            continue  # a blank row (between groups of notes) says nothing
        leads_to = _cell(row, columns.get("leads_to"))
        written_number = _cell(row, columns.get("number")).strip()
        notes.append(Note(
            text=text, heading=_cell(row, columns["stage"]).strip(), location=where("text"),
            heading_location=where("stage"),
            number=written_number.lstrip("#").strip() if "number" in columns else str(number),
            group=clean_text(_cell(row, columns.get("group")), where("group"), findings).strip() or None,
            leads_to=[Reference(part.strip(), where("leads_to")) for part in _references(leads_to)],
        ))
    return notes


def _references(cell: str) -> list[str]:
    """The notes a "leads to" cell names: separated by ; or new lines, or by commas when all are numbers."""
    parts = [part for part in (part.strip() for part in _SEPARATORS.split(cell)) if part]
    split = []
    for part in parts:
        pieces = [piece.strip() for piece in part.split(",")]
        if len(pieces) > 1 and all(re.fullmatch(r"#?\s*\d+", piece) for piece in pieces if piece):
            split.extend(piece for piece in pieces if piece)
        else:
            split.append(part)
    return split


def _wall(rows: list[list[str]], header_index: int, path: str, findings: list[Finding]) -> list[Note]:
    header = rows[header_index]
    notes = []
    for index in range(header_index + 1, len(rows)):
        for column, cell in enumerate(rows[index]):
            location = Location(path, index + 1, column + 1)
            text = clean_text(cell, location, findings).strip()
            if not text:
                continue
            heading = header[column].strip() if column < len(header) else ""
            notes.append(Note(text=text, heading=heading, location=location,
                              heading_location=Location(path, header_index + 1, column + 1),
                              number=f"{_letter(column)}{index + 1}"))
    return notes


def _letter(column: int) -> str:
    return kinds.column_letter(column + 1)
