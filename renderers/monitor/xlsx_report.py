"""The progress report as a workbook: the summary, every indicator, every value, the links and
the data problems, each on its own sheet, through the one spreadsheet writer (renderers/spreadsheet.py),
so no text from the model or the actuals can become a formula."""

from __future__ import annotations

from toc.renderers.monitor.content import Report, intro, status_text
from toc.renderers.spreadsheet import add_sheet, append_row, header_style, new_workbook, workbook_bytes


def render_monitor_xlsx(report: Report, links: list[tuple[str, str, str | None, str]]) -> bytes:
    """``links``: (from, to, flag, as at) of every link, for the links sheet."""
    workbook = new_workbook(report.title)
    summary = add_sheet(workbook, "Summary", [("Report", report.title), ("Headline", report.headline),
                                              ("Figures", intro(report))])
    summary.column_dimensions["A"].width, summary.column_dimensions["B"].width = 14, 100
    if report.areas:
        areas = add_sheet(workbook, "Areas", [("Area", "Outcomes off track", "Outcomes with figures", "On track",
                                               "At risk", "Off track", "No data", "Suspect links")])
        for s in report.areas:
            append_row(areas, (s.area, s.outcomes_off_track, s.outcomes_with_data, s.counts["green"], s.counts["amber"],
                          s.counts["red"], s.counts["grey"], s.suspect_links))
        header_style(areas)
    rows = [("Stage", "Box", "Indicator", "Id", "Unit", "Latest period", "Latest value", "Expected then", "Status",
             "Stale")]
    values = [("Indicator", "Id", "Period", "Value", "Expected then", "Status")]
    for section in report.stages:
        for row in section.rows:
            status = row.status
            latest = status.latest
            rows.append((section.title, row.node_label, row.label, status.id, row.unit,
                         latest[0].text if latest else None, latest[1] if latest else None, status.expected,
                         status_text(status).split(" (")[0], "yes" if status.stale else "no"))
            for period, value in status.series:
                expected = status.expected_at(period)
                point = status.status_as_at(period.last) if expected is not None else "grey"
                values.append((row.label, status.id, period.text, value, expected,
                               status_text(point).split(" (")[0]))
    header_style(add_sheet(workbook, "Indicators", rows))
    header_style(add_sheet(workbook, "Values", values))
    header_style(add_sheet(workbook, "Links", [("From", "To", "Flag", "Compared as at"), *links]))
    suspects = [("From", "To", "As at", "Assumption to examine")]
    suspects += [(s.source, s.target, s.as_at, text) for s in report.suspects for text in s.assumptions]
    header_style(add_sheet(workbook, "Suspect links", suspects))
    header_style(add_sheet(workbook, "Data problems", [("Where", "Problem", "What to do"), *report.problems]))
    return workbook_bytes(workbook)
