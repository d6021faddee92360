"""`toc fmt`: rewrite models in canonical key order and indentation, keeping every comment."""

from __future__ import annotations

import argparse
import bisect
import collections
import difflib
import io
import sys

FMT_EPILOG = """\
examples:
  toc fmt model.toc.yaml           rewrite the file in place (atomically)
  toc fmt models/                  every *.toc.yaml / *.toc.yml under a directory
  toc fmt --check .                in CI or pre-commit: exit 1 and show a diff if
                                   any file is not formatted; change nothing
  toc fmt --diff model.toc.yaml    show what would change; change nothing
  toc fmt - < in.yaml > out.yaml   a filter, for editors
  toc fmt --check - < in.yaml      exit 1 with a diff if standard input is not formatted

What it does: keys in the order of the format's field tables (toc/fields.py)
  top level: {TOP_ORDER}, ...
  a node:    {NODE_ORDER}, ...
and unknown keys after the known ones; 2-space indentation with list dashes
indented under their key. Comments and blank lines move with the key below
them. Only the spaces that start a line change: text,
quotes and escapes, comments (also inside [...] and {...}), anchors, long lines,
--- and ..., and line endings (LF or CRLF) are kept as written. Running it twice
changes nothing the second time, and it never writes a file whose model would
mean something different or that would lose the text of any line.

exit codes: 0 done (or, with --check, nothing to change), 1 a file would change
(--check) or cannot be formatted (a YAML error or duplicate key: fix it first;
a complex key such as `? [a]`), 2 usage error or unreadable file.
"""


def _epilog() -> str:
    """The epilog, with the key order read from the field tables, which toc fmt follows."""
    from toc.fields import SECTIONS, field_names

    return FMT_EPILOG.replace("{TOP_ORDER}", ", ".join(field_names(SECTIONS["top level"])[:3])).replace(
        "{NODE_ORDER}", ", ".join(field_names(SECTIONS["node"])[:4]))


def register(commands) -> None:
    parser = commands.add_parser(
        "fmt", help="put models in canonical key order and indentation, keeping comments",
        description="Format theory-of-change models: canonical key order and indentation, every comment kept.",
        epilog=_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="model files, directories to search for *.toc.yaml and *.toc.yml, or - for standard input")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 with a unified diff if any file would change")
    mode.add_argument("--diff", action="store_true", help="change nothing; print what would change")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="with -: the name messages and diffs give the model (default <stdin>)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.commands.common import UsageError, say, write_and_say
    from toc.renderers.escape import terminal_text
    from toc.reformat import FormatRefused, format_text
    from toc.loading.source import decode, read_bytes, read_stream
    from toc.limits import Limits
    from toc.paths import model_files
    from toc.project_config import excluded_by_config

    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("- (standard input) cannot be combined with other paths")
    if args.stdin_filename and args.paths != ["-"]:
        raise UsageError("--stdin-filename goes with - (the model on standard input)")
    files = ["-"] if args.paths == ["-"] else model_files(
        args.paths, quiet=getattr(args, "quiet", False), excluded=excluded_by_config)
    limits = Limits.from_environment()
    status = 0
    changed = []
    refused = 0
    for path in files:
        data = None
        name = (args.stdin_filename or "<stdin>") if path == "-" else path  # what messages call it
        if path == "-":
            # Bytes, not text mode, which would turn CRLF line endings into LF.
            stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else io.BytesIO(sys.stdin.read().encode("utf-8"))
            raw = read_stream(stream, name, limits)
            text = raw if not isinstance(raw, bytes) else decode(raw, name)
        else:
            raw = data = read_bytes(path, limits)
            text = data if not isinstance(data, bytes) else decode(data, path)
        if not isinstance(text, str):  # a Finding: unreadable as a model
            print(f"{text.location}: cannot format: {text.message}", file=sys.stderr)
            status, refused = 1, refused + 1
            continue
        try:
            formatted = format_text(text, limits)
        except FormatRefused as reason:
            print(f"{terminal_text(name)}:{reason.line}:{reason.column}: cannot format: {reason}", file=sys.stderr)
            status, refused = 1, refused + 1
            continue
        # decode() takes a UTF-8 byte-order mark off; a file that had one keeps it.
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        text, formatted = bom + text, bom + formatted
        if path == "-" and not (args.check or args.diff):
            sys.stdout.write(formatted)  # a filter: the formatted text, changed or not
            continue
        if formatted == text:
            continue
        changed.append(name)
        if args.check or args.diff:
            sys.stdout.writelines(unified_diff(
                text.splitlines(keepends=True), formatted.splitlines(keepends=True),
                fromfile=name, tofile=f"{name} (formatted)",
            ))
        else:
            # Refused if the file changed on disk since it was read: never lose newer work.
            write_and_say(args, path, formatted, unchanged_since=data if isinstance(data, bytes) else None)
    if files != ["-"]:
        checking = args.check or args.diff
        verb = "would reformat" if checking else "reformatted"
        # (When files were written, each has had its "wrote FILE" line; the summary only counts.)
        say(args, f"{verb} {len(changed)} of {len(files)} file{'s' if len(files) != 1 else ''}"
            + (": " + ", ".join(changed) if checking and changed and len(changed) <= 5 else "")
            + (f"; {refused} could not be formatted (see above)" if refused else ""))
    if args.check and changed:
        status = 1
    return status


