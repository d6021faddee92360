"""The needs dataset as CSV (tidy), Markdown and a terminal table (side by side): pure.

Model text reaches each through its one escaping function (``toc.renderers.escape``).
"""

from __future__ import annotations

from toc.needs import COLUMNS, Comparison, NeedsRow, format_number
from toc.renderers.escape import markdown_text, terminal_text
from toc.renderers.spreadsheet import csv_text
from toc.renderers.text_width import display_width, pad


def dataset_values(row: NeedsRow) -> list[str]:
    """A row's cells as text, numbers written as people write them."""
    values = []
    for column in COLUMNS:
        value = getattr(row, column)
        values.append(format_number(value) if isinstance(value, (int, float)) else (value or ""))
    return values


def render_needs_csv(rows: list[NeedsRow]) -> str:
    return csv_text([COLUMNS, *(dataset_values(row) for row in rows)])


def comparison_cell(row: NeedsRow | None, show_year: bool) -> str:
    """The value, with its difference from the comparator: "14.1 (+3.2)"."""
    if row is None:
        return ""
    text = format_number(row.value)
    if row.difference is not None:
        sign = "+" if row.difference > 0 else ""
        text += f" ({sign}{format_number(row.difference)})"
    if show_year and row.year:
        text += f" [{row.year}]"
    return text


def comparison_table(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the side-by-side table: indicator, unit, comparator, then each place."""
    header = ["indicator", "unit", "comparator", *comparison.places]
    body = []
    for row in comparison.rows:
        years = {shown.year for shown in row.values.values()}
        show_year = len(years) > 1
        name = row.indicator + (f": {row.measure}" if row.measure else "")
        body.append([name, row.unit or "", row.comparator or "",
                     *(comparison_cell(row.values.get(place), show_year) for place in comparison.places)])
    return header, body


def render_needs_markdown(rows: list[NeedsRow], comparison: Comparison, title: str) -> str:
    header, body = comparison_table(comparison)
    out = [f"# {markdown_text(title, starts_line=False)}", "",
           f"{len(rows)} figures, {len(comparison.rows)} indicators, {len(comparison.places)} places. "
           "Each cell is the value and, in brackets, its difference from the comparator "
           "(in the indicator's unit).", "",
           "## Areas side by side", "",
           "| " + " | ".join(_md(cell) for cell in header) + " |",
           "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_md(cell) for cell in line) + " |" for line in body]
    if comparison.notes:
        out += ["", "Notes:", ""] + [f"- {markdown_text(note)}" for note in comparison.notes]
    out += ["", "## All figures", "",
            "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    out += ["| " + " | ".join(_md(value) for value in dataset_values(row)) + " |" for row in rows]
    return "\n".join(out) + "\n"


def render_needs_text(rows: list[NeedsRow], comparison: Comparison, title: str) -> str:
    """Places side by side for the terminal; what each indicator measures is listed under the table."""
    header = ["indicator", "comparator", *map(terminal_text, comparison.places)]
    body = []
    for row in comparison.rows:
        show_year = len({shown.year for shown in row.values.values()}) > 1
        body.append([terminal_text(row.indicator), terminal_text(row.comparator or ""),
                     *(terminal_text(comparison_cell(row.values.get(place), show_year))
                       for place in comparison.places)])
    widths = [max(display_width(line[index]) for line in [header, *body]) for index in range(len(header))]
    out = [terminal_text(title), f"{len(rows)} figures, {len(comparison.rows)} indicators, "
           f"{len(comparison.places)} places; each cell is the value (difference from the comparator)", ""]
    out.append("  ".join(pad(cell, w) for cell, w in zip(header, widths)).rstrip())
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(pad(cell, w) for cell, w in zip(line, widths)).rstrip() for line in body]
    out += ["", "Indicators:"]
    for row in comparison.rows:
        years = sorted({shown.year for shown in row.values.values() if shown.year})
        details = ", ".join(part for part in (row.unit, "/".join(years)) if part)
        out.append(terminal_text(f"  {row.indicator}: {row.measure or ''}" + (f" ({details})" if details else "")))
    if comparison.notes:
        out += [""] + [terminal_text(f"note: {note}") for note in comparison.notes]
    out += ["", "The full dataset, with sources and notes: -o needs.csv, needs.xlsx or needs.md"]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return markdown_text(text, starts_line=False)  # every use is a table cell
