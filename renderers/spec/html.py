"""The specification as one self-contained HTML page (inline CSS, inline SVG diagram)."""

from __future__ import annotations

from html import escape

import re

from toc.renderers.spec.blocks import (TO_COMPLETE, Banner, Block, Bullets, Contents, Diagram, Facts, Heading,
                                       Paragraph, Table)

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #0072b2; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #e8f1f8; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
.note { font-style: italic; color: #444; }
.banner { border: 3px solid #b00020; background: #fdecee; padding: 0.5rem 1rem; margin: 1rem 0; }
.banner strong { color: #b00020; font-size: 1.2rem; }
mark { background: #fff3b0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
@media print { body { max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def render_html(blocks: list[Block], svg: str | None) -> str:
    """``svg`` is the diagram from Graphviz, or None to show the text outline instead."""
    title = next((b.text for b in blocks if isinstance(b, Heading)), "Evaluation specification")
    body: list[str] = []
    section = 0
    for block in blocks:
        if isinstance(block, Heading) and block.level == 2:
            section += 1
            body.append(f'<h2 id="s{section}">{_text(block.text)}</h2>')
        elif isinstance(block, Heading):
            body.append(f"<h{block.level}>{_text(block.text)}</h{block.level}>")
        elif isinstance(block, Banner):
            items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
            body.append(f'<div class="banner" role="alert"><strong>{_text(block.title)}</strong><ul>{items}</ul></div>')
        elif isinstance(block, Facts):
            body.append('<dl class="facts">' + "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>"
                                                     for label, value in block.rows) + "</dl>")
        elif isinstance(block, Contents):
            body.append('<nav aria-label="Contents"><h2>Contents</h2><ol>' + "".join(
                f'<li><a href="#s{number}">{_text(h)}</a></li>' for number, h in enumerate(block.headings, 1))
                + "</ol></nav>")
        elif isinstance(block, Paragraph):
            css = ' class="note"' if block.emphasis else ""
            body.append(f"<p{css}>{_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            body.append("<ul>" + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col">{_text(h)}</th>' for h in block.headers)
            rows = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Diagram):
            if svg is not None:
                body.append(f'<figure role="img" aria-label="{escape(block.alt)}">{_strip_prolog(svg)}</figure>')
            else:
                body.append(f"<pre>{escape(block.text or block.outline)}</pre>")
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


_PLACEHOLDER = re.compile(re.escape(escape(TO_COMPLETE)) + r"[^\]]*\]")


def _text(text: str) -> str:
    """Escaped text, its placeholders marked so a commissioner sees what is left to fill in."""
    return _PLACEHOLDER.sub(lambda match: f"<mark>{match.group()}</mark>", escape(text))


def _strip_prolog(svg: str) -> str:
    # Graphviz starts with an XML declaration and DOCTYPE, which are not allowed inside HTML.
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
