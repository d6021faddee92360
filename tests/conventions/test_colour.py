"""NO_COLOR (https://no-color.org) and FORCE_COLOR (https://force-color.org), with --color over both."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES
from toc.commands.common import colour_wanted

FLAWED = str(EXAMPLES / "flawed.toc.yaml")
ESC = "\x1b["


@pytest.mark.parametrize("environment, choice, output, expected", [
    ({}, "auto", "-", False),                                   # a pipe (pytest's capture): no colour
    ({"FORCE_COLOR": "1"}, "auto", "-", True),                  # CI logs want colour
    ({"FORCE_COLOR": "0"}, "auto", "-", True),                  # any non-empty value forces it
    ({"FORCE_COLOR": ""}, "auto", "-", False),                  # empty means unset
    ({"NO_COLOR": "1"}, "auto", "-", False),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", "-", False),  # NO_COLOR wins, as in Python 3.13
    ({"NO_COLOR": ""}, "auto", "-", False),
    ({"FORCE_COLOR": "1"}, "auto", "report.txt", False),        # a file: only with --color always
    ({"NO_COLOR": "1"}, "always", "-", True),                   # the command line overrides both
    ({"FORCE_COLOR": "1"}, "never", "-", False),
])
def test_colour_choice(monkeypatch, environment, choice, output, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert colour_wanted(choice, output) is expected


def _run(*arguments, **environment):
    env = {key: value for key, value in __import__("os").environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "toc", *arguments], capture_output=True, text=True,
                          env={**env, **environment}).stdout


def test_check_and_diff_follow_force_color_and_no_color_in_a_pipe():
    assert ESC not in _run("check", FLAWED)
    assert ESC in _run("check", FLAWED, FORCE_COLOR="1")
    assert ESC not in _run("check", FLAWED, FORCE_COLOR="1", NO_COLOR="1")
    older = str(EXAMPLES / "history" / "sefton-draft.toc.yaml")
    newer = str(EXAMPLES / "sefton.toc.yaml")
    assert ESC in _run("diff", older, newer, FORCE_COLOR="yes")
    assert ESC not in _run("diff", older, newer)
