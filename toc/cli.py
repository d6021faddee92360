"""The `toc` command line: parses arguments, calls the library, prints, exits.

Exit codes: 0 success / no failing findings, 1 failing findings, 2 a usage
error or an unreadable input (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap

import toc
from toc.loading import UnreadableInput
from toc.output import OutputError, write_output
from toc.suggest import did_you_mean

DESCRIPTION = """\
toc turns theories of change written as YAML into something you can check,
draw, compare and evaluate. Start with `toc check examples/`.
"""

CHECK_EPILOG = """\
examples:
  toc check examples/wirral.toc.yaml        one model
  toc check models/                         every *.toc.yaml under a directory
  toc check --strict --format github .      in CI: warnings fail, annotations on the PR
  toc check --select TOC3 model.toc.yaml    only the measurement rules
  toc check --format sarif -o toc.sarif .   for code scanning

exit codes: 0 no failing findings, 1 errors found (or warnings with --strict),
2 usage error or unreadable file. `toc rules` lists every rule; `toc rules
TOC206` explains one. A model can configure rules for itself in its `check:`
section (see docs/format.md).
"""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the house rules ask
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="toc", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"toc {toc.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser(
        "check", help="check models for missing links, unmeasured outcomes and format errors",
        description="Check theory-of-change models and report findings with file:line:column.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="model files, or directories to search for *.toc.yaml")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text",
                       help="text for people (default), json for tools, github for Actions annotations, "
                            "sarif for code scanning")
    check.add_argument("--select", metavar="CODES", action="append", default=[],
                       help="report only these codes or prefixes, comma-separated (e.g. TOC2,TOC301)")
    check.add_argument("--ignore", metavar="CODES", action="append", default=[],
                       help="never report these codes or prefixes, comma-separated")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only errors")
    check.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                       help="show only findings at this severity or above (default: info, i.e. all)")
    check.add_argument("--no-hints", action="store_true", help="text format: one line per finding, no hints")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text format (auto: on a terminal, unless NO_COLOR is set)")
    check.add_argument("-o", "--output", metavar="FILE", default="-",
                       help="write the report to FILE instead of standard output")

    rules = commands.add_parser("rules", help="list the rules, or explain one",
                                description="List every rule, or print one rule's documentation.")
    rules.add_argument("rule", nargs="?", metavar="CODE", help="a rule code (TOC206) or name (stage-leap)")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help="text (default), json, or markdown (the page docs/rules.md is made from)")

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the model format (for editors)",
        description="Print the JSON Schema (draft-07) of the model format. Point your editor's YAML "
                    "language server at it for completion and inline errors (see the README).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", default="-", help="write to FILE instead of stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return COMMANDS[args.command](args)
    except (UsageError, UnreadableInput, OutputError) as error:
        print(f"toc: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("toc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug in toc: one line, and the traceback on request
        if os.environ.get("TOC_DEBUG"):
            raise
        print(f"toc: internal error: {type(error).__name__}: {error} "
              "(this is a bug in toc; rerun with TOC_DEBUG=1 and report the traceback)", file=sys.stderr)
        return 2


def _codes(values: list[str]) -> tuple[str, ...]:
    from toc.rules import RULES

    codes = []
    for value in values:
        for code in filter(None, (part.strip().upper() for part in value.split(","))):
            if not any(known.startswith(code) for known in RULES):
                hint = did_you_mean(code, RULES)
                raise UsageError(f'unknown rule code "{code}"' + (f"; {hint}" if hint else ""))
            codes.append(code)
    return tuple(codes)


def run_check(args) -> int:
    from renderers.findings import FORMATS
    from toc.checker import Selection, check_file, failed
    from toc.findings import Severity
    from toc.paths import model_files

    selection = Selection(select=_codes(args.select), ignore=_codes(args.ignore))
    files = model_files(args.paths)
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
    write_output(args.output, report, protected=tuple(files))
    return 1 if failed(reports, strict=args.strict) else 0


def run_rules(args) -> int:
    from toc.rules import RULES, find_rule

    if args.rule:
        rule = find_rule(args.rule)
        if rule is None:
            hint = did_you_mean(args.rule.upper(), RULES)
            raise UsageError(f'no rule "{args.rule}"' + (f"; {hint}" if hint else "") + " (`toc rules` lists them)")
        if args.format == "json":
            print(json.dumps(_rule_record(rule), indent=2))
        else:
            print(f"{rule.code} {rule.name} (default: {rule.severity.value})\n")
            print(textwrap.dedent(rule.doc).strip())
        return 0
    if args.format == "json":
        print(json.dumps([_rule_record(rule) for rule in RULES.values()], indent=2))
        return 0
    if args.format == "markdown":
        print(_rules_markdown(RULES.values()), end="")
        return 0
    width = max(len(rule.name) for rule in RULES.values())
    for rule in RULES.values():
        print(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    print("\n`toc rules CODE` explains a rule, with a failing and a passing example.")
    return 0


def _rules_markdown(rules) -> str:
    lines = ["# Rules", "", "Generated by `toc rules --format markdown`; `toc rules CODE` prints one rule.", "",
             "| code | name | default | finds |", "|---|---|---|---|"]
    lines += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.value} | {r.summary} |"
              for r in rules]
    for rule in rules:
        title, _, body = textwrap.dedent(rule.doc).strip().partition("\n")
        lines += ["", f"## {rule.code} {rule.name}", "", f"*{title.split(': ', 1)[1]}* Default: {rule.severity.value}.",
                  body.replace("\n## ", "\n### ")]
    return "\n".join(lines) + "\n"


def _rule_record(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "severity": rule.severity.value, "summary": rule.summary,
            "doc": rule.doc}


def run_schema(args) -> int:
    from toc.schema import json_schema

    write_output(args.output, json.dumps(json_schema(), indent=2) + "\n")
    return 0


COMMANDS = {"check": run_check, "rules": run_rules, "schema": run_schema}
