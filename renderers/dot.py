"""A theory of change as Graphviz DOT text: pure, deterministic, injection-proof.

Layout: left-to-right columns in stage order (one rank per stage under its
heading, its nodes top to bottom in the file's order), forward links between columns, feedback links drawn without
constraining the layout. Safety: nodes get internal ids (n0, n1...), every label
is an HTML-like label with the text entity-escaped, and every other string is a
quoted, backslash-escaped DOT string, so no text in a model can add attributes
or make Graphviz read a file.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass, field

from toc.renderers import style
from toc.renderers.escape import xml_text
from toc.findings import Finding
from toc.model import Link, Model, Node, Stage
from toc.views import View, visible_links, visible_nodes
from toc.renderers import status_overlay
from toc.renderers.status_overlay import StatusOverlay


@dataclass(frozen=True)
class DiagramOptions:
    view: View = field(default_factory=View)
    findings: tuple[Finding, ...] | None = None  # overlay these when given
    workshop: bool = False  # large type, fewer details
    page: str | None = None  # A4 | A3 | A2 | A1, landscape
    group_by: str | None = None  # a node field to cluster by, e.g. "group"
    status: StatusOverlay | None = None  # monitoring status, `toc render --status` (renderers/status_overlay.py)
    legend: bool = True  # False where the key is printed as text beside the picture (toc spec)

    @property
    def wrap(self) -> int:
        return 22 if self.workshop else 28


FONT = "Helvetica"

# Graphviz refuses a quoted or HTML-like string longer than 16,384 bytes ("longer than
# 16384?"), and nobody reads a box or a tooltip past a few hundred characters: the diagram
# shows each text up to these lengths and ends it with an ellipsis (every other output keeps
# it in full). Escaped, a character takes at most 7 bytes (a control character shown as
# \x01, its backslash doubled twice by ``quote``), so 2,000 characters stay under the limit.
# Shortening also bounds the work of wrapping a label (textwrap is quadratic in a long word).
LABEL_CHARACTERS = 500
TOOLTIP_CHARACTERS = 2_000


def shortened(text: str, most: int) -> str:
    """``text`` if it has at most ``most`` characters, else its start and an ellipsis."""
    return text if len(text) <= most else text[: most - 1] + "…"


def render_dot(model: Model, options: DiagramOptions = DiagramOptions()) -> str:
    """The DOT source of the model's diagram."""
    nodes = visible_nodes(model, options.view)
    links = visible_links(model, nodes)
    ids = dot_ids(model)
    overlay = _Overlay(model, options.findings)
    font_size = 18 if options.workshop else 11

    out = ["digraph toc {"]
    graph_attributes = {
        "rankdir": "LR",
        "nodesep": "0.35",
        "ranksep": "0.9",
        "fontname": FONT,
        "labelloc": "t",
        "labeljust": "l",
        "label": _title_block(model, options),
        "tooltip": shortened(model.display_name, TOOLTIP_CHARACTERS),
        "outputorder": "edgesfirst",
    }
    if options.group_by:
        graph_attributes["newrank"] = "true"  # ranks that cross the group clusters
    if options.page:
        width, height = style.PAGES[options.page]
        graph_attributes.update(size=f"{width - 0.6},{height - 0.6}!", ratio="compress", dpi="150", pad="0.3")
    out.append(f"  graph [{_attributes(graph_attributes, html={'label'})}];")
    out.append(f"  node [{_attributes({'fontname': FONT, 'fontsize': str(font_size), 'margin': '0.12,0.06'})}];")
    out.append(f"  edge [{_attributes({'fontname': FONT, 'fontsize': str(font_size - 2), 'arrowsize': '0.8'})}];")

    by_stage: dict[Stage | None, list[Node]] = defaultdict(list)
    for node in nodes:
        by_stage[node.stage].append(node)
    stages = [stage for stage in Stage if by_stage.get(stage)]

    if options.group_by:
        out += _grouped_body(nodes, by_stage, stages, ids, options, overlay)
    else:
        for stage in stages:
            out.append(f"  {_column_heading(stage, font_size)}")
            out += [f"  {_node_statement(node, ids, options, overlay)}" for node in by_stage[stage]]
        out += _columns_in_file_order({stage: by_stage[stage] for stage in stages}, ids)
    # Nodes whose type is missing or invalid still appear, outside the columns.
    out += [f"  {_node_statement(node, ids, options, overlay)}" for node in by_stage.get(None, [])]

    # Invisible links keep the columns in stage order even where no link joins them.
    for left, right in zip(stages, stages[1:]):
        if options.group_by:
            out.append(f"  {ids[by_stage[left][0].id]} -> {ids[by_stage[right][0].id]} [style=invis, weight=0];")
        else:
            out.append(f"  {_heading_id(left)} -> {_heading_id(right)} [style=invis, weight=100];")
    for link in links:
        out.append(f"  {_edge_statement(link, model, ids, options, overlay)}")
    if not options.legend:
        out.append("}")
        return "\n".join(out) + "\n"
    extras = _legend_extras(model, nodes, links, by_stage)
    out.append(f"  legend [{_attributes({'shape': 'plain', 'label': _legend(options, extras)}, html={'label'})}];")
    if stages:
        last = ids[by_stage[stages[-1]][-1].id]
        out.append(f"  {{ rank=same; legend; {last}; }}")
        if not options.group_by:
            out.append(f"  {last} -> legend [style=invis];")  # under the last column's boxes
    out.append("}")
    return "\n".join(out) + "\n"


