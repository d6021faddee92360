"""`toc compare`: several areas' models side by side, for a regional group."""

from __future__ import annotations

import argparse
import sys

from toc.commands.common import UsageError, format_of_output, refuse_binary_on_terminal, write_and_say

COMPARE_EPILOG = """\
examples:
  toc compare examples/                                   every model under a directory
  toc compare a.toc.yaml b.toc.yaml c.toc.yaml            named models
  toc compare -o coverage.xlsx areas/                     workbook: coverage, poolable indicators, possible matches
  toc compare -o coverage.csv areas/                      the coverage matrix (area x outcome) as CSV
  toc compare --status areas/                             with each area's latest status (toc monitor)

The format comes from the output's suffix (.md, .csv, .xlsx), or --format.
Outcomes are matched by shared framework id first (maps_to: [eif-rpc:...]),
then by identical node id; outcomes whose labels are merely similar are listed
as possible matches and never merged. The report shows the outcomes the areas
share and those unique to one area, a coverage matrix, and the indicators a
regional evaluation could pool (shared outcomes already measured in two or
more areas).
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "compare", help="compare several areas' models: shared outcomes, coverage, poolable indicators",
        description="Compare several theory-of-change models side by side.",
        epilog=COMPARE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="model files, or directories of *.toc.yaml / *.toc.yml")
    parser.add_argument("--format", choices=("markdown", "csv", "xlsx"),
                        help="output format (default: from the -o suffix, else markdown)")
    parser.add_argument("-o", "--output", metavar="FILE", default="-", help="write to FILE instead of standard output")
    parser.add_argument("--status", action="store_true",
                        help="add each area's latest monitoring status of each outcome (models with `monitoring:`)")
    parser.set_defaults(run=run)




def run(args) -> int:
    from toc.renderers.compare import FORMATS
    from toc.renderers.findings import FORMATS as FINDING_FORMATS
    from toc.commands.common import check_in_project
    from toc.compare import compare_models
    from toc.paths import model_files
    from toc.project_config import excluded_by_config

    output_format = args.format or format_of_output(args.output, ("md", "csv", "xlsx"), on_stdout="md")
    if output_format == "md":
        output_format = "markdown"  # (compare's --format calls it markdown; its suffix is .md)
    refuse_binary_on_terminal(args.output, output_format)
    files = model_files(args.paths, quiet=getattr(args, "quiet", False), excluded=excluded_by_config)
    reports = [check_in_project(path) for path in files]
    unreadable = [report for report in reports if report.model is None]
    if unreadable:
        sys.stderr.write(FINDING_FORMATS["text"](unreadable, colour=False, hints=True))
        return 1
    if len(reports) < 2:
        raise UsageError("give at least two models to compare")
    comparison = compare_models([report.model for report in reports])
    if args.status:
        from toc.compare import with_status

        with_status(comparison)
    write_and_say(args, args.output, FORMATS[output_format](comparison), protected=tuple(files))
    return 0
