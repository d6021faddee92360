"""The support pathway as a grid diagram in Graphviz DOT: pure, deterministic, injection-proof.

One HTML-like table: levels across (least to most intensive), populations down,
each cell listing its services. Gaps are filled vermillion and say GAP;
duplicated cells are yellow and say DUPLICATED, so the picture also reads in
greyscale (colours from the Okabe-Ito palette, as in the theory diagrams). All
model text is entity-escaped, its control characters shown as escapes, and each text
shortened as in the theory diagrams (``_html``).
"""

from __future__ import annotations

from toc.renderers.dot import LABEL_CHARACTERS, TOOLTIP_CHARACTERS, html_escape, quote, shortened
from toc.renderers.pathway_tables import gap_counts, headline, summary_line
from toc.pathway import Cell, PathwayMatrix, service_label

FONT = "Helvetica"
HEADER_FILL, HEADER_TEXT = "#0072B2", "#FFFFFF"
POPULATION_FILL = "#EDEDED"
SERVICE_FILL = "#E4F3FB"
GAP_FILL, GAP_TEXT = "#F5B895", "#8A2E00"  # light vermillion, dark vermillion text
DUPLICATE_FILL, DUPLICATE_TEXT = "#F7EE9A", "#5C4A00"  # light yellow


def render_pathway_dot(matrix: PathwayMatrix, title: str, subtitle: str | None = None) -> str:
    columns = len(matrix.levels) + 1
    rows = [
        f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT" BORDER="0"><FONT POINT-SIZE="18"><B>{_html(title)}</B>'
        "</FONT></TD></TR>",
        f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT" BORDER="0"><FONT POINT-SIZE="11">'
        f"{_html(subtitle or summary_line(matrix))}</FONT></TD></TR>",
    ]
    if headline(matrix):
        rows.append(f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT" BORDER="0"><FONT POINT-SIZE="14" COLOR="{GAP_TEXT}">'
                    f"<B>{_html(headline(matrix))}</B></FONT></TD></TR>")
    header = [f'<TD BGCOLOR="{HEADER_FILL}"><FONT COLOR="{HEADER_TEXT}"><B>Population</B></FONT></TD>']
    for index, level in enumerate(matrix.levels):
        more = " (most intensive)" if index == len(matrix.levels) - 1 and len(matrix.levels) > 1 else ""
        header.append(f'<TD BGCOLOR="{HEADER_FILL}" WIDTH="210"><FONT COLOR="{HEADER_TEXT}"><B>'
                      f"{_html(level.label)}</B>{_html(more)}</FONT></TD>")
    rows.append("<TR>" + "".join(header) + "</TR>")
    for population in matrix.populations:
        cells = [f'<TD BGCOLOR="{POPULATION_FILL}" ALIGN="LEFT" BALIGN="LEFT" WIDTH="170"><B>'
                 f"{_wrapped(population.label, 24)}</B></TD>"]
        cells += [_cell(cell) for cell in matrix.row(population.id)]
        rows.append("<TR>" + "".join(cells) + "</TR>")
    counts = [f'<TD BGCOLOR="{POPULATION_FILL}" ALIGN="LEFT"><B>Gaps</B> (populations with no service)</TD>']
    # A level that leaves most populations without a service is shaded like a gap: the story at a glance.
    counts += [f'<TD BGCOLOR="{GAP_FILL if len(matrix.gaps_at(level.id)) * 2 > len(matrix.populations) else POPULATION_FILL}">'
               f"<B>{_html(count)}</B></TD>" for level, count in zip(matrix.levels, gap_counts(matrix))]
    rows.append("<TR>" + "".join(counts) + "</TR>")
    rows.append(f'<TR><TD COLSPAN="{columns}" BORDER="0" ALIGN="LEFT">{_key()}</TD></TR>')
    table = ('<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR="#7A7A7A">'
             + "".join(rows) + "</TABLE>>")
    return "\n".join([
        "digraph pathway {",
        f'  graph [fontname="{FONT}", pad="0.3", tooltip={quote(shortened(title, TOOLTIP_CHARACTERS))}];',
        f'  node [fontname="{FONT}", fontsize="10", shape="plaintext", margin="0"];',
        f"  grid [label={table}];",
        "}",
        "",
    ])


def _cell(cell: Cell) -> str:
    if cell.is_gap:
        return (f'<TD BGCOLOR="{GAP_FILL}" VALIGN="MIDDLE"><FONT COLOR="{GAP_TEXT}"><B>GAP</B><BR/>'
                '<FONT POINT-SIZE="8">no service</FONT></FONT></TD>')
    lines = []
    if cell.duplications:
        modes = ", ".join(dup.delivery for dup in cell.duplications)
        lines.append(f'<FONT COLOR="{DUPLICATE_TEXT}"><B>DUPLICATED ({_html(modes)})</B></FONT>')
    for node in cell.services:
        mark = "! " if cell.duplicated(node) else ""
        details = ", ".join(part for part in (node.delivery, node.provider) if part)
        text = f"{_html(mark)}{_wrapped(service_label(node), 30)}"
        if details:
            text += f'<BR ALIGN="LEFT"/><FONT POINT-SIZE="8" COLOR="#444444">{_wrapped(details, 40)}</FONT>'
        lines.append(text)
    fill = DUPLICATE_FILL if cell.duplications else SERVICE_FILL
    return f'<TD BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT">' + '<BR ALIGN="LEFT"/>'.join(lines) + "</TD>"


def _key() -> str:
    return (
        '<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>'
        '<TD><FONT POINT-SIZE="9"><B>Key</B></FONT></TD>'
        f'<TD BGCOLOR="{SERVICE_FILL}" BORDER="1"><FONT POINT-SIZE="9">services in the cell</FONT></TD>'
        f'<TD BGCOLOR="{GAP_FILL}" BORDER="1"><FONT POINT-SIZE="9" COLOR="{GAP_TEXT}"><B>GAP</B>: no service</FONT></TD>'
        f'<TD BGCOLOR="{DUPLICATE_FILL}" BORDER="1"><FONT POINT-SIZE="9" COLOR="{DUPLICATE_TEXT}"><B>DUPLICATED</B>: '
        "! services at the same level, for the same population, delivered the same way</FONT></TD>"
        "</TR></TABLE>"
    )


def _wrapped(text: str, width: int) -> str:
    import textwrap

    # Shortened before wrapping: textwrap's time grows with the square of a long word.
    text = shortened(" ".join(text.split()), LABEL_CHARACTERS)
    return '<BR ALIGN="LEFT"/>'.join(_html(line) for line in textwrap.wrap(text, width) or [""])


def _html(text: str) -> str:
    # html_escape shows control characters as escapes: Graphviz reads the label as XML.
    return html_escape(shortened(text, LABEL_CHARACTERS))
