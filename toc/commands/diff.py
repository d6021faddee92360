"""`toc diff`: what changed between two versions of a model, in words a workshop understands."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from toc.commands.common import COLOR_HELP, UsageError, colour_wanted, format_of_output, write_and_say

DIFF_EPILOG = """\
examples:
  toc diff sefton-draft.toc.yaml sefton.toc.yaml        two files
  toc diff git:HEAD~1:model.toc.yaml model.toc.yaml     the last commit against your copy
  toc diff git:v1:model.toc.yaml git:main:model.toc.yaml  two revisions
  toc diff --format markdown -o changes.md old.toc.yaml new.toc.yaml   for a PR or workshop note
  toc diff --format json old.toc.yaml new.toc.yaml      for tools

A git:REV:PATH argument reads PATH (relative to the current directory) as it
was at revision REV. As a git difftool, once:
  git config difftool.toc.cmd 'toc diff "$LOCAL" "$REMOTE"'
then: git difftool -y -t toc HEAD~1 -- model.toc.yaml

It compares every field of the format (docs/format.md): boxes added, removed,
renamed (same type and label, new id) or changed (label, type and stage,
methods, service details such as delivery...); links; indicators added,
removed, moved or changed (instrument, baseline, target...); needs figures;
shared assumptions; pathway levels and populations; the evaluation plan and
its questions; the model's own methods and measures; catalogues and check
settings; and the findings of `toc check` that the change introduced or
resolved. Comments, key order and layout are not changes. In JSON, infinite
and NaN numbers are the strings "inf", "-inf" and "nan".

exit codes: 0 done (with --exit-code: no changes), 1 changes found (only with
--exit-code), 2 a model cannot be read (its findings are shown) or a usage error,
so that a script never takes a broken model for a changed one.
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "diff", help="what changed between two versions of a model (boxes, links, indicators, findings)",
        description="Compare two versions of a theory-of-change model by meaning, not by text.",
        epilog=DIFF_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version: a file, or git:REV:PATH")
    parser.add_argument("new", metavar="NEW", help="the later version: a file, or git:REV:PATH")
    parser.add_argument("--format", choices=("text", "markdown", "json"),
                        help="text for the terminal (default), markdown for a pull request or notes, json for tools "
                             "(with -o, .md and .json files get those formats)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help=COLOR_HELP)
    parser.add_argument("--exit-code", action="store_true", help="exit 1 when the models differ, like git diff")
    parser.add_argument("-o", "--output", metavar="FILE", default="-", help="write to FILE instead of standard output")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.renderers.diff import FORMATS, render_text
    from toc.renderers.findings import FORMATS as FINDING_FORMATS
    from toc.diff import diff_models

    # -o changes.md or -o changes.json says the format; anything else is text unless --format says otherwise.
    chosen = format_of_output(args.output, ("md", "json"), given=args.format, on_stdout="text", otherwise="text")
    args.format = "markdown" if chosen == "md" else chosen
    old, new = _report(args.old), _report(args.new)
    unreadable = [report for report in (old, new) if report.model is None]
    if unreadable:
        sys.stderr.write(FINDING_FORMATS["text"](unreadable, colour=False, hints=True))
        return 2  # not 1: with --exit-code, 1 means "the models differ"
    diff = diff_models(old.model, new.model, old.findings, new.findings, old_name=args.old, new_name=args.new)
    if args.format == "text":
        text = render_text(diff, colour=colour_wanted(args.color, args.output))
    else:
        text = FORMATS[args.format](diff)
    protected = tuple(path for path in (args.old, args.new) if not path.startswith("git:"))
    write_and_say(args, args.output, text, protected=protected)
    return 1 if args.exit_code and not diff.is_empty else 0


def _report(argument: str):
    from toc.checker import check_file, check_text
    from toc.limits import Limits

    if argument.startswith("git:"):
        # The old version's catalogue files are read from the working tree, beside the model.
        folder = os.path.dirname(argument[len("git:"):].partition(":")[2]) or "."
        return check_text(_git_show(argument), argument, limits=Limits.from_environment(), catalogue_dir=folder)
    return check_file(argument)


def _git_show(argument: str) -> str:
    """The text of git:REV:PATH, PATH relative to the current directory."""
    revision, colon, path = argument[len("git:"):].partition(":")
    if not colon or not revision or not path:
        raise UsageError(f"{argument}: write git:REVISION:PATH, e.g. git:HEAD~1:model.toc.yaml")
    if revision.startswith("-"):
        # git would read it as an option (git:--output=FILE:... writes a file), never a revision.
        raise UsageError(f"{argument}: a revision cannot start with '-'")
    if not path.startswith(("./", "../", "/")):
        path = "./" + path  # git reads paths after the colon from the repository root otherwise
    try:
        # --end-of-options: whatever follows is a revision, never an option (git 2.24+).
        shown = subprocess.run(["git", "show", "--end-of-options", f"{revision}:{path}"], capture_output=True,
                               check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed, so git:REV:PATH cannot be read") from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"{argument}: {reason[-1] if reason else 'git show failed'}")
    try:
        return shown.stdout.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        raise UsageError(f"{argument}: not UTF-8 text") from None
