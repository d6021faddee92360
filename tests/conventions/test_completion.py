"""`toc completion bash|zsh|fish`: scripts that complete commands, options, choices and files."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from toc.cli import main
from toc.commands import COMMAND_NAMES
from toc.commands.completion import completion_script


def _bash_complete(script_path, line: str) -> list[str]:
    """What bash offers for ``line`` (the cursor at its end), running the real script."""
    words = line.split(" ")
    program = (f"source {script_path}\n"
               f"COMP_WORDS=({' '.join(repr(word) for word in words)})\n"
               f"COMP_CWORD={len(words) - 1}\nCOMP_LINE={line!r}\nCOMP_POINT=${{#COMP_LINE}}\n"
               "_shtab_toc\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=script_path.parent)
    assert result.returncode == 0, result.stderr
    return sorted(filter(None, result.stdout.splitlines()))


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_choices_and_files(tmp_path, capsys):
    script = tmp_path / "toc.bash"
    assert main(["completion", "bash", "-o", str(script)]) == 0
    assert capsys.readouterr().err == f"wrote {script}\n"
    (tmp_path / "area.toc.yaml").write_text("toc: 1\n")
    assert _bash_complete(script, "toc ch") == ["check"]
    assert _bash_complete(script, "toc co") == ["compare", "completion"]
    assert _bash_complete(script, "toc check --format ") == ["github", "json", "sarif", "text"]
    assert _bash_complete(script, "toc check --stdin") == ["--stdin-filename"]
    assert _bash_complete(script, "toc check ar") == ["area.toc.yaml"]
    assert _bash_complete(script, "toc render area.toc.yaml --hide ") == sorted(
        ["cause", "need", "input", "activity", "output", "outcome", "impact"])
    assert _bash_complete(script, "toc completion ") == ["bash", "fish", "zsh"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_command_and_its_options_are_in_each_script(shell):
    script = completion_script(shell)
    for name in COMMAND_NAMES:
        assert name in script, name
    for option in ("--stdin-filename", "--quiet", "--min-severity", "--exit-code"):
        assert (f"-l {option[2:]}" if shell == "fish" else option) in script, option
    if shutil.which(shell):  # the shell itself reads it without a syntax error
        check = subprocess.run([shell, "-n"], input=script, capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_an_unknown_shell_is_a_usage_error(capsys):
    assert main(["completion", "tcsh"]) == 2
    assert "invalid choice: 'tcsh'" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_choices_and_files(tmp_path):
    script = tmp_path / "toc.fish"
    script.write_text(completion_script("fish"))
    (tmp_path / "area.toc.yaml").write_text("toc: 1\n")

    def offered(line: str) -> list[str]:
        result = subprocess.run(["fish", "-c", f"source {script}; complete -C {line!r}"], capture_output=True,
                                text=True, cwd=tmp_path)
        return sorted(entry.split("\t")[0] for entry in result.stdout.splitlines())

    assert offered("toc ch") == ["check"]
    assert offered("toc check --format ") == ["github", "json", "sarif", "text"]
    assert offered("toc check ar") == ["area.toc.yaml"]
