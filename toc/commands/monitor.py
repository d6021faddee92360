"""`toc monitor`: a progress report from the actuals beside a model."""

from __future__ import annotations

import argparse
import os
import sys

from toc.commands.common import UsageError, format_of_output, model_inputs, refuse_binary_on_terminal, write_and_say

MONITOR_EPILOG = """\
examples:
  toc monitor examples/sefton.toc.yaml -o report.html      for the partnership board
  toc monitor examples/sefton.toc.yaml                     the report as Markdown, in the terminal
  toc monitor model.toc.yaml -o report.docx                a Word document
  toc monitor model.toc.yaml -o progress.xlsx              every indicator and value, sheet by sheet
  toc monitor model.toc.yaml -o progress.json              for other tools (docs/monitoring.md)
  toc monitor model.toc.yaml --actuals 2025-q3.csv -o report.html
  toc monitor regional.toc.yaml --area Leicester -o leicester.html

The model's `monitoring:` section names the plan period and the actuals files
(CSV or XLSX: indicator, period, value, optional area and note); --actuals adds
files, whose rows replace the model's files' rows for the same indicator, period
and area. Each indicator's latest value is compared with the value expected then
(its trajectory, or a straight line from baseline to target): on track, at risk
(within `tolerance:`), off track, or no data. A link from a box on track to one
off track is suspect: its assumption is the one to examine. Problems in the
actuals (TOC800-TOC806, also reported by `toc check`) are listed in the report.
See docs/monitoring.md.
"""
MONITOR_FORMATS = ("html", "md", "json", "xlsx", "docx")


def register(commands) -> None:
    parser = commands.add_parser(
        "monitor", help="a progress report: actuals against the plan, status along the causal chain",
        description="Compare the actuals beside a model with what its plan expected by now, and report which "
                    "outcomes are off track and which assumptions to examine. The format comes from the "
                    "output's suffix.",
        epilog=MONITOR_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file")
    parser.add_argument("-o", "--output", metavar="OUT", default="-",
                        help="output file: .html .md .json .xlsx .docx; default: Markdown in the terminal")
    parser.add_argument("--format", choices=MONITOR_FORMATS, help="output format when the suffix cannot say")
    parser.add_argument("--actuals", metavar="FILE", action="append", default=[],
                        help="another actuals file (.csv or .xlsx), read after the model's own; repeatable")
    parser.add_argument("--area", metavar="NAME",
                        help="the area to report on, when the actuals have an area column")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.checker import ProjectSettings, Selection, check_file
    from toc.monitoring import area_summaries, progress
    from toc.project_config import config_for_file

    output_format = format_of_output(args.output, MONITOR_FORMATS, given=args.format, on_stdout="md")
    refuse_binary_on_terminal(args.output, output_format)
    extra = tuple(args.actuals)
    for path in extra:
        if not path.lower().endswith((".csv", ".xlsx")):
            raise UsageError(f"--actuals {path}: give a .csv or .xlsx file")
        if not os.path.isfile(path):
            raise UsageError(f"--actuals {path}: no such file")
    # The project configuration applies as in `toc check`, so the data problems are those it shows.
    config = config_for_file(args.model)
    if config is None:
        report = check_file(args.model, actuals=extra)
    else:
        report = check_file(args.model, Selection(select=config.select), actuals=extra,
                            project=ProjectSettings(ignore=config.ignore, severity=config.severity))
    model = report.model
    if model is None:
        from toc.renderers.findings import render_text

        sys.stderr.write(render_text([report]))
        print(f"toc: cannot report on {args.model}: it does not load (see the findings above)", file=sys.stderr)
        return 1
    if model.monitoring is None:
        raise UsageError(f"{args.model} has no `monitoring:` section: add one with start, end and actuals "
                         "(see `toc monitor --help` and docs/monitoring.md)")
    data_problems = [finding for finding in report.findings if _about_actuals(finding, model)]
    errors = sum(1 for finding in report.findings if finding.severity == "error" and finding not in data_problems)
    if errors:
        print(f"toc: note: {args.model} has {errors} error(s); reporting on what loads (run `toc check`)",
              file=sys.stderr)
    areas = model.actuals.areas if model.actuals else []
    area = args.area
    if area is not None and area not in areas:
        from toc.suggest import did_you_mean

        named = [name for name in areas if name]
        hint = did_you_mean(area, named)
        raise UsageError(f"--area {area}: no figures for that area" + (f"; {hint}" if hint else "")
                         + (f" (areas: {', '.join(named[:10])}{'...' if len(named) > 10 else ''})" if named else
                            " (the actuals have no area column)"))
    result = progress(model, area or "")
    summaries = area_summaries(model) if any(areas) else []
    protected = (*model_inputs(args.model, model), *(source.path for source in (model.actuals.files
                                                                                if model.actuals else ())))
    write_and_say(args, args.output, _render(model, result, data_problems, summaries, output_format),
                  protected=protected)
    return 0


def _about_actuals(finding, model) -> bool:
    """Findings about the data rather than the model: in an actuals file, or TOC80x about a file name."""
    if finding.code.startswith("TOC80"):
        return True
    files = {source.path for source in model.actuals.files} if model.actuals else set()
    return finding.location.path in files


def _render(model, result, problems, summaries, output_format: str) -> str | bytes:
    from toc.pathway import build_matrix, uses_pathway
    from toc.renderers.monitor.content import build_report

    # Demand against capacity, level by level, where the model's pathway gives them.
    matrix = build_matrix(model) if uses_pathway(model) else None
    demand = matrix.demand if matrix is not None else []
    if output_format == "json":
        from toc.renderers.monitor.content import headline
        from toc.renderers.monitor.json_report import render_monitor_json

        return render_monitor_json(model, result, problems, summaries, headline(model, result), demand)
    from toc.renderers.pathway_tables import demand_lines

    report = build_report(model, result, problems, summaries, demand_lines(matrix) if demand else [])
    if output_format == "html":
        from toc.renderers.monitor.html_report import render_monitor_html

        return render_monitor_html(report)
    if output_format == "md":
        from toc.renderers.monitor.document import render_monitor_markdown

        return render_monitor_markdown(report)
    if output_format == "docx":
        from toc.renderers.monitor.document import render_monitor_docx

        return render_monitor_docx(report)
    from toc.renderers.monitor.xlsx_report import render_monitor_xlsx

    links = [(link.link.source, link.link.target, link.flag or "", link.as_at.text if link.as_at else "")
             for link in result.links]
    return render_monitor_xlsx(report, links)
