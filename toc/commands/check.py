"""`toc check`: report findings with file:line:column."""

from __future__ import annotations

import argparse
import os
import sys

from toc.commands.common import COLOR_HELP, UsageError, colour_wanted, format_of_output, rule_codes, write_and_say

CHECK_EPILOG = """\
examples:
  toc check examples/wirral.toc.yaml        one model
  toc check models/                         every *.toc.yaml and *.toc.yml under a directory
  toc check --strict --format github .      in CI: warnings fail, annotations on the PR
  toc check --select TOC3 model.toc.yaml    only the measurement rules
  toc check --format sarif -o toc.sarif .   for code scanning
  toc check - < model.toc.yaml              the model on standard input (for editors)

exit codes: 0 no failing findings, 1 errors found (or warnings with --strict),
2 usage error or unreadable file. `toc rules` lists every rule; `toc rules
TOC206` explains one. A model can configure rules for itself in its `check:`
section (see docs/format.md), and a project for all its models in
pyproject.toml's [tool.toc], a toc.toml or a .toc.yaml, found from each model's
folder upwards (see docs/configuration.md). Precedence: the command line, then
the model's check: section, then the project configuration.
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "check", help="check models for missing links, unmeasured outcomes and format errors",
        description="Check theory-of-change models and report findings with file:line:column.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="model files, directories to search for *.toc.yaml and *.toc.yml, "
                             "or - for standard input")
    parser.add_argument("--format", choices=("text", "json", "github", "sarif"),
                       help="text for people (default; with -o, .json and .sarif files get those formats), "
                            "json for tools, github for Actions annotations, sarif for code scanning")
    parser.add_argument("--select", metavar="CODES", action="append", default=[],
                       help="report only these codes or prefixes, comma-separated (e.g. TOC2,TOC301)")
    parser.add_argument("--ignore", metavar="CODES", action="append", default=[],
                       help="never report these codes or prefixes, comma-separated")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only errors")
    parser.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                       help="show only findings at this severity or above (default: info, i.e. all)")
    parser.add_argument("--no-hints", action="store_true", help="text format: one line per finding, no hints")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP)
    parser.add_argument("-o", "--output", metavar="FILE", default="-",
                       help="write the report to FILE instead of standard output")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="with -: the name findings give the model (default <stdin>); its folder is where "
                             "catalogue files and the project configuration are looked for")
    parser.add_argument("--isolated", action="store_true",
                        help="ignore project configuration (pyproject.toml [tool.toc], toc.toml, .toc.yaml)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.findings import FORMATS
    from toc.checker import failed
    from toc.findings import Severity

    # -o report.json or -o toc.sarif says the format; anything else is text unless --format says otherwise.
    args.format = format_of_output(args.output, ("json", "sarif"), given=args.format, on_stdout="text",
                                   otherwise="text")
    select, ignore = rule_codes(args.select), rule_codes(args.ignore)
    if "-" in args.paths:
        if len(args.paths) > 1:
            raise UsageError("- (standard input) cannot be combined with other paths")
        files, reports = [], [_check_standard_input(args, select, ignore)]
    else:
        if args.stdin_filename:
            raise UsageError("--stdin-filename goes with - (the model on standard input)")
        files, reports = _check_files(args, select, ignore)
    if args.min_severity != "info":
        floor = Severity(args.min_severity).rank
        for report in reports:
            report.findings = [f for f in report.findings if f.severity.rank >= floor]
    if args.format == "text":
        report = FORMATS["text"](reports, colour=colour_wanted(args.color, args.output), hints=not args.no_hints)
    else:
        report = FORMATS[args.format](reports)
    protected = (*files, *([args.stdin_filename] if args.stdin_filename else []))
    write_and_say(args, args.output, report, protected=protected)
    return 1 if failed(reports, strict=args.strict) else 0


def _settings(config, select, ignore):
    """The Selection and ProjectSettings for a file under ``config`` (None: no project file)."""
    from toc.checker import NO_PROJECT, ProjectSettings, Selection

    if config is None:
        return Selection(select=select, ignore=ignore), NO_PROJECT
    # The command line's --select replaces the project's select; its --ignore adds to everything.
    return (Selection(select=select or config.select, ignore=ignore),
            ProjectSettings(ignore=config.ignore, severity=config.severity))


def _check_files(args, select, ignore):
    from toc.checker import check_file
    from toc.paths import model_files
    from toc.project_config import config_for_file, excluded_by_config

    def configured(path):
        return None if args.isolated else config_for_file(path)

    files = model_files(args.paths, quiet=getattr(args, "quiet", False),
                        excluded=None if args.isolated else excluded_by_config)
    reports = []
    for path in files:
        selection, project = _settings(configured(path), select, ignore)
        reports.append(check_file(path, selection, project=project))
    return files, reports


def _check_standard_input(args, select, ignore):
    """The model on standard input, named <stdin> (or --stdin-filename) in findings; its catalogue
    files and project configuration are looked for in that name's folder, else the current one."""
    from toc.checker import check_stream
    from toc.project_config import find_config

    name = args.stdin_filename or "<stdin>"
    folder = os.path.dirname(args.stdin_filename or "") or "."
    config = None if args.isolated else find_config(folder)
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    selection, project = _settings(config, select, ignore)
    return check_stream(stream, name, selection, catalogue_dir=folder, project=project)