def _columns_in_file_order(columns: dict[Stage, list[Node]], ids: dict[str, str]) -> list[str]:
    """Each column on one rank: its heading, then its boxes top to bottom in the file's order.

    Graphviz otherwise orders a column to cross fewest lines, and one new box or
    link can reshuffle every column: people lose the boxes they were looking at.
    An invisible link within a rank (a "flat" edge) makes Graphviz keep its tail
    above its head, so a chain of them fixes each column's order, and crossings
    are minimised around it. Graphviz ignores that chain inside a cluster, so the
    columns are not clusters (no grey panels): a heading tops each one instead.
    tests/renderers/test_stable_layout.py checks the positions Graphviz draws.
    """
    out = []
    for stage, column in columns.items():
        chain = [_heading_id(stage)] + [ids[node.id] for node in column]
        out.append(f"  {{ rank=same; {' '.join(name + ';' for name in chain)} }}")
        out += [f"  {upper} -> {lower} [style=invis];" for upper, lower in zip(chain, chain[1:])]
    return out


def _heading_id(stage: Stage) -> str:
    return f"column_{stage.name.lower()}"


def _column_heading(stage: Stage, font_size: int) -> str:
    attributes = {"shape": "plain", "label": f"<<B>{html_escape(style.COLUMN_TITLES[stage])}</B>>",
                  "fontsize": str(font_size + 3), "fontcolor": "#333333", "margin": "0", "group": "column headings"}
    return f"{_heading_id(stage)} [{_attributes(attributes, html={'label'})}];"


def dot_ids(model: Model) -> dict[str, str]:
    """The internal DOT id of each node (n0, n1... in file order); SVG nodes get id="node-<that>"."""
    return {node_id: f"n{index}" for index, node_id in enumerate(model.nodes)}


# ------------------------------------------------------------------ nodes
def _node_statement(node: Node, ids: dict[str, str], options: DiagramOptions, overlay: _Overlay) -> str:
    look = style.NODE_STYLES.get(node.stage, style.UNKNOWN_NODE)
    unmeasured = node.is_outcome_or_impact and not node.indicators
    styles = ["filled"]
    if node.stage in style.ROUNDED:
        styles.append("rounded")
    attributes = {
        "shape": look.shape,
        "fillcolor": look.fill,
        "color": look.border,
        "penwidth": "1.4",
        "label": _node_label(node, options, unmeasured, overlay.codes_for_node(node.id),
                             overlay.mechanism_labels(node.mechanisms)),
        "tooltip": _node_tooltip(node, overlay.for_node(node.id), overlay.mechanism_labels(node.mechanisms)),
        "id": f"node-{ids[node.id]}",
    }
    if unmeasured:
        styles.append("dashed")
        attributes.update(color=style.UNMEASURED_COLOUR, penwidth="2")
    elif node.status in style.STATUS_WORDING:
        styles.append("dotted")  # not yet agreed (its status is also written in the box)
        attributes["penwidth"] = "2"
    severity = overlay.worst_for_node(node.id)
    if severity:
        attributes.update(color=style.SEVERITY_COLOURS[severity], penwidth="3.2")
    if options.status is not None:
        attributes["fillcolor"] = status_overlay.node_fill(options.status, node.id) or look.fill
    attributes["style"] = ",".join(styles)
    return f"{ids[node.id]} [{_attributes(attributes, html={'label'})}];"


