"""The progress report as one self-contained HTML page, for a partnership board (screen or print).

Every text goes through html.escape; the page has no script, and its Content
Security Policy allows none, nor anything from the network. Statuses are words
with a shape (renderers/monitor/chart.py), so the page reads in greyscale and to a
screen reader; each chart is an image with a title and a description in words.
"""

from __future__ import annotations

import html

from toc.renderers.monitor.chart import PATTERNS, STATUS_COLOURS, badge, trend_chart
from toc.renderers.monitor.content import (NOT_JUDGED, STATUS_KEY, STATUS_WORDS, SUSPECT_INTRO, Report, intro,
                                           number_text, shared_intro)

_E = html.escape

_STYLE = """
body { font-family: "Segoe UI", Calibri, Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 64rem;
       padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.headline { font-size: 1.3rem; font-weight: 600; background: #F2F2F2; border-left: 6px solid #1a1a1a;
            padding: 0.6rem 0.9rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #E6E6E6; }
td { overflow-wrap: anywhere; }
td.number { text-align: right; }
td.number .note { font-size: 0.8rem; }
.figure { white-space: nowrap; }
.badge { white-space: nowrap; font-weight: 600; }
.badge svg { vertical-align: -2px; }
.charts { display: flex; flex-wrap: wrap; gap: 0.8rem; }
figure { margin: 0; border: 1px solid #ccc; padding: 0.4rem; break-inside: avoid; width: 360px; }
figcaption { font-size: 0.85rem; overflow-wrap: anywhere; }
h1, h2, h3, p, li { overflow-wrap: anywhere; }
.chart text.axis, .chart .axis { font-size: 10px; fill: #333; }
.suspect { border: 2px solid #1a1a1a; padding: 0.5rem 0.8rem; margin: 0.6rem 0; break-inside: avoid; }
.ends { font-weight: normal; }
.key { font-size: 0.88rem; color: #333; }
.note { font-style: italic; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } }
@page { size: A4; margin: 15mm; }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _status_cell(row) -> str:
    code = row.status.status
    words = row.status_text.split(" (")[0]
    cell = badge(code, words)
    if row.status.stale:
        cell += ' <span class="note">(stale)</span>'
    return cell


def _table(headers, rows, numeric=()) -> str:
    head = "".join(f"<th scope=\"col\">{_E(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            css = ' class="number"' if index in numeric else ""
            cells.append(f"<td{css}>{cell}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_monitor_html(report: Report) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_E(report.title)}</title><style>{_STYLE}</style></head><body>", PATTERNS,
           f"<h1>{_E(report.title)}</h1>",
           f'<p class="headline">{_E(report.headline)}.</p>', f"<p>{_E(intro(report))}</p>"]
    if report.areas:
        about = (f"The rest of this report is about {report.area}." if report.area else
                 "The rest of this report is about the figures given without an area; choose an area with --area.")
        out.append("<h2>Areas side by side</h2>")
        out.append(_table(("Area", "Outcomes off track", "On track", "At risk", "Off track", "No data",
                           "Suspect links"),
                          [(_E(s.area), f"{s.outcomes_off_track} of {s.outcomes_with_data}",
                            *(number_text(s.counts[k]) for k in ("green", "amber", "red", "grey")),
                            number_text(s.suspect_links)) for s in report.areas], numeric=(1, 2, 3, 4, 5, 6)))
        if report.shared:
            headers, rows = report.shared
            out.append(f"<p>{_E(shared_intro(report))}</p>")
            out.append(_table(headers, [tuple(_E(cell) for cell in row) for row in rows]))
        out.append(f'<p class="note">{_E(about)}</p>')
    out.append("<h2>Links where delivery is on track but the outcome is not</h2>")
    if report.suspects:
        out.append(f"<p>{_E(SUSPECT_INTRO)}</p>")
        for suspect in report.suspects:
            items = "".join(f"<li>{_E(text)}</li>" for text in suspect.assumptions)
            out.append(f'<div class="suspect"><h3>{_E(suspect.source)} <span class="ends">'
                       f'({badge("green", STATUS_WORDS["green"].lower())})</span> &rarr; {_E(suspect.target)} '
                       f'<span class="ends">({badge("red", STATUS_WORDS["red"].lower())})</span></h3>'
                       f"<p>As at {_E(suspect.as_at)}. Assumptions to examine:</p><ul>{items}</ul></div>")
    else:
        out.append("<p>None: no link runs from a box on track to one off track.</p>")
    chart_number = 0
    for section in report.stages:
        out.append(f"<h2>{_E(section.title)}</h2>")
        out.append(_table(("Box", "Indicator", "Latest", "Expected then", "Status"), [
            (_E(row.node_label), _E(row.label) + (f" <span class=\"note\">({_E(row.unit)})</span>" if row.unit else ""),
             f'<span class="figure">{_E(row.latest)}</span>' + (f'<br><span class="note">{_E(row.note)}</span>' if row.note else ""),
             _E(row.expected), _status_cell(row)) for row in section.rows], numeric=(2, 3)))
        figures = []
        for row in section.rows:
            if not row.status.series and len(row.status.anchors) < 2:
                continue  # nothing to draw: the table says "No data"
            chart_number += 1
            figures.append(f"<figure>{trend_chart(row.status, row.label, f'chart{chart_number}')}"
                           f"<figcaption>{_E(row.label)}: {_status_cell(row)}</figcaption></figure>")
        if figures:
            out.append('<div class="charts">' + "".join(figures) + "</div>")
    if report.capacity:
        out.append("<h2>Demand against capacity</h2><ul>" + "".join(f"<li>{_E(line)}</li>" for line in report.capacity)
                   + "</ul>")
    out.append("<h2>Data problems</h2>")
    if report.problems:
        out.append(_table(("Where", "Problem", "What to do"),
                          [(f"<code>{_E(where)}</code>", _E(message), _E(hint))
                           for where, message, hint in report.problems]))
    else:
        out.append("<p>None found in the actuals files.</p>")
    key = " ".join(badge(code, f"{STATUS_WORDS[code]}") for code in STATUS_COLOURS)
    out.append(f'<h2>How to read this report</h2><p class="key">{key}</p><p class="key">{_E(STATUS_KEY)} '
               f'{_E(NOT_JUDGED)}: figures, but no numeric target or trajectory to judge them by. In each chart the '
               f"solid line is the figures, the dashed line what was expected, and the hatched band the tolerance."
               f"</p>")
    out.append("</body></html>\n")
    return "\n".join(out)
