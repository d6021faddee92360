"""The `toc` command line: parses arguments, calls the command, prints, exits.

Each command lives in its own module under toc/commands/. Exit codes: 0 success
/ no failing findings, 1 failing findings, 2 a usage error or an unreadable
input (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

import toc
from toc.commands import COMMAND_NAMES, load
from toc.commands.common import UsageError
from toc.errors import UserError
from toc.gc_pause import collector_paused
from toc.renderers.escape import terminal_text

DESCRIPTION = """\
toc turns theories of change written as YAML into something you can check,
draw, compare and evaluate. Start with a commented starter model and its checks:
`toc init our-area.toc.yaml && toc check our-area.toc.yaml`; then `toc COMMAND --help`.
"""


EPILOG = """\
every command: -q/--quiet silences "wrote FILE" lines and summaries; NO_COLOR
and FORCE_COLOR are honoured (NO_COLOR wins). Settings shared by a project's
models: pyproject.toml [tool.toc], toc.toml or .toc.yaml (docs/configuration.md).
Tab completion for bash, zsh and fish: `toc completion --help`.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the house rules ask
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv`` naming a command, only that command's module is imported."""
    parser = _Parser(prog="toc", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"toc {toc.__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name in COMMAND_NAMES:
        if chosen in COMMAND_NAMES and name != chosen:
            commands.add_parser(name)  # a placeholder keeps the list of choices whole, at no cost
        else:
            load(name).register(commands)
    for subparser in commands.choices.values():
        add_quiet(subparser)
    return parser


QUIET_HELP = 'no "wrote FILE" lines or summaries on stderr (findings, notes and errors still show)'


def add_quiet(parser: argparse.ArgumentParser) -> None:
    """Every command takes -q/--quiet (`toc render -q ...` or `toc -q render ...`), added here so
    that no command can miss it. SUPPRESS as the default: the command's parser then leaves the
    value `toc -q` set alone instead of overwriting it with False."""
    if "--quiet" not in parser._option_string_actions:
        parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=QUIET_HELP)


def install_signal_handlers() -> None:
    """SIGTERM (sent by `timeout`, CI runners, service managers) unwinds like Ctrl-C.

    Unwinding runs the writer's clean-up, so no temporary file is left behind.
    """
    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)


def escape_what_streams_cannot_encode() -> None:
    """On a terminal or log that is not UTF-8 (PYTHONIOENCODING=ascii, a Windows code page),
    write characters it cannot show as visible escapes (\\u2192) instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if argv is None:  # run as the program, not called from a test or another program
        install_signal_handlers()
        escape_what_streams_cannot_encode()
    parser = build_parser(arguments)
    from toc.project_config import clear_cache

    clear_cache()  # each run reads the project configuration afresh (tests run many in one process)
    try:
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        if args.command == "serve":  # long-running: the collector must keep collecting
            status = args.run(args)
        else:
            # The one place the collector is paused: a command allocates many small objects
            # that all live until it ends (composed nodes, the model, graph dictionaries,
            # findings); rescanning them made big checks a third slower and loading superlinear.
            with collector_paused():
                status = args.run(args)
        sys.stdout.flush()  # a closed pipe is then met here, not at exit
        return status
    except UserError as error:
        print(f"toc: error: {terminal_text(error)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # (before OSError, which it is a kind of)
        # The reader (e.g. `| head`) went away; nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a file named by the error, else standard output (e.g. a full disk)
        where = f"{terminal_text(str(error.filename))}: " if error.filename else "cannot write output: "
        print(f"toc: error: {where}{error.strerror or terminal_text(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("toc: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug in toc: one line, and the traceback on request
        if os.environ.get("TOC_DEBUG"):
            raise
        print(f"toc: internal error: {type(error).__name__}: {terminal_text(error)} "
              "(this is a bug in toc; rerun with TOC_DEBUG=1 and report the traceback)", file=sys.stderr)
        return 2