def _node_label(node: Node, options: DiagramOptions, unmeasured: bool, codes: list[str],
                mechanisms: list[str] = ()) -> str:
    text = shortened(node.label or node.id, LABEL_CHARACTERS)
    lines = textwrap.wrap(text, options.wrap, break_long_words=True, break_on_hyphens=False) or [""]
    rows = [f'<TR><TD>{"<BR/>".join(html_escape(line) for line in lines)}</TD></TR>']
    small = 14 if options.workshop else 9
    rows += _rows_under_label(node, options, small, mechanisms)
    if node.indicators and not options.workshop:
        count = len(node.indicators)
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{small}" COLOR="#3D3D3D">'
            f'{count} indicator{"" if count == 1 else "s"}</FONT></TD></TR>'
        )
    if unmeasured:
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{small}" COLOR="{style.UNMEASURED_COLOUR}"><B>not measured</B></FONT></TD></TR>'
        )
    if codes:
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{small}" COLOR="#7A1F14">{html_escape(" ".join(codes))}</FONT></TD></TR>'
        )
    if options.status is not None:
        rows.append(status_overlay.node_label_row(options.status, node.id, small))
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'


# A box lists at most this many of its `details:`, and a box or link names at most this many
# mechanisms (the page and the outline list them all): Graphviz refuses a label past 16,384 bytes.
DETAILS_SHOWN = 6
MECHANISMS_SHOWN = 3


def _at_most(labels: list[str], most: int) -> list[str]:
    """The first ``most`` labels, and a count of the rest."""
    return labels if len(labels) <= most else [*labels[:most], f"and {len(labels) - most} more mechanisms"]


def _rows_under_label(node: Node, options: DiagramOptions, small: int, mechanisms: list[str]) -> list[str]:
    """Rows under a box's label for what format 1.1 added: its details (as a list), the
    mechanisms it works through, and its status when not agreed (in words: greyscale-safe)."""
    rows = []
    if node.details and not options.workshop:
        shown = [f"• {html_escape(shortened(detail, 60))}" for detail in node.details[:DETAILS_SHOWN]]
        if len(node.details) > DETAILS_SHOWN:
            shown.append(f"… and {len(node.details) - DETAILS_SHOWN} more")
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{small}">{"<BR/>".join(shown)}</FONT></TD></TR>')
    for label in _at_most([f"mechanism: {label}" for label in mechanisms], MECHANISMS_SHOWN):
        wrapped = textwrap.wrap(shortened(label, 120), options.wrap + 6, break_long_words=True) or [""]
        rows.append(f'<TR><TD><FONT POINT-SIZE="{small}" COLOR="{style.MECHANISM_COLOUR}"><I>'
                    f'{"<BR/>".join(html_escape(line) for line in wrapped)}</I></FONT></TD></TR>')
    if node.status in style.STATUS_WORDING:
        rows.append(f'<TR><TD><FONT POINT-SIZE="{small}"><I>{style.STATUS_WORDING[node.status]}</I></FONT></TD></TR>')
    return rows


def _node_tooltip(node: Node, findings: list[Finding], mechanisms: list[str] = ()) -> str:
    parts = [f"{node.label or node.id} ({node.kind}, id: {node.id})"]
    if node.description:
        parts.append(node.description)
    if node.status:
        parts.append(f"Status: {node.status.value}")
    parts += [f"Mechanism: {label}" for label in mechanisms]
    if node.notes:
        parts.append(f"Notes: {node.notes}")
    parts += [f"- {detail}" for detail in node.details]
    parts += [f"{key}: {_meta_text(value)}" for key, value in node.meta.items()]
    for indicator in node.indicators:
        parts.append(f"Indicator: {indicator.measure or indicator.id}")
    parts += [f"{finding.code} {finding.name}: {finding.message}" for finding in findings]
    return shortened("\n".join(parts), TOOLTIP_CHARACTERS)


