"""The workshop page: one self-contained HTML file (inline SVG, CSS, script and data).

Pure: the diagram arrives laid out (SVG text, from toc/commands/drawing.py, which
runs Graphviz on ``diagram_source``). Nothing is fetched from the network: the page opens from disk, offline.

Safety: model text reaches the page in three ways, each escaped for where it
lands: inside the SVG (Graphviz entity-escapes it), as HTML text (html.escape),
and as JSON in a non-executed <script type="application/json"> block with <, >,
& and the JavaScript line separators written as \\u escapes, so that no label
can close the block. The script inserts text with textContent only. A Content
Security Policy allows only the page's own script (by its hash), so even an
escaping bug could not run injected script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import replace
from importlib import resources
from string import Template

from toc.renderers import style
from toc.renderers.dot import DiagramOptions, render_dot
from toc.renderers.html.editing import edit_data
from toc.renderers.html.panel import page_data, unloadable_page_data
from toc.findings import Finding
from toc.model import Model, Stage

# How often the served page asks whether the model changed (the server holds the
# request open until it does, or for this many seconds).
LIVE_POLL_SECONDS = 25


def diagram_source(model: Model, options: DiagramOptions = DiagramOptions()) -> str:
    """The DOT of the page's diagram: the findings overlay is drawn by the page's script (it can
    be toggled), not by Graphviz."""
    return render_dot(model, replace(options, findings=None))


def render_html(model: Model, svg: str, findings: list[Finding] | tuple[Finding, ...] = (),
                live_version: int | None = None, editing: dict | None = None, banner: str | None = None) -> str:
    """The page for a loaded model around its laid-out diagram (``svg``, from ``diagram_source``);
    ``live_version`` set means served by `toc serve`; ``editing`` (the session's token, the file's
    hash) adds the editing controls of `toc serve --edit`; ``banner`` is a warning over the page
    (e.g. that the file on disk no longer loads and this is its last good version)."""
    data = page_data(model, findings)
    if editing is not None:
        data["edit"] = {**editing, **edit_data(model)}
    if banner:
        data["banner"] = banner
    return _page(data, inline_svg(svg), live_version, with_editing=editing is not None)


def render_unloadable_html(path: str, findings: list[Finding] | tuple[Finding, ...],
                           live_version: int | None = None, message: str | None = None) -> str:
    """The page for a file that does not load (e.g. a YAML syntax error while editing)."""
    return _page(unloadable_page_data(path, findings, message), "", live_version)


def _page(data: dict, svg: str, live_version: int | None, with_editing: bool = False) -> str:
    data = {**data, "live": {"version": live_version, "poll": LIVE_POLL_SECONDS} if live_version is not None else None}
    # The editing script only where editing is on: a shared or static page carries none of it.
    script = _asset("edit.js") + _asset("page.js") if with_editing else _asset("page.js")
    template = Template(_asset("page.html"))
    return template.substitute(
        title=html.escape(data["model"]["title"]),
        subtitle=html.escape(" · ".join(value for name, value in data["model"]["details"] if name in _SUBTITLE)),
        script_hash=script_hash(script),
        css=_asset("page.css"),
        legend=_legend(any(node["type"] == "cause" for node in data["nodes"])),
        svg=svg or '<p class="no-diagram">No diagram: the file does not load. The findings are listed in the panel.</p>',
        data=embed_json(data),
        script=script,
    )


def embed_json(data) -> str:
    """JSON that is safe inside a <script> element, whatever strings it holds.

    >>> embed_json({"label": "</script><script>alert(1)</script>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def inline_svg(svg: str) -> str:
    """Graphviz's SVG document made fit to sit inside HTML, scaled by the page.

    The XML prolog, doctype and comments go; the fixed size in points becomes
    data attributes the zoom buttons use, so the drawing first fits the width.
    """
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", svg, flags=re.DOTALL).strip()
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        return svg
    tag = opening.group(0)
    width = re.search(r'\swidth="([\d.]+)pt"', tag)
    height = re.search(r'\sheight="([\d.]+)pt"', tag)
    tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
    sizes = ""
    if width and height:
        sizes = f' data-width="{width.group(1)}" data-height="{height.group(1)}"'
    tag = tag[:-1] + f' id="diagram-svg" focusable="false"{sizes}>'
    return svg[: opening.start()] + tag + svg[opening.end():]


# The model's details shown under the title (the panel's overview lists them all, with fields of your own).
_SUBTITLE = ("Area", "Owner", "Version", "Horizon")


def _legend(with_causes: bool) -> str:
    rows = []
    for stage, look in style.NODE_STYLES.items():
        if stage is Stage.CAUSE and not with_causes:
            continue  # (root causes, format 1.1, are in the key only of models that have them)
        rows.append(
            f'<li><span class="swatch" style="background:{look.fill};border-color:{look.border}"></span>'
            f"{html.escape(look.name)}</li>"
        )
    return "\n".join(rows)


def _asset(name: str) -> str:
    return resources.files("toc.renderers.html").joinpath(name).read_text(encoding="utf-8")
