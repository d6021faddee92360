"""`toc render`: draw a model with Graphviz, Mermaid or as a text outline."""

from __future__ import annotations

import argparse

from toc.commands.common import (
    UsageError, checked_model, format_of_output, model_inputs, refuse_binary_on_terminal, write_and_say,
)
from toc.fields import NODE_TYPES
from toc.suggest import did_you_mean

RENDER_EPILOG = """\
examples:
  toc render examples/wirral.toc.yaml -o wirral.svg
  toc render examples/wirral.toc.yaml -o wirral-a3.png --workshop --page A3
  toc render model.toc.yaml -o model.mmd                 Mermaid, for wikis and Markdown
  toc render model.toc.yaml -o - --format md             text outline to the terminal
  toc render model.toc.yaml -o focus.svg --focus confident --depth 2
  toc render model.toc.yaml -o review.svg --findings     where the check findings are
  toc render model.toc.yaml -o kinds.svg --group-by meta.input-kind   by a field of your own
  toc render examples/wirral.toc.yaml -o wirral.html     interactive page for workshops
  toc render examples/sefton.toc.yaml -o status.svg --status   boxes by monitoring status

SVG, PNG, PDF and HTML need the Graphviz `dot` program; .dot, .mmd, .md and .txt do not.
The .html page is one offline file: click a box to see its indicators, the
assumptions on its links and its findings (`toc serve` shows it live).
The same model always gives byte-identical output.
"""
RENDER_FORMATS = ("dot", "svg", "png", "pdf", "mmd", "md", "txt", "html")



def register(commands) -> None:
    parser = commands.add_parser(
        "render", help="draw a model: Graphviz (dot, svg, png, pdf), Mermaid (mmd), a text outline (md, txt) or a workshop page (html)",
        description="Draw a theory of change. The format comes from the output's suffix.",
        epilog=RENDER_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True,
                        help="output file: .dot .svg .png .pdf .mmd .md .txt .html; - for standard output")
    parser.add_argument("--format", choices=RENDER_FORMATS,
                        help="output format when it cannot come from the suffix (e.g. with -o -); default dot")
    parser.add_argument("--findings", action="store_true",
                        help="mark nodes and links that have `toc check` findings; codes in tooltips")
    parser.add_argument("--status", action="store_true",
                        help="fill boxes by their monitoring status (on track, at risk, off track, no data; in words "
                             "too) and mark suspect links; needs a `monitoring:` section (see `toc monitor`)")
    parser.add_argument("--workshop", action="store_true", help="large type and fewer details, for projecting")
    parser.add_argument("--page", choices=("A4", "A3", "A2", "A1"), help="size the drawing for a landscape page")
    parser.add_argument("--focus", metavar="ID", help="draw only this node and its neighbourhood")
    parser.add_argument("--depth", metavar="N", type=int, help="with --focus: how many links away to go")
    direction = parser.add_mutually_exclusive_group()
    direction.add_argument("--upstream", action="store_true", help="with --focus: only what leads to it")
    direction.add_argument("--downstream", action="store_true", help="with --focus: only what it leads to")
    parser.add_argument("--hide", metavar="TYPE", nargs="+", default=[], choices=NODE_TYPES,
                        help="leave out nodes of these types, e.g. --hide need input")
    parser.add_argument("--group-by", metavar="FIELD", type=_group_field,
                        help="draw a box around nodes that share this field: group, type, term, status, or a "
                        "field of your own as meta.NAME (e.g. meta.input-kind)")
    parser.set_defaults(run=run)


def _group_field(text: str) -> str:
    """--group-by's value: a node field that classifies boxes, or meta.NAME (format 1.1)."""
    if text in ("group", "type", "term", "status") or (text.startswith("meta.") and len(text) > len("meta.")):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} is not group, type, term, status or meta.NAME")


def run(args) -> int:
    from toc.commands.drawing import RenderRequest, render_model
    from toc.views import View

    output_format = format_of_output(args.output, RENDER_FORMATS, given=args.format, on_stdout="dot")
    refuse_binary_on_terminal(args.output, output_format)
    report = checked_model(args.model, "draw", "drawing what loads")
    if report is None:
        return 1
    model = report.model
    if args.focus is not None and args.focus not in model.nodes:
        hint = did_you_mean(args.focus, model.nodes)
        raise UsageError(f'--focus: no node "{args.focus}" in {args.model}' + (f"; {hint}" if hint else ""))
    if args.depth is not None and (args.focus is None or args.depth < 0):
        raise UsageError("--depth needs --focus and a number of links (0 or more)")
    status = None
    if args.status:
        if output_format in ("mmd", "md", "txt"):
            raise UsageError("--status is drawn by Graphviz: write .dot, .svg, .png, .pdf or .html")
        if model.monitoring is None:
            raise UsageError(f"--status: {args.model} has no `monitoring:` section (see `toc monitor --help`)")
        from toc.monitoring import progress
        from toc.renderers.status_overlay import status_overlay

        status = status_overlay(progress(model))
    direction = "upstream" if args.upstream else "downstream" if args.downstream else "both"
    view = View(focus=args.focus, depth=args.depth, direction=direction, hide=frozenset(args.hide))
    request = RenderRequest(
        output_format=output_format, view=view, findings=tuple(report.findings) if args.findings else None,
        workshop=args.workshop, page=args.page, group_by=args.group_by, page_findings=tuple(report.findings),
        status=status,
    )
    write_and_say(args, args.output, render_model(model, request), protected=model_inputs(args.model, model))
    return 0