# ------------------------------------------------------------------ links
def _edge_statement(link: Link, model: Model, ids: dict[str, str], options: DiagramOptions, overlay: _Overlay) -> str:
    # A link without evidence of its own has its shared assumptions' (format 1.1).
    look = style.FEEDBACK_LINK if link.feedback else style.LINK_STYLES[model.link_evidence(link)[0]]
    attributes = {
        "style": look.style,
        "penwidth": str(look.penwidth),
        "color": look.colour,
        "tooltip": _link_tooltip(link, model, overlay.for_link(link)),
    }
    said = _link_words(link, overlay, options)
    if said:
        attributes.update(label=said, fontcolor=style.MECHANISM_COLOUR)
    if link.feedback:
        attributes.update(constraint="false", arrowhead="vee")
        if not options.workshop:
            attributes["xlabel"] = "feedback"
            attributes["fontcolor"] = style.FEEDBACK_COLOUR
    else:
        stages = model.link_stages(link)
        if stages is not None and stages[1] < stages[0]:
            attributes["constraint"] = "false"  # a backward link must not bend the columns
    severity = overlay.worst_for_link(link)
    if severity:
        attributes.update(color=style.SEVERITY_COLOURS[severity], penwidth="2.6")
    if options.status is not None:
        attributes.update(status_overlay.link_attributes(options.status, link.source, link.target))
    return f"{ids[link.source]} -> {ids[link.target]} [{_attributes(attributes)}];"


def _link_tooltip(link: Link, model: Model, findings: list[Finding]) -> str:
    parts = [f"{model.nodes[link.source].label or link.source} -> {model.nodes[link.target].label or link.target}"]
    if link.assumption:
        parts.append(f"Assumption: {link.assumption}")
    for reference in link.assumptions:
        shared = model.assumptions.get(reference.id)
        parts.append(f"Assumption: {shared.text if shared and shared.text else reference.id}")
    evidence, source = model.link_evidence(link)
    parts.append(f"Evidence: {evidence.value if evidence else 'not stated'}"
                 + (f" (from assumption {source})" if source else ""))
    for reference in link.mechanisms:
        mechanism = model.mechanisms.get(reference.id)
        parts.append(f"Mechanism: {mechanism.label if mechanism and mechanism.label else reference.id}")
    if link.status:
        parts.append(f"Status: {link.status.value}")
    parts += [f"{key}: {_meta_text(value)}" for key, value in link.meta.items()]
    parts += [f"{finding.code} {finding.name}: {finding.message}" for finding in findings]
    return shortened("\n".join(parts), TOOLTIP_CHARACTERS)


def _link_words(link: Link, overlay: _Overlay, options: DiagramOptions) -> str:
    """What is written on a link: the mechanisms it works through and its status when not agreed."""
    lines = []
    for label in _at_most(overlay.mechanism_labels(link.mechanisms), MECHANISMS_SHOWN):
        lines += textwrap.wrap(shortened(label, 120), options.wrap, break_long_words=True)
    if link.status in style.STATUS_WORDING:
        lines.append(f"({style.STATUS_WORDING[link.status]})")
    return "\n".join(lines)


def _meta_text(value) -> str:
    """A `meta:` value in words: a list joined with commas, true/false as written."""
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


# ------------------------------------------------------------- furniture
def _grouped_body(nodes, by_stage, stages, ids, options: DiagramOptions, overlay) -> list[str]:
    """Clusters by a node field, with stages still aligned in columns (newrank)."""
    field_name = options.group_by
    groups: dict[str, list[Node]] = defaultdict(list)
    loose = []
    for node in nodes:
        value = _group_value(node, field_name)
        (groups[value] if value else loose).append(node)
    out = []
    for index, (name, members) in enumerate(groups.items()):
        out.append(f"  subgraph cluster_group_{index} {{")
        label = {"label": f"<<B>{html_escape(shortened(name, LABEL_CHARACTERS))}</B>>", "style": "rounded", "color": "#9A9A9A"}
        out.append(f"    graph [{_attributes(label, html={'label'})}];")
        out += [f"    {_node_statement(node, ids, options, overlay)}" for node in members]
        out.append("  }")
    out += [f"  {_node_statement(node, ids, options, overlay)}" for node in loose]
    for stage in stages:
        out.append(f"  {{ rank=same; {'; '.join(ids[node.id] for node in by_stage[stage])}; }}")
    return out


