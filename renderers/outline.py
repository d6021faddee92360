"""A theory of change as a text outline: readable by screen readers, pasteable into email.

It lists the boxes by column, then every chain: starting from each node that
nothing leads to, it follows every link. A node reached a second time is named
with "(continued above)" instead of being repeated, and a chain deeper than
``DEEPEST`` levels goes on as a new chain below, so the outline stays as long as
the model (give or take a constant), however many paths there are and however
long a chain is.

Model text is written through one function per format: ``markdown_text`` for .md
(no links, images or HTML from a label), ``terminal_text`` for .txt, which is
often printed to a terminal (no control characters). Either keeps it on one line.
"""

from __future__ import annotations

from functools import partial

from toc.renderers import style
from toc.renderers.escape import markdown_text, terminal_text
from toc.model import Link, Model, Node, Stage
from toc.views import View, visible_links, visible_nodes


def render_outline(model: Model, view: View = View(), markdown: bool = True) -> str:
    nodes = visible_nodes(model, view)
    links = visible_links(model, nodes)
    # `show` is for text inside a line, `show_line` for text that starts one (it may not start a list).
    show = partial(markdown_text, starts_line=False) if markdown else _plain
    show_line = markdown_text if markdown else _plain
    bold = (lambda text: f"**{text}**") if markdown else (lambda text: text)
    lines = [f"# {show(model.display_name)}" if markdown else show(model.display_name)]
    details = " · ".join(part for part in (model.area, model.version, model.horizon) if part)
    if details:
        lines += ["", show_line(details)]
    if model.description:
        lines += ["", show_line(model.description)]
    if model.meta:
        lines.append("")
        lines += [f"- {_meta_line(key, value, show)}" for key, value in model.meta.items()]

    lines += ["", "## The boxes, by column" if markdown else "THE BOXES, BY COLUMN"]
    for stage in Stage:
        members = [node for node in nodes if node.stage is stage]
        if not members:
            continue
        lines += ["", f"### {style.COLUMN_TITLES[stage]}" if markdown else style.COLUMN_TITLES[stage].upper(), ""]
        for node in members:
            lines.append(f"- {bold(show(node.label or node.id))} ({show(node.id)}){_measurement(node, show)}")
            lines += _box_lines(model, node, show)
    untyped = [node for node in nodes if node.stage is None]
    if untyped:
        lines += ["", "### Without a valid type" if markdown else "WITHOUT A VALID TYPE", ""]
        lines += [f"- {bold(show(node.label or node.id))} ({show(node.id)})" for node in untyped]

    lines += _mechanism_lines(model, nodes, links, markdown, show, bold)

    lines += ["", "## Chains" if markdown else "CHAINS", ""]
    lines.append("Each chain starts from a box that nothing leads to and follows every link.")
    lines.append("")
    outgoing: dict[str, list[Link]] = {node.id: [] for node in nodes}
    incoming: dict[str, int] = {node.id: 0 for node in nodes}
    for link in links:
        outgoing[link.source].append(link)
        if not link.feedback:
            incoming[link.target] += 1
    by_id = {node.id: node for node in nodes}
    expanded: set[str] = set()
    starts = [node.id for node in nodes if incoming[node.id] == 0]
    # Nodes only reachable around a loop have no start; begin from them afterwards.
    for start in starts + [node.id for node in nodes]:
        if start not in expanded:
            _walk(start, by_id, outgoing, expanded, lines, show, model)
    return "\n".join(lines).rstrip() + "\n"


# A chain is a nested list, indented two spaces a level: written as one list, a chain of n
# boxes would take space growing with n squared (10,000 boxes: 100 MB). Past this depth the
# chain goes on as a new chain below, starting from the box it reached.
DEEPEST = 12
# A box named again (continued above, feeds back to) is named by at most this much of its
# label: a long label named by thousands of links must not be written thousands of times.
MENTION_CHARACTERS = 200


def _walk(start: str, by_id, outgoing, expanded, lines, show, model: Model) -> None:
    later = [start]  # the chain from start, then each chain cut at DEEPEST, in the order they were cut
    for index, chain_start in enumerate(later):
        if chain_start in expanded:
            continue
        # Iterative depth-first walk: models can be deeper than Python's recursion limit.
        stack: list[tuple[str, Link | None, int]] = [(chain_start, None, 0)]
        while stack:
            current, link, level = stack.pop()
            node = by_id[current]
            indent = "  " * level
            text = ("feeds back to " if link.feedback else "leads to ") if link is not None else ""
            if current in expanded:
                lines.append(f"{indent}- {text}{_mention(node, show)}{_reason(link, show, model)} (continued above)")
                continue
            if level > DEEPEST:
                lines.append(f"{indent}- {text}{_mention(node, show)}{_reason(link, show, model)} (continued below)")
                later.append(current)
                continue
            expanded.add(current)
            again = " (continued from above)" if index > 0 and link is None else ""
            lines.append(f"{indent}- {text}{node.kind.capitalize()}: {show(node.label or current)}"
                         f"{_reason(link, show, model)}{again}")
            for child in reversed(outgoing[current]):
                if child.feedback:
                    lines.append(f"{indent}  - feeds back to {show(_shortened(by_id[child.target].label or child.target))}"
                                 + _reason(child, show, model))
                else:
                    stack.append((child.target, child, level + 1))


