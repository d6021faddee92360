"""One entry point from a model and a format to the bytes or text to write."""

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


def render_model(model: Model, request: RenderRequest) -> str | bytes:
    """Text for text formats; bytes from Graphviz for images (needs `dot`)."""
    if request.output_format == "mmd":
        return render_mermaid(model, request.view)
    if request.output_format in ("md", "txt"):
        return render_outline(model, request.view, markdown=request.output_format == "md")
    options = DiagramOptions(view=request.view, findings=request.findings, workshop=request.workshop,
                             page=request.page, group_by=request.group_by)
    if request.output_format == "html":
        from toc.renderers.html import render_html

        # The page always carries the findings: its overlay is a toggle, on by default.
        return render_html(model, request.page_findings, options)
    source = render_dot(model, options)
    if request.output_format == "dot":
        return source
    from toc.renderers.graphviz_backend import add_svg_title, run_dot

    image = run_dot(source, request.output_format)
    if request.output_format == "svg":
        image = add_svg_title(image, model.display_name, describe(model))
    return image