def _group_value(node: Node, field_name: str) -> str | None:
    """The value a box is grouped by: a field (group, type, term, status) or meta.NAME (format 1.1)."""
    if field_name.startswith("meta."):
        value = node.meta.get(field_name[len("meta."):])
        return _meta_text(value) if value not in (None, ()) else None
    value = getattr(node, field_name, None)
    return str(value) if value else None


def _title_block(model: Model, options: DiagramOptions) -> str:
    size = 26 if options.workshop else 18
    details = shortened(" · ".join(part for part in (model.area, model.version) if part), LABEL_CHARACTERS)
    title = shortened(model.display_name, LABEL_CHARACTERS)
    rows = f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{size}"><B>{html_escape(title)}</B></FONT></TD></TR>'
    if details:
        rows += f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{size - 6}">{html_escape(details)}</FONT></TD></TR>'
    return f'<<TABLE BORDER="0" CELLSPACING="2">{rows}</TABLE>>'


def _legend_extras(model: Model, nodes: list[Node], links: list[Link], by_stage) -> set[str]:
    """What format 1.1 adds to the key, only where the diagram shows it (a 1.0 model's key is as it was)."""
    extras = set()
    if by_stage.get(Stage.CAUSE):
        extras.add("cause")
    if any(item.status in style.STATUS_WORDING for item in (*nodes, *links)):
        extras.add("status")
    if any(item.mechanisms for item in (*nodes, *links)):
        extras.add("mechanism")
    return extras


def _legend(options: DiagramOptions, extras: set[str] = frozenset()) -> str:
    size = 13 if options.workshop else 9
    rows = ['<TR><TD COLSPAN="2"><B>Key</B></TD></TR>']
    for stage, look in style.NODE_STYLES.items():
        if stage is Stage.CAUSE and "cause" not in extras:
            continue
        rows.append(
            f'<TR><TD BGCOLOR="{look.fill}" WIDTH="18"> </TD><TD ALIGN="LEFT">{html_escape(look.name)} ({look.shape})</TD></TR>'
        )
    rows.append(
        f'<TR><TD><FONT COLOR="{style.UNMEASURED_COLOUR}">- -</FONT></TD>'
        f'<TD ALIGN="LEFT"><FONT COLOR="{style.UNMEASURED_COLOUR}">dashed red: not measured</FONT></TD></TR>'
    )
    samples = [
        ("━━━", "strong evidence"), ("───", "moderate evidence"), ("- - -", "weak evidence"),
        ("· · ·", "no evidence"), ("───", "evidence not stated (grey)"),
    ]
    for sample, text in samples:
        colour = "#9A9A9A" if "grey" in text else style.LINK_COLOUR
        rows.append(f'<TR><TD><FONT COLOR="{colour}">{sample}</FONT></TD><TD ALIGN="LEFT">{text}</TD></TR>')
    rows.append(
        f'<TR><TD><FONT COLOR="{style.FEEDBACK_COLOUR}">- - ›</FONT></TD>'
        f'<TD ALIGN="LEFT"><FONT COLOR="{style.FEEDBACK_COLOUR}">feedback loop</FONT></TD></TR>'
    )
    if options.status is not None:
        rows += status_overlay.legend_rows(options.status)
    if "status" in extras:
        rows.append('<TR><TD>· · ·</TD><TD ALIGN="LEFT">dotted box, <I>draft</I> or <I>in development</I>: '
                    'not yet agreed</TD></TR>')
    if "mechanism" in extras:
        rows.append(f'<TR><TD><FONT COLOR="{style.MECHANISM_COLOUR}"><I>abc</I></FONT></TD>'
                    f'<TD ALIGN="LEFT"><FONT COLOR="{style.MECHANISM_COLOUR}">mechanism of change</FONT></TD></TR>')
    table = "".join(rows)
    return (
        f'<<TABLE BORDER="1" COLOR="#BBBBBB" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
        f'<TR><TD><FONT POINT-SIZE="{size}"><TABLE BORDER="0" CELLSPACING="1">{table}</TABLE></FONT></TD></TR></TABLE>>'
    )


