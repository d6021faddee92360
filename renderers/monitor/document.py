"""The progress report as blocks (headings, paragraphs, tables), for Markdown and Word.

The blocks are the specification's (renderers/spec/blocks.py), so the report is
written by the same Markdown and DOCX writers: headings are real headings, tables
real tables, and every text is escaped for its format there. Charts are pictures
only in HTML; here each indicator's trend is said in words.
"""

from __future__ import annotations

from toc.renderers.monitor.content import STATUS_KEY, SUSPECT_INTRO, Report, intro, number_text, shared_intro
from toc.renderers.spec.blocks import Block, Bullets, Heading, Paragraph, Table

_COLUMNS = ("Box", "Indicator", "Latest", "Expected then", "Status")


def report_blocks(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(1, report.title), Paragraph(report.headline + "."), Paragraph(intro(report))]
    if report.areas:
        blocks += _areas(report)
    blocks.append(Heading(2, "Links where delivery is on track but the outcome is not"))
    if report.suspects:
        blocks.append(Paragraph(SUSPECT_INTRO))
        for suspect in report.suspects:
            blocks.append(Heading(3, f"{suspect.source} (on track) -> {suspect.target} (off track), as at "
                                     f"{suspect.as_at}"))
            blocks.append(Paragraph("Assumptions to examine:"))
            blocks.append(Bullets(tuple(suspect.assumptions)))
    else:
        blocks.append(Paragraph("None: no link runs from a box on track to one off track."))
    for section in report.stages:
        blocks.append(Heading(2, section.title))
        blocks.append(Table(_COLUMNS, tuple(
            (row.node_label, row.label + (f" ({row.unit})" if row.unit else ""), row.latest, row.expected,
             row.status_text + (", stale" if row.status.stale else "")) for row in section.rows)))
        blocks.append(Bullets(tuple(f"{row.label}: {row.trend}" + (f" (note: {row.note})" if row.note else "")
                                    for row in section.rows)))
    if report.capacity:
        blocks.append(Heading(2, "Demand against capacity"))
        blocks.append(Bullets(tuple(report.capacity)))
    blocks.append(Heading(2, "Data problems"))
    if report.problems:
        blocks.append(Table(("Where", "Problem", "What to do"), tuple(report.problems)))
    else:
        blocks.append(Paragraph("None found in the actuals files."))
    blocks.append(Heading(2, "How to read this report"))
    blocks.append(Paragraph(STATUS_KEY, emphasis=True))
    return blocks


def _areas(report: Report) -> list[Block]:
    rows = tuple((summary.area,
                  f"{summary.outcomes_off_track} of {summary.outcomes_with_data}",
                  *(number_text(summary.counts[status]) for status in ("green", "amber", "red", "grey")),
                  number_text(summary.suspect_links)) for summary in report.areas)
    about = (f"The rest of this report is about {report.area}." if report.area else
             "The rest of this report is about the figures given without an area; choose an area with --area.")
    blocks = [Heading(2, "Areas side by side"),
              Table(("Area", "Outcomes off track", "Indicators on track", "At risk", "Off track", "No data",
                     "Suspect links"), rows)]
    if report.shared:
        headers, shared_rows = report.shared
        blocks += [Paragraph(shared_intro(report)),
                   Table(tuple(headers), tuple(shared_rows), wide=len(headers) > 5)]
    return blocks + [Paragraph(about, emphasis=True)]


def render_monitor_markdown(report: Report) -> str:
    from toc.renderers.spec.markdown import render_markdown

    return render_markdown(report_blocks(report))


def render_monitor_docx(report: Report) -> bytes:
    from toc.renderers.spec.docx import render_docx

    return render_docx(report_blocks(report), None)
