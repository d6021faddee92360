"""`toc fmt -`, `toc fmt --check -` and `toc fmt --diff -` each do what their flag says."""

from __future__ import annotations

import subprocess
import sys

MESSY = "toc: 1\nnodes:\n  a: {label: A, type: impact}\ntitle: Messy\n"
TIDY = "toc: 1\ntitle: Messy\nnodes:\n  a: {label: A, type: impact}\n"


def _fmt(*arguments, stdin: str):
    return subprocess.run([sys.executable, "-m", "toc", "fmt", *arguments], input=stdin.encode(),
                          capture_output=True)


def test_plain_dash_is_a_filter():
    result = _fmt("-", stdin=MESSY)
    assert (result.returncode, result.stdout.decode(), result.stderr) == (0, TIDY, b"")
    assert _fmt("-", stdin=TIDY).stdout.decode() == TIDY


def test_check_dash_exits_1_with_a_diff_and_does_not_print_the_text():
    result = _fmt("--check", "-", stdin=MESSY)
    assert result.returncode == 1
    out = result.stdout.decode()
    assert out.startswith("--- <stdin>\n+++ <stdin> (formatted)\n@@ ") and "+title: Messy\n" in out
    assert "-title: Messy\n" in out
    tidy = _fmt("--check", "-", stdin=TIDY)
    assert (tidy.returncode, tidy.stdout, tidy.stderr) == (0, b"", b"")


def test_diff_dash_prints_the_diff_and_exits_0():
    result = _fmt("--diff", "--stdin-filename", "area.toc.yaml", "-", stdin=MESSY)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("--- area.toc.yaml\n+++ area.toc.yaml (formatted)\n")
    assert _fmt("--diff", "-", stdin=TIDY).stdout == b""


def test_what_cannot_be_formatted_is_named_by_the_stdin_filename():
    result = _fmt("--check", "--stdin-filename", "area.toc.yaml", "-", stdin="a: 1\na: 2\n")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().startswith("area.toc.yaml:2:1: cannot format: ")