# ----------------------------------------------------------- overlay data
class _Overlay:
    """Findings by node and by link, for --findings."""

    def __init__(self, model: Model, findings: tuple[Finding, ...] | None):
        self.mechanisms = model.mechanisms  # (format 1.1: their labels are drawn on links and boxes)
        self.by_node: dict[str, list[Finding]] = defaultdict(list)
        self.by_link: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        if not findings:
            return
        link_at = model.links_by_location()
        for finding in findings:
            link = link_at.get(finding.location)
            if link is not None:
                self.by_link[(link.source, link.target)].append(finding)
            elif finding.node:
                self.by_node[finding.node].append(finding)

    def mechanism_labels(self, references) -> list[str]:
        """The labels of the mechanisms named (an id that is not defined is drawn as itself: TOC101)."""
        found = (self.mechanisms.get(reference.id) for reference in references)
        return [mechanism.label if mechanism and mechanism.label else reference.id
                for mechanism, reference in zip(found, references)]

    def for_node(self, node_id: str) -> list[Finding]:
        return self.by_node.get(node_id, [])

    def codes_for_node(self, node_id: str) -> list[str]:
        return sorted({finding.code for finding in self.for_node(node_id)})

    def for_link(self, link: Link) -> list[Finding]:
        return self.by_link.get((link.source, link.target), [])

    def worst_for_node(self, node_id: str) -> str | None:
        return _worst(self.for_node(node_id))

    def worst_for_link(self, link: Link) -> str | None:
        return _worst(self.for_link(link))


def _worst(findings: list[Finding]) -> str | None:
    return max(findings, key=lambda f: f.severity.rank).severity.value if findings else None


# ------------------------------------------------------------------ quoting
def quote(text: str) -> str:
    r"""A DOT double-quoted string that Graphviz shows as exactly ``text``.

    Used for tooltips and fixed attribute values. Graphviz expands escapes such as
    \N (node name) and \G (graph name) in these strings after reading them, so a
    backslash must be written as four: the DOT reader halves them, then escape
    expansion halves them again. Newlines become \n; quotes are escaped. Control
    characters that XML cannot hold are shown as escapes (``xml_text``): Graphviz copies
    tooltips into SVG, which they would make invalid.
    """
    text = xml_text(text.replace("\r", "")).replace("\\", "\\\\\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def html_escape(text: str) -> str:
    r"""Text for an HTML-like label: entities for the XML specials, backslashes doubled.

    Graphviz expands \N, \G and friends even inside HTML-like labels; a doubled
    backslash is shown as one. Graphviz reads the label as XML, which cannot hold most
    control characters: they are shown as escapes (``xml_text``).
    """
    return (
        xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("'", "&#39;").replace("\\", "\\\\")
        .replace("\r", "").replace("\n", " ")
    )


def _attributes(attributes: dict[str, str], html: set[str] = frozenset()) -> str:
    return ", ".join(
        f"{name}={value if name in html else quote(value)}"
        for name, value in attributes.items()
    )


def describe(model: Model) -> str:
    """A short plain-language description of the model, for SVG <desc> and alt text."""
    nodes = list(model.nodes.values())
    counts = []
    for stage in Stage:
        count = sum(1 for node in nodes if node.stage is stage)
        if count:
            noun = stage.title
            plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
            counts.append(f"{count} {noun if count == 1 else plural}")
    links = sum(1 for link in model.links() if link.target in model.nodes)
    unmeasured = sum(1 for node in nodes if node.is_outcome_or_impact and not node.indicators)
    text = f"Theory of change: {model.display_name}. {len(nodes)} boxes"
    if counts:
        text += " (" + ", ".join(counts) + ")"
    start = "root causes" if any(node.stage is Stage.CAUSE for node in nodes) else "needs"
    text += f" joined by {links} links, drawn left to right from {start} to impact."
    if unmeasured:
        text += f" {unmeasured} outcome{'s are' if unmeasured != 1 else ' is'} not measured."
    return text
