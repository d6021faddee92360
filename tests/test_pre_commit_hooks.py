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
