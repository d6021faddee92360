"""`toc check`: report findings with file:line:column."""

from __future__ import annotations

import argparse
import os
import sys

from toc.commands.common import format_of_output, rule_codes, write_and_say

CHECK_EPILOG = """\
examples:
  toc check examples/wirral.toc.yaml        one model
  toc check models/                         every *.toc.yaml and *.toc.yml under a directory
  toc check --strict --format github .      in CI: warnings fail, annotations on the PR
  toc check --select TOC3 model.toc.yaml    only the measurement rules
  toc check --format sarif -o toc.sarif .   for code scanning

exit codes: 0 no failing findings, 1 errors found (or warnings with --strict),
2 usage error or unreadable file. `toc rules` lists every rule; `toc rules
TOC206` explains one. A model can configure rules for itself in its `check:`
section (see docs/format.md).
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "check", help="check models for missing links, unmeasured outcomes and format errors",
        description="Check theory-of-change models and report findings with file:line:column.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="model files, or directories to search for *.toc.yaml and *.toc.yml")
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
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text format (auto: on a terminal, unless NO_COLOR is set)")
    parser.add_argument("-o", "--output", metavar="FILE", default="-",
                       help="write the report to FILE instead of standard output")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.findings import FORMATS
    from toc.checker import Selection, check_file, failed
    from toc.findings import Severity
    from toc.paths import model_files

    # -o report.json or -o toc.sarif says the format; anything else is text unless --format says otherwise.
    args.format = format_of_output(args.output, ("json", "sarif"), given=args.format, on_stdout="text",
                                   otherwise="text")
    selection = Selection(select=rule_codes(args.select), ignore=rule_codes(args.ignore))
    files = model_files(args.paths, quiet=getattr(args, "quiet", False))
    reports = [check_file(path, selection) for path in files]
    if args.min_severity != "info":
        floor = Severity(args.min_severity).rank
        for report in reports:
            report.findings = [f for f in report.findings if f.severity.rank >= floor]
    if args.format == "text":
        colour = args.color == "always" or (
            args.color == "auto" and args.output == "-" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        )
        report = FORMATS["text"](reports, colour=colour, hints=not args.no_hints)
    else:
        report = FORMATS[args.format](reports)
    write_and_say(args, args.output, report, protected=tuple(files))
    return 1 if failed(reports, strict=args.strict) else 0
