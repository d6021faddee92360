"""Directory search: *.toc.yaml and *.toc.yml, .gitignore respected, empty folders a warning."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from toc.cli import main
from toc.paths import model_files

MODEL = "toc: 1\ntitle: T\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_repository(folder):
    subprocess.run(["git", "init", "-q", str(folder)], check=True)


def test_both_suffixes_are_found_and_config_files_are_not_models(tmp_path):
    (tmp_path / "a.toc.yaml").write_text(MODEL)
    (tmp_path / "b.toc.yml").write_text(MODEL)
    (tmp_path / ".toc.yaml").write_text("ignore: [TOC303]\n")  # project configuration, not a model
    (tmp_path / "notes.yaml").write_text("x: 1\n")
    assert [p.rsplit("/", 1)[1] for p in model_files([str(tmp_path)])] == ["a.toc.yaml", "b.toc.yml"]


@needs_git
def test_git_ignored_models_are_not_searched(tmp_path):
    _git_repository(tmp_path)
    (tmp_path / ".gitignore").write_text("build/\nscratch-*.toc.yaml\n")
    for name in ("build/old.toc.yaml", "models/area.toc.yaml", "models/scratch-1.toc.yaml", "top.toc.yml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(MODEL)
    found = model_files([str(tmp_path)])
    assert found == [str(tmp_path / "models" / "area.toc.yaml"), str(tmp_path / "top.toc.yml")]
    # From a sub-folder too, where .gitignore is in a parent.
    assert model_files([str(tmp_path / "models")]) == [str(tmp_path / "models" / "area.toc.yaml")]
    # A folder named on the command line is searched even if ignored; a file named is always used.
    assert model_files([str(tmp_path / "build")]) == [str(tmp_path / "build" / "old.toc.yaml")]
    assert model_files([str(tmp_path / "models" / "scratch-1.toc.yaml")]) == [
        str(tmp_path / "models" / "scratch-1.toc.yaml")]


@needs_git
def test_git_info_exclude_counts_too(tmp_path):
    _git_repository(tmp_path)
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private.toc.yaml\n")
    (tmp_path / "private.toc.yaml").write_text(MODEL)
    (tmp_path / "shared.toc.yaml").write_text(MODEL)
    assert model_files([str(tmp_path)]) == [str(tmp_path / "shared.toc.yaml")]


def test_outside_a_repository_gitignore_means_nothing(tmp_path):
    (tmp_path / ".gitignore").write_text("*.toc.yaml\n")
    (tmp_path / "a.toc.yaml").write_text(MODEL)
    assert model_files([str(tmp_path)]) == [str(tmp_path / "a.toc.yaml")]


def test_an_empty_directory_is_a_warning_and_exit_0(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (f"toc: warning: {tmp_path}: no *.toc.yaml or *.toc.yml files in this directory "
                            "(git-ignored ones are not searched); nothing to do\n")
    assert captured.out == "0 errors, 0 warnings, 0 info in 0 files\n"
    assert main(["check", "-q", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    assert main(["fmt", "--check", str(tmp_path)]) == 0
    assert "nothing to do" in capsys.readouterr().err


def test_an_empty_directory_beside_a_model_still_checks_the_model(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.toc.yml").write_text(MODEL.replace("leads_to: [b]", "leads_to: [c]"))
    assert main(["check", str(tmp_path / "empty"), str(tmp_path / "a.toc.yml")]) == 1
    assert "TOC101" in capsys.readouterr().out
