"""The specification as Markdown: for a repository, a wiki, or pasting into a document."""

from __future__ import annotations

from toc.renderers.spec.blocks import Block, Bullets, Diagram, Heading, Paragraph, Table


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append("#" * block.level + " " + _inline(block.text))
        elif isinstance(block, Paragraph):
            out.append(f"*{_inline(block.text)}*" if block.emphasis else _inline(block.text))
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {_inline(item)}" for item in block.items))
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Diagram):
            out.append(block.outline.rstrip())
    return "\n\n".join(out) + "\n"


def _inline(text: str) -> str:
    # One line per paragraph; model text must not start a heading or list by accident.
    return " ".join(text.split())


def _cell(text: str) -> str:
    return _inline(text).replace("\\", "\\\\").replace("|", "\\|") or " "


def _table(table: Table) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in table.headers) + " |",
             "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)
