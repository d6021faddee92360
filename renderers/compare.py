"""Rendering a ``toc.compare.Comparison`` as Markdown, CSV (the coverage matrix) or XLSX. Pure.

Every area name, id, label, path and indicator field is model text: in Markdown it
goes through ``markdown_text`` (so ids are plain text, not code spans, which cannot
be escaped), in CSV and XLSX through the one spreadsheet writer.
"""

from __future__ import annotations

from toc.compare import Comparison
from toc.renderers.escape import markdown_text
from toc.renderers.spreadsheet import add_table, csv_text, new_workbook, workbook_bytes


def _cell(text) -> str:
    return markdown_text(str(text if text is not None else ""), starts_line=False)


# With --status, each area's box says how it stands (the words of the progress report).
_STATUS_WORDS = {"green": "on track", "amber": "at risk", "red": "off track", "grey": "no data"}


def _nodes_in(comparison: Comparison, row, name: str) -> str:
    """An area's node ids for an outcome, each with its status when the comparison has them."""
    statuses = comparison.statuses.get(name)
    if statuses is None:
        return ", ".join(row.nodes.get(name, []))
    return ", ".join(f"{node_id} ({_STATUS_WORDS[statuses.get(node_id, 'grey')]})" for node_id in row.nodes.get(name, []))


def coverage_table(comparison: Comparison) -> list[list[str]]:
    """Header plus one row per outcome: key, matched by, label, stage, then each area's node ids
    (with their monitoring status, after `toc compare --status`)."""
    names = [area.name for area in comparison.areas]
    table = [["outcome", "matched by", "label", "stage", *names, "areas"]]
    for row in comparison.outcomes:
        table.append([row.key, row.matched_by, row.label, row.stage,
                      *(_nodes_in(comparison, row, name) for name in names), str(len(row.nodes))])
    return table


def indicator_table(comparison: Comparison) -> list[list[str]]:
    table = [["shared outcome", "area", "node", "indicator", "measure", "source", "availability"]]
    for row, uses in comparison.poolable:
        for use in uses:
            table.append([row.key, use.area, use.node, use.id, use.measure or "", use.source or "",
                          use.availability or ""])
    return table


def render_markdown(comparison: Comparison) -> str:
    names = [area.name for area in comparison.areas]
    shared = [row for row in comparison.outcomes if row.shared]
    unique = [row for row in comparison.outcomes if not row.shared]
    lines = [f"# Comparison of {len(names)} models", ""]
    lines += [f"- **{_cell(area.name)}**: {_cell(area.path)}" for area in comparison.areas]
    lines += ["", f"**{len(shared)}** outcomes shared by two or more areas, **{len(unique)}** unique to one area. "
              "Outcomes are matched by framework id (`maps_to`), then by node id; similar labels are listed "
              "separately and never merged.", ""]
    lines += ["## Coverage: outcomes by area", "",
              "| outcome | matched by | " + " | ".join(_cell(n) for n in names) + " |",
              "|---|---|" + "---|" * len(names)]
    for row in comparison.outcomes:
        marks = [("✓ " + _nodes_in(comparison, row, n)) if n in row.nodes else "" for n in names]
        lines.append(f"| {_cell(row.label)} ({_cell(row.key)}) | {row.matched_by} | "
                     + " | ".join(_cell(m) for m in marks) + " |")
    lines += ["", "## Possible matches by label (not merged)", ""]
    if comparison.possible_matches:
        lines += ["| similarity | area | node | label | area | node | label |", "|---|---|---|---|---|---|---|"]
        for match in comparison.possible_matches:
            lines.append(f"| {match.similarity:.2f} | " + " | ".join(_cell(part) for part in match.first)
                         + " | " + " | ".join(_cell(part) for part in match.second) + " |")
        lines += ["", "If two of these are the same outcome, give both `maps_to:` the same framework id "
                      "(or the same node id) and compare again."]
    else:
        lines.append("None: no unmatched outcomes have similar labels.")
    lines += ["", "## Indicators a regional evaluation could pool", "",
              "Shared outcomes that two or more areas already measure, with each area's indicator.", ""]
    if comparison.poolable:
        lines += ["| shared outcome | area | indicator | measure | source | availability |",
                  "|---|---|---|---|---|---|"]
        for row in indicator_table(comparison)[1:]:
            outcome, area, _node, indicator, measure, source, availability = row
            lines.append(f"| {_cell(outcome)} | {_cell(area)} | {_cell(indicator)} | {_cell(measure)} | {_cell(source)} | "
                         f"{_cell(availability)} |")
    else:
        lines.append("None yet: no shared outcome is measured in two or more areas.")
    for title, use, none in (("Validated measures (instruments) by area", comparison.instruments,
                              "No model names a catalogue instrument (`instrument:` on an indicator)."),
                             ("Evaluation methods by area", comparison.methods,
                              "No model names evaluation methods yet (`methods:` on nodes or questions).")):
        lines += ["", f"## {title}", ""]
        if use:
            lines += ["| catalogue id | " + " | ".join(_cell(n) for n in names) + " | areas |",
                      "|---|" + "---|" * len(names) + "---|"]
            for catalogue_id, users in use.items():
                lines.append(f"| {_cell(catalogue_id)} | " + " | ".join("✓" if n in users else "" for n in names)
                             + f" | {len(users)} |")
        else:
            lines.append(none)
    lines += ["", "## Indicators shared by id or wording", ""]
    if comparison.indicators:
        lines += ["| matched by | indicator | areas |", "|---|---|---|"]
        for row in comparison.indicators:
            lines.append(f"| {row.matched_by} | {_cell(row.key)} | {_cell(', '.join(row.areas))} |")
    else:
        lines.append("None: every indicator id and measure is specific to one area.")
    return "\n".join(lines) + "\n"


def render_csv(comparison: Comparison) -> str:
    """The coverage matrix, one outcome per row: for a spreadsheet or a regional dataset."""
    return csv_text(coverage_table(comparison))


def render_xlsx(comparison: Comparison) -> bytes:
    """A workbook with Coverage, Poolable indicators, Possible matches and Measures and methods
    sheets (needs openpyxl), each titled, filtered and sized by the one spreadsheet writer;
    counts and similarities are numbers, not text."""
    names = [area.name for area in comparison.areas]
    title = f"Comparison of {len(names)} models: " + ", ".join(names)
    coverage = coverage_table(comparison)
    coverage_rows = [[*row[:-1], len(comparison.outcomes[index].nodes)] for index, row in enumerate(coverage[1:])]
    workbook = new_workbook(title)
    add_table(workbook, "Coverage", coverage[0], coverage_rows, title=title)
    indicators = indicator_table(comparison)
    add_table(workbook, "Poolable indicators", indicators[0], indicators[1:], title=f"{title}: indicators of shared "
              "outcomes that a regional evaluation could pool")
    add_table(workbook, "Possible matches", ["similarity", "area", "node", "label", "area", "node", "label"],
              [[m.similarity, *m.first, *m.second] for m in comparison.possible_matches],
              title=f"{title}: outcomes with similar labels, never merged")
    add_table(workbook, "Measures and methods", ["kind", "catalogue id", "areas", "number of areas"],
              [["instrument", key, ", ".join(users), len(users)] for key, users in comparison.instruments.items()]
              + [["method", key, ", ".join(users), len(users)] for key, users in comparison.methods.items()],
              title=f"{title}: catalogue measures and methods in use")
    return workbook_bytes(workbook)


FORMATS = {"markdown": render_markdown, "csv": render_csv, "xlsx": render_xlsx}
