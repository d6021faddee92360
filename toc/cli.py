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
from renderers.graphviz_backend import GraphvizMissing
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


RENDER_EPILOG = """\
examples:
  toc render examples/wirral.toc.yaml -o wirral.svg
  toc render examples/wirral.toc.yaml -o wirral-a3.png --workshop --page A3
  toc render model.toc.yaml -o model.mmd                 Mermaid, for wikis and Markdown
  toc render model.toc.yaml -o - --format md             text outline to the terminal
  toc render model.toc.yaml -o focus.svg --focus confident --depth 2
  toc render model.toc.yaml -o review.svg --findings     where the check findings are

SVG, PNG and PDF need the Graphviz `dot` program; .dot, .mmd, .md and .txt do not.
The same model always gives byte-identical output.
"""
RENDER_FORMATS = ("dot", "svg", "png", "pdf", "mmd", "md", "txt")
NODE_TYPE_CHOICES = ("need", "input", "activity", "output", "outcome", "impact")


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

    render = commands.add_parser(
        "render", help="draw a model: Graphviz (dot, svg, png, pdf), Mermaid (mmd) or a text outline (md, txt)",
        description="Draw a theory of change. The format comes from the output's suffix.",
        epilog=RENDER_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("model", metavar="MODEL", help="the model file")
    render.add_argument("-o", "--output", metavar="OUT", required=True,
                        help="output file: .dot .svg .png .pdf .mmd .md .txt; - for standard output")
    render.add_argument("--format", choices=RENDER_FORMATS,
                        help="output format when it cannot come from the suffix (e.g. with -o -); default dot")
    render.add_argument("--findings", action="store_true",
                        help="mark nodes and links that have `toc check` findings; codes in tooltips")
    render.add_argument("--workshop", action="store_true", help="large type and fewer details, for projecting")
    render.add_argument("--page", choices=("A4", "A3", "A2", "A1"), help="size the drawing for a landscape page")
    render.add_argument("--focus", metavar="ID", help="draw only this node and its neighbourhood")
    render.add_argument("--depth", metavar="N", type=int, help="with --focus: how many links away to go")
    direction = render.add_mutually_exclusive_group()
    direction.add_argument("--upstream", action="store_true", help="with --focus: only what leads to it")
    direction.add_argument("--downstream", action="store_true", help="with --focus: only what it leads to")
    render.add_argument("--hide", metavar="TYPE", nargs="+", default=[], choices=NODE_TYPE_CHOICES,
                        help="leave out nodes of these types, e.g. --hide need input")
    render.add_argument("--group-by", metavar="FIELD", choices=("group", "type", "term"),
                        help="draw a box around nodes that share this field (e.g. group: strand or agency)")

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
    except (UsageError, UnreadableInput, OutputError, GraphvizMissing) as error:
        print(f"toc: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"toc: error: cannot write output: {error.strerror or error}", file=sys.stderr)
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
    from toc.rules import RULES, RULES_BY_NAME

    codes = []
    for value in values:
        for part in filter(None, (part.strip() for part in value.split(","))):
            code = RULES_BY_NAME[part.lower()].code if part.lower() in RULES_BY_NAME else part.upper()
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


def run_render(args) -> int:
    from renderers.render import RenderRequest, render_model
    from toc.checker import check_file
    from toc.views import View

    output_format = args.format or _suffix_format(args.output)
    if args.output == "-" and output_format in ("svg", "png", "pdf") and sys.stdout.isatty():
        raise UsageError(f"will not write {output_format} to a terminal; give a file with -o")
    report = check_file(args.model)
    if report.model is None:
        from renderers.findings import render_text

        sys.stderr.write(render_text([report]))
        print(f"toc: cannot draw {args.model}: it does not load (see the findings above)", file=sys.stderr)
        return 1
    model = report.model
    if args.focus is not None and args.focus not in model.nodes:
        hint = did_you_mean(args.focus, model.nodes)
        raise UsageError(f'--focus: no node "{args.focus}" in {args.model}' + (f"; {hint}" if hint else ""))
    if args.depth is not None and (args.focus is None or args.depth < 0):
        raise UsageError("--depth needs --focus and a number of links (0 or more)")
    direction = "upstream" if args.upstream else "downstream" if args.downstream else "both"
    view = View(focus=args.focus, depth=args.depth, direction=direction, hide=frozenset(args.hide))
    request = RenderRequest(
        output_format=output_format, view=view, findings=tuple(report.findings) if args.findings else None,
        workshop=args.workshop, page=args.page, group_by=args.group_by,
    )
    errors = sum(1 for finding in report.findings if finding.severity == "error")
    if errors:
        print(f"toc: note: {args.model} has {errors} error(s); drawing what loads (run `toc check`)", file=sys.stderr)
    write_output(args.output, render_model(model, request), protected=(args.model,))
    return 0


def _suffix_format(output: str) -> str:
    if output == "-":
        return "dot"
    suffix = os.path.splitext(output)[1].lower().lstrip(".")
    aliases = {"gv": "dot", "mermaid": "mmd", "markdown": "md"}
    suffix = aliases.get(suffix, suffix)
    if suffix not in RENDER_FORMATS:
        raise UsageError(f"cannot tell the format of {output!r} from its suffix; use one of "
                         + ", ".join("." + name for name in RENDER_FORMATS) + " or --format")
    return suffix


COMMANDS = {"check": run_check, "rules": run_rules, "render": run_render, "schema": run_schema}
