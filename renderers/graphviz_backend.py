"""The only place that runs Graphviz: DOT text in, image bytes out.

Kept apart from DOT generation (which is pure) so that everything else can be
tested without the `dot` program, as the graphviz package does.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from toc.errors import UserError
from toc.renderers.dot import html_escape

IMAGE_FORMATS = ("svg", "png", "pdf")


class GraphvizMissing(UserError):
    """`dot` is not installed: image formats cannot be made."""



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
    result = subprocess.run(
        [program, f"-T{image_format}"], input=source.encode("utf-8"), capture_output=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"dot failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def add_svg_title(svg: bytes, title: str, description: str) -> bytes:
    """Give the SVG document an accessible <title> and <desc> as its first children."""
    text = svg.decode("utf-8")
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        return svg
    accessible = f"\n<title>{html_escape(title)}</title>\n<desc>{html_escape(description)}</desc>"
    opening = match.group(0)
    if "role=" not in opening:
        opening = opening[:-1] + ' role="img">'
    return (text[: match.start()] + opening + accessible + text[match.end():]).encode("utf-8")
