"""What every command shares: the usage error, the parsing of rule codes, and what a command
says on stderr after it has written a file ("wrote FILE", silenced by --quiet)."""

from __future__ import annotations

from toc.errors import UserError
from toc.suggest import did_you_mean


class UsageError(UserError):
    """An unusable argument or path: printed as one line, exit 2."""


def rule_codes(values: list[str]) -> tuple[str, ...]:
    """Codes, prefixes or rule names from repeatable comma-separated options, checked."""
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


def checked_model(path: str, doing: str, note: str):
    """Load and check a model for a command that works on it (render, spec, pathway).

    Returns the report, or None when the file does not load: its findings are then
    on stderr with one line saying what could not be done. When the file loads
    with errors, one note says so (``note`` says what the command does anyway).
    """
    import sys

    from toc.checker import ProjectSettings, Selection, check_file
    from toc.project_config import config_for_file

    # The project configuration applies here as in `toc check`, so `render --findings` and
    # the specification's annex show what `toc check` shows.
    config = config_for_file(path)
    if config is None:
        report = check_file(path)
    else:
        report = check_file(path, Selection(select=config.select),
                            project=ProjectSettings(ignore=config.ignore, severity=config.severity))
    if report.model is None:
        from toc.renderers.findings import render_text

        sys.stderr.write(render_text([report]))
        print(f"toc: cannot {doing} {path}: it does not load (see the findings above)", file=sys.stderr)
        return None
    errors = sum(1 for finding in report.findings if finding.severity == "error")
    if errors:
        print(f"toc: note: {path} has {errors} error(s); {note} (run `toc check`)", file=sys.stderr)
    return report


# Other spellings of a suffix, for every command that takes its format from -o's suffix.
SUFFIX_ALIASES = {"gv": "dot", "mermaid": "mmd", "markdown": "md", "text": "txt", "htm": "html"}


def format_of_output(path: str, choices: tuple[str, ...], *, given: str | None = None,
                     on_stdout: str | None = None, otherwise: str | None = None,
                     has_format_option: bool = True) -> str:
    """The format to write: ``given`` (--format) if any, else from the suffix of ``path``;
    ``on_stdout`` when the path is ``-``; ``otherwise`` for a suffix that names none of the
    ``choices`` (else that is a usage error). The one place a suffix becomes a format."""
    import os

    if given:
        return given
    if path == "-" and on_stdout:
        return on_stdout
    suffix = os.path.splitext(path)[1].lower().lstrip(".")
    suffix = SUFFIX_ALIASES.get(suffix, suffix)
    if suffix in choices:
        return suffix
    if otherwise is not None:
        return otherwise
    raise UsageError(f"cannot tell the format of {path!r} from its suffix; use one of "
                     + ", ".join("." + name for name in choices) + (" or --format" if has_format_option else ""))


def model_inputs(path: str, model) -> tuple[str, ...]:
    """The files a command read for the model at ``path``: the model and its catalogue files,
    which no output may overwrite."""
    import os

    from toc.loading.catalogue_files import catalogue_path

    return (path, *(catalogue_path(os.path.dirname(path), reference) for reference in model.catalogues))


BINARY_FORMATS = frozenset({"svg", "png", "pdf", "xlsx", "docx"})


def refuse_binary_on_terminal(output: str, output_format: str) -> None:
    """Binary output to `-` is fine into a pipe, never onto someone's terminal."""
    import sys

    if output == "-" and output_format in BINARY_FORMATS and sys.stdout.isatty():
        raise UsageError(f"will not write {output_format} to a terminal; give a file with -o")


def say(args, message: str) -> None:
    """A status line on stderr (never stdout, which may be the output itself), unless --quiet.

    For progress and results a person reads ("wrote FILE", fmt's summary, notes); findings and
    errors are never silenced. ``args`` is the command's parsed arguments (``quiet`` is set on
    every command by toc/cli.py)."""
    import sys

    from toc.renderers.escape import terminal_text

    if not getattr(args, "quiet", False):
        print(terminal_text(message), file=sys.stderr)


def wrote(args, path: str, detail: str = "") -> None:
    """Say "wrote FILE" after a successful write, unless --quiet or FILE is a stream (`-`,
    /dev/stdout, /dev/fd/N), where the output itself is what the reader sees.

    Every command that writes a file calls this once per file, right after
    ``toc.output.write_output`` returns; ``detail`` adds words after the name
    ("wrote plan.md (3 evaluation questions)")."""
    from toc.output import is_standard_stream

    if not is_standard_stream(path):
        say(args, f"wrote {path}" + (f" {detail}" if detail else ""))


def write_and_say(args, path: str, data: str | bytes, **options) -> None:
    """``toc.output.write_output(path, data, **options)``, then ``wrote(args, path)``: the usual
    way a command writes its output."""
    from toc.output import write_output

    write_output(path, data, **options)
    wrote(args, path)


COLOR_HELP = ("colour the text format (auto: on a terminal; NO_COLOR set turns it off and FORCE_COLOR "
              "set turns it on, NO_COLOR winning; --color always/never override both)")


def colour_wanted(choice: str = "auto", output: str = "-") -> bool:
    """Whether to write ANSI colour: the one place the choice is made, for every command.

    ``--color always`` / ``never`` decide (a command-line option overrides the environment,
    as https://no-color.org asks). With ``auto``: ``NO_COLOR`` set to anything but the empty
    string turns colour off (no-color.org); else ``FORCE_COLOR`` set to anything but the empty
    string turns it on for standard output even when that is a pipe or a CI log
    (https://force-color.org); else colour goes to a terminal only. NO_COLOR wins when both
    are set, as in Python's own interpreter (3.13). A file (-o FILE) is coloured only with
    --color always."""
    import os
    import sys

    if choice in ("always", "never"):
        return choice == "always"
    if output != "-":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
