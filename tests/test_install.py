"""A non-editable install works from any directory, with no source tree to lean on, and carries
the workshop page's template, style and script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A non-editable install of this tree into a folder of its own, the source tree gone."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", ".pytest_cache", "out"),
    )
    target = work / "site"
    # No network and no build isolation: dependencies come from the running environment.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True,
    )
    shutil.rmtree(source)  # nothing may depend on the source tree any more
    return target


def test_installed_package_runs_from_elsewhere(installed, tmp_path):
    target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    model = elsewhere / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import toc, toc.renderers, toc.models; print(toc.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert where.stdout.startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "toc", "check", "m.toc.yaml"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "TOC202 dead-end" in result.stdout
    assert (target / "bin" / "toc").exists()
    # Shipped data in models/ subdirectories (frameworks, templates) is installed too.
    frameworks = subprocess.run([sys.executable, "-m", "toc", "frameworks"], cwd=elsewhere, env=env,
                                capture_output=True, text=True)
    assert frameworks.returncode == 0 and "eif-rpc" in frameworks.stdout, frameworks.stderr
    started = subprocess.run([sys.executable, "-m", "toc", "init", "-t", "rpc-local-area", "area.toc.yaml"],
                             cwd=elsewhere, env=env, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    checked = subprocess.run([sys.executable, "-m", "toc", "check", "--strict", "area.toc.yaml"], cwd=elsewhere,
                             env=env, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_installed_package_ships_the_page_assets(installed, tmp_path):
    probe = ("from toc.renderers.html.page import _asset; "
             "print(*(len(_asset(name)) > 100 for name in ('page.html', 'page.css', 'page.js')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(installed)})
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_only_toc_is_installed_as_an_import_package(installed):
    top_level = sorted(path.name for path in installed.iterdir() if not path.name.endswith(".dist-info"))
    assert top_level == ["bin", "toc"]
    assert [path.name for path in installed.glob("*.dist-info")][0].startswith("theory_of_change-")


def test_works_beside_unrelated_renderers_and_models_packages(installed, tmp_path):
    # Other distributions own the top-level names `renderers` and `models` (one is on the
    # package index); toc must neither import them nor be broken by them.
    beside = tmp_path / "site"
    shutil.copytree(installed, beside)
    for name in ("renderers", "models"):
        (beside / name).mkdir()
        (beside / name / "__init__.py").write_text("raise ImportError('an unrelated package')\n")
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n")
    env = {**os.environ, "PYTHONPATH": str(beside)}
    for arguments in (["render", "m.toc.yaml", "-o", "m.md"], ["init", "-t", "blank", "new.toc.yaml"],
                      ["check", "new.toc.yaml"]):
        result = subprocess.run([sys.executable, "-m", "toc", *arguments], cwd=tmp_path, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, (arguments, result.stderr)
    assert (tmp_path / "m.md").read_text().startswith("# ")


def test_the_first_hint_in_help_works_after_install(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    help_text = subprocess.run([sys.executable, "-m", "toc", "--help"], cwd=tmp_path, env=env,
                               capture_output=True, text=True, check=True).stdout
    hint = re.search(r"Start with[^`]*`([^`]*)`", help_text).group(1)
    for command in hint.split(" && "):
        words = command.split()
        assert words[0] == "toc"
        result = subprocess.run([sys.executable, "-m", "toc", *words[1:]], cwd=tmp_path, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, (command, result.stderr)


def test_every_package_of_the_source_is_installed(installed):
    """pyproject.toml lists the packages by hand: a new one (toc/capture, toc/editing) left off the
    list would work from the source tree and be missing from every install."""
    folders = {"toc": ROOT / "toc", "toc.renderers": ROOT / "renderers"}
    for package, folder in folders.items():
        for init in folder.rglob("__init__.py"):
            relative = init.parent.relative_to(folder)
            installed_folder = installed.joinpath(*package.split("."), *relative.parts)
            assert (installed_folder / "__init__.py").exists(), f"{package}.{'.'.join(relative.parts)} not installed"


def test_import_and_export_work_after_install(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    (tmp_path / "notes.csv").write_text("text,stage,leads to\nTraining,Activities,Trained\nTrained,Outputs,\n")
    drafted = subprocess.run([sys.executable, "-m", "toc", "import", "notes.csv", "-o", "m.toc.yaml"],
                             cwd=tmp_path, env=env, capture_output=True, text=True)
    assert drafted.returncode == 0, drafted.stderr
    exported = subprocess.run([sys.executable, "-m", "toc", "export", "m.toc.yaml", "-o", "m.xlsx"],
                              cwd=tmp_path, env=env, capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr
    back = subprocess.run([sys.executable, "-m", "toc", "import", "m.xlsx", "--into", "m.toc.yaml"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert back.returncode == 0 and "no changes" in back.stderr, back.stderr
