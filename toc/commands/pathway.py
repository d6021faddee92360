"""`toc pathway`: the support pathway of a model as a levels x populations matrix."""

from __future__ import annotations

import argparse
import shutil
import sys

from toc.commands.common import (
    UsageError, checked_model, format_of_output, model_inputs, refuse_binary_on_terminal, write_and_say,
)

PATHWAY_EPILOG = """\
examples:
  toc pathway examples/kirklees.toc.yaml                  the matrix in the terminal
  toc pathway examples/kirklees.toc.yaml -o pathway.png   a grid picture: gaps vermillion, duplication yellow
  toc pathway examples/leicester-city.toc.yaml -o pathway.xlsx
  toc pathway model.toc.yaml -o pathway.md                Markdown table for a report or wiki
  toc pathway model.toc.yaml -o pathway.csv               one row per service per cell, and per gap

Services are activity nodes with `level:` and `populations:` (and optionally
`provider:`, `delivery:`, `area:`, `eif_rating:`). Levels and populations come
from the model's `pathway:` section, or the defaults (universal / targeted /
specialist and the Kirklees populations); see docs/pathway.md.
A gap is a cell with no service; duplication is two or more services in a cell
with the same delivery, in the same area. `toc check` reports them as TOC601/602.
"""
PATHWAY_FORMATS = ("txt", "md", "csv", "xlsx", "dot", "svg", "png", "pdf")


def register(commands) -> None:
    parser = commands.add_parser(
        "pathway", help="the support pathway: services by level and population, with gaps and duplication",
        description="Show a model's support pathway as a matrix of levels x populations, each cell listing "
                    "its services, with gaps and duplication marked. The format comes from the output's suffix.",
        epilog=PATHWAY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file")
    parser.add_argument("-o", "--output", metavar="OUT", default="-",
                        help="output file: .txt .md .csv .xlsx .dot .svg .png .pdf; default: the terminal")
    parser.add_argument("--format", choices=PATHWAY_FORMATS, help="output format when the suffix cannot say")
    parser.add_argument("--width", metavar="N", type=int,
                        help="width of the terminal table in characters (default: the terminal's, or 120)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.pathway import build_matrix, uses_pathway

    output_format = format_of_output(args.output, PATHWAY_FORMATS, given=args.format, on_stdout="txt")
    refuse_binary_on_terminal(args.output, output_format)
    if args.width is not None and args.width < 40:
        raise UsageError("--width must be at least 40")
    report = checked_model(args.model, "map the pathway of", "mapping what loads")
    if report is None:
        return 1
    model = report.model
    if not uses_pathway(model):
        raise UsageError(f"{args.model} has no services: give activities `level:` and `populations:` "
                         "(see `toc pathway --help` and docs/pathway.md)")
    matrix = build_matrix(model)
    title = f"{model.area or model.display_name} - support pathway"
    write_and_say(args, args.output, _render(matrix, title, output_format, args), protected=model_inputs(args.model, model))
    return 0


def _render(matrix, title: str, output_format: str, args) -> str | bytes:
    if output_format == "txt":
        from toc.commands.common import colour_wanted
        from toc.renderers.pathway_tables import render_pathway_text

        to_terminal = args.output == "-" and sys.stdout.isatty()
        width = args.width or (shutil.get_terminal_size((120, 24)).columns if to_terminal else 120)
        colour = colour_wanted("auto", args.output)
        return render_pathway_text(matrix, title, width=width, colour=colour)
    if output_format == "md":
        from toc.renderers.pathway_tables import render_pathway_markdown

        return render_pathway_markdown(matrix, title)
    if output_format == "csv":
        from toc.renderers.pathway_tables import render_pathway_csv

        return render_pathway_csv(matrix)
    if output_format == "xlsx":
        from toc.renderers.pathway_xlsx import render_pathway_xlsx

        return render_pathway_xlsx(matrix, title)
    from toc.renderers.pathway_dot import render_pathway_dot

    source = render_pathway_dot(matrix, title)
    if output_format == "dot":
        return source
    from toc.commands.drawing import lay_out
    from toc.renderers.pathway_tables import summary_line

    return lay_out(source, output_format, title, summary_line(matrix))
