"""Every command that writes a file says "wrote FILE" on stderr; -q/--quiet silences it.

Standard output (`-o -`) is never announced: it is the output itself.
"""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from toc.cli import build_parser, main

WIRRAL = str(EXAMPLES / "wirral.toc.yaml")
KIRKLEES = str(EXAMPLES / "kirklees.toc.yaml")
LEICESTER = str(EXAMPLES / "leicester-city.toc.yaml")


def _commands(out):
    """(arguments, the files they write) for every command that writes files."""
    return [
        (["render", WIRRAL, "-o", f"{out}/w.dot"], ["w.dot"]),
        (["render", WIRRAL, "-o", f"{out}/w.md"], ["w.md"]),
        (["spec", WIRRAL, "-o", f"{out}/spec.json", "--matrix", f"{out}/matrix.csv"], ["spec.json", "matrix.csv"]),
        (["pathway", LEICESTER, "-o", f"{out}/pathway.csv"], ["pathway.csv"]),
        (["needs", WIRRAL, LEICESTER, "-o", f"{out}/needs.csv"], ["needs.csv"]),
        (["compare", WIRRAL, KIRKLEES, "-o", f"{out}/compare.csv"], ["compare.csv"]),
        (["check", WIRRAL, "-o", f"{out}/report.json"], ["report.json"]),
        (["diff", WIRRAL, KIRKLEES, "-o", f"{out}/diff.md"], ["diff.md"]),
        (["schema", "-o", f"{out}/schema.json"], ["schema.json"]),
        (["init", f"{out}/new.toc.yaml"], ["new.toc.yaml"]),
    ]


@pytest.mark.parametrize("index", range(10))
def test_each_command_says_what_it_wrote_and_is_silent_with_quiet(tmp_path, capsys, index):
    arguments, written = _commands(tmp_path)[index]
    assert main(arguments) in (0, 1)
    err = capsys.readouterr().err
    for name in written:
        assert (tmp_path / name).is_file()
        assert f"wrote {tmp_path / name}" in err
        (tmp_path / name).unlink()
    for quiet in (["-q", *arguments], [arguments[0], "--quiet", *arguments[1:]]):
        assert main(quiet) in (0, 1)
        err = capsys.readouterr().err
        assert "wrote" not in err, quiet
        for name in written:
            assert (tmp_path / name).is_file()
            (tmp_path / name).unlink()


def test_standard_output_is_not_announced(capsys):
    assert main(["render", WIRRAL, "-o", "-", "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("#") and "wrote" not in captured.err


def test_fmt_says_wrote_for_each_rewritten_file_then_counts(tmp_path, capsys):
    messy = tmp_path / "messy.toc.yaml"
    messy.write_text("toc: 1\nnodes:\n  a: {label: A, type: impact}\ntitle: Messy\n")
    tidy = tmp_path / "tidy.toc.yaml"
    tidy.write_text("toc: 1\ntitle: Tidy\nnodes:\n  a: {type: impact, label: A}\n")
    assert main(["fmt", str(tmp_path)]) == 0
    assert capsys.readouterr().err.splitlines() == [f"wrote {messy}", "reformatted 1 of 2 files"]
    messy.write_text("toc: 1\nnodes:\n  a: {label: A, type: impact}\ntitle: Messy\n")
    assert main(["fmt", "-q", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    assert messy.read_text().startswith("toc: 1\ntitle: Messy\n")


def test_every_command_takes_quiet():
    """Including commands added later: toc/cli.py adds the option to every subparser."""
    from toc.commands import COMMAND_NAMES

    for name in COMMAND_NAMES:
        parser = build_parser([name])
        action = parser._subparsers._group_actions[0].choices[name]._option_string_actions
        assert "--quiet" in action and "-q" in action, name


def test_a_file_name_with_control_characters_is_shown_not_obeyed(tmp_path, capsys):
    target = tmp_path / "evil\x1b[2J.dot"
    assert main(["render", WIRRAL, "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "evil\\x1b[2J.dot" in err
