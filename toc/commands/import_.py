"""`toc import`: workshop notes (CSV, Markdown outline) into a draft model."""

from __future__ import annotations

import argparse
import sys

from toc.commands.common import UsageError, format_of_output

IMPORT_EPILOG = """\
examples:
  toc import notes.csv -o draft.toc.yaml        sticky notes typed up after a workshop
  toc import outline.md -o draft.toc.yaml       an indented Markdown outline
  toc import notes.csv                          the draft on standard output, findings on stderr

Sticky notes (CSV, one note per row): a header row naming the columns
  #, text, stage, group, leads to
(only text and stage are needed; "note", "column", "heading", "theme" and
"links to" work too). Stage is the wall's column heading: Needs, Inputs,
Activities, Outputs, Short-term / Medium-term / Long-term outcomes, Impact,
and the usual other names (Problems, Resources, What we do, Early outcomes,
Goal...). "leads to" names other notes by number (the # column, or the row
number a spreadsheet shows) or by their text; several are separated by ";".
A CSV with one column per stage (Inputs, Activities, ... in the first row,
one note per cell) works too.

Markdown outline: "## Activities" headings (or "- Need: ..." on the item), one
note per "- " item, nested "- leads to: text" for links, nested "- Output:
text" for a note the item leads to, nested "- group: Workforce".

Ids are derived from the notes' words (unique, the same every run). What toc
cannot decide is reported with its row and column (notes.csv:7:2) and never
guessed: a stage it does not know (TOC901), a "leads to" that names no note
(TOC902) or several (TOC903), a note written twice (TOC904), a row without
text (TOC905). Notes that could not be placed are listed in a comment at the
end of the draft, so nothing is lost. Run `toc check` on the draft next.
See docs/import-export.md.

exit codes: 0 imported, 1 imported with errors to look at (the draft is
still written), 2 a usage error (an unknown suffix, a missing file).
"""

NOTE_SUFFIXES = {"csv": "notes", "tsv": "notes", "txt": "notes", "md": "outline", "xlsx": "workbook"}


def register(commands) -> None:
    parser = commands.add_parser(
        "import", help="workshop notes (CSV, Markdown outline) into a draft model",
        description="Make a draft theory-of-change model from sticky notes typed up after a workshop "
                    "(CSV) or an indented Markdown outline.",
        epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="FILE", help="notes.csv, outline.md, or a workbook from toc export")
    parser.add_argument("--into", metavar="MODEL",
                        help="a workbook: the model file to apply its changes to (kept as it is with -o)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="notes: the draft model to write (default: standard output); a workbook: a new "
                             "model file to write instead of changing MODEL")
    parser.add_argument("--title", help="the draft's title (default: a Markdown outline's # heading)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.limits import Limits
    from toc.loading.source import read_bytes
    from toc.output import write_output

    kind = NOTE_SUFFIXES[format_of_output(args.source, tuple(NOTE_SUFFIXES), has_format_option=False)]
    data = read_bytes(args.source, Limits.from_environment())
    if not isinstance(data, bytes):  # too big: a finding
        return _report(args.source, [data])
    if kind == "workbook":
        return _import_workbook(args, data)
    if args.into:
        raise UsageError("--into applies a workbook from toc export; notes and outlines make a new draft: use -o")
    args.output = args.output or "-"
    if kind == "notes":
        from toc.capture.notes import read_notes

        draft = read_notes(data, args.source, args.title)
    else:
        from toc.capture.outline import read_outline

        draft = read_outline(data, args.source, args.title)
    write_output(args.output, draft.text, protected=(args.source,))
    status = _report(args.source, draft.findings)
    if args.output != "-":
        from toc.renderers.escape import terminal_text

        print(f"wrote {terminal_text(args.output)}: {draft.boxes} boxes, {draft.links} links "
              f"(next: toc check {terminal_text(args.output)})", file=sys.stderr)
    return status


def _report(path: str, findings) -> int:
    """The findings on stderr (nothing when there are none); 1 when any is an error."""
    if not findings:
        return 0
    from toc.checker import FileReport
    from toc.renderers.findings import render_text

    sys.stderr.write(render_text([FileReport(path, None, list(findings))], colour=False))
    return 1 if any(finding.severity == "error" for finding in findings) else 0


def _import_workbook(args, data: bytes) -> int:
    """The workbook's changes applied to --into MODEL (or to an empty model), the diff printed."""
    from toc.capture.sheets import read_workbook
    from toc.checker import check_file, check_text
    from toc.editing import content_hash, edit_file, edit_text
    from toc.renderers.escape import terminal_text
    from toc.sheet_import import plan_changes

    if not args.into and not args.output:
        raise UsageError("give --into MODEL to apply the workbook's changes to a model, or -o NEW.toc.yaml "
                         "for a new model made from the workbook")
    workbook, findings = read_workbook(data, args.source)
    if workbook is None:
        _report(args.source, findings)
        print("toc: nothing applied: the workbook cannot be read back (see above)", file=sys.stderr)
        return 1
    if args.into:
        with open(args.into, "rb") as stream:
            before = stream.read()
        old = check_file(args.into)
        base = before.decode("utf-8-sig") if old.model is not None else ""
    else:
        title = workbook.title or "Imported from " + args.source
        base = f"toc: 1\ntitle: {_quoted(title)}\nnodes:\n"
        old = check_text(base, args.output)
    if old.model is None:
        from toc.renderers.findings import render_text

        sys.stderr.write(render_text([old]))
        print(f"toc: cannot apply the workbook to {terminal_text(args.into)}: it does not load", file=sys.stderr)
        return 1
    plan = plan_changes(old.model, workbook)
    if plan.findings:
        _report(args.source, plan.findings)
        print("toc: nothing applied: correct the cells above and import again", file=sys.stderr)
        return 1
    target = args.output or args.into
    if plan.is_empty and args.into and not args.output:
        print(f"no changes: {terminal_text(args.into)} already says what the workbook says", file=sys.stderr)
        return 0
    if args.output:
        from toc.output import write_output

        new_text, _ = edit_text(base, plan.apply, target)
        write_output(args.output, new_text, protected=tuple(filter(None, (args.source, args.into))))
    else:
        # Only if the file is still the version read above: never over someone's newer save.
        outcome = edit_file(args.into, content_hash(before), plan.apply)
        new_text = outcome.after.decode("utf-8-sig")
    new = check_text(new_text, target, catalogue_dir=_folder(target))
    before_name = f"{args.into} (before)" if args.into == target else (args.into or "(empty model)")
    _print_diff(old, new, before_name, target)
    print(f"wrote {terminal_text(target)}", file=sys.stderr)
    return 0


def _quoted(text: str) -> str:
    from toc.capture.draft import yaml_text

    return yaml_text(text)


def _folder(path: str) -> str:
    import os

    return os.path.dirname(path) or "."


def _print_diff(old, new, old_name: str, new_name: str) -> None:
    from toc.diff import diff_models
    from toc.renderers.diff import render_text

    diff = diff_models(old.model, new.model, old.findings, new.findings, old_name=old_name, new_name=new_name)
    sys.stdout.write(render_text(diff, colour=False))
