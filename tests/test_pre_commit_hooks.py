"""The pre-commit hook definitions run real toc commands on model files."""

import shlex

import yaml

from conftest import ROOT
from toc.cli import build_parser


def test_hooks_name_real_commands_and_match_models():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"] for hook in hooks} == {"toc-check", "toc-fmt-check", "toc-fmt"}
    for hook in hooks:
        program, *arguments = shlex.split(hook["entry"])
        assert program == "toc"
        # pre-commit appends the file names; the parser must accept the entry plus a file.
        args = build_parser().parse_args([*arguments, "model.toc.yaml"])
        assert args.command in ("check", "fmt")
        assert hook["files"] == r"\.toc\.ya?ml$"
        # One run with every file, so the summary line is the commit's, not one per batch.
        assert hook["require_serial"] is True


def test_the_files_the_hooks_match_are_the_files_a_directory_search_finds(tmp_path):
    """The hooks match *.toc.yaml and *.toc.yml; `toc check DIR` finds the same names."""
    import re

    from toc.paths import model_files

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    names = ["a.toc.yaml", "b.toc.yml", "c.yaml", "d.toc.json", ".toc.yaml"]
    for name in names:
        (tmp_path / name).write_text("toc: 1\n")
    found = {path.rsplit("/", 1)[1] for path in model_files([str(tmp_path)])}
    for hook in hooks:
        assert {name for name in names
                if re.search(hook["files"], name) and not re.search(hook["exclude"], name)} == found
