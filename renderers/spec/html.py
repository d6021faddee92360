"""The specification as one self-contained HTML page (inline CSS, inline SVG diagram)."""

from __future__ import annotations

from html import escape

from toc.renderers.spec.blocks import Block, Bullets, Diagram, Heading, Paragraph, Table

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #0072b2; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #e8f1f8; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
.note { font-style: italic; color: #444; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
@media print { body { max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def render_html(blocks: list[Block], svg: str | None) -> str:
    """``svg`` is the diagram from Graphviz, or None to show the text outline instead."""
    title = next((b.text for b in blocks if isinstance(b, Heading)), "Evaluation specification")
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            css = ' class="note"' if block.emphasis else ""
            body.append(f"<p{css}>{escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            body.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.headers)
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
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


def _strip_prolog(svg: str) -> str:
    # Graphviz starts with an XML declaration and DOCTYPE, which are not allowed inside HTML.
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
