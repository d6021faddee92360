"""The specification as Markdown: for a repository, a wiki, or pasting into a document.

Every block's text, toc's own wording and model text alike, is written through
``markdown_text``: it shows as written and cannot add a link, an image or HTML.
"""

from __future__ import annotations

from toc.renderers.escape import markdown_text
from toc.renderers.spec.blocks import Banner, Block, Bullets, Contents, Diagram, Facts, Heading, Paragraph, Table


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append("#" * block.level + " " + markdown_text(block.text, starts_line=False))
        elif isinstance(block, Paragraph):
            # Inside emphasis, as in a heading or table cell, nothing can start a block.
            out.append(f"*{markdown_text(block.text, starts_line=False)}*" if block.emphasis
                       else markdown_text(block.text))
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {markdown_text(item)}" for item in block.items))
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Diagram):
            out.append(block.outline.rstrip())  # already Markdown, escaped by the outline renderer
        elif isinstance(block, Banner):
            # A quoted block before everything else: the plan is not ready, and why.
            lines = [f"> **{markdown_text(block.title, starts_line=False)}**", ">"]
            lines += [f"> - {markdown_text(item)}" for item in block.items]
            out.append("\n".join(lines))
        elif isinstance(block, Facts):
            out.append("\n".join(f"- {markdown_text(label)}: {markdown_text(value, starts_line=False)}"
                                 for label, value in block.rows))
        elif isinstance(block, Contents):
            out.append("**Contents**\n\n" + "\n".join(f"- {markdown_text(h)}" for h in block.headings))
    return "\n\n".join(out) + "\n"


def _cell(text: str) -> str:
    return markdown_text(text, starts_line=False) or " "


def _table(table: Table) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in table.headers) + " |",
             "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)
