"""The interactive workshop page (`toc render -o model.html`, `toc serve`)."""

from toc.renderers.html.page import diagram_source, render_html, render_unloadable_html
from toc.renderers.html.panel import SECTIONS, page_data

__all__ = ["SECTIONS", "diagram_source", "page_data", "render_html", "render_unloadable_html"]
