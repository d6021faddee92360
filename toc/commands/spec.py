"""`toc spec`: draft a commissioner's evaluation specification from a model."""

from __future__ import annotations

import argparse
import os
import sys

from toc.commands.common import UsageError, checked_model, format_of_output, model_inputs, write_and_say
from toc.output import check_output

SPEC_EPILOG = """\
examples:
  toc spec examples/east-midlands.toc.yaml -o spec.docx              Word, for sending out
  toc spec examples/east-midlands.toc.yaml -o spec.md                Markdown, for a repository
  toc spec model.toc.yaml -o spec.html --matrix matrix.xlsx         page plus the matrix spreadsheet
  toc spec model.toc.yaml -o - | less                               Markdown to the terminal
  toc spec model.toc.yaml -o plan.json                              the plan as data, for tools
  toc spec model.toc.yaml -o tender.docx --procurement              with the tender annex

The plan uses the methods the model names (on nodes, or in `evaluation:
questions:`); where it names none, toc suggests methods from the catalogue
(`toc catalogue`) with a one-line reason each. The annex lists the gaps:
unmeasured and unevaluated outcomes, weak designs, and `toc check` warnings.
Each claim gets its design (the Maryland Scientific Methods Scale level of
the strongest method, What Works Centre for Local Economic Growth version) and
what it lets you claim; each quantified indicator a power verdict. `-o
plan.json` writes the plan as JSON (`ready`, questions, nodes, power).
DOCX and HTML include the diagram when Graphviz `dot` is installed, and the
text outline otherwise. What the model cannot say is a placeholder, "[To
complete: ...]"; a plan not ready to send opens with a banner saying why.
--procurement adds instructions to bidders, award criteria, a pricing
schedule and contract terms. See docs/spec.md.
"""
SPEC_FORMATS = ("md", "html", "docx", "json")
MATRIX_FORMATS = ("csv", "xlsx")


def register(commands) -> None:
    parser = commands.add_parser(
        "spec", help="draft an evaluation specification (md, html, docx) and matrix (csv, xlsx)",
        description="Draft a commissioner-ready evaluation specification from a model's evaluation "
                    "section, its indicators and the method and measure catalogues.",
        epilog=SPEC_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True,
                        help="the specification: .md .html or .docx, or the plan as .json; - for Markdown on standard output")
    parser.add_argument("--matrix", metavar="FILE", help="also write the evaluation matrix: .xlsx or .csv")
    parser.add_argument("--procurement", action="store_true",
                        help="add the tender annex: instructions to bidders, award criteria and weighting, a "
                             "pricing schedule and contract terms")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.spec.document import build_specification
    from toc.evaluation.catalogue import catalogue_for
    from toc.evaluation.plan import plan_evaluation

    output_format = _format(args.output, SPEC_FORMATS, "md")
    matrix_format = _format(args.matrix, MATRIX_FORMATS, None) if args.matrix else None
    report = checked_model(args.model, "draft a specification from",
                           "they are listed in the specification's annex; fix them before sending it out")
    if report is None:
        return 1
    model = report.model
    catalogue = catalogue_for(model)
    plan = plan_evaluation(model, catalogue, report.findings)
    protected = model_inputs(args.model, model)
    # Every output is checked before the first is written: a bad --matrix must not leave a lone spec.
    if args.matrix and args.output != "-" and os.path.realpath(args.matrix) == os.path.realpath(args.output):
        raise UsageError("--matrix and -o name the same file; give the matrix its own name")
    for path in (args.output, *([args.matrix] if args.matrix else [])):
        check_output(path, protected=protected)
    if output_format == "json":
        from toc.renderers.spec.plan_json import render_plan_json

        write_and_say(args, args.output, render_plan_json(plan, report.findings), protected=protected)
    else:
        blocks = build_specification(model, plan, catalogue, report.findings, procurement=args.procurement)
        write_and_say(args, args.output, _render(blocks, output_format, model), protected=protected)
    if matrix_format == "csv":
        from toc.renderers.spec.matrix import render_matrix_csv

        write_and_say(args, args.matrix, render_matrix_csv(plan), protected=protected)
    elif matrix_format == "xlsx":
        from toc.renderers.spec.matrix import render_matrix_xlsx

        frequencies = {node.id: "; ".join(dict.fromkeys(i.frequency for i in node.indicators if i.frequency))
                       for node in model.nodes.values()}
        write_and_say(args, args.matrix,
                      render_matrix_xlsx(plan, f"Evaluation matrix: {model.display_name}", frequencies),
                      protected=protected)
    return 0


def _render(blocks, output_format: str, model) -> str | bytes:
    if output_format == "md":
        from toc.renderers.spec.markdown import render_markdown

        return render_markdown(blocks)
    from toc.commands.drawing import RenderRequest

    if output_format == "html":
        from toc.renderers.spec.html import render_html

        image = _diagram(model, RenderRequest(output_format="svg"))
        return render_html(blocks, image.decode("utf-8") if image else None)
    from toc.renderers.spec.docx import render_docx

    return render_docx(blocks, _figures(model))


def _figures(model) -> list | None:
    """The diagram's pictures for printing, each on the first page that prints its smallest text at
    8 pt or more: the whole diagram if a page can, else two parts split at the outputs (see
    renderers/spec/figures.py). None when Graphviz cannot draw it (the outline stands in)."""
    from toc.renderers.spec.figures import PAGE_ORDER, SPLIT_PARTS, Figure, legible_page
    from toc.views import View, visible_nodes

    whole = _key_free_png(model, View())
    if whole is None:
        return None
    page = legible_page(whole)
    if page is not None:
        return [Figure(whole, "the whole theory of change", page)]
    figures = []
    for caption, hide in SPLIT_PARTS:
        if not visible_nodes(model, View(hide=hide)):
            continue
        png = _key_free_png(model, View(hide=hide))
        if png is None:
            return [Figure(whole, "the whole theory of change", PAGE_ORDER[-1])]
        figures.append(Figure(png, caption, legible_page(png) or PAGE_ORDER[-1]))
    return figures


def _key_free_png(model, view) -> bytes | None:
    """The diagram (or the part ``view`` shows) in workshop style without its key, as PNG."""
    from toc.commands.drawing import lay_out
    from toc.renderers.dot import DiagramOptions, describe, render_dot
    from toc.renderers.graphviz_backend import GraphvizFailed, dot_available

    if not dot_available():
        print("toc: note: Graphviz `dot` is not installed; the specification shows the text outline "
              "instead of the diagram", file=sys.stderr)
        return None
    source = render_dot(model, DiagramOptions(view=view, workshop=True, legend=False))
    try:
        return lay_out(source, "png", model.display_name, describe(model))
    except GraphvizFailed as failure:
        print(f"toc: note: {failure}; the specification shows the text outline instead of the diagram",
              file=sys.stderr)
        return None


def _diagram(model, request) -> bytes | None:
    from toc.renderers.graphviz_backend import dot_available

    if not dot_available():
        print("toc: note: Graphviz `dot` is not installed; the specification shows the text outline "
              "instead of the diagram", file=sys.stderr)
        return None
    from toc.commands.drawing import render_model
    from toc.renderers.graphviz_backend import GraphvizFailed

    try:
        return render_model(model, request)
    except GraphvizFailed as failure:
        print(f"toc: note: {failure}; the specification shows the text outline instead of the diagram",
              file=sys.stderr)
        return None


def _format(path: str, choices: tuple[str, ...], default: str | None) -> str:
    return format_of_output(path, choices, on_stdout=default, has_format_option=False)
