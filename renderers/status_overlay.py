"""Monitoring status on the diagram (`toc render --status`): each box filled by its status and
labelled with it in words and a symbol, and each suspect link marked, so the picture reads in
greyscale and to someone who cannot tell the colours apart. Pure: renderers/dot.py asks this
module how a box or link looks; toc.monitoring worked the statuses out."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as html_escape

from toc.monitoring import Progress

# Light fills, so the box's words stay readable; the words and symbol carry the status.
FILLS = {"green": "#CDEFE3", "amber": "#FBE3B0", "red": "#F6CDB8", "grey": "#EDEDED"}
WORDS = {"green": "● on track", "amber": "▲ at risk", "red": "■ off track", "grey": "◆ no data"}
SUSPECT_COLOUR = "#D55E00"


@dataclass(frozen=True)
class StatusOverlay:
    nodes: tuple[tuple[str, str], ...]  # (node id, status) of each box with indicators, in the model's order
    suspect: frozenset[tuple[str, str]]  # (from, to) of each suspect link
    as_at: str = ""
    unjudged: frozenset[str] = frozenset()  # grey boxes with figures but no target to judge them by

    def of(self, node_id: str) -> str | None:
        return dict(self.nodes).get(node_id)


def status_overlay(progress: Progress) -> StatusOverlay:
    measured = {status.node for status in progress.indicators}  # (a box without indicators has no status)
    return StatusOverlay(tuple((node_id, status) for node_id, status in progress.nodes.items() if node_id in measured),
                         frozenset((link.link.source, link.link.target) for link in progress.suspect_links),
                         progress.as_at.text if progress.as_at else "",
                         frozenset(status.node for status in progress.indicators
                                   if status.series and progress.nodes.get(status.node) == "grey"))


def node_fill(overlay: StatusOverlay, node_id: str) -> str | None:
    status = overlay.of(node_id)
    return FILLS[status] if status else None


def node_label_row(overlay: StatusOverlay, node_id: str, size: int) -> str:
    status = overlay.of(node_id)
    if not status:
        return ""
    words = "◆ not judged" if status == "grey" and node_id in overlay.unjudged else WORDS[status]
    return f'<TR><TD><FONT POINT-SIZE="{size}"><B>{html_escape(words.upper())}</B></FONT></TD></TR>'


def link_attributes(overlay: StatusOverlay, source: str, target: str) -> dict[str, str]:
    if (source, target) not in overlay.suspect:
        return {}
    # A label (not an xlabel) so that Graphviz makes room for it beside the line.
    return {"color": SUSPECT_COLOUR, "penwidth": "3.4", "style": "bold", "label": "SUSPECT", "fontcolor": "#000000"}


def legend_rows(overlay: StatusOverlay) -> list[str]:
    title = "Status" + (f" (figures to {overlay.as_at})" if overlay.as_at else "")
    rows = [f'<TR><TD COLSPAN="2"><B>{html_escape(title)}</B></TD></TR>']
    for status, fill in FILLS.items():
        rows.append(f'<TR><TD BGCOLOR="{fill}" WIDTH="18"> </TD><TD ALIGN="LEFT">{html_escape(WORDS[status])}</TD></TR>')
    rows.append(f'<TR><TD><FONT COLOR="{SUSPECT_COLOUR}"><B>━━━</B></FONT></TD><TD ALIGN="LEFT">suspect link: on track '
                f'to off track</TD></TR>')
    return rows
