"""`toc completion`: a shell completion script for bash, zsh or fish (made by shtab)."""

from __future__ import annotations

import argparse

from toc.commands.common import write_and_say

SHELLS = ("bash", "zsh", "fish")

COMPLETION_EPILOG = """\
install, once (then open a new shell):
  bash   toc completion bash > ~/.local/share/bash-completion/completions/toc
  zsh    toc completion zsh > ~/.zfunc/_toc     with fpath+=(~/.zfunc) before
                                                compinit in ~/.zshrc
  fish   toc completion fish > ~/.config/fish/completions/toc.fish

It completes commands, options, their choices (toc check --format <TAB>) and file
names where a file is expected. The script is made from toc's own arguments, so
write it again after upgrading toc.
"""

# Arguments that name files or folders, by their metavar: these complete file names.
_FILE_METAVARS = {"PATH", "MODEL", "FILE", "OUT", "OLD", "NEW"}


def register(commands) -> None:
    parser = commands.add_parser(
        "completion", help="print a shell completion script (bash, zsh or fish)",
        description="Print the completion script for a shell, to install once (see below).",
        epilog=COMPLETION_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell: bash, zsh or fish")
    parser.add_argument("-o", "--output", metavar="FILE", default="-", help="write to FILE instead of standard output")
    parser.set_defaults(run=run)


def run(args) -> int:
    write_and_say(args, args.output, completion_script(args.shell))
    return 0


def completion_script(shell: str) -> str:
    """The script for ``shell``, from the whole `toc` parser (every command's arguments)."""
    import shtab

    from toc.cli import build_parser

    parser = build_parser()
    _mark_files(parser, shtab.FILE)
    script = shtab.complete(parser, shell=shell)
    return script if script.endswith("\n") else script + "\n"


def _mark_files(parser: argparse.ArgumentParser, file_completion) -> None:
    """Tell shtab which arguments take file names (it completes nothing for them otherwise)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                _mark_files(subparser, file_completion)
        elif action.metavar in _FILE_METAVARS and not action.choices:
            action.complete = file_completion