# ---------------------------------------------------------------- the diff
def unified_diff(before: list[str], after: list[str], fromfile: str, tofile: str, context: int = 3):
    """Lines of a unified diff, as ``difflib.unified_diff`` writes it, in about linear time.

    difflib's matcher is quadratic in the lines that differ: on a big model whose
    keys all move it took longer than formatting (11 s of 39 s at 6,000 nodes).
    Formatting keeps every line and moves keys only within their node, so lines
    that occur once in each text (node ids, labels) pair up in order and cut the
    diff into small pieces; difflib matches each piece.
    """
    started = False
    for group in _AnchoredMatcher(None, before, after, autojunk=False).get_grouped_opcodes(context):
        if not started:
            started = True
            yield f"--- {fromfile}\n"
            yield f"+++ {tofile}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_hunk_range(first[1], last[2])} +{_hunk_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in before[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in before[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in after[j1:j2])


def _hunk_range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it (difflib's own rule)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


class _AnchoredMatcher(difflib.SequenceMatcher):
    """A SequenceMatcher whose matches are anchored on lines unique to both sides (patience diff)."""

    def get_matching_blocks(self):
        if self.matching_blocks is None:
            blocks: list[tuple[int, int, int]] = []
            for i, j in _unique_common_lines(self.a, self.b) + [(len(self.a), len(self.b))]:
                low_a, low_b = (blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]) if blocks else (0, 0)
                gap = difflib.SequenceMatcher(None, self.a[low_a:i], self.b[low_b:j], autojunk=False)
                blocks += [(low_a + a, low_b + b, size) for a, b, size in gap.get_matching_blocks() if size]
                if i < len(self.a):
                    blocks.append((i, j, 1))
            merged: list[tuple[int, int, int]] = []
            for a, b, size in blocks:
                if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
                    merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
                else:
                    merged.append((a, b, size))
            self.matching_blocks = [difflib.Match(*block) for block in merged + [(len(self.a), len(self.b), 0)]]
        return self.matching_blocks


def _unique_common_lines(before: list[str], after: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of lines found once in each list, the longest run of them in the same order."""
    count_before = collections.Counter(before)
    count_after = collections.Counter(after)
    where_after = {line: j for j, line in enumerate(after) if count_after[line] == 1}
    pairs = [(i, where_after[line]) for i, line in enumerate(before)
             if count_before[line] == 1 and line in where_after]
    # Longest increasing subsequence of the j's (patience sorting, n log n).
    tails: list[int] = []  # tails[k]: the pair ending the increasing run of length k + 1 with the smallest j
    tail_js: list[int] = []  # the j of each of those pairs, for bisect
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tail_js, j)
        if k:
            previous[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
            tail_js.append(j)
        else:
            tails[k], tail_js[k] = index, j
    chain, at = [], tails[-1] if tails else -1
    while at >= 0:
        chain.append(pairs[at])
        at = previous[at]
    return chain[::-1]
