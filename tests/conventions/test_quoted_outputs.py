"""What the README and docs quote as toc's output is what toc prints.

Every ```text block in README.md and docs/*.md that starts with `$ toc ...` is run from the
repository's root. Its quoted lines must appear in the real output in the same order (a line
`...` stands for any lines left out); the closing summary line ("9 errors, ... in 1 file"),
when quoted, must be the real last line. A block without `...` must be the whole output.
A count that drifts as rules change fails here, with the line to paste.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT

SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?, \d+ info in \d+ files?$")


def quoted_runs() -> list[tuple[str, int, str, list[str]]]:
    """(document, line, command, quoted output lines) of each block that shows a run."""
    runs = []
    for document in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        lines = document.read_text(encoding="utf-8").splitlines()
        index = 0
        while index < len(lines):
            if lines[index].strip() in ("```text", "```console") and index + 1 < len(lines) \
                    and lines[index + 1].startswith("$ toc "):
                end = next(at for at in range(index + 1, len(lines)) if lines[at].strip() == "```")
                runs.append((document.name, index + 2, lines[index + 1][2:], lines[index + 2:end]))
                index = end
            index += 1
    return runs


def test_the_readme_quotes_a_run():
    assert any(document == "README.md" for document, *_ in quoted_runs())


@pytest.mark.parametrize("document, line, command, quoted", quoted_runs(),
                         ids=[f"{run[0]}:{run[1]}" for run in quoted_runs()])
def test_quoted_output_matches_a_real_run(document, line, command, quoted):
    arguments = shlex.split(command)
    assert arguments[0] == "toc"
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "TOC_DEBUG")}
    result = subprocess.run([sys.executable, "-m", "toc", *arguments[1:]], cwd=ROOT, capture_output=True,
                            text=True, env={**env, "NO_COLOR": "1"})
    real = (result.stdout + result.stderr).splitlines()
    where = f"{document}:{line}: `{command}`"
    if "..." not in quoted:
        assert quoted == real, f"{where} prints:\n" + "\n".join(real)
        return
    position = 0
    for text in quoted:
        if text == "...":
            continue
        try:
            position = real.index(text, position) + 1
        except ValueError:
            pytest.fail(f"{where}: the quoted line\n  {text}\nis not in the real output (in this order):\n"
                        + "\n".join(real))
    summaries = [text for text in quoted if SUMMARY.match(text)]
    if summaries:
        assert summaries[-1] == real[-1], f"{where}: the summary is now\n  {real[-1]}"
