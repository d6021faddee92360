"""`toc export`: a model as a workbook to edit in Excel or LibreOffice and bring back with `toc import`."""

from __future__ import annotations

import argparse

from toc.commands.common import checked_model, format_of_output, model_inputs, refuse_binary_on_terminal

EXPORT_EPILOG = """\
examples:
  toc export wirral.toc.yaml -o wirral.xlsx             the workbook to edit
  toc import wirral.xlsx --into wirral.toc.yaml         bring the edits back (prints what changed)
  toc import wirral.xlsx --into wirral.toc.yaml -o new.toc.yaml   ... into a new file instead

Sheets: Boxes (id, type, term, label, group, description), Links (from, to,
assumption, evidence, assumptions, feedback), Indicators (box, id, measure,
source, owner, frequency, unit, baseline, target, availability, notes),
Questions (id, kind, text, boxes, methods, owner, timing), and How to edit.
Every row carries its ids, so rows can be sorted and filtered; choices (type,
term, evidence, availability, kind) are drop-down lists; headers are frozen;
sheets print landscape, one page wide. Text that a spreadsheet would run as a
formula (starting = + - @) is written with a leading ' and comes back without
it. Other fields of the model (services, figures, methods...) are not in the
workbook and are left as they are by `toc import`. The same model always gives
the same bytes. See docs/import-export.md.
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "export", help="a model as a workbook (boxes, links, indicators, questions) to edit and import back",
        description="Write a model as an Excel workbook that officers can edit; `toc import --into` brings "
                    "the changes back into the model file.",
        epilog=EXPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file (.toc.yaml)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the workbook to write (.xlsx)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.model_xlsx import render_model_xlsx
    from toc.output import write_output

    output_format = format_of_output(args.output, ("xlsx",), has_format_option=False)
    refuse_binary_on_terminal(args.output, output_format)
    report = checked_model(args.model, "export", "exporting what loads")
    if report is None:
        return 1
    model = report.model
    write_output(args.output, render_model_xlsx(model, model.display_name),
                 protected=model_inputs(args.model, model))
    return 0
