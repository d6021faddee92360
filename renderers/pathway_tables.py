"""The support pathway matrix as a terminal table, Markdown and CSV: pure, deterministic.

Rows are populations, columns are levels from least to most intensive, as on
EIF's Support Pathway Model. Every cell lists its services; a gap says GAP and
duplicated services are marked, so the picture reads at a glance and in
greyscale, with or without colour. Model text reaches each format through its
one escaping function (``toc.renderers.escape``).
"""

from __future__ import annotations

from toc.model import Node
from toc.pathway import Cell, PathwayMatrix, service_label
from toc.renderers.escape import markdown_text, terminal_text
from toc.renderers.spreadsheet import csv_text
from toc.renderers.text_width import display_width, pad, wrap

CSV_COLUMNS = ("level", "population", "status", "service", "label", "provider", "delivery", "area", "eif_rating",
               "duplicates")
GAP = "GAP"
_RED, _YELLOW, _BOLD, _RESET = "\033[41;97m", "\033[43;30m", "\033[1m", "\033[0m"


def gap_counts(matrix: PathwayMatrix) -> list[str]:
    """Per level, how many populations it leaves without a service: the row that shows gaps at a glance."""
    total = len(matrix.populations)
    return [f"{len(matrix.gaps_at(level.id))} of {total}" for level in matrix.levels]


def headline(matrix: PathwayMatrix) -> str | None:
    """The one sentence a reader needs first: the level with the most gaps, and where duplication is."""
    parts = []
    if matrix.gaps:
        worst = max(matrix.levels, key=lambda level: len(matrix.gaps_at(level.id)))
        parts.append(f"Largest gap: {worst.label} ({len(matrix.gaps_at(worst.id))} of {len(matrix.populations)} "
                     "populations have no service)")
    if matrix.duplications:
        by_level: dict[str, int] = {}
        for dup in matrix.duplications:
            by_level[dup.level.label] = by_level.get(dup.level.label, 0) + 1
        parts.append("duplication: " + ", ".join(f"{label} ({count} cell{'s' if count > 1 else ''})"
                                                 for label, count in by_level.items()))
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def summary_line(matrix: PathwayMatrix) -> str:
    cells = len(matrix.levels) * len(matrix.populations)
    return (f"{len(matrix.levels)} levels x {len(matrix.populations)} populations: "
            f"{_count(len(matrix.services), 'service')}, {len(matrix.gaps)} of {cells} cells empty (gaps), "
            f"{_count(len(matrix.duplications), 'duplication')}")


def findings_summary(matrix: PathwayMatrix) -> list[str]:
    """What the matrix shows, in sentences: gaps by level, then each duplication."""
    lines = []
    for level in matrix.levels:
        gaps = matrix.gaps_at(level.id)
        if not gaps:
            continue
        total = len(matrix.populations)
        served = [cell.population.label for cell in matrix.column(level.id) if not cell.is_gap]
        if not served:
            lines.append(f"Gap: {level.label} - no service at all.")
        elif len(gaps) > len(served):
            lines.append(f"Gap: {level.label} - {len(gaps)} of {total} populations have no service "
                         f"(only {_join(served)} served).")
        else:
            lines.append(f"Gap: {level.label} - {len(gaps)} of {total} populations have no service: "
                         f"{_join([cell.population.label for cell in gaps])}.")
    for dup in matrix.duplications:
        services = "; ".join(_service_with_provider(node) for node in dup.services)
        lines.append(f"Duplication: {dup.level.label}, {dup.population.label}, {dup.delivery} - "
                     f"{len(dup.services)} services: {services}.")
    return lines


def demand_lines(matrix: PathwayMatrix) -> list[str]:
    """Demand against capacity, level by level, in sentences (empty when the model gives neither)."""
    lines = []
    for row in matrix.demand:
        demand = f"expected demand {row.demand:,.0f} families a year" if row.demand is not None else \
            "no expected demand (no needs figure with a rate, a population and this level)"
        text = f"{row.level.label}: {demand}; capacity {row.capacity:,}"
        if row.demand:
            text += f" ({row.capacity / row.demand:.0%} of demand)"
        if row.uncounted:
            text += f"; {len(row.uncounted)} service(s) give no capacity"
        if row.short:
            text += f" - BELOW the {row.coverage:.0%} the pathway aims to cover"
        lines.append(text + ".")
    return lines


