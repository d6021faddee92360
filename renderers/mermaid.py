"""A theory of change as a Mermaid flowchart, for Markdown pages and wikis.

Columns are subgraphs in stage order; node ids are internal (n0, n1...) and all
text is written as quoted labels with Mermaid entity codes for every ASCII
punctuation character, so labels render verbatim and cannot change the chart.
"""

from __future__ import annotations

from toc.renderers import style
from toc.renderers.escape import terminal_text
from toc.model import Model, Stage
from toc.views import View, visible_links, visible_nodes

# Mermaid node shapes, one per stage, chosen to match the Graphviz diagram.
_SHAPES = {
    Stage.CAUSE: ('[\\"', '"/]'),  # a trapezoid standing on its narrow side
    Stage.NEED: ('>"', '"]'),
    Stage.INPUT: ('[("', '")]'),
    Stage.ACTIVITY: ('["', '"]'),
    Stage.OUTPUT: ('[["', '"]]'),
    Stage.SHORT_TERM_OUTCOME: ('("', '")'),
    Stage.MEDIUM_TERM_OUTCOME: ('("', '")'),
    Stage.LONG_TERM_OUTCOME: ('("', '")'),
    Stage.IMPACT: ('{{"', '"}}'),
    None: ('["', '"]'),
}
_ARROWS = {"solid": "-->", "dashed": "-.->", "dotted": "-.->"}


def _key(stage: Stage) -> str:
    """A stage's part of subgraph and class names: its number (col4, s4), "cause" for root causes
    (whose number, -1, would put a minus sign in a name)."""
    return "cause" if stage is Stage.CAUSE else str(stage.value)


def escape(text: str) -> str:
    """Label text with ASCII punctuation as #code; entities (letters, digits, spaces, non-ASCII kept).

    The characters a terminal would obey (control and bidirectional characters, which
    ``terminal_text`` shows as escapes) become entities too, so the file hides nothing.
    """
    out = []
    for char in text.replace("\r", "").replace("\n", " "):
        if (char.isascii() and not char.isalnum() and char not in " -") or terminal_text(char) != char:
            out.append(f"#{ord(char)};")
        else:
            out.append(char)
    return "".join(out)


def render_mermaid(model: Model, view: View = View()) -> str:
    nodes = visible_nodes(model, view)
    links = visible_links(model, nodes)
    ids = {node_id: f"n{index}" for index, node_id in enumerate(model.nodes)}
    lines = ["---", f"title: {escape(model.display_name)}", "---", "flowchart LR"]
    for stage in Stage:
        members = [node for node in nodes if node.stage is stage]
        if not members:
            continue
        lines.append(f'  subgraph col{_key(stage)}["{escape(style.COLUMN_TITLES[stage])}"]')
        lines.append("    direction TB")
        for node in members:
            lines.append(f"    {_node(node, ids)}")
        lines.append("  end")
    for node in nodes:
        if node.stage is None:
            lines.append(f"  {_node(node, ids)}")
    link_styles = []
    for index, link in enumerate(links):
        look = style.FEEDBACK_LINK if link.feedback else style.LINK_STYLES[model.link_evidence(link)[0]]
        arrow = "-.->" if link.feedback else _ARROWS[look.style]
        label = "|feedback|" if link.feedback else _link_label(model, link)
        lines.append(f"  {ids[link.source]} {arrow}{label} {ids[link.target]}")
        link_styles.append(f"  linkStyle {index} stroke:{look.colour},stroke-width:{look.penwidth}px")
    lines += link_styles
    for stage, look in style.NODE_STYLES.items():
        if stage is Stage.CAUSE and not any(node.stage is Stage.CAUSE for node in nodes):
            continue  # (a model without root causes draws as it did before they existed)
        lines.append(f"  classDef s{_key(stage)} fill:{look.fill},stroke:{look.border},color:#111111")
    lines.append(f"  classDef unmeasured stroke:{style.UNMEASURED_COLOUR},stroke-width:2px,stroke-dasharray:5 3")
    for stage in Stage:
        members = [ids[node.id] for node in nodes if node.stage is stage]
        if members:
            lines.append(f"  class {','.join(members)} s{_key(stage)}")
    unmeasured = [ids[node.id] for node in nodes if node.is_outcome_or_impact and not node.indicators]
    if unmeasured:
        lines.append(f"  class {','.join(unmeasured)} unmeasured")
    unsettled = [ids[node.id] for node in nodes if node.status in style.STATUS_WORDING
                 and not (node.is_outcome_or_impact and not node.indicators)]
    if unsettled:
        lines.append("  classDef unsettled stroke-width:2px,stroke-dasharray:2 2")
        lines.append(f"  class {','.join(unsettled)} unsettled")
    return "\n".join(lines) + "\n"


def _link_label(model: Model, link) -> str:
    """The mechanisms a link works through and its status when not agreed, as a Mermaid edge label."""
    words = []
    for reference in link.mechanisms:
        mechanism = model.mechanisms.get(reference.id)
        words.append(mechanism.label if mechanism and mechanism.label else reference.id)
    if link.status in style.STATUS_WORDING:
        words.append(f"({style.STATUS_WORDING[link.status]})")
    return f'|"{escape(" · ".join(words))}"|' if words else ""


def _node(node, ids) -> str:
    opening, closing = _SHAPES[node.stage]
    text = escape(node.label or node.id)
    if node.status in style.STATUS_WORDING:
        text += f" #40;{escape(style.STATUS_WORDING[node.status])}#41;"
    if node.is_outcome_or_impact and not node.indicators:
        text += " #40; not measured #41;"
    elif node.indicators:
        text += f" #183; {len(node.indicators)} ind#46;"
    return f"{ids[node.id]}{opening}{text}{closing}"
