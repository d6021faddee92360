"""From a model and a format to the bytes or text to write: the renderers, and Graphviz for images.

The renderers are pure (text in memory); this is where their DOT is laid out by
the one module that runs a program, renderers/graphviz_backend.py. `toc render`,
`toc spec` (its diagram) and `toc serve` (its page) all draw through here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toc.renderers.dot import DiagramOptions, describe, render_dot
from toc.renderers.mermaid import render_mermaid
from toc.renderers.outline import render_outline
from toc.findings import Finding
from toc.model import Model
from toc.views import View


@dataclass(frozen=True)
class RenderRequest:
    output_format: str  # dot svg png pdf mmd md txt html
    view: View = field(default_factory=View)
    findings: tuple[Finding, ...] | None = None
    workshop: bool = False
    page: str | None = None
    group_by: str | None = None
    page_findings: tuple[Finding, ...] = ()  # html: findings for the side panel, always shown
    status: object = None  # renderers.status_overlay.StatusOverlay: monitoring status on the boxes


def render_model(model: Model, request: RenderRequest) -> str | bytes:
    """Text for text formats; bytes from Graphviz for images (needs `dot`)."""
    if request.output_format == "mmd":
        return render_mermaid(model, request.view)
    if request.output_format in ("md", "txt"):
        return render_outline(model, request.view, markdown=request.output_format == "md")
    options = DiagramOptions(view=request.view, findings=request.findings, workshop=request.workshop,
                             page=request.page, group_by=request.group_by, status=request.status)
    if request.output_format == "html":
        # The page always carries the findings: its overlay is a toggle, on by default.
        return workshop_page(model, request.page_findings, options)
    source = render_dot(model, options)
    if request.output_format == "dot":
        return source
    return lay_out(source, request.output_format, model.display_name, describe(model))


def lay_out(source: str, image_format: str, title: str, description: str) -> bytes:
    """DOT laid out by Graphviz; an SVG gets an accessible title and description."""
    from toc.renderers.graphviz_backend import add_svg_title, run_dot

    image = run_dot(source, image_format)
    if image_format == "svg":
        image = add_svg_title(image, title, description)
    return image


def workshop_page(model: Model, findings, options: DiagramOptions = DiagramOptions(),
                  live_version: int | None = None, editing: dict | None = None, banner: str | None = None) -> str:
    """The workshop page, with its diagram laid out by Graphviz (the findings are the page's overlay);
    ``editing`` (toc serve --edit) and ``banner`` as for ``render_html``."""
    from toc.renderers.html import diagram_source, render_html

    svg = lay_out(diagram_source(model, options), "svg", model.display_name, describe(model)).decode("utf-8")
    return render_html(model, svg, findings, live_version=live_version, editing=editing, banner=banner)
