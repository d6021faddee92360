"""`toc needs`: need-node figures from many area models as one comparable dataset."""

from __future__ import annotations

import argparse
import sys

from toc.commands.common import UsageError, format_of_output, refuse_binary_on_terminal, write_and_say

NEEDS_EPILOG = """\
examples:
  toc needs examples/east-midlands/                      areas side by side in the terminal
  toc needs examples/east-midlands/ -o regional.csv      the tidy dataset: one row per area x indicator
  toc needs examples/east-midlands/ -o regional.xlsx     the dataset and the side-by-side view
  toc needs derby.toc.yaml leicester.toc.yaml -o needs.md

Figures are written on need nodes (`figures:` with id, measure, value, unit,
source, year, geography and an optional comparator such as the England
average); figures with the same id in different files are the same indicator.
Each row carries its difference from the comparator, in the figure's unit and
as a percentage. See docs/pathway.md.
"""
NEEDS_FORMATS = ("txt", "csv", "xlsx", "md")


def register(commands) -> None:
    parser = commands.add_parser(
        "needs", help="compile need figures across area models into one comparable dataset",
        description="Compile the figures on need nodes of many area models into one tidy dataset "
                    "(one row per area x indicator) with the differences from each comparator.",
        epilog=NEEDS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", help="model files, or directories of *.toc.yaml / *.toc.yml")
    parser.add_argument("-o", "--output", metavar="OUT", default="-",
                        help="output file: .csv .xlsx .md .txt; default: a side-by-side table in the terminal")
    parser.add_argument("--format", choices=NEEDS_FORMATS, help="output format when the suffix cannot say")
    parser.add_argument("--title", help="title for the Markdown and spreadsheet outputs")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.escape import terminal_text
    from toc.renderers.findings import render_text
    from toc.checker import check_file
    from toc.needs import compare, compile_dataset
    from toc.paths import model_files
    from toc.project_config import excluded_by_config

    output_format = format_of_output(args.output, NEEDS_FORMATS, given=args.format, on_stdout="txt")
    refuse_binary_on_terminal(args.output, output_format)
    files = model_files(args.paths, quiet=getattr(args, "quiet", False), excluded=excluded_by_config)
    reports = [check_file(path) for path in files]
    broken = [report for report in reports if report.model is None]
    if broken:
        sys.stderr.write(render_text(broken))
        # Paths found in a directory are anyone's file names: shown, never obeyed by the terminal.
        print("toc: cannot compile the needs data: " + terminal_text(", ".join(r.path for r in broken))
              + ": cannot be loaded (see the findings above)", file=sys.stderr)
        return 1
    for report in reports:
        errors = sum(1 for finding in report.findings if finding.severity == "error")
        if errors:
            print(f"toc: note: {terminal_text(report.path)} has {errors} error(s); using the figures that load "
                  "(run `toc check`)", file=sys.stderr)
    models = [report.model for report in reports]
    rows = compile_dataset(models)
    if not rows:
        raise UsageError("no figures on need nodes in " + ", ".join(files)
                         + ": add `figures:` to need nodes (see `toc needs --help`)")
    comparison = compare(rows)
    title = args.title or _default_title(models)
    write_and_say(args, args.output, _render(rows, comparison, title, output_format), protected=tuple(files))
    return 0


def _render(rows, comparison, title: str, output_format: str) -> str | bytes:
    if output_format == "csv":
        from toc.renderers.needs_tables import render_needs_csv

        return render_needs_csv(rows)
    if output_format == "md":
        from toc.renderers.needs_tables import render_needs_markdown

        return render_needs_markdown(rows, comparison, title)
    if output_format == "xlsx":
        from toc.renderers.needs_xlsx import render_needs_xlsx

        return render_needs_xlsx(rows, comparison, title)
    from toc.renderers.needs_tables import render_needs_text

    return render_needs_text(rows, comparison, title)


def _default_title(models) -> str:
    from toc.needs import area_name

    areas = sorted({area_name(model) for model in models}, key=str.casefold)
    if len(areas) <= 3:
        return "Needs data: " + ", ".join(areas)
    return f"Needs data: {len(areas)} areas"
