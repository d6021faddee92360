"""The only place that runs Graphviz: DOT text in, image bytes out.

Kept apart from DOT generation (which is pure) so that everything else can be
tested without the `dot` program, as the graphviz package does.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

from toc.errors import UserError
from toc.renderers.escape import terminal_text, xml_text

IMAGE_FORMATS = ("svg", "png", "pdf")


class GraphvizMissing(UserError):
    """`dot` is not installed: image formats cannot be made."""


class GraphvizFailed(UserError):
    """`dot` ran but could not lay this drawing out (it crashes on some graphs), or took too long."""



INSTALL_HINT = (
    "the Graphviz `dot` program is needed for SVG, PNG and PDF; install it "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz) or write .dot, .mmd or .md instead"
)


def dot_available() -> bool:
    return shutil.which("dot") is not None


def run_dot(source: str, image_format: str, timeout: float = 120) -> bytes:
    """Lay out and draw DOT ``source`` with the `dot` program."""
    if image_format not in IMAGE_FORMATS:
        raise ValueError(image_format)
    program = shutil.which("dot")
    if program is None:
        raise GraphvizMissing(INSTALL_HINT)
    try:
        result = subprocess.run(
            [program, f"-T{image_format}"], input=source.encode("utf-8"), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise GraphvizFailed(f"Graphviz took over {timeout:.0f} s to lay the drawing out; " + _FAILED_HINT) from None
    if result.returncode != 0:
        said = terminal_text(" ".join(result.stderr.decode("utf-8", "replace").split()))[:300]
        raise GraphvizFailed(f"Graphviz could not lay the drawing out ({said or f'exit {result.returncode}'}); "
                             + _FAILED_HINT)
    return result.stdout


_FAILED_HINT = "write .dot, .mmd or .md instead, or draw part of the model with --focus"


def add_svg_title(svg: bytes, title: str, description: str) -> bytes:
    """Give the SVG document an accessible <title> and <desc> as its first children."""
    text = svg.decode("utf-8")
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        return svg
    # Plain XML escaping: Graphviz's own backslash rule (html_escape) does not apply outside DOT.
    accessible = f"\n<title>{_xml(title)}</title>\n<desc>{_xml(description)}</desc>"
    opening = match.group(0)
    if "role=" not in opening:
        opening = opening[:-1] + ' role="img">'
    return (text[: match.start()] + opening + accessible + text[match.end():]).encode("utf-8")


def _xml(text: str) -> str:
    return html.escape(xml_text(text).replace("\r", "").replace("\n", " "), quote=False)