# ------------------------------------------------------------------ terminal
def render_pathway_text(matrix: PathwayMatrix, title: str, width: int = 120, colour: bool = False) -> str:
    first_width = max(14, min(24, max(display_width(terminal_text(pop.label)) for pop in matrix.populations)))
    columns = len(matrix.levels)
    cell_width = max(16, (width - first_width - 3 * columns - 4) // columns)
    widths = [first_width] + [cell_width] * columns
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    heavy = "+" + "+".join("=" * (w + 2) for w in widths) + "+"

    out = [terminal_text(title), summary_line(matrix), *map(terminal_text, filter(None, [headline(matrix)])), "", rule]
    out += _table_row(["population"] + [terminal_text(level.label) for level in matrix.levels], widths,
                      [None] * (columns + 1))
    out.append(heavy)
    for population in matrix.populations:
        cells = matrix.row(population.id)
        texts = [_wrap(terminal_text(population.label), first_width)]
        texts += [_cell_lines(cell, cell_width) for cell in cells]
        styles = [None] + [_cell_style(cell, colour) for cell in cells]
        out += _table_rows(texts, widths, styles)
        out.append(rule)
    out += _table_row(["gaps"] + gap_counts(matrix), widths, [None] * (columns + 1))
    out.append(rule)
    out.append("")
    out += [terminal_text(line) for line in findings_summary(matrix)] or ["No gaps and no duplication."]
    if matrix.demand:
        out += ["", "Demand and capacity:", *(terminal_text(line) for line in demand_lines(matrix))]
    out.append("Key: GAP = no service in the cell; ! = duplicated (same level, population and delivery).")
    return "\n".join(out) + "\n"


def _cell_lines(cell: Cell, width: int) -> list[str]:
    if cell.is_gap:
        return [GAP]
    lines = []
    for node in cell.services:
        mark = "! " if cell.duplicated(node) else "- "
        text = terminal_text(service_label(node) + (f" ({node.delivery})" if node.delivery else ""))
        wrapped = wrap(text, width - 2)
        lines += [mark + wrapped[0]] + ["  " + more for more in wrapped[1:]]
    return lines


def _cell_style(cell: Cell, colour: bool) -> str | None:
    if not colour:
        return None
    if cell.is_gap:
        return _RED
    return _YELLOW if cell.duplications else None


def _table_rows(texts: list[list[str]], widths: list[int], styles: list[str | None]) -> list[str]:
    height = max(len(lines) for lines in texts)
    rows = []
    for index in range(height):
        parts = []
        for lines, width, cell_style in zip(texts, widths, styles):
            text = lines[index] if index < len(lines) else ""
            padded = pad(text, width)
            if cell_style and text:
                padded = cell_style + text + _RESET + " " * (width - display_width(text))
            parts.append(" " + padded + " ")
        rows.append("|" + "|".join(parts) + "|")
    return rows


def _table_row(words: list[str], widths: list[int], styles) -> list[str]:
    return _table_rows([_wrap(word, width) for word, width in zip(words, widths)], widths, styles)


def _wrap(text: str, width: int) -> list[str]:
    return wrap(text, width)


# ------------------------------------------------------------------ Markdown
def render_pathway_markdown(matrix: PathwayMatrix, title: str) -> str:
    out = [f"# {_md(title)}", "", summary_line(matrix) + "."]
    if headline(matrix):
        out += ["", f"**{_md(headline(matrix))}**"]
    out.append("")
    out.append("| population | " + " | ".join(_md(level.label) for level in matrix.levels) + " |")
    out.append("|---|" + "---|" * len(matrix.levels))
    for population in matrix.populations:
        cells = [_md_cell(cell) for cell in matrix.row(population.id)]
        out.append(f"| {_md(population.label)} | " + " | ".join(cells) + " |")
    out.append("| **gaps** | " + " | ".join(f"**{count}**" for count in gap_counts(matrix)) + " |")
    out += ["", "## What the pathway shows", ""]
    out += [f"- {markdown_text(line)}" for line in findings_summary(matrix)] or ["- No gaps and no duplication."]
    if matrix.demand:
        out += ["", "## Demand and capacity", ""]
        out += [f"- {markdown_text(line)}" for line in demand_lines(matrix)]
    out += ["", "**GAP**: no service in the cell. **(duplicated)**: two or more services at the same level, "
            "for the same population, delivered the same way.", ""]
    return "\n".join(out)


def _md_cell(cell: Cell) -> str:
    if cell.is_gap:
        return f"**{GAP}**"
    items = []
    for node in cell.services:
        text = _md(service_label(node) + (f" ({node.delivery})" if node.delivery else ""))
        items.append(text + (" **(duplicated)**" if cell.duplicated(node) else ""))
    return "<br>".join(items)


def _md(text: str) -> str:
    # In a heading, table cell or bold text: nothing can start a block there.
    return markdown_text(text, starts_line=False)


# ---------------------------------------------------------------------- CSV
def pathway_rows(matrix: PathwayMatrix) -> list[dict[str, str]]:
    """One row per service in each cell, and one per gap: the matrix as a tidy table."""
    rows = []
    for level in matrix.levels:
        for population in matrix.populations:
            cell = matrix.cell(level.id, population.id)
            base = {"level": level.id, "population": population.id}
            if cell.is_gap:
                rows.append({**base, "status": "gap"})
                continue
            for node in cell.services:
                duplication = cell.duplicated(node)
                others = [other.id for other in duplication.partners(node)] if duplication else []
                rows.append({**base, "status": "service", "service": node.id, "label": service_label(node),
                             "provider": node.provider or "", "delivery": node.delivery or "",
                             "area": node.area or "", "eif_rating": node.eif_rating or "",
                             "duplicates": ";".join(others)})
    return [{column: row.get(column, "") for column in CSV_COLUMNS} for row in rows]


def render_pathway_csv(matrix: PathwayMatrix) -> str:
    return csv_text([CSV_COLUMNS, *([row[column] for column in CSV_COLUMNS] for row in pathway_rows(matrix))])


def _service_with_provider(node: Node) -> str:
    return service_label(node) + (f" ({node.provider})" if node.provider else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
