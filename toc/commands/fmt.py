"""`toc fmt`: rewrite models in canonical key order and indentation, keeping every comment."""

from __future__ import annotations

import argparse
import difflib
import sys

FMT_EPILOG = """\
examples:
  toc fmt model.toc.yaml           rewrite the file in place (atomically)
  toc fmt models/                  every *.toc.yaml under a directory
  toc fmt --check .                in CI or pre-commit: exit 1 and show a diff if
                                   any file is not formatted; change nothing
  toc fmt --diff model.toc.yaml    show what would change; change nothing
  toc fmt - < in.yaml > out.yaml   a filter, for editors

What it does: keys in the order of docs/format.md (toc, title, ... nodes; in a
node type, label, term, ...; unknown keys stay, after the known ones), 2-space
indentation with list dashes indented under their key. Comments and blank lines
move with the key below them; text, quotes and long lines are kept as written.
Running it twice changes nothing the second time, and it never writes a file
whose model would mean something different.

exit codes: 0 done (or, with --check, nothing to change), 1 a file would change
(--check) or cannot be formatted (a YAML error or duplicate key: fix it first),
2 usage error or unreadable file.
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "fmt", help="put models in canonical key order and indentation, keeping comments",
        description="Format theory-of-change models: canonical key order and indentation, every comment kept.",
        epilog=FMT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="model files, directories to search for *.toc.yaml, or - for standard input")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 with a unified diff if any file would change")
    mode.add_argument("--diff", action="store_true", help="change nothing; print what would change")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.commands.common import UsageError
    from toc.reformat import FormatRefused, format_text
    from toc.loading.source import decode, read_bytes
    from toc.limits import Limits
    from toc.output import write_output
    from toc.paths import model_files

    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("- (standard input) cannot be combined with other paths")
    files = ["-"] if args.paths == ["-"] else model_files(args.paths)
    limits = Limits.from_environment()
    status = 0
    changed = []
    refused = 0
    for path in files:
        data = None
        if path == "-":
            text = sys.stdin.read()
        else:
            data = read_bytes(path, limits)
            text = data if not isinstance(data, bytes) else decode(data, path)
            if not isinstance(text, str):  # a Finding: unreadable as a model
                print(f"{text.location}: cannot format: {text.message}", file=sys.stderr)
                status, refused = 1, refused + 1
                continue
            text = text.lstrip("\ufeff")
        try:
            formatted = format_text(text)
        except FormatRefused as reason:
            print(f"{path}:{reason.line}:{reason.column}: cannot format: {reason}", file=sys.stderr)
            status, refused = 1, refused + 1
            continue
        if path == "-":
            sys.stdout.write(formatted)
            continue
        if formatted == text:
            continue
        changed.append(path)
        if args.check or args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(keepends=True), formatted.splitlines(keepends=True),
                fromfile=path, tofile=f"{path} (formatted)",
            ))
        else:
            # Refused if the file changed on disk since it was read: never lose newer work.
            write_output(path, formatted, unchanged_since=data if isinstance(data, bytes) else None)
    if path != "-" or len(files) > 1:
        verb = "would reformat" if (args.check or args.diff) else "reformatted"
        print(f"{verb} {len(changed)} of {len(files)} file{'s' if len(files) != 1 else ''}"
              + (": " + ", ".join(changed) if changed and len(changed) <= 5 else "")
              + (f"; {refused} could not be formatted (see above)" if refused else ""), file=sys.stderr)
    if args.check and changed:
        status = 1
    return status