def _mention(node: Node, show) -> str:
    return f"{node.kind.capitalize()}: {show(_shortened(node.label or node.id))}"


def _shortened(text: str) -> str:
    return text if len(text) <= MENTION_CHARACTERS else text[: MENTION_CHARACTERS - 1] + "…"


def _reason(link: Link | None, show, model: Model) -> str:
    if link is None:
        return ""
    parts = []
    if link.assumption:
        parts.append(f"because {show(link.assumption.strip().rstrip('.'))}")
    if link.assumptions:
        parts.append("resting on " + ", ".join(show(reference.id) for reference in link.assumptions))
    if link.mechanisms:
        parts.append("through " + ", ".join(show(_shortened(_mechanism_label(model, reference.id)))
                                            for reference in link.mechanisms))
    evidence, source = model.link_evidence(link)  # (format 1.1: a shared assumption's, when the link gives none)
    if evidence:
        parts.append(f"evidence: {evidence.value}" + (f", from assumption {show(source)}" if source else ""))
    if link.status in style.STATUS_WORDING:
        parts.append(style.STATUS_WORDING[link.status])
    return f" ({'; '.join(parts)})" if parts else ""


# ------------------------------------------------------------ format 1.1
def _mechanism_label(model: Model, mechanism_id: str) -> str:
    mechanism = model.mechanisms.get(mechanism_id)
    return mechanism.label if mechanism and mechanism.label else mechanism_id


def _meta_text(value) -> str:
    return ", ".join(value) if isinstance(value, tuple) else str(value)


def _meta_line(key: str, value, show) -> str:
    return f"{show(key)}: {show(_meta_text(value))}"


def _box_lines(model: Model, node: Node, show) -> list[str]:
    """Under a box in the column list: its status, mechanisms, notes, details and own fields."""
    lines = []
    if node.status is not None:
        lines.append(f"  - status: {node.status.value}")
    if node.mechanisms:
        lines.append("  - through " + ", ".join(show(_mechanism_label(model, reference.id))
                                              for reference in node.mechanisms))
    if node.notes:
        lines.append(f"  - notes: {show(node.notes)}")
    lines += [f"  - {show(detail)}" for detail in node.details]
    lines += [f"  - {_meta_line(key, value, show)}" for key, value in node.meta.items()]
    return lines


def _mechanism_lines(model: Model, nodes, links, markdown: bool, show, bold) -> list[str]:
    """The mechanisms of change, each with what it says and the links and boxes that work through it
    (found in one pass over the boxes and links: the outline stays linear in the size of the model)."""
    if not model.mechanisms:
        return []
    shown = {node.id for node in nodes}
    users: dict[str, list[str]] = {mechanism_id: [] for mechanism_id in model.mechanisms}
    for node in nodes:
        for mechanism_id in dict.fromkeys(reference.id for reference in node.mechanisms):
            if mechanism_id in users:
                users[mechanism_id].append(f"  - in {show(_shortened(node.label or node.id))}")
    for link in links:
        if link.source not in shown:
            continue
        source, target = model.nodes[link.source], model.nodes[link.target]
        for mechanism_id in dict.fromkeys(reference.id for reference in link.mechanisms):
            if mechanism_id in users:
                users[mechanism_id].append(f"  - on {show(_shortened(source.label or source.id))} -> "
                                           f"{show(_shortened(target.label or target.id))}")
    lines = ["", "## Mechanisms of change" if markdown else "MECHANISMS OF CHANGE", ""]
    for mechanism in model.mechanisms.values():
        said = [show(mechanism.description.strip().rstrip("."))] if mechanism.description else []
        if mechanism.evidence:
            said.append(f"evidence: {mechanism.evidence.value}")
        lines.append(f"- {bold(show(mechanism.label or mechanism.id))} ({show(mechanism.id)})"
                     + (f": {'; '.join(said)}" if said else ""))
        lines += users[mechanism.id]
    return lines


def _measurement(node: Node, show) -> str:
    if node.indicators:
        measures = "; ".join(show(i.measure or i.id or "?") for i in node.indicators)
        return f": measured by {measures}"
    if node.is_outcome_or_impact:
        return ": NOT MEASURED"
    return ""


def _plain(text: str) -> str:
    return terminal_text(" ".join(text.split()))
